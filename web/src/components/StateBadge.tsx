import { orderStateLabel, orderStateVariant, resourceStateVariant } from '../logic/states';

// Pill-shaped outlined badge with a leading bullet dot (ui.md §1).
export function OrderStateBadge({ state }: { state: string }) {
  return (
    <span className={`badge badge-${orderStateVariant(state)}`} data-state={state}>
      <span className="badge-dot" aria-hidden="true" />
      {orderStateLabel(state)}
    </span>
  );
}

export function ResourceStateBadge({ state }: { state: string }) {
  return (
    <span className={`badge badge-${resourceStateVariant(state)}`} data-state={state}>
      <span className="badge-dot" aria-hidden="true" />
      {state}
    </span>
  );
}
