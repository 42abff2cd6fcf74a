import { describe, expect, it } from 'vitest';
import { orderStateLabel, orderStateVariant, orderTypeDescription, ORDER_STATES } from './states';

describe('order state badges (ui.md §1)', () => {
  it('labels every state as HomePort does', () => {
    expect(ORDER_STATES.map(orderStateLabel)).toEqual([
      'Pending consumer approval',
      'Pending provider approval',
      'Pending project start',
      'Pending start date',
      'Executing',
      'Done',
      'Erred',
      'Canceled',
      'Rejected',
    ]);
  });
  it('uses four colours: canceled and rejected are amber', () => {
    expect(orderStateVariant('erred')).toBe('danger');
    expect(orderStateVariant('executing')).toBe('primary');
    expect(orderStateVariant('done')).toBe('success');
    for (const state of ['canceled', 'rejected', 'pending-consumer', 'pending-provider', 'whatever']) {
      expect(orderStateVariant(state)).toBe('warning');
    }
  });
  it('shows unknown states as "Unknown state"', () => {
    expect(orderStateLabel('terminated')).toBe('Unknown state');
  });
  it('describes order types', () => {
    expect(orderTypeDescription({ type: 'Create' })).toBe('Provision new resource');
    expect(orderTypeDescription({ type: 'Update', attributes: { old_limits: {} } })).toBe('Update resource limits');
    expect(orderTypeDescription({ type: 'Update', attributes: {} })).toBe('Switch resource plan');
    expect(orderTypeDescription({ type: 'Terminate' })).toBe('Terminate an existing resource');
  });
});
