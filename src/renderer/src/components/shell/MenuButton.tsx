import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  onSelect(): void;
  danger?: boolean;
  disabled?: boolean;
}

interface Props {
  /** The button's content (an icon, a word or both). */
  children: ReactNode;
  label: string;
  items: readonly MenuItem[];
  testId: string;
  className?: string;
  /** Which edge of the button the menu lines up with. */
  align?: 'start' | 'end';
}

/**
 * A button that opens a list of actions (WAI-ARIA menu button): arrows move, Enter or a click
 * runs one, Escape or Tab closes and focus returns to the button. Nothing runs while arrowing.
 */
export function MenuButton({ children, label, items, testId, className, align = 'end' }: Props) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    (menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active])?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const root = button.current?.parentElement;
      if (root && e.target instanceof Node && !root.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const openAt = (index: number) => {
    setActive((index + items.length) % items.length);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const run = (item: MenuItem) => {
    if (item.disabled) return;
    close(true);
    item.onSelect();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: items.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      setActive((moves[e.key]! + items.length) % items.length);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') close(false);
  };

  return (
    <span className={`menu-button ${className ?? ''}`}>
      <button
        ref={button}
        type="button"
        className="menu-button__trigger"
        data-testid={testId}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            openAt(e.key === 'ArrowDown' ? 0 : items.length - 1);
          }
        }}
      >
        {children}
      </button>
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-label={label} className={`menu menu--${align}`} data-testid={`${testId}-menu`} onKeyDown={onMenuKey}>
          {items.map((item, index) => (
            <li
              key={item.id}
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              aria-disabled={item.disabled || undefined}
              className={item.danger ? 'menu__item menu__item--danger' : 'menu__item'}
              data-testid={`${testId}-${item.id}`}
              onClick={() => run(item)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  run(item);
                }
              }}
              onMouseEnter={() => setActive(index)}
            >
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
