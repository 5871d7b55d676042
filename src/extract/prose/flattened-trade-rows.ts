/**
 * Trade tables whose line breaks are gone (tags stripped and white space collapsed, the way corpora distribute
 * filings), cut back into the lines they had: each date, count and price with only blanks between them is a row, and
 * the text between rows a heading. The trade readers (transactions.ts) then read the pieces as they read lines.
 *
 * Handles: Item 5(c) tables on one line (`flattenedTradeRows`) and flattened schedules of trades after the items, cells
 * in any order (`flattenedScheduleLines`). Linear in the sentence: one pass over its tokens and mentions.
 * Does not handle: tables of holders (flattened-holder-rows.ts).
 */
import type { PartyMention } from './parties.js';
import type { Token } from './tokens.js';
import { hasFraction } from './trade-vocabulary.js';
import type { ProseSentence } from './types.js';

/** What may stand between the cells of a flattened trade row: blanks, a footnote mark, a dollar sign, parentheses. */
const CELL_GAP = /^[\s*$()]{1,6}$/;

/** Between a count and the price after it, also a cell of the trade's side or class ("2,809 Purchase 13.4979"). */
const COUNT_PRICE_GAP = /^[\s*$()]{0,6}(?:Purchased?|Purchases|Sales?|Sold|Bought|Buy|Sell|Class [A-Z])[\s*$()]{1,6}$/;

/** A count cell: a whole number, no fraction after it (whether it is inside a name is the caller's last test). */
function isCountCell(s: ProseSentence, t: Token): boolean {
  return (t.kind === 'number' || t.kind === 'shares') && !/\./.test(t.raw) && !hasFraction(s.raw, t);
}

/** A price cell: money, or a number with decimals. */
function isPriceCell(t: Token): boolean {
  return t.kind === 'money' || (t.kind === 'number' && /\.\d+$/.test(t.raw));
}

/** Fewest date / count / price groups that make text a flattened trade table. */
const MIN_FLATTENED_ROWS = 3;

/**
 * The rows of a trade table whose line breaks are gone: three tokens in a row, a date, a count and a price, with only
 * blanks (or "*", "$", parentheses) between them, and between a count and the price after it maybe the trade's side or
 * class ("12/13/2024 2,809 Purchase 13.4979", "3/22/94 7,000 Class A $41.50"). `dateFirst`: in that order
 * ("2/15/2011 1,657 5.2988"); else in any order ("(9,022) 7.65 12/16/2015"). A row takes in the "(" or "$" just before it and the ")" or "*" just after it.
 * One pass over the sentence's tokens.
 */
function rowSpans(s: ProseSentence, dateFirst: boolean): { start: number; end: number }[] {
  const t = s.tokens;
  const rows: { start: number; end: number }[] = [];
  // (The mentions in text order, walked once: `inName` on every candidate would look at all of them each time.)
  const mentions = s.mentions.slice().sort((a, b) => a.start - b.start);
  let m = 0;
  const named = (c: Token): boolean => {
    for (let k = m; k < mentions.length && mentions[k]!.start <= c.start; k++) if (mentions[k]!.end >= c.end) return true;
    return false;
  };
  for (let i = 0; i + 2 < t.length; i++) {
    while (m < mentions.length && mentions[m]!.end <= t[i]!.start) m++;
    const cells = [t[i]!, t[i + 1]!, t[i + 2]!];
    const date = cells.filter((c) => c.kind === 'date');
    const count = cells.filter((c) => isCountCell(s, c));
    const price = cells.filter(isPriceCell);
    if (date.length !== 1 || count.length !== 1 || price.length !== 1 || (dateFirst && (cells[0] !== date[0] || cells[1] !== count[0]))) continue;
    const second = s.raw.slice(cells[1]!.end, cells[2]!.start);
    const secondOk = CELL_GAP.test(second) || (cells[1] === count[0] && cells[2] === price[0] && COUNT_PRICE_GAP.test(second));
    if (!CELL_GAP.test(s.raw.slice(cells[0]!.end, cells[1]!.start)) || !secondOk || named(count[0]!)) continue;
    let start = cells[0]!.start;
    let end = cells[2]!.end;
    if (start > 0 && /[($]/.test(s.raw[start - 1]!)) start--;
    if (end < s.raw.length && /[)*]/.test(s.raw[end]!)) end++;
    rows.push({ start, end });
    i += 2;
  }
  return rows;
}

/** A sentence cut at its rows: each row a piece, and the text between rows (trimmed, when any) a piece. */
function cutAtRows(s: ProseSentence, rows: { start: number; end: number }[]): { sentence: ProseSentence; row: boolean }[] {
  const out: { sentence: ProseSentence; row: boolean }[] = [];
  const cursor = { token: 0, mention: 0 };
  const mentions = s.mentions.slice().sort((a, b) => a.start - b.start);
  const push = (from: number, to: number, row: boolean): void => {
    while (from < to && /\s/.test(s.raw[from]!)) from++;
    while (to > from && /\s/.test(s.raw[to - 1]!)) to--;
    if (to > from) out.push({ sentence: sentencePiece(s, from, to, mentions, cursor), row });
  };
  let at = 0;
  for (const r of rows) {
    push(at, r.start, false);
    push(r.start, r.end, true);
    at = r.end;
  }
  push(at, s.raw.length, false);
  return out;
}

/**
 * A trade table whose line breaks are gone (tags stripped and white space collapsed, the way corpora distribute
 * filings): "… Loeb Arbitrage Fund Date Shares Average Price 2/15/2011 1,657 5.2988 2/14/2011 8,315 5.2825 …" in
 * 0001056569-11-000015 flattened, one sentence holding every row and every heading. Cut into the lines the table had:
 * each date followed by a count and a price (`rowSpans`) is a row, and the text between two rows ("Loeb Arbitrage
 * Offshore Partners, Ltd. Date Shares Average Price") a heading. A sentence with fewer than three such rows comes
 * back as it was (a table as filed has one row per line, which this never cuts). Linear in the sentence.
 */
export function flattenedTradeRows(s: ProseSentence): ProseSentence[] {
  const rows = rowSpans(s, true);
  if (rows.length < MIN_FLATTENED_ROWS) return [s];
  return cutAtRows(s, rows).map((p) => p.sentence);
}

/**
 * The sentences of a flattened schedule of trades (an appendix whose lines all run into one, "SCHEDULE B FARALLON
 * CAPITAL PARTNERS, L.P. TRADE DATE NO. OF SHARES DISPOSED OF PRICE PER SHARE ($) 6/13/2008 66,500 $22.00 1 …" in
 * 0001313250-08-000037 flattened) cut at their rows, cells in any order (`rowSpans`); null when the sentences hold
 * fewer than three rows in all. Only the pieces marked `row` may be rows: the rest, prose included, are headings.
 */
export function flattenedScheduleLines(sentences: ProseSentence[]): { sentence: ProseSentence; row: boolean }[] | null {
  const spans = sentences.map((s) => rowSpans(s, false));
  if (spans.reduce((n, r) => n + r.length, 0) < MIN_FLATTENED_ROWS) return null;
  return sentences.flatMap((s, i) => (spans[i]!.length > 0 ? cutAtRows(s, spans[i]!) : [{ sentence: s, row: false }]));
}

/**
 * The part `from`–`to` of a sentence as a sentence of its own, its tokens and mentions shifted to the part. `cursor`
 * walks the sentence's tokens and (sorted) mentions once over successive calls with increasing `from`.
 */
function sentencePiece(s: ProseSentence, from: number, to: number, mentions: PartyMention[], cursor: { token: number; mention: number }): ProseSentence {
  const tokens: Token[] = [];
  while (cursor.token < s.tokens.length && s.tokens[cursor.token]!.start < from) cursor.token++;
  for (; cursor.token < s.tokens.length && s.tokens[cursor.token]!.end <= to; cursor.token++) {
    const k = s.tokens[cursor.token]!;
    tokens.push({ ...k, start: k.start - from, end: k.end - from });
  }
  const own: PartyMention[] = [];
  while (cursor.mention < mentions.length && mentions[cursor.mention]!.start < from) cursor.mention++;
  for (; cursor.mention < mentions.length && mentions[cursor.mention]!.end <= to; cursor.mention++) {
    const m = mentions[cursor.mention]!;
    own.push({ ...m, start: m.start - from, end: m.end - from });
  }
  const raw = s.raw.slice(from, to);
  return { itemNumber: s.itemNumber, documentSequence: s.documentSequence, source: s.source, start: s.start + from, end: s.start + to, raw, text: raw.replace(/\s+/g, ' ').trim(), tokens, mentions: own, index: s.index };
}
