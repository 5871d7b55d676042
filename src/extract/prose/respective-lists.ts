/**
 * Lists of counts paired with a list of parties by "respectively": "the Funds purchased 322,809, 63,957 and 4,400
 * shares, respectively", "667 and Life Sciences exchanged 4,776 and 52,881 shares of Common Stock, respectively, for
 * 4,780 and 52,925 Prefunded Warrants, respectively" (both sides of an exchange).
 * Does not handle: the parties' list (the caller pairs the counts with the subject), or a list without "respectively".
 */
import { COUNT_LIST_JOIN } from './holding-rules.js';
import type { Token } from './tokens.js';
import type { ProseSentence } from './types.js';

/** After the last count of a list: "shares, respectively", "shares of Common Stock, respectively". */
const RESPECTIVELY_AFTER = /^\s*(?:(?:shares?|Shares|units?|Units)(?:\s+of\s+(?:the\s+Issuer['\u2019]s\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:[Ss]tock|[Ss]hares))?)?\s*,?\s*respectively\b/i;

/**
 * The counts of a list that ends at `last` and is paired by "respectively" right after it ("322,809, 63,957 and 4,400
 * shares, respectively"), from the verb on; null when `last` is a count of its own.
 */
export function respectiveCounts(s: ProseSentence, verbEnd: number, last: Token): Token[] | null {
  if (!RESPECTIVELY_AFTER.test(s.raw.slice(last.end, last.end + 80))) return null;
  const list: Token[] = [last];
  for (let i = s.tokens.indexOf(last) - 1; i >= 0; i--) {
    const t = s.tokens[i]!;
    if (t.end <= verbEnd || (t.kind !== 'number' && t.kind !== 'shares') || !COUNT_LIST_JOIN.test(s.raw.slice(t.end, list[0]!.start))) break;
    list.unshift(t);
  }
  return list.length >= 2 ? list : null;
}

/**
 * What each party of a list received in an exchange, "for 4,780 and 52,925 Prefunded Warrants, respectively" right
 * after the counts given up (go-edgar__vtv_13d_item4: "exchanged 4,776 and 52,881 shares …, respectively, for …"): one
 * count per party, with the security named between the last count and "respectively"; null when the list is not as
 * long as the parties'.
 */
export function receivedCounts(s: ProseSentence, from: number, to: number, parties: number): { counts: Token[]; security: string | null } | null {
  const lead = /^\s*(?:,\s*)?(?:respectively\s*,?\s*)?for\s+/i.exec(s.raw.slice(from, to));
  if (!lead) return null;
  const at = from + lead[0].length;
  const first = s.tokens.find((t) => t.start === at && (t.kind === 'number' || t.kind === 'shares'));
  if (!first) return null;
  const list = [first];
  for (let i = s.tokens.indexOf(first) + 1; i < s.tokens.length; i++) {
    const t = s.tokens[i]!;
    if (t.start >= to || (t.kind !== 'number' && t.kind !== 'shares') || !COUNT_LIST_JOIN.test(s.raw.slice(list[list.length - 1]!.end, t.start))) break;
    list.push(t);
  }
  const last = list[list.length - 1]!;
  const named = /^\s*((?:[\w-]+\s+){0,4}[\w-]+)\s*,?\s*respectively\b/i.exec(s.raw.slice(last.end, last.end + 80));
  if (list.length !== parties || !named) return null;
  return { counts: list, security: /^[A-Z]/.test(named[1]!) ? named[1]!.replace(/\s+/g, ' ') : null };
}
