import { describe, expect, it } from 'vitest';
import { availableSpecs, ORDER_ACTIONS, RESOURCE_ACTIONS } from './actions';

describe('actions are driven by available_actions', () => {
  it('shows only listed actions, Retry first', () => {
    const names = availableSpecs(ORDER_ACTIONS, ['cancel', 'retry', 'update', 'destroy']).map((spec) => spec.name);
    expect(names).toEqual(['retry', 'cancel']);
  });
  it('shows nothing when nothing is listed', () => {
    expect(availableSpecs(RESOURCE_ACTIONS, [])).toEqual([]);
  });
  it('asks before every destructive or overriding action', () => {
    for (const name of ['retry', 'reject_by_provider', 'reject_by_consumer', 'set_state_erred', 'unlink']) {
      expect(ORDER_ACTIONS.find((spec) => spec.name === name)?.confirm, name).toBeDefined();
    }
    for (const spec of RESOURCE_ACTIONS) expect(spec.confirm, spec.name).toBeDefined();
  });
});
