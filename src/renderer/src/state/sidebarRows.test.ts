import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../shared/domain';
import { sidebarRows } from './sidebarRows';

const NOW = new Date(2026, 11, 2, 15).getTime();
const DAY = 86_400_000;

function chat(id: string, updatedAt: number, pinned = false): Conversation {
  return { id, title: id, origin: 'chat', params: {}, providerId: null, model: null, webSearch: null, pinned, archived: false, createdAt: updatedAt, updatedAt };
}

describe('sidebarRows', () => {
  it('puts a heading wherever the group changes, pinned first', () => {
    const rows = sidebarRows(
      [
        chat('pinned-old', NOW - 400 * DAY, true),
        chat('now', NOW - 1000),
        chat('earlier-today', NOW - 3_600_000),
        chat('yesterday', NOW - DAY),
        chat('last-week', NOW - 4 * DAY),
        chat('november', NOW - 20 * DAY),
        chat('2024', new Date(2024, 2, 5).getTime()),
      ],
      NOW,
    );
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.key}]` : r.key))).toEqual([
      '[group:pinned]',
      'pinned-old',
      '[group:today]',
      'now',
      'earlier-today',
      '[group:yesterday]',
      'yesterday',
      '[group:week]',
      'last-week',
      '[group:month-2026-11]',
      'november',
      '[group:month-2024-3]',
      '2024',
    ]);
  });

  it('has no rows for no conversations', () => {
    expect(sidebarRows([], NOW)).toEqual([]);
  });
});
