/**
 * The counts one verb of holding governs: the list of positions joined to its first count by "and", "plus" or an
 * enumerator ("beneficially owns 9,418,231 shares of Common Stock and Warrants to purchase 116,070 shares"), each
 * position's words up to where the next may start, and the counts paired with the subjects by "respectively". Apart
 * from holdings.ts, which finds the verb and its holders and builds the rows from these positions.
 * Does not handle: the holders (holdings.ts, position-holders.ts) or the rows' fields (holdings.ts).
 */
import { securityAfter } from './clauses.js';
import type { Token } from './tokens.js';
import type { ProseContext, ProseSentence } from './types.js';
import { CONSISTING_OF, COUNT_LIST_JOIN, INSTRUMENT_COUNT, LIST_JOIN, LISTED_POSITION_LEAD, POSITION_TAIL, RESPECTIVE_LIST_LEAD } from './holding-rules.js';

interface Position {
  token: Token;
  prefix: string;
  end: number;
  /** A part of the position before it, listed after "consisting of" (the subject's total is the whole). */
  part?: boolean;
}

/**
 * The positions a verb governs: the first count, then each count joined to it by "and", "plus" or an enumerator,
 * optionally introduced by option/warrant words ("and Warrants to purchase 116,070 shares") or a definite article
 * ("(ii) the 96,539 shares … held by Goldman Sachs"). "consisting of (i) …" lists the parts of the first position.
 */
export function positionList(s: ProseSentence, ctx: ProseContext, first: Token, firstPrefix: string, limit: number): Position[] {
  const out: Position[] = [{ token: first, prefix: firstPrefix, end: limit }];
  let cursor = afterPosition(s, ctx, first);
  let parts = false;
  for (let guard = 0; guard < 12; guard++) {
    let rest = s.raw.slice(cursor, limit);
    const consisting = CONSISTING_OF.exec(rest);
    if (consisting) {
      cursor += consisting[0].length;
      rest = s.raw.slice(cursor, limit);
      parts = true;
    }
    const join = LIST_JOIN.exec(rest);
    if (!join || (!join[0].trim() && !consisting)) break;
    const from = cursor + join[0].length;
    const next = s.tokens.find((t) => t.start >= from && t.start < limit && (t.kind === 'shares' || t.kind === 'number' || t.kind === 'money' || t.kind === 'percent'));
    if (!next || (next.kind !== 'shares' && !(next.kind === 'number' && INSTRUMENT_COUNT.test(s.raw.slice(next.end, next.end + 40))))) break;
    const between = s.raw.slice(from, next.start);
    if (between.length > 70 || !LISTED_POSITION_LEAD.test(between)) break;
    out.push({ token: next, prefix: between, end: limit, ...(parts ? { part: true } : {}) });
    cursor = afterPosition(s, ctx, next);
  }
  for (let i = 0; i < out.length - 1; i++) out[i]!.end = out[i + 1]!.token.start;
  return out;
}

/** Where a position's words end: its security, conversion, "issuable upon exercise of …", "held (directly) by …". */
function afterPosition(s: ProseSentence, ctx: ProseContext, t: Token): number {
  let end = securityAfter(s, t, ctx).end;
  // A count of instruments that are no security name ("16,341 RSUs and 34,151 Share Options"): the instrument word
  // ends the position, so the list goes on after it.
  if (end === t.end) {
    const instrument = INSTRUMENT_COUNT.exec(s.raw.slice(t.end, t.end + 60));
    if (instrument) end += instrument[0].length;
  }
  const tail = POSITION_TAIL.exec(s.raw.slice(end));
  if (tail) end += tail[0].length;
  return end;
}

/** Counts listed right after the verb and paired with the subjects by "respectively". */
export function respectively(s: ProseSentence, from: number, n: number): Token[] | null {
  const rest = s.raw.slice(from);
  const end = rest.search(/\brespectively\b/i);
  if (end < 0 || end > 400) return null;
  const list: Token[] = [];
  let cursor = from;
  for (const t of s.tokens) {
    if (t.start < cursor || t.start > from + end) continue;
    if (t.kind !== 'number' && t.kind !== 'shares') break;
    const gap = s.raw.slice(cursor, t.start);
    if (list.length === 0 ? !RESPECTIVE_LIST_LEAD.test(gap) : !COUNT_LIST_JOIN.test(gap)) break;
    list.push(t);
    cursor = t.end;
    if (t.kind === 'shares') break;
  }
  return list.length === n && list[n - 1]!.kind === 'shares' ? list : null;
}
