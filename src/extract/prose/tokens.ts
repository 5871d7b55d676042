/**
 * The numbers of a sentence: share counts, dollar amounts, percentages and dates, each with its span and value.
 *
 * Handles: `4,382,947`, `5'288'262`, `293.50`, `$349,939.27`, `$.7924`, `$2 million`, `U.S.$25.0 million`, `49.8%`,
 * `10 percent`, and every date form of the lexicon (`February 16, 2001`, `16 February 2001`, `12/20/04`, `07-06-94`,
 * `2003-04-15`, …; see ../lexicon/dates.ts); a dollar sign on a share count (`$42,478 shares`) is reported as a typo,
 * never as money. Dates and amounts are read by the shared lexicon; this module decides what claims which digits.
 * Does not handle: numbers in words ("five years") or fractions ("10 1/4%" is read as 10 and 1/4 is ignored).
 */

import { findDates, findMoney } from '../lexicon/index.js';

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
  /**
   * A money token whose next word is "shares": probably a typo for a share count. Null on every other token, never
   * left out: tokens of one shape keep the readers' code monomorphic (an optional field gave V8 two maps to handle).
   */
  typo: 'dollar-sign-on-shares' | null;
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

/** Dates first: their digits are never read as counts or amounts. */
function scanDates(text: string, claimed: ClaimedSpans): Token[] {
  const out: Token[] = [];
  for (const d of findDates(text)) {
    claimed.claim(d.start, d.end);
    out.push({ kind: 'date', value: NaN, iso: d.iso, start: d.start, end: d.end, raw: text.slice(d.start, d.end), typo: null });
  }
  claimed.endPass();
  return out;
}

const PERCENT = /(?<![\d.,])(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)/g;
/** Thousands grouped by commas, or by apostrophes in the Swiss style ("5'288'262"). */
const NUMBER = /(?<![\w.,$/'\u2019-])(\d{1,3}(?:,\d{3})+|\d{1,3}(?:['\u2019]\d{3})+|\d+)(\.\d+)?(?![\w%/]|[,'\u2019]\d)/g;
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
  for (const m of findMoney(text)) {
    if (taken(m.start, m.end)) continue;
    const token: Token = { kind: 'money', value: m.value, iso: null, start: m.start, end: m.end, raw: text.slice(m.start, m.end), typo: null };
    if (!m.scale && /^\s+(?:shares|Shares)\b/.test(text.slice(m.end, m.end + 10)) && !/\./.test(m.digits)) token.typo = 'dollar-sign-on-shares';
    push(token);
  }
  claimed.endPass();
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(text); m; m = PERCENT.exec(text)) {
    const s = m.index;
    const e = m.index + m[0].length;
    if (taken(s, e)) continue;
    push({ kind: 'percent', value: Number(m[1]), iso: null, start: s, end: e, raw: m[0], typo: null });
  }
  claimed.endPass();
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const s = m.index;
    const e = m.index + m[0].length;
    if (taken(s, e)) continue;
    const value = Number(m[0].replace(/[,'\u2019]/g, ''));
    const isShares = SHARE_WORDS.test(text.slice(e, e + 80));
    tokens.push({ kind: isShares ? 'shares' : 'number', value, iso: null, start: s, end: e, raw: m[0], typo: null });
  }
  return tokens.sort((a, b) => a.start - b.start);
}

/** The number of decimals a percent was printed with (49.8 → 1), for rounding comparisons. */
export function printedDecimals(raw: string): number {
  return /\.(\d+)/.exec(raw)?.[1]?.length ?? 0;
}
