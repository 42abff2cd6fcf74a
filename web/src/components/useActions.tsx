import { useState, type ReactNode } from 'react';
import { post } from '../api/client';
import type { ActionSpec, Side } from '../logic/actions';
import { Dialog } from './Dialog';
import type { MenuGroup } from './ActionsMenu';
import { useToasts } from './Toasts';

const GROUP_TITLES: Record<ActionSpec['group'], string | undefined> = {
  order: undefined,
  resource: 'Resource actions',
  provider: 'Provider actions',
  staff: 'Staff actions',
};

// Runs actions of the table in logic/actions.ts: confirmation when the spec asks for one, the
// request, the toast, then `after` (refetch). Returns the menu groups and the open dialog.
export function useActions(
  uuid: string,
  specs: ActionSpec[],
  after: (spec: ActionSpec) => void,
  summary?: ReactNode,
  side?: Side,
) {
  const toasts = useToasts();
  const [pending, setPending] = useState<ActionSpec | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (spec: ActionSpec, input: string) => {
    setBusy(true);
    try {
      await post(spec.path(uuid, side), spec.body ? spec.body(input) : undefined);
      setPending(null);
      toasts.success(spec.success);
      after(spec);
    } catch (failure) {
      toasts.error(`${spec.failure} ${failure instanceof Error ? failure.message : ''}`.trim());
    } finally {
      setBusy(false);
    }
  };

  const groups: MenuGroup[] = [];
  for (const spec of specs) {
    const title = GROUP_TITLES[spec.group];
    let group = groups.find((candidate) => candidate.title === title);
    if (!group) {
      group = { title, items: [] };
      groups.push(group);
    }
    group.items.push({
      key: spec.name,
      label: spec.label,
      tone: spec.tone,
      staff: spec.staff,
      run: () => (spec.confirm ? setPending(spec) : void run(spec, '')),
    });
  }

  const dialog = pending?.confirm ? (
    <Dialog
      title={pending.confirm.title}
      body={
        <>
          {pending.confirm.summary && summary}
          <p>{pending.confirm.body}</p>
        </>
      }
      input={pending.confirm.input}
      yes={pending.confirm.yes}
      no={pending.confirm.no}
      danger={pending.confirm.danger}
      onClose={() => setPending(null)}
      onConfirm={(input) => run(pending, input)}
    />
  ) : null;

  return { groups, dialog, busy };
}
