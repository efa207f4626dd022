import { describe, expect, it } from 'vitest';
import { dayOrder, dayPattern, formatDay, numericExample, parseDay } from '../../../src/renderer/src/state/localDates';

describe('days in the UI language', () => {
  it('shows a day the way each language writes it', () => {
    expect(formatDay('zh-CN', '2026-12-03')).toBe('2026年12月3日');
    expect(formatDay('en', '2026-12-03')).toBe('Dec 3, 2026');
    expect(formatDay('en', '')).toBe('');
    expect(formatDay('en', '2026-02-30')).toBe('');
  });

  it('knows each language\'s order of numbers', () => {
    expect(dayOrder('en')).toEqual(['month', 'day', 'year']);
    expect(dayOrder('zh-CN')).toEqual(['year', 'month', 'day']);
    expect(dayOrder('en-GB')).toEqual(['day', 'month', 'year']);
    expect(numericExample('zh-CN')).toBe('2026/12/31');
    expect(numericExample('en')).toBe('12/31/2026');
    expect(dayPattern('en', { year: 'yyyy', month: 'mm', day: 'dd' })).toBe('mm/dd/yyyy');
    expect(dayPattern('zh-CN', { year: '年', month: '月', day: '日' })).toBe('年/月/日');
  });

  it('reads Chinese dates: 年月日, slashes and ISO', () => {
    expect(parseDay('zh-CN', '2026年12月3日')).toBe('2026-12-03');
    expect(parseDay('zh-CN', '2026 年 1 月 9 号')).toBe('2026-01-09');
    expect(parseDay('zh-CN', '2026/12/3')).toBe('2026-12-03');
    expect(parseDay('zh-CN', '2026-12-03')).toBe('2026-12-03');
    expect(parseDay('zh-CN', '２０２６年１２月３日')).toBe('2026-12-03');
  });

  it('reads English dates in the language\'s order and with month names', () => {
    expect(parseDay('en', '12/3/2026')).toBe('2026-12-03');
    expect(parseDay('en-GB', '3/12/2026')).toBe('2026-12-03');
    expect(parseDay('en', 'Dec 3, 2026')).toBe('2026-12-03');
    expect(parseDay('en', '3 December 2026')).toBe('2026-12-03');
    expect(parseDay('en', 'sept 30 2026')).toBe('2026-09-30');
    expect(parseDay('en', formatDay('en', '2024-02-29'))).toBe('2024-02-29');
  });

  it('refuses what is not a day, and reads an empty field as no date', () => {
    expect(parseDay('en', '')).toBe('');
    expect(parseDay('en', '   ')).toBe('');
    expect(parseDay('en', '2/30/2026')).toBeNull();
    expect(parseDay('zh-CN', '2026年13月1日')).toBeNull();
    expect(parseDay('en', 'yesterday')).toBeNull();
    expect(parseDay('en', '12/3')).toBeNull();
    expect(parseDay('en', 'Foo 3, 2026')).toBeNull();
  });
});
