// Every action the UI offers, as data: which `available_actions` name enables it, the request it
// sends, whether it asks first, and the toasts of ui.md §3/§4. The server decides *whether* an
// action exists (available_actions); this table only says *how* to present it.

export type Tone = 'danger' | 'warning' | 'primary';
// Which API path the page read the resource from: providers may only see the provider one.
export type Side = 'consumer' | 'provider';

export interface ConfirmSpec {
  title: string;
  body: string;
  input?: { label: string; field: string };
  yes?: string;
  no?: string;
  danger?: boolean;
  summary?: boolean; // repeat the order summary so a mis-click is caught
}

export interface ActionSpec {
  name: string; // as in available_actions
  label: string;
  group: 'order' | 'resource' | 'provider' | 'staff';
  tone?: Tone;
  staff?: boolean;
  path(uuid: string, side?: Side): string;
  body?: (input: string) => unknown;
  confirm?: ConfirmSpec;
  success: string;
  failure: string;
}

const orders = (action: string) => (uuid: string) => `/api/marketplace-orders/${uuid}/${action}/`;
const consumerResources = (action: string) => (uuid: string, side?: Side) =>
  side === 'provider' ? `/api/marketplace-provider-resources/${uuid}/${action}/` : `/api/marketplace-resources/${uuid}/${action}/`;
const providerResources = (action: string) => (uuid: string) => `/api/marketplace-provider-resources/${uuid}/${action}/`;

// In the dropdown's order (ui.md §3): Retry first.
export const ORDER_ACTIONS: ActionSpec[] = [
  {
    name: 'retry',
    label: 'Retry',
    group: 'order',
    tone: 'warning',
    path: orders('retry'),
    confirm: {
      title: 'Retry order',
      body:
        'The order and its resource go back to active processing: the error message and traceback will be ' +
        'cleared and the order resubmitted. Do you want to continue?',
    },
    success: 'Order has been submitted for retry.',
    failure: 'Unable to retry order.',
  },
  {
    name: 'approve_by_provider',
    label: 'Approve',
    group: 'order',
    tone: 'primary',
    path: orders('approve_by_provider'),
    confirm: { title: 'Approve order', body: 'Are you sure you want to approve this order?', yes: 'Approve', no: 'Cancel', summary: true },
    success: 'Order has been approved.',
    failure: 'Unable to approve order.',
  },
  {
    name: 'reject_by_provider',
    label: 'Decline',
    group: 'order',
    tone: 'danger',
    path: orders('reject_by_provider'),
    body: (input) => ({ provider_rejection_comment: input }),
    confirm: {
      title: 'Reject order',
      body: 'Are you sure you want to reject this order?',
      input: { label: 'Rejection reason (optional)', field: 'provider_rejection_comment' },
      yes: 'Reject',
      no: 'Cancel',
      danger: true,
      summary: true,
    },
    success: 'Order has been rejected.',
    failure: 'Unable to reject order.',
  },
  {
    name: 'set_state_done',
    label: 'Mark as done',
    group: 'order',
    tone: 'primary',
    path: orders('set_state_done'),
    success: 'Order has been marked as done.',
    failure: 'Unable to mark order as done.',
  },
  {
    name: 'set_state_erred',
    label: 'Mark as erred',
    group: 'order',
    tone: 'danger',
    path: orders('set_state_erred'),
    body: (input) => ({ error_message: input, error_traceback: '' }),
    confirm: {
      title: 'Mark order as erred',
      body:
        'Processing normally reports the outcome of an order (for site-agent offerings, the Waldur site agent). ' +
        'Marking it as erred by hand can leave the order and its resource in a broken state.',
      input: { label: 'Error message (optional)', field: 'error_message' },
      yes: 'Mark as erred',
      danger: true,
    },
    success: 'Order has been marked as erred.',
    failure: 'Unable to mark order as erred.',
  },
  {
    name: 'cancel',
    label: 'Cancel',
    group: 'order',
    tone: 'danger',
    path: orders('cancel'),
    success: 'Order has been canceled.',
    failure: 'Unable to cancel order.',
  },
  {
    name: 'cancel_termination',
    label: 'Cancel termination',
    group: 'staff',
    tone: 'danger',
    staff: true,
    path: (uuid) => `/api/remote-waldur-api/cancel_termination/${uuid}/`,
    success: 'Order has been canceled.',
    failure: 'Unable to cancel order.',
  },
  {
    name: 'approve_by_consumer',
    label: 'Approve',
    group: 'order',
    tone: 'primary',
    path: orders('approve_by_consumer'),
    success: 'Order has been approved.',
    failure: 'Unable to approve order.',
  },
  {
    name: 'reject_by_consumer',
    label: 'Decline',
    group: 'order',
    tone: 'danger',
    path: orders('reject_by_consumer'),
    body: (input) => ({ consumer_rejection_comment: input }),
    confirm: {
      title: 'Reject order',
      body: 'Are you sure you want to reject this order?',
      input: { label: 'Rejection reason (optional)', field: 'consumer_rejection_comment' },
      yes: 'Reject',
      danger: true,
    },
    success: 'Order has been rejected.',
    failure: 'Unable to reject order.',
  },
  {
    name: 'unlink',
    label: 'Unlink',
    group: 'staff',
    tone: 'danger',
    staff: true,
    path: orders('unlink'),
    confirm: {
      title: 'Confirmation',
      body: 'Are you sure you want to unlink this order? This only deletes the database record and does not clean anything up.',
      danger: true,
    },
    success: 'Order has been unlinked.',
    failure: 'Unable to unlink order.',
  },
];

export const RESOURCE_ACTIONS: ActionSpec[] = [
  {
    name: 'terminate',
    label: 'Terminate',
    group: 'resource',
    tone: 'danger',
    path: consumerResources('terminate'),
    confirm: {
      title: 'Terminate resource',
      body: 'Are you sure you want to terminate this resource? A Terminate order is placed; the resource is deleted when it completes.',
      yes: 'Terminate',
      no: 'Cancel',
      danger: true,
    },
    success: 'Resource termination has been requested.',
    failure: 'Unable to terminate resource.',
  },
  {
    name: 'set_as_erred',
    label: 'Set as erred',
    group: 'provider',
    tone: 'danger',
    path: providerResources('set_as_erred'),
    confirm: {
      title: 'Set as erred',
      body:
        'Warning: this is a state override, not a backend operation. The resource becomes Erred, but an order ' +
        'in progress stays as it is and must be reconciled by hand. Check the backend first.',
      danger: true,
    },
    success: 'Resource has been set as erred.',
    failure: 'Unable to set resource to erred state.',
  },
  {
    name: 'set_state_ok',
    label: 'Set state OK',
    group: 'provider',
    tone: 'primary',
    path: providerResources('set_state_ok'),
    confirm: {
      title: 'Set state OK',
      body: 'This is a state override: the resource becomes OK and its error is cleared. Check the backend first.',
    },
    success: 'Resource state has been set to OK.',
    failure: 'Unable to set resource state to OK.',
  },
  {
    name: 'force_destroy',
    label: 'Force destroy',
    group: 'staff',
    tone: 'danger',
    staff: true,
    path: consumerResources('terminate'),
    body: () => ({ attributes: { action: 'force_destroy' } }),
    confirm: {
      title: 'Force destroy',
      body:
        'Danger: the resource is terminated even if the provider cannot clean it up. If processing fails, ' +
        'the resource goes straight to Terminated and the provider-side cleanup is skipped.',
      yes: 'Force destroy',
      no: 'Cancel',
      danger: true,
    },
    success: 'Resource deletion has been scheduled.',
    failure: 'Unable to destroy resource.',
  },
  {
    name: 'unlink',
    label: 'Unlink',
    group: 'staff',
    tone: 'danger',
    staff: true,
    path: consumerResources('unlink'),
    confirm: {
      title: 'Unlink resource',
      body: 'Are you sure you want to unlink this resource? This only removes the database record; nothing is cleaned up on the backend.',
      danger: true,
    },
    success: 'Resource has been unlinked.',
    failure: 'Unable to unlink resource.',
  },
];

// The actions to show: only those the server lists, in the table's order.
export function availableSpecs(specs: ActionSpec[], available: readonly string[]): ActionSpec[] {
  const allowed = new Set(available);
  return specs.filter((spec) => allowed.has(spec.name));
}

// A resource's actions: those the server lists, Terminate only while the server says a Terminate
// order may be placed (`can_terminate`, false while another order is in progress).
export function resourceSpecs(resource: { available_actions: readonly string[]; can_terminate: boolean }): ActionSpec[] {
  return availableSpecs(RESOURCE_ACTIONS, resource.available_actions).filter(
    (spec) => spec.name !== 'terminate' || resource.can_terminate,
  );
}
