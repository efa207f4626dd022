import { describe, expect, it } from 'vitest';
import { dateGroupKey, dateGroupOf, messageTime, monthLabel } from './dates';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
const NOW = at(2026, 12, 2, 15);

describe('dateGroupOf', () => {
  it('puts today, yesterday and the last seven days in their own groups', () => {
    expect(dateGroupKey(dateGroupOf(at(2026, 12, 2, 0), NOW))).toBe('today');
    expect(dateGroupKey(dateGroupOf(at(2026, 12, 1, 23), NOW))).toBe('yesterday');
    expect(dateGroupKey(dateGroupOf(at(2026, 11, 30), NOW))).toBe('week');
    expect(dateGroupKey(dateGroupOf(at(2026, 11, 25), NOW))).toBe('week');
  });

  it('groups anything older by month, the year included', () => {
    expect(dateGroupKey(dateGroupOf(at(2026, 11, 24), NOW))).toBe('month-2026-11');
    expect(dateGroupKey(dateGroupOf(at(2024, 3, 5), NOW))).toBe('month-2024-3');
  });

  it('counts yesterday across a month boundary', () => {
    expect(dateGroupKey(dateGroupOf(at(2026, 11, 30, 22), at(2026, 12, 1, 8)))).toBe('yesterday');
  });
});

describe('messageTime and monthLabel', () => {
  it('shows the date for messages not from today, the time alone for today', () => {
    expect(messageTime('en', at(2024, 3, 5, 9), NOW)).toMatch(/2024/);
    expect(messageTime('en', at(2026, 12, 2, 9), NOW)).not.toMatch(/2026/);
  });

  it('names the month in the chosen language', () => {
    expect(monthLabel('en', { year: 2024, month: 2 })).toBe('March 2024');
    expect(monthLabel('zh-CN', { year: 2024, month: 2 })).toBe('2024年3月');
  });
});
