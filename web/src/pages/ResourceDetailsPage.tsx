import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, get, list } from '../api/client';
import type { Order, Resource } from '../api/types';
import { ActionsMenu } from '../components/ActionsMenu';
import { dash, formatDateTime, Spinner } from '../components/Format';
import { OrderStateBadge, ResourceStateBadge } from '../components/StateBadge';
import { useActions } from '../components/useActions';
import { availableSpecs, ORDER_ACTIONS, resourceSpecs, type Side } from '../logic/actions';
import { orderInProgress, resourceInProgress } from '../logic/states';
import { useFetch } from '../useFetch';

// Consumers read /marketplace-resources/, providers may only see it as /marketplace-provider-resources/.
async function loadResource(uuid: string): Promise<{ resource: Resource; side: Side }> {
  try {
    return { resource: await get<Resource>(`/api/marketplace-resources/${uuid}/`), side: 'consumer' };
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) {
      return { resource: await get<Resource>(`/api/marketplace-provider-resources/${uuid}/`), side: 'provider' };
    }
    throw failure;
  }
}

interface ResourceView {
  resource: Resource;
  side: Side;
  orders: Order[];
}

// Staff's row actions in the "Resource orders" table (ui.md §2.6): remote cancel and unlink.
function OrderRowActions({ order, after }: { order: Order; after(): void }) {
  const specs = availableSpecs(ORDER_ACTIONS, order.available_actions).filter(
    (spec) => spec.name === 'cancel_termination' || spec.name === 'unlink',
  );
  const { groups, dialog, busy } = useActions(order.uuid, specs, after);
  return (
    <>
      <ActionsMenu groups={groups} busy={busy} rowLabel={`Actions for order ${order.uuid.slice(0, 8)}`} />
      {dialog}
    </>
  );
}

export function ResourceDetailsPage() {
  const { uuid = '' } = useParams();
  const navigate = useNavigate();
  const { data, error, reload, polling } = useFetch<ResourceView>(
    async () => {
      const [{ resource, side }, orders] = await Promise.all([
        loadResource(uuid),
        list<Order>(`/api/marketplace-orders/?resource_uuid=${uuid}&o=-created&page_size=50`),
      ]);
      return { resource, side, orders: orders.items };
    },
    [uuid],
    (view) =>
      resourceInProgress(view.resource.state) ||
      Boolean(view.resource.order_in_progress) ||
      view.orders.some((order) => orderInProgress(order.state) && order.state === 'executing'),
  );
  const resource = data?.resource;
  const specs = resource ? resourceSpecs(resource) : [];
  const { groups, dialog, busy } = useActions(
    uuid,
    specs,
    (spec) => (spec.name === 'unlink' ? navigate('/my-resources') : void reload()),
    undefined,
    data?.side,
  );

  useEffect(() => {
    document.title = 'Resource details | orderly';
  }, []);

  if (error && !data) {
    return (
      <h1 className="centered" role="alert">
        Unable to load resource details.
      </h1>
    );
  }
  if (!data || !resource) return <Spinner />;

  return (
    <section aria-labelledby="resource-title">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/my-resources">Resources</Link> › <span>{resource.customer_name}</span> › <span>{resource.project_name}</span> ›{' '}
        <span>{resource.name}</span>
      </nav>
      {resource.state === 'Terminated' && <div className="alert alert-warning">Resource is TERMINATED</div>}
      <div className="hero">
        <div>
          <h1 id="resource-title">
            {resource.name} <ResourceStateBadge state={resource.state} />
          </h1>
          <p className="muted">
            {resource.offering_name} ({resource.offering_type}) · {resource.project_name} · {resource.customer_name}
            {polling && <span className="live"> · updating live</span>}
          </p>
        </div>
        <div className="hero-actions">
          <button type="button" className="btn btn-outline" onClick={() => void reload()}>
            Refresh
          </button>
          <ActionsMenu groups={groups} busy={busy} />
        </div>
      </div>
      <dl className="dl">
        <div className="dl-row">
          <dt>State</dt>
          <dd data-testid="resource-state">{resource.state}</dd>
        </div>
        <div className="dl-row">
          <dt>Plan</dt>
          <dd>{dash(resource.plan_name)}</dd>
        </div>
        <div className="dl-row">
          <dt>Service provider</dt>
          <dd>{resource.provider_name}</dd>
        </div>
        <div className="dl-row">
          <dt>Created at</dt>
          <dd>{formatDateTime(resource.created)}</dd>
        </div>
        <div className="dl-row">
          <dt>Limits</dt>
          <dd>
            {Object.entries(resource.limits ?? {})
              .map(([key, value]) => `${key}: ${value}`)
              .join(', ') || '—'}
          </dd>
        </div>
        {resource.error_message && (
          <div className="dl-row">
            <dt>Error message</dt>
            <dd>
              <pre className="pre">{resource.error_message}</pre>
            </dd>
          </div>
        )}
      </dl>
      <h2>Resource orders</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>ID</th>
              <th>Type</th>
              <th>Created at</th>
              <th>State</th>
              <th>Error message</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.orders.map((order) => (
              <tr key={order.uuid}>
                <td data-label="ID">
                  <Link to={`/marketplace-order-details/${order.uuid}/`}>
                    <code>{order.uuid.slice(0, 8)}</code>
                  </Link>
                </td>
                <td data-label="Type">{order.type}</td>
                <td data-label="Created at">{formatDateTime(order.created)}</td>
                <td data-label="State">
                  <OrderStateBadge state={order.state} />
                </td>
                <td data-label="Error message">{dash(order.error_message)}</td>
                <td>
                  <OrderRowActions order={order} after={() => void reload()} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dialog}
    </section>
  );
}
