import { useEffect, useId, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { get, list } from '../api/client';
import type { Named, Order, Project, ServiceProvider } from '../api/types';
import { dash, formatDateTime, Spinner } from '../components/Format';
import { OrderStateBadge } from '../components/StateBadge';
import {
  DEFAULT_FILTERS,
  filtersFromSearch,
  filtersToApiQuery,
  filtersToSearch,
  hasActiveFilters,
  PAGE_SIZES,
  toggleOrdering,
  type OrderFilters,
} from '../logic/filters';
import { ActionsMenu } from '../components/ActionsMenu';
import { useActions } from '../components/useActions';
import { availableSpecs, ORDER_ACTIONS } from '../logic/actions';
import { ORDER_STATES, ORDER_TYPES, orderStateLabel } from '../logic/states';
import { OrderSummaryRows } from './OrderDetailsPage';
import { useFetch } from '../useFetch';

interface Choices {
  offerings: Named[];
  organizations: Named[];
  projects: Project[];
  providers: ServiceProvider[];
}

const ALL = '?page_size=100';

function useChoices(): Choices {
  const [choices, setChoices] = useState<Choices>({ offerings: [], organizations: [], projects: [], providers: [] });
  useEffect(() => {
    Promise.all([
      get<Named[]>(`/api/marketplace-public-offerings/${ALL}`).catch(() => []),
      get<Named[]>(`/api/customers/${ALL}`).catch(() => []),
      get<Project[]>(`/api/projects/${ALL}`).catch(() => []),
      get<ServiceProvider[]>(`/api/marketplace-service-providers/${ALL}`).catch(() => []),
    ]).then(([offerings, organizations, projects, providers]) =>
      setChoices({ offerings, organizations, projects, providers }),
    );
  }, []);
  return choices;
}

function orderName(order: Order): string {
  const name = order.attributes?.name;
  return (typeof name === 'string' && name) || order.resource_name || order.uuid;
}

function person(fullName: string | null, username: string | null): string {
  return fullName || username || '—';
}

function SortHeader({ label, field, filters, onSort }: { label: string; field: string; filters: OrderFilters; onSort(o: string): void }) {
  const direction = filters.ordering === field ? 'ascending' : filters.ordering === `-${field}` ? 'descending' : 'none';
  return (
    <th aria-sort={direction}>
      <button type="button" className="sort" onClick={() => onSort(toggleOrdering(filters.ordering, field))}>
        {label}
        <span aria-hidden="true">{direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ↕'}</span>
      </button>
    </th>
  );
}

function Select({ label, value, onChange, options, placeholder }: {
  label: string;
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
  placeholder: string;
}) {
  // A label tied by id, so the select's accessible name is exactly the label.
  const id = useId();
  return (
    <div className="field filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const ROW_ACTIONS = new Set(['approve_by_provider', 'reject_by_provider', 'unlink']);

// The row's "⋮" menu: the provider's Approve / Decline (and staff Unlink) of pending-provider rows.
function RowActions({ order, after }: { order: Order; after(): void }) {
  const specs =
    order.state === 'pending-provider'
      ? availableSpecs(ORDER_ACTIONS, order.available_actions).filter((spec) => ROW_ACTIONS.has(spec.name))
      : [];
  const { groups, dialog, busy } = useActions(order.uuid, specs, after, <OrderSummaryRows order={order} />);
  return (
    <>
      <ActionsMenu groups={groups} busy={busy} rowLabel={`Actions for ${orderName(order)}`} />
      {dialog}
    </>
  );
}

// Provider dashboard → Orders (ui.md §2.1), and the consumer's "My orders" with the same table.
export function OrdersPage({ title, mine = false }: { title: string; mine?: boolean }) {
  const location = useLocation();
  const navigate = useNavigate();
  const filters = filtersFromSearch(location.search);
  const choices = useChoices();
  const [query, setQuery] = useState(filters.query);
  const apiQuery = filtersToApiQuery(filters);
  const { data, error, loading, reload } = useFetch(() => list<Order>(`/api/marketplace-orders/?${apiQuery}`), [apiQuery]);

  useEffect(() => {
    document.title = `${title} | orderly`;
  }, [title]);
  // The search box follows the URL when it changes from outside (back button, nav link).
  useEffect(() => setQuery(filters.query), [filters.query]);

  const update = (change: Partial<OrderFilters>) => {
    const next = { ...filters, page: 1, ...change };
    const search = filtersToSearch(next);
    navigate({ pathname: location.pathname, search: search ? `?${search}` : '' });
  };
  const clear = () => {
    setQuery('');
    navigate({ pathname: location.pathname, search: '' });
  };

  const count = data?.count ?? 0;
  const pages = Math.max(1, Math.ceil(count / filters.pageSize));
  const first = count === 0 ? 0 : (filters.page - 1) * filters.pageSize + 1;
  const last = Math.min(count, filters.page * filters.pageSize);
  const nameOf = (items: Named[], uuid: string) => items.find((item) => item.uuid === uuid)?.name ?? uuid;

  const badges: { key: keyof OrderFilters; label: string }[] = [];
  if (filters.offering) badges.push({ key: 'offering', label: `Offering: ${nameOf(choices.offerings, filters.offering)}` });
  if (filters.organization) badges.push({ key: 'organization', label: `Organization: ${nameOf(choices.organizations, filters.organization)}` });
  if (filters.project) badges.push({ key: 'project', label: `Project: ${nameOf(choices.projects, filters.project)}` });
  if (filters.provider) {
    const provider = choices.providers.find((item) => item.customer_uuid === filters.provider);
    badges.push({ key: 'provider', label: `Service provider: ${provider?.customer_name ?? filters.provider}` });
  }
  if (filters.state) badges.push({ key: 'state', label: `State: ${orderStateLabel(filters.state)}` });
  if (filters.type) badges.push({ key: 'type', label: `Type: ${filters.type}` });
  if (filters.query) badges.push({ key: 'query', label: `Search: ${filters.query}` });

  return (
    <section aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{title}</h1>
        {mine && (
          <Link className="btn btn-primary" to="/orders/new">
            New order
          </Link>
        )}
      </div>
      <form
        className="filters"
        role="search"
        aria-label="Order filters"
        onSubmit={(event) => {
          event.preventDefault();
          update({ query });
        }}
      >
        <label className="field filter filter-wide">
          <span>Search</span>
          <input type="search" value={query} placeholder="Name, project, resource or UUID" onChange={(e) => setQuery(e.target.value)} />
        </label>
        <Select
          label="Offering"
          value={filters.offering}
          placeholder="All offerings"
          onChange={(offering) => update({ offering })}
          options={choices.offerings.map((item) => ({ value: item.uuid, label: item.name }))}
        />
        <Select
          label="Organization"
          value={filters.organization}
          placeholder="All organizations"
          onChange={(organization) => update({ organization })}
          options={choices.organizations.map((item) => ({ value: item.uuid, label: item.name }))}
        />
        <Select
          label="Project"
          value={filters.project}
          placeholder="All projects"
          onChange={(project) => update({ project })}
          options={choices.projects.map((item) => ({ value: item.uuid, label: `${item.customer_name} / ${item.name}` }))}
        />
        {!mine && (
          <Select
            label="Service provider"
            value={filters.provider}
            placeholder="All providers"
            onChange={(provider) => update({ provider })}
            options={choices.providers.map((item) => ({ value: item.customer_uuid, label: item.customer_name }))}
          />
        )}
        <Select
          label="State"
          value={filters.state}
          placeholder="Select state..."
          onChange={(state) => update({ state })}
          options={ORDER_STATES.map((state) => ({ value: state, label: orderStateLabel(state) }))}
        />
        <Select
          label="Type"
          value={filters.type}
          placeholder="Select type..."
          onChange={(type) => update({ type })}
          options={ORDER_TYPES.filter((type) => type !== 'Restore').map((type) => ({ value: type, label: type }))}
        />
        <div className="filter-buttons">
          <button type="submit" className="btn btn-outline">
            Search
          </button>
          <button type="button" className="btn btn-outline" onClick={() => void reload()} aria-label="Refresh">
            <span className={loading ? 'spin' : ''} aria-hidden="true">
              ⟳
            </span>{' '}
            Refresh
          </button>
        </div>
      </form>
      {badges.length > 0 && (
        <ul className="filter-badges" aria-label="Active filters">
          {badges.map((badge) => (
            <li key={badge.key}>
              <span>{badge.label}</span>
              <button
                type="button"
                aria-label={`Remove filter ${badge.label}`}
                onClick={() => {
                  if (badge.key === 'query') setQuery('');
                  update({ [badge.key]: DEFAULT_FILTERS[badge.key] });
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div className="alert alert-danger" role="alert">
          Unable to load orders. {error}
        </div>
      )}
      <div className="table-wrap" aria-busy={loading}>
        <table className="orders-table" data-testid="orders-table">
          <thead>
            <tr>
              <th>Name</th>
              <SortHeader label="Created at" field="created" filters={filters} onSort={(ordering) => update({ ordering, page: filters.page })} />
              <th>Created by</th>
              <SortHeader label="State" field="state" filters={filters} onSort={(ordering) => update({ ordering, page: filters.page })} />
              <th>Type</th>
              <th>{mine ? 'Offering' : 'Project'}</th>
              <th>{mine ? 'Project' : 'Client organization'}</th>
              <SortHeader
                label="Approved at"
                field="consumer_reviewed_at"
                filters={filters}
                onSort={(ordering) => update({ ordering, page: filters.page })}
              />
              <th>Approved by</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data === null && loading && (
              <tr>
                <td colSpan={10}>
                  <Spinner label="Loading orders…" />
                </td>
              </tr>
            )}
            {data?.items.map((order) => (
              <tr key={order.uuid}>
                <td data-label="Name">
                  <Link to={`/marketplace-order-details/${order.uuid}/`}>{orderName(order)}</Link>
                </td>
                <td data-label="Created at">{formatDateTime(order.created)}</td>
                <td data-label="Created by">{person(order.created_by_full_name, order.created_by_username)}</td>
                <td data-label="State">
                  <button type="button" className="inline-filter" title="Filter by this state" onClick={() => update({ state: order.state })}>
                    <OrderStateBadge state={order.state} />
                  </button>
                </td>
                <td data-label="Type">{dash(order.type)}</td>
                <td data-label={mine ? 'Offering' : 'Project'}>{mine ? order.offering_name : order.project_name}</td>
                <td data-label={mine ? 'Project' : 'Client organization'}>{mine ? order.project_name : order.customer_name}</td>
                <td data-label="Approved at">{formatDateTime(order.consumer_reviewed_at)}</td>
                <td data-label="Approved by">{person(order.consumer_reviewed_by_full_name, order.consumer_reviewed_by_username)}</td>
                <td>
                  <RowActions order={order} after={() => void reload()} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data !== null && data.items.length === 0 && (
        <div className="empty" data-testid="empty-state">
          <h2>{hasActiveFilters(filters) ? 'No orders found matching current filters' : 'No orders found'}</h2>
          <p>{hasActiveFilters(filters) ? 'Try different keywords or check the filters.' : 'There are no orders yet.'}</p>
          {hasActiveFilters(filters) ? (
            <button type="button" className="btn btn-outline" onClick={clear}>
              {filters.query ? 'Clear search' : 'Clear filters'}
            </button>
          ) : (
            <button type="button" className="btn btn-outline" onClick={() => void reload()}>
              Search again
            </button>
          )}
        </div>
      )}
      {data !== null && count > 0 && (
        <nav className="pager" aria-label="Pagination">
          <span data-testid="result-range">
            {first}–{last} of {count}
          </span>
          {count > 5 && (
            <label className="field inline">
              <span>Rows per page</span>
              <select value={filters.pageSize} onChange={(e) => update({ pageSize: Number(e.target.value) })}>
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="btn btn-outline btn-small" disabled={filters.page <= 1} onClick={() => update({ page: filters.page - 1 })}>
            Previous
          </button>
          <span>
            Page {filters.page} of {pages}
          </span>
          <button type="button" className="btn btn-outline btn-small" disabled={filters.page >= pages} onClick={() => update({ page: filters.page + 1 })}>
            Next
          </button>
        </nav>
      )}
    </section>
  );
}
