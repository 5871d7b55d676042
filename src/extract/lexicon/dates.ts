/**
 * Dates as filings print them, read into ISO `YYYY-MM-DD`. The one date reader of every extractor (cover pages, item
 * prose, exhibits), so a date one of them reads the others read too.
 *
 * Handles (each form, rule by rule, in DATE_FORMS):
 * - month first: `June 25, 2003`, `Jun. 25, 2003`, `JUNE 25,2003`, `June 25th, 2003`, `June25, 2003`, `June 25 2003`;
 * - day first: `25 June 2003`, `25th June, 2003`, `25th of June, 2003`, `the 25th day of June, 2003`, and with dashes
 *   `25-Jun-03`, `25-June-2003`;
 * - numeric, month first: `6/25/2003`, `06/25/03`, `6-25-03`, `6.25.2003`, `6 / 25 / 03` (one separator
 *   throughout; spaces around a slash only); dotted with a four-digit year, day first when that is a date
 *   (`23.01.2026`, `12.01.2026` is 12 January);
 * - ISO: `2003-06-25`.
 * Month words: full names and abbreviations of three letters or more (`Sept`), in any case, with or without a period,
 * and misspellings of the long names within two letters (`Febuary`, `Sepember`). Two-digit years: 00–49 are 2000s,
 * 50–99 are 1900s (EDGAR starts in 1993). Years outside 1900–2100 and days a month does not have are refused.
 * Does not handle: dates in words (`the first day of June`), day-first numeric dates (`25/06/2003`: read month first,
 * so refused when the "month" is over 12), relative dates (`the date hereof`: callers resolve them), a word that only
 * begins like a month (`Mayor 5, 2003`).
 * Callers that cannot read a date store null and warn; nothing here guesses.
 */
import { isCalendarDate } from '../../parse/values.js';

export interface FoundDate {
  iso: string;
  /** Offsets in the text given (end exclusive). */
  start: number;
  end: number;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `jan` → `[Jj][Aa][Nn]`: case-insensitive inside a source that is embedded in regexes with or without the `i` flag. */
function anyCase(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`);
}

/**
 * A month word as a regex source (no captures): a month's first three letters in any case, the rest of the word, an
 * optional period. Which words are months is decided by `monthNumber`, so `Mayor` matches here and is refused there.
 */
export const MONTH_WORD_SOURCE = `(?:${MONTH_NAMES.map((m) => anyCase(m.slice(0, 3))).join('|')})[A-Za-z]*\\.?`;

/** The month a word names (1–12), or 0: a prefix of three letters or more, or a long name misspelt by ≤ 2 letters. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  const prefix = MONTH_NAMES.findIndex((name) => name.startsWith(w));
  if (prefix >= 0) return prefix + 1;
  if (w.length < 5) return 0;
  const misspelt = MONTH_NAMES.findIndex((name) => name.length >= 5 && name.startsWith(w.slice(0, 3)) && editDistance(w, name) <= 2);
  return misspelt + 1;
}

/**
 * A month's full name or its usual abbreviation (three letters, or `Sept`), any case, with an optional period and
 * comma (`June`, `Jun.`, `DEC.,`). Stricter than `monthNumber`, which also reads longer prefixes and misspellings: a
 * reader telling names from dates must not take `Marco` or `Marcy` for March.
 */
const MONTH_WORD = new RegExp(`^(?:${MONTH_NAMES.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')}|sept)\\.?,?$`, 'i');

/** Is this one word a month's name or usual abbreviation (`June`, `Jun.`, `Sept`, `Dec.,`)? */
export function isMonthWord(word: string): boolean {
  return MONTH_WORD.test(word);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** Two-digit years: `04` → 2004, `99` → 1999 (13D/13G filings start in 1993). */
export function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length !== 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

/** ISO text of a real calendar date between 1900 and 2100, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2100) || !Number.isInteger(day) || !isCalendarDate(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ORDINAL = `(?:${['st', 'nd', 'rd', 'th'].map(anyCase).join('|')})`;
/** Day then year: a comma and/or white space between them (`25, 2003`, `25 ,2003`, `25 2003`). */
const DAY_YEAR_GAP = String.raw`(?:\s*,\s*|\s+)`;

/**
 * One printed form of a date. `source(cap)` builds its pattern; `cap` wraps the parts `parts` reads (a capture in
 * the form's own regex, a plain group inside DATE_SOURCE).
 */
interface DateForm {
  name: string;
  source(cap: (part: string) => string): string;
  /** Year, month and day from the form's captures (month 0: not a month word). */
  parts(m: RegExpExecArray): [number, number, number];
}

const NUMERIC_SEPARATORS = ['/', '.', '-'];

export const DATE_FORMS: readonly DateForm[] = [
  {
    name: 'month-first',
    source: (cap) => String.raw`\b${cap(MONTH_WORD_SOURCE)}\s*${cap(String.raw`\d{1,2}`)}${ORDINAL}?${DAY_YEAR_GAP}${cap(String.raw`\d{4}`)}\b`,
    parts: (m) => [Number(m[3]), monthNumber(m[1]!), Number(m[2])],
  },
  {
    name: 'day-first',
    // `the 25th day of June, 2003` keeps its `the` (it reads as one phrase: `dated as of the 25th day of …`).
    source: (cap) =>
      String.raw`(?:\b${anyCase('the')}\s+(?=\d{1,2}(?:${ORDINAL})?\s+${anyCase('day')}\b))?\b${cap(String.raw`\d{1,2}`)}${ORDINAL}?\s+(?:${anyCase('day')}\s+${anyCase('of')}\s+|${anyCase('of')}\s+)?${cap(MONTH_WORD_SOURCE)}${DAY_YEAR_GAP}${cap(String.raw`\d{4}`)}\b`,
    parts: (m) => [Number(m[3]), monthNumber(m[2]!), Number(m[1])],
  },
  {
    // `15-Mar-24`, `20-December-00`: day, month word and year joined by dashes, as trade tables and statements print it.
    name: 'day-month-dashed',
    source: (cap) => String.raw`\b${cap(String.raw`\d{1,2}`)}-${cap(MONTH_WORD_SOURCE)}-${cap(String.raw`\d{4}|\d{2}`)}(?![\d-])`,
    parts: (m) => [fullYear(m[3]!), monthNumber(m[2]!), Number(m[1])],
  },
  {
    // `23.01.2026`: dots with a four-digit year are the European day-first form (a Swiss filer's 5(c) table); when
    // that reading is no date (`6.25.2003`) the month-first form below reads it.
    name: 'numeric-dotted-day-first',
    source: (cap) => String.raw`\b${cap(String.raw`\d{1,2}`)}\.${cap(String.raw`\d{1,2}`)}\.${cap(String.raw`\d{4}`)}(?![\d/])`,
    parts: (m) => [Number(m[3]), Number(m[2]), Number(m[1])],
  },
  {
    name: 'numeric-month-first',
    // One separator throughout: `6/25/03`, `6-25-03`, `6.25.03`, never `6/25-03`.
    source: (cap) => `(?:${NUMERIC_SEPARATORS.map((sep) => numericSource(sep, cap)).join('|')})`,
    parts: (m) => {
      const g = m.slice(1).filter((x) => x !== undefined);
      return [fullYear(g[2]!), Number(g[0]), Number(g[1])];
    },
  },
  {
    name: 'iso',
    source: (cap) => String.raw`\b${cap(String.raw`\d{4}`)}-${cap(String.raw`\d{2}`)}-${cap(String.raw`\d{2}`)}\b`,
    parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
];

function numericSource(sep: string, cap: (part: string) => string): string {
  // Spaces around a slash only: `6 / 25 / 03` is a date, `Items 1. 2. 10` and `pages 10 - 12 - 14` are lists.
  const s = sep === '/' ? String.raw`\s*\/\s*` : `\\${sep}`;
  return String.raw`\b${cap(String.raw`\d{1,2}`)}${s}${cap(String.raw`\d{1,2}`)}${s}${cap(String.raw`\d{4}|\d{2}`)}(?![\d/])`;
}

const plain = (part: string): string => `(?:${part})`;
const capture = (part: string): string => `(${part})`;

/** Any accepted date as a regex source without captures, for readers that look for a date after their own words. */
export const DATE_SOURCE = `(?:${DATE_FORMS.map((f) => f.source(plain)).join('|')})`;

const FORM_RES = DATE_FORMS.map((f) => ({ form: f, re: new RegExp(f.source(capture), 'g') }));

/**
 * Every date in `text[from, to)`, in order, with offsets in `text`. Where two forms match overlapping text the one
 * that starts first (then the longer) is the date.
 */
export function findDates(text: string, from = 0, to = text.length): FoundDate[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const candidates: FoundDate[] = [];
  for (const { form, re } of FORM_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const [y, mo, d] = form.parts(m);
      const iso = mo > 0 ? isoDate(y, mo, d) : null;
      if (iso) candidates.push({ iso, start: from + m.index, end: from + m.index + m[0].length });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: FoundDate[] = [];
  for (const c of candidates) if (!out.length || c.start >= out[out.length - 1]!.end) out.push(c);
  return out;
}

/** The first date in `text`, or null. */
export function findDate(text: string): FoundDate | null {
  return findDates(text)[0] ?? null;
}

/** The first date in `text` as ISO, or null when there is none (the caller warns). */
export function parseDate(text: string): string | null {
  return findDate(text)?.iso ?? null;
}
