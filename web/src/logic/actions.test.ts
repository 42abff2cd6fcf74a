import { describe, expect, it } from 'vitest';
import { availableSpecs, ORDER_ACTIONS, RESOURCE_ACTIONS, resourceSpecs } from './actions';

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

describe('resource actions', () => {
  it('offers Terminate only while a Terminate order may be placed', () => {
    const names = (can_terminate: boolean) =>
      resourceSpecs({ available_actions: ['terminate', 'set_as_erred'], can_terminate }).map((spec) => spec.name);
    expect(names(true)).toContain('terminate');
    expect(names(false)).not.toContain('terminate');
  });
  it('keeps the other listed actions whatever can_terminate says', () => {
    const listed = RESOURCE_ACTIONS.map((spec) => spec.name).filter((name) => name !== 'terminate');
    expect(resourceSpecs({ available_actions: listed, can_terminate: false }).map((spec) => spec.name)).toEqual(listed);
  });
});
