import { useEffect, useId, useRef, useState } from 'react';

// The labelled "Actions" dropdown (ui.md §6): grouped sections, keyboard navigation with the arrow
// keys, Escape closes and returns focus to the toggle.
export interface MenuItem {
  key: string;
  label: string;
  tone?: 'danger' | 'warning' | 'primary';
  staff?: boolean;
  run(): void;
}

export interface MenuGroup {
  title?: string;
  items: MenuItem[];
}

export function ActionsMenu({ groups, busy }: { groups: MenuGroup[]; busy?: boolean }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const visible = groups.filter((group) => group.items.length > 0);
  const items = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onClick = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && !toggle.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onClick);
    return () => document.removeEventListener('mousedown', onClick);
  }, [open]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') all[(at + 1) % all.length]?.focus();
    else if (event.key === 'ArrowUp') all[(at - 1 + all.length) % all.length]?.focus();
    else if (event.key === 'Escape') {
      setOpen(false);
      toggle.current?.focus();
    } else return;
    event.preventDefault();
  };

  if (visible.length === 0) return null;
  return (
    <div className="menu-wrap">
      <button
        ref={toggle}
        type="button"
        className="btn btn-outline"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        disabled={busy}
        onClick={() => setOpen(!open)}
      >
        {busy ? 'Working…' : 'Actions'} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} id={id} className="menu" role="menu" aria-label="Actions" onKeyDown={onKeyDown}>
          {visible.map((group, index) => (
            <div key={group.title ?? index} role="group" aria-label={group.title}>
              {group.title && <div className="menu-header">{group.title}</div>}
              {group.items.map((item) => (
                <button
                  key={item.key}
                  type="button"
                  role="menuitem"
                  className={`menu-item ${item.tone ? `tone-${item.tone}` : ''}`}
                  title={item.staff ? 'Staff action' : undefined}
                  onClick={() => {
                    setOpen(false);
                    item.run();
                  }}
                >
                  {item.label}
                  {item.staff && <span className="staff-mark"> (staff)</span>}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
