/**
 * The numbers of a sentence: share counts, dollar amounts, percentages and dates, each with its span and value.
 *
 * Handles: `4,382,947`, `293.50`, `$349,939.27`, `$.7924`, `$2 million`, `U.S.$25.0 million`, `49.8%`,
 * `10 percent`, dates written `February 16, 2001`, `Feb. 16, 2001`, `16 February 2001`, `12/20/04`, `4/15/2005`,
 * `2003-04-15`; a dollar sign on a share count (`$42,478 shares`) is reported as a typo, never as money.
 * Does not handle: numbers in words ("five years") or fractions ("10 1/4%" is read as 10 and 1/4 is ignored).
 */

export type TokenKind = 'shares' | 'number' | 'money' | 'percent' | 'date';

export interface Token {
  kind: TokenKind;
  /** Shares/number: the count; money: dollars; percent: 49.8 for 49.8%; date: NaN (see `iso`). */
  value: number;
  /** ISO date for `date` tokens. */
  iso: string | null;
  /** Offsets relative to the string that was scanned. */
  start: number;
  end: number;
  raw: string;
  /** A money token whose next word is "shares": probably a typo for a share count. */
  typo?: 'dollar-sign-on-shares';
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?\\.?|July?\\.?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const DATE_PATTERNS: { re: RegExp; parts: (m: RegExpExecArray) => [number, number, number] }[] = [
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})\\b`, 'g'), parts: (m) => [Number(m[3]), monthNumber(m[1]!), Number(m[2])] },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:day\\s+of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'g'), parts: (m) => [Number(m[3]), monthNumber(m[2]!), Number(m[1])] },
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g, parts: (m) => [fullYear(m[3]!), Number(m[1]), Number(m[2])] },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
];

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}

/** Two-digit years: `04` → 2004, `99` → 1999 (13D/13G filings start in 1993). */
function fullYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n < 50 ? 2000 + n : 1900 + n;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parse a date phrase on its own ("April 15, 2003", "4/15/05"); null when it is not one. */
export function parseDate(text: string): string | null {
  const found = scanDates(text);
  return found.length ? found[0]!.iso : null;
}

/**
 * Spans claimed by earlier patterns, to skip a later pattern's overlapping match in O(log n). Testing every claimed
 * token instead was quadratic: "5.0% " × 40,000 took 5 s. One pattern's own matches never overlap each other (each
 * exec starts where the last match ended), so a pass only needs the spans of the passes before it.
 */
class ClaimedSpans {
  private spans: { start: number; end: number }[] = [];
  private pass: { start: number; end: number }[] = [];

  overlaps(start: number, end: number): boolean {
    // Claimed spans do not overlap, so sorted by start they are sorted by end too: find the first that ends after
    // `start`; it overlaps when it begins before `end`.
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.spans.length && this.spans[lo]!.start < end;
  }

  claim(start: number, end: number): void {
    this.pass.push({ start, end });
  }

  /** The pattern is done: its matches join the claimed spans. */
  endPass(): void {
    if (this.pass.length === 0) return;
    const merged: { start: number; end: number }[] = [];
    let i = 0;
    let j = 0;
    while (i < this.spans.length || j < this.pass.length) {
      if (j >= this.pass.length || (i < this.spans.length && this.spans[i]!.start <= this.pass[j]!.start)) merged.push(this.spans[i++]!);
      else merged.push(this.pass[j++]!);
    }
    this.spans = merged;
    this.pass = [];
  }
}

function scanDates(text: string, claimed = new ClaimedSpans()): Token[] {
  const out: Token[] = [];
  for (const { re, parts } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [y, mo, d] = parts(m);
      const iso = isoDate(y, mo, d);
      if (!iso) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      if (claimed.overlaps(start, end)) continue;
      claimed.claim(start, end);
      out.push({ kind: 'date', value: NaN, iso, start, end, raw: m[0] });
    }
    claimed.endPass();
  }
  return out;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const MONEY = /(?:U\.?S\.?\s?)?\$\s?((?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?)(?:\s+(thousand|million|billion)\b)?/g;
const PERCENT = /(?<![\d.,])(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)/g;
const NUMBER = /(?<![\w.,$/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w%/]|,\d)/g;
/** What a count is a count of: the word after it ("shares", "Shares", "units") or a share-like defined term. */
const SHARE_WORDS = /^\s*(?:\([^)]{0,40}\)\s*)?(?:(?:additional|outstanding|issued|underlying|newly[- ]issued|restricted|ordinary|common|preferred|[Cc]lass\s+[A-Z]|[Ss]eries\s+[A-Z0-9-]+|[A-Z][\w-]*)\s+){0,3}(?:shares?|units?|ADSs?|American\s+Depositary\s+Shares|Shares|Units|SHARES)\b/;

/**
 * The first token (tokens sorted by start, as `scanTokens` returns them) starting in `[from, to]`, found by binary
 * search: `tokens.find(t => t.start >= from …)` inside a loop over the tokens was quadratic in a sentence's numbers.
 */
export function firstTokenIn(tokens: readonly Token[], from: number, to: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const t = tokens[lo];
  return t && t.start <= to ? t : undefined;
}

/** Every number in `text`, classified, in order of appearance. */
export function scanTokens(text: string): Token[] {
  const claimed = new ClaimedSpans();
  const tokens: Token[] = scanDates(text, claimed);
  const taken = (s: number, e: number): boolean => claimed.overlaps(s, e);
  const push = (token: Token): void => {
    claimed.claim(token.start, token.end);
    tokens.push(token);
  };
  MONEY.lastIndex = 0;
  for (let m = MONEY.exec(text); m; m = MONEY.exec(text)) {
    if (!m[1] || !/\d/.test(m[1])) continue;
    const s = m.index;
    const e = m.index + m[0].length;
    if (taken(s, e)) continue;
    let value = Number(m[1].replace(/,/g, ''));
    if (m[2]) value *= SCALE[m[2].toLowerCase()]!;
    const token: Token = { kind: 'money', value: roundCents(value, m[1]), iso: null, start: s, end: e, raw: m[0] };
    if (!m[2] && /^\s+(?:shares|Shares)\b/.test(text.slice(e, e + 10)) && !/\./.test(m[1])) token.typo = 'dollar-sign-on-shares';
    push(token);
  }
  claimed.endPass();
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(text); m; m = PERCENT.exec(text)) {
    const s = m.index;
    const e = m.index + m[0].length;
    if (taken(s, e)) continue;
    push({ kind: 'percent', value: Number(m[1]), iso: null, start: s, end: e, raw: m[0] });
  }
  claimed.endPass();
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const s = m.index;
    const e = m.index + m[0].length;
    if (taken(s, e)) continue;
    const value = Number(m[0].replace(/,/g, ''));
    const isShares = SHARE_WORDS.test(text.slice(e, e + 80));
    tokens.push({ kind: isShares ? 'shares' : 'number', value, iso: null, start: s, end: e, raw: m[0] });
  }
  return tokens.sort((a, b) => a.start - b.start);
}

/** Dollars keep their cents; sub-cent prices (`$.7924`) keep every printed digit. */
function roundCents(value: number, printed: string): number {
  const decimals = /\.(\d+)$/.exec(printed)?.[1]?.length ?? 0;
  return Number(value.toFixed(Math.max(decimals, 0)));
}

/** The number of decimals a percent was printed with (49.8 → 1), for rounding comparisons. */
export function printedDecimals(raw: string): number {
  return /\.(\d+)/.exec(raw)?.[1]?.length ?? 0;
}
