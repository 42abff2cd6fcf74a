import { useEffect, useRef, useState, type ReactNode } from 'react';

// A modal confirmation (ui.md §3): title, body, optional free-text input, negative and positive
// buttons of equal width. Escape and the negative button close it; focus starts inside.
export interface DialogSpec {
  title: string;
  body: ReactNode;
  input?: { label: string };
  yes?: string;
  no?: string;
  danger?: boolean;
}

interface Props extends DialogSpec {
  onConfirm(input: string): Promise<void> | void;
  onClose(): void;
}

export function Dialog({ title, body, input, yes = 'Yes', no = 'No', danger, onConfirm, onClose }: Props) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement & HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    first.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      // Keep Tab inside the dialog while it is open.
      if (event.key === 'Tab' && form.current) {
        const focusable = Array.from(form.current.querySelectorAll<HTMLElement>('textarea, button:not([disabled])'));
        const at = focusable.indexOf(document.activeElement as HTMLElement);
        const next = event.shiftKey ? (at <= 0 ? focusable.length - 1 : at - 1) : (at + 1) % focusable.length;
        focusable[next]?.focus();
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onConfirm(value);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal-backdrop">
      <form ref={form} className="modal" role="dialog" aria-modal="true" aria-labelledby="dialog-title" onSubmit={submit}>
        <h2 id="dialog-title">
          <span className="modal-icon" aria-hidden="true">
            !
          </span>
          {title}
        </h2>
        <div className="modal-body">{body}</div>
        {input && (
          <label className="field">
            <span>{input.label}</span>
            <textarea ref={first as React.Ref<HTMLTextAreaElement>} value={value} onChange={(e) => setValue(e.target.value)} />
          </label>
        )}
        <div className="modal-buttons">
          <button type="button" className="btn btn-outline" onClick={onClose} ref={input ? undefined : first}>
            {no}
          </button>
          <button type="submit" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>
            {busy ? 'Submitting…' : yes}
          </button>
        </div>
      </form>
    </div>
  );
}
