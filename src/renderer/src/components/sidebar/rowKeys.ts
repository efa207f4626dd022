import type { KeyboardEvent } from 'react';

interface RowCommands {
  rename(): void;
  remove(): void;
}

/**
 * Keys on a sidebar row (each row is one Tab stop): ↑/↓ to the previous/next chat, →/← through
 * the row's actions (rename, pin, archive, delete) and back, Esc back to the title, F2 renames,
 * Delete deletes (with Undo).
 */
export function onRowKey(e: KeyboardEvent<HTMLLIElement>, commands: RowCommands): void {
  const row = e.currentTarget;
  const buttons = Array.from(row.querySelectorAll<HTMLButtonElement>('button'));
  const at = buttons.findIndex((b) => b === document.activeElement);
  if (at < 0) return;
  const focus = (index: number) => buttons[Math.max(0, Math.min(buttons.length - 1, index))]?.focus();
  switch (e.key) {
    case 'ArrowRight':
      focus(at + 1);
      break;
    case 'ArrowLeft':
      focus(at - 1);
      break;
    case 'Escape':
      if (at === 0) return;
      focus(0);
      break;
    case 'ArrowDown':
    case 'ArrowUp':
      neighbour(row, e.key === 'ArrowDown' ? 1 : -1)?.querySelector<HTMLButtonElement>('button')?.focus();
      break;
    case 'F2':
      commands.rename();
      break;
    case 'Delete':
      commands.remove();
      break;
    default:
      return;
  }
  e.preventDefault();
  e.stopPropagation();
}

/** The next or previous chat row in list order (rows are placed absolutely, in any DOM order). */
function neighbour(row: HTMLElement, step: 1 | -1): HTMLElement | null {
  const index = Number(row.dataset.index);
  const rows = Array.from(row.parentElement?.querySelectorAll<HTMLElement>('[data-testid="conversation-item"]') ?? [])
    .map((el) => ({ el, index: Number(el.dataset.index) }))
    .filter((r) => (step > 0 ? r.index > index : r.index < index))
    .sort((a, b) => (a.index - b.index) * step);
  const next = rows[0]?.el ?? null;
  next?.scrollIntoView({ block: 'nearest' });
  return next;
}
