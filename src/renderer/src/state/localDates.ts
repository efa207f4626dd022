/**
 * Calendar days (yyyy-mm-dd) shown and typed in the UI language's own format, through Intl:
 * "Dec 3, 2026" or "12/3/2026" in English, "2026年12月3日" or "2026/12/3" in Chinese. The
 * browser's <input type="date"> follows the system's locale instead of Brook's language, so
 * date fields are text fields built on these. Pure, so tested apart.
 */

export type DayPart = 'year' | 'month' | 'day';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A real calendar day from its numbers, as yyyy-mm-dd; null for 2026-02-30 and the like. */
function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function utcDay(iso: string): Date | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const valid = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  return valid ? new Date(`${valid}T00:00:00Z`) : null;
}

/** How the language writes a day: "Dec 3, 2026", "2026年12月3日"; '' for no day or a bad one. */
export function formatDay(language: string, iso: string): string {
  const day = utcDay(iso);
  if (!day) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}

/** The order the language writes a day's numbers in: month-day-year in en-US, year-month-day in Chinese. */
export function dayOrder(language: string): DayPart[] {
  const parts = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).formatToParts(
    new Date(Date.UTC(2026, 11, 31)),
  );
  return parts.map((p) => p.type).filter((t): t is DayPart => t === 'year' || t === 'month' || t === 'day');
}

/** The language's numeric form with its own separator, for a hint: "12/31/2026", "2026/12/31". */
export function numericExample(language: string): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 11, 31)),
  );
}

/**
 * A placeholder in the language's order and separator, from its words for the parts:
 * "mm/dd/yyyy" in English, "年/月/日" in Chinese.
 */
export function dayPattern(language: string, words: Record<DayPart, string>): string {
  const separator = /\D+/.exec(numericExample(language))?.[0] ?? '/';
  return dayOrder(language)
    .map((part) => words[part])
    .join(separator);
}

/** The month names of the language (long and short, lower case), January first. */
function monthNames(language: string): string[][] {
  const long = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => {
    const at = new Date(Date.UTC(2026, i, 1));
    return [long.format(at).toLowerCase(), short.format(at).toLowerCase().replace(/\.$/, '')];
  });
}

/**
 * Reads a day typed the way the language writes it: ISO (2026-12-03) always; the numeric form
 * in the language's order with / . - or spaces (12/3/2026; 2026/12/3); Chinese 2026年12月3日;
 * month names (Dec 3, 2026; 3 December 2026). '' for an empty field, null for anything else.
 */
export function parseDay(language: string, text: string): string | null {
  const input = text.normalize('NFKC').trim().toLowerCase();
  if (input === '') return '';
  const iso = ISO.exec(input);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const cjk = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(input);
  if (cjk) return isoOf(Number(cjk[1]), Number(cjk[2]), Number(cjk[3]));

  const numbers = input.split(/[\s/.\-,]+/).filter((s) => s !== '');
  if (numbers.length === 3 && numbers.every((n) => /^\d+$/.test(n))) {
    // A four-digit first number can only be a year (2026/12/3 in any language).
    const order: DayPart[] = numbers[0]!.length === 4 ? ['year', 'month', 'day'] : dayOrder(language);
    const value = (part: DayPart) => Number(numbers[order.indexOf(part)]);
    return isoOf(value('year'), value('month'), value('day'));
  }

  const words = input.replace(/,/g, ' ').split(/\s+/).filter((s) => s !== '');
  const names = monthNames(language);
  // A month is named by its start, three letters at least ("sept", "dec", "december").
  const monthOf = (word: string) => {
    const w = word.replace(/\.$/, '');
    return /^\d/.test(w) || w.length < 3 ? -1 : names.findIndex((forms) => forms.some((name) => name.startsWith(w) || w.startsWith(name)));
  };
  const monthAt = words.findIndex((w) => monthOf(w) >= 0);
  if (words.length === 3 && monthAt >= 0) {
    const month = monthOf(words[monthAt]!) + 1;
    const rest = words.filter((_, i) => i !== monthAt);
    if (!rest.every((n) => /^\d+$/.test(n))) return null;
    const [a, b] = rest.map(Number) as [number, number];
    return a > 31 ? isoOf(a, month, b) : isoOf(b, month, a);
  }
  return null;
}
