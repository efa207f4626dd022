/** Dates as the UI shows them: message times and the sidebar's date groups. Pure, so tested apart. */

const formats = new Map<string, Intl.DateTimeFormat>();

/** Creating an Intl formatter is costly; one per language and style is enough. */
function format(language: string, style: 'time' | 'dateTime' | 'full' | 'month', at: number): string {
  const key = `${language}|${style}`;
  let f = formats.get(key);
  if (!f) {
    const options: Record<typeof style, Intl.DateTimeFormatOptions> = {
      time: { hour: '2-digit', minute: '2-digit' },
      dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
      full: { dateStyle: 'full', timeStyle: 'medium' },
      month: { year: 'numeric', month: 'long' },
    };
    f = new Intl.DateTimeFormat(language, options[style]);
    formats.set(key, f);
  }
  return f.format(at);
}

function startOfDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The time alone for today's messages; the date too for older ones (a 2024 import says 2024). */
export function messageTime(language: string, at: number, now = Date.now()): string {
  return startOfDay(at) === startOfDay(now) ? format(language, 'time', at) : format(language, 'dateTime', at);
}

/** Weekday, date and time to the second, for the tooltip. */
export function fullDateTime(language: string, at: number): string {
  return format(language, 'full', at);
}

export type DateGroup =
  | { kind: 'pinned' }
  | { kind: 'today' }
  | { kind: 'yesterday' }
  | { kind: 'week' }
  | { kind: 'month'; year: number; month: number };

/** Which sidebar group a conversation last active at `at` belongs to, seen from `now` (local time). */
export function dateGroupOf(at: number, now = Date.now()): DateGroup {
  const today = startOfDay(now);
  const day = startOfDay(at);
  if (day >= today) return { kind: 'today' };
  const yesterday = new Date(today);
  yesterday.setDate(yesterday.getDate() - 1);
  if (day >= yesterday.getTime()) return { kind: 'yesterday' };
  const weekAgo = new Date(today);
  weekAgo.setDate(weekAgo.getDate() - 7);
  if (day >= weekAgo.getTime()) return { kind: 'week' };
  const d = new Date(at);
  return { kind: 'month', year: d.getFullYear(), month: d.getMonth() };
}

export function dateGroupKey(group: DateGroup): string {
  return group.kind === 'month' ? `month-${group.year}-${group.month + 1}` : group.kind;
}

/** A month's name in the chosen language ("March 2024", "2024年3月"). */
export function monthLabel(language: string, group: { year: number; month: number }): string {
  return format(language, 'month', new Date(group.year, group.month, 15).getTime());
}
