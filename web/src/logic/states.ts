// Labels and badge colours of ui.md §1: only four colours; every state not named below is amber.

export type BadgeVariant = 'warning' | 'primary' | 'success' | 'danger' | 'secondary';

export const ORDER_STATES = [
  'pending-consumer',
  'pending-provider',
  'pending-project',
  'pending-start-date',
  'executing',
  'done',
  'erred',
  'canceled',
  'rejected',
] as const;

const ORDER_STATE_LABELS: Record<string, string> = {
  'pending-consumer': 'Pending consumer approval',
  executing: 'Executing',
  done: 'Done',
  erred: 'Erred',
  canceled: 'Canceled',
  rejected: 'Rejected',
  'pending-provider': 'Pending provider approval',
  'pending-project': 'Pending project start',
  'pending-start-date': 'Pending start date',
};

const ORDER_STATE_VARIANTS: Record<string, BadgeVariant> = {
  erred: 'danger',
  executing: 'primary',
  done: 'success',
};

export function orderStateLabel(state: string): string {
  return ORDER_STATE_LABELS[state] ?? 'Unknown state';
}

export function orderStateVariant(state: string): BadgeVariant {
  return ORDER_STATE_VARIANTS[state] ?? 'warning';
}

const TERMINAL_ORDER_STATES = new Set(['done', 'erred', 'canceled', 'rejected']);

// An order still moving on its own (or waiting for someone) is worth polling.
export function orderInProgress(state: string): boolean {
  return !TERMINAL_ORDER_STATES.has(state);
}

export const ORDER_TYPES = ['Create', 'Update', 'Terminate', 'Restore'] as const;

export const RESOURCE_STATES = ['Creating', 'OK', 'Erred', 'Updating', 'Terminating', 'Terminated'] as const;

const RESOURCE_STATE_VARIANTS: Record<string, BadgeVariant> = {
  OK: 'success',
  Erred: 'danger',
  Terminated: 'secondary',
  Creating: 'primary',
  Updating: 'primary',
  Terminating: 'primary',
};

export function resourceStateVariant(state: string): BadgeVariant {
  return RESOURCE_STATE_VARIANTS[state] ?? 'warning';
}

export function resourceInProgress(state: string): boolean {
  return state === 'Creating' || state === 'Updating' || state === 'Terminating';
}

// The descriptive order-type label of ui.md §1 (header and summary).
export function orderTypeDescription(order: {
  type: string;
  attributes?: Record<string, unknown> | null;
  old_plan_uuid?: string | null;
}): string {
  switch (order.type) {
    case 'Create':
      return 'Provision new resource';
    case 'Terminate':
      return 'Terminate an existing resource';
    case 'Restore':
      return 'Restore a terminated resource';
    case 'Update':
      if (order.attributes?.action === 'renew') return 'Renew prepaid resource';
      if (order.attributes && 'old_limits' in order.attributes) return 'Update resource limits';
      if (order.attributes && 'new_options' in order.attributes) return 'Update resource options';
      return 'Switch resource plan';
    default:
      return order.type || '—';
  }
}
