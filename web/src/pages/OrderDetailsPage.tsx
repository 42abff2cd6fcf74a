import { useEffect } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { get, list } from '../api/client';
import type { EventRecord, Order } from '../api/types';
import { ActionsMenu } from '../components/ActionsMenu';
import { dash, formatDateTime, Spinner } from '../components/Format';
import { OrderStateBadge } from '../components/StateBadge';
import { useActions } from '../components/useActions';
import { availableSpecs, ORDER_ACTIONS } from '../logic/actions';
import { orderInProgress, orderTypeDescription } from '../logic/states';
import { useFetch } from '../useFetch';

function person(fullName: string | null, username: string | null): string {
  return fullName ? `${fullName} (${username})` : dash(username);
}

function orderTitle(order: Order): string {
  const name = order.attributes?.name;
  return (typeof name === 'string' && name) || order.resource_name || '—';
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function OrderSummaryRows({ order }: { order: Order }) {
  return (
    <dl className="dl compact">
      <Row label="Resource">{dash(order.resource_name)}</Row>
      <Row label="Project">{order.project_name}</Row>
      <Row label="Client organization">{order.customer_name}</Row>
      <Row label="Offering">{order.offering_name}</Row>
      <Row label="Type">{order.type}</Row>
    </dl>
  );
}

function Summary({ order }: { order: Order }) {
  const attributes = Object.entries(order.attributes ?? {});
  const limits = Object.entries(order.limits ?? {});
  return (
    <div className="grid-2">
      <dl className="dl">
        <Row label="Type">{orderTypeDescription(order)}</Row>
        <Row label="State">
          <OrderStateBadge state={order.state} />
        </Row>
        <Row label="Offering">
          {order.offering_name} <span className="muted">({order.offering_type})</span>
        </Row>
        <Row label="Service provider">{order.provider_name}</Row>
        <Row label="Organization">{order.customer_name}</Row>
        <Row label="Project">{order.project_name}</Row>
        <Row label="Plan">{dash(order.plan_name)}</Row>
        <Row label="Resource">
          {order.resource_uuid ? <Link to={`/resources/${order.resource_uuid}/`}>{order.resource_name}</Link> : '—'}
        </Row>
        <Row label="Created by">{person(order.created_by_full_name, order.created_by_username)}</Row>
        <Row label="Created at">{formatDateTime(order.created)}</Row>
        <Row label="Reviewed by consumer">
          {person(order.consumer_reviewed_by_full_name, order.consumer_reviewed_by_username)}
          {order.consumer_reviewed_at && ` · ${formatDateTime(order.consumer_reviewed_at)}`}
        </Row>
        <Row label="Reviewed by provider">
          {person(order.provider_reviewed_by_full_name, order.provider_reviewed_by_username)}
          {order.provider_reviewed_at && ` · ${formatDateTime(order.provider_reviewed_at)}`}
        </Row>
        <Row label="Start date">{dash(order.start_date)}</Row>
        <Row label="Completed at">{formatDateTime(order.completed_at)}</Row>
        <Row label="Order UUID">
          <code>{order.uuid}</code>
        </Row>
      </dl>
      <div>
        <h3>User submitted fields</h3>
        {attributes.length === 0 ? (
          <p className="muted">No attributes.</p>
        ) : (
          <table className="kv">
            <tbody>
              {attributes.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">{key}</th>
                  <td>{typeof value === 'string' ? value : JSON.stringify(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>Limits</h3>
        {limits.length === 0 ? (
          <p className="muted">No limits found for this order</p>
        ) : (
          <table className="kv">
            <thead>
              <tr>
                <th>Name</th>
                <th>Limit</th>
              </tr>
            </thead>
            <tbody>
              {limits.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">{key}</th>
                  <td>{String(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

function ErrorDetails({ order }: { order: Order }) {
  return (
    <div className="card" data-testid="error-details">
      <h3>Error details</h3>
      <h4>Error details</h4>
      <pre className="pre">{order.error_message}</pre>
      <h4>Error trace</h4>
      {order.error_traceback === undefined ? (
        <p className="muted">The detailed traceback is visible to support staff only; please contact support.</p>
      ) : (
        <pre className="pre pre-scroll">{order.error_traceback || 'No traceback recorded for this order.'}</pre>
      )}
    </div>
  );
}

function RejectionDetails({ order }: { order: Order }) {
  return (
    <div className="card">
      {order.consumer_rejection_comment && (
        <>
          <h4>Consumer rejection reason</h4>
          <pre className="pre">{order.consumer_rejection_comment}</pre>
        </>
      )}
      {order.provider_rejection_comment && (
        <>
          <h4>Provider rejection reason</h4>
          <pre className="pre">{order.provider_rejection_comment}</pre>
        </>
      )}
    </div>
  );
}

// The event log keeps what a retry cleared from the order: errors stay readable here.
function History({ uuid, version }: { uuid: string; version: string }) {
  const { data, error } = useFetch(() => list<EventRecord>(`/api/events/?scope=${uuid}&page_size=100`), [uuid, version]);
  if (error) return <p role="alert">Unable to load history. {error}</p>;
  if (!data) return <Spinner />;
  if (data.items.length === 0) return <p className="muted">No events recorded for this order.</p>;
  return (
    <ol className="timeline" data-testid="history">
      {data.items.map((event) => (
        <li key={event.uuid}>
          <div className="timeline-head">
            <span className="muted">{formatDateTime(event.created)}</span> <code>{event.event_type}</code>
            {event.actor_username && <span className="muted"> by {event.actor_username}</span>}
          </div>
          <div>{event.message}</div>
          {typeof event.context?.error_message === 'string' && event.context.error_message && (
            <pre className="pre">{event.context.error_message}</pre>
          )}
          {typeof event.context?.error_traceback === 'string' && event.context.error_traceback && (
            <pre className="pre pre-scroll">{event.context.error_traceback}</pre>
          )}
        </li>
      ))}
    </ol>
  );
}

export function OrderDetailsPage() {
  const { uuid = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: order, error, reload, polling } = useFetch(
    () => get<Order>(`/api/marketplace-orders/${uuid}/`),
    [uuid],
    (current) => orderInProgress(current.state),
  );
  const specs = availableSpecs(ORDER_ACTIONS, order?.available_actions ?? []);
  const { groups, dialog, busy } = useActions(
    uuid,
    specs,
    (spec) => (spec.name === 'unlink' ? navigate('/orders') : void reload()),
    order ? <OrderSummaryRows order={order} /> : null,
  );

  useEffect(() => {
    document.title = 'Order details | orderly';
  }, []);

  if (error && !order) {
    return (
      <h1 className="centered" role="alert">
        Unable to load order details.
      </h1>
    );
  }
  if (!order) return <Spinner />;

  const tabs = [
    { key: 'summary', label: 'Summary', shown: true },
    { key: 'error-details', label: 'Error details', shown: Boolean(order.error_message) },
    {
      key: 'rejection-details',
      label: 'Rejection details',
      shown: Boolean(order.consumer_rejection_comment || order.provider_rejection_comment),
    },
    { key: 'history', label: 'History', shown: true },
  ].filter((tab) => tab.shown);
  const requested = params.get('tab') ?? 'summary';
  const tab = tabs.some((candidate) => candidate.key === requested) ? requested : 'summary';

  return (
    <section aria-labelledby="order-title">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/orders">Orders</Link> › <span>{order.customer_name}</span> › <span>{order.project_name}</span> ›{' '}
        <span>
          {orderTitle(order)} ({order.type})
        </span>
      </nav>
      <div className="hero">
        <div>
          <h1 id="order-title">
            {orderTitle(order)} <OrderStateBadge state={order.state} />
          </h1>
          <p className="muted">
            {orderTypeDescription(order)} · {order.offering_name} · {order.project_name}
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
      <div className="tabs" role="tablist" aria-label="Order details">
        {tabs.map((candidate) => (
          <button
            key={candidate.key}
            type="button"
            role="tab"
            id={`tab-${candidate.key}`}
            aria-selected={tab === candidate.key}
            aria-controls="tab-panel"
            className={tab === candidate.key ? 'tab active' : 'tab'}
            onClick={() => setParams({ tab: candidate.key }, { replace: true })}
          >
            {candidate.label}
          </button>
        ))}
      </div>
      <div id="tab-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'summary' && <Summary order={order} />}
        {tab === 'error-details' && <ErrorDetails order={order} />}
        {tab === 'rejection-details' && <RejectionDetails order={order} />}
        {tab === 'history' && <History uuid={order.uuid} version={order.modified + order.state} />}
      </div>
      {dialog}
    </section>
  );
}
