import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';

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

// `rowLabel`: the compact "⋮" toggle of a table row, named for screen readers; a row without
// actions keeps a disabled toggle so that the columns stay aligned (ui.md §2.1).
export function ActionsMenu({ groups, busy, rowLabel }: { groups: MenuGroup[]; busy?: boolean; rowLabel?: string }) {
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<CSSProperties>({});
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const visible = groups.filter((group) => group.items.length > 0);
  const items = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);

  // Fixed to the viewport, so that a table's scroll box cannot clip it; opens upwards when there is
  // no room below (ui.md §6: menus flip placement).
  useLayoutEffect(() => {
    if (!open || !toggle.current || !menu.current) return;
    const anchor = toggle.current.getBoundingClientRect();
    const height = menu.current.offsetHeight;
    const right = Math.max(8, window.innerWidth - anchor.right);
    const below = anchor.bottom + 4 + height <= window.innerHeight;
    setPlace(below ? { top: anchor.bottom + 4, right } : { bottom: window.innerHeight - anchor.top + 4, right });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    window.addEventListener('scroll', close, true);
    window.addEventListener('resize', close);
    return () => {
      window.removeEventListener('scroll', close, true);
      window.removeEventListener('resize', close);
    };
  }, [open]);

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

  if (visible.length === 0) {
    return rowLabel ? (
      <button type="button" className="btn btn-outline btn-small row-toggle" disabled aria-label={rowLabel} title="No actions available">
        ⋮
      </button>
    ) : null;
  }
  return (
    <div className="menu-wrap">
      <button
        ref={toggle}
        type="button"
        className={rowLabel ? 'btn btn-outline btn-small row-toggle' : 'btn btn-outline'}
        aria-label={rowLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        disabled={busy}
        onClick={() => setOpen(!open)}
      >
        {rowLabel ? (
          <span aria-hidden="true">{busy ? '…' : '⋮'}</span>
        ) : (
          <>
            {busy ? 'Working…' : 'Actions'} <span aria-hidden="true">▾</span>
          </>
        )}
      </button>
      {open && (
        <div ref={menu} id={id} className="menu" style={place} role="menu" aria-label="Actions" onKeyDown={onKeyDown}>
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
