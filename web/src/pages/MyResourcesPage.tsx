import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { list } from '../api/client';
import type { Resource } from '../api/types';
import { formatDateTime, Spinner } from '../components/Format';
import { ResourceStateBadge } from '../components/StateBadge';
import { useActions } from '../components/useActions';
import { resourceSpecs } from '../logic/actions';
import { resourceInProgress } from '../logic/states';
import { useFetch } from '../useFetch';

function TerminateButton({ resource, after }: { resource: Resource; after(): void }) {
  const specs = resourceSpecs(resource).filter((spec) => spec.name === 'terminate');
  const { groups, dialog, busy } = useActions(resource.uuid, specs, after);
  const terminate = groups[0]?.items[0];
  if (!terminate) return null;
  return (
    <>
      <button type="button" className="btn btn-outline btn-small tone-danger" disabled={busy} onClick={terminate.run} aria-label={`Terminate ${resource.name}`}>
        Terminate
      </button>
      {dialog}
    </>
  );
}

export function MyResourcesPage() {
  const { data, error, loading, reload } = useFetch(
    () => list<Resource>('/api/marketplace-resources/?page_size=100&o=-created'),
    [],
    (result) => result.items.some((resource) => resourceInProgress(resource.state)),
    3000,
  );
  useEffect(() => {
    document.title = 'My resources | orderly';
  }, []);
  return (
    <section aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">My resources</h1>
        <button type="button" className="btn btn-outline" onClick={() => void reload()}>
          <span className={loading ? 'spin' : ''} aria-hidden="true">
            ⟳
          </span>{' '}
          Refresh
        </button>
      </div>
      {error && (
        <div className="alert alert-danger" role="alert">
          Unable to load resources. {error}
        </div>
      )}
      {!data ? (
        <Spinner label="Loading resources…" />
      ) : data.items.length === 0 ? (
        <div className="empty">
          <h2>No resources found</h2>
          <p>Resources appear here once an order creates them.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Offering</th>
                <th>Project</th>
                <th>State</th>
                <th>Created at</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((resource) => (
                <tr key={resource.uuid}>
                  <td data-label="Name">
                    <Link to={`/resources/${resource.uuid}/`}>{resource.name}</Link>
                  </td>
                  <td data-label="Offering">{resource.offering_name}</td>
                  <td data-label="Project">{resource.project_name}</td>
                  <td data-label="State">
                    <ResourceStateBadge state={resource.state} />
                  </td>
                  <td data-label="Created at">{formatDateTime(resource.created)}</td>
                  <td>
                    <TerminateButton resource={resource} after={() => void reload()} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
