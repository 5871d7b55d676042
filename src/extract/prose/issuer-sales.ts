/**
 * Shares the issuer agreed to sell to a holder, bought when a later sentence says the sale closed: "On July 22, 2024,
 * the Issuer entered into a Purchase Agreement with …, pursuant to which the Issuer agreed to issue and sell in a
 * private placement ("Private Placement I") (i) 16,247,069 shares of Common Stock to Affinity Parallel LP at an
 * offering price of $9.14 per share …, and (ii) 164,310 shares of Common Stock to Affinity LP at … . On July 25, 2024,
 * Private Placement I closed." (0001140361-25-017533): one purchase per count, by the party the count is sold to, on
 * the closing date.
 *
 * Handles: "(agreed to) issue and sell" / "sell and issue" with the issuer as subject, the sale named by a defined term
 * in the same sentence, and its closing in one of the next sentences of the item ("On DATE, <term> closed", "<term>
 * closed on DATE", "was consummated" / "was completed" for "closed").
 * Does not handle: an agreement whose closing no sentence states (no trade yet), a sale no term names, or trades the
 * holder's own verb states (transactions.ts).
 */
import { securityAfter, segmentAt, subjectBefore } from './clauses.js';
import { perShareIn, saleRow } from './transactions.js';
import type { Found, ProseContext, ProseSentence, TransactionRow } from './types.js';
import { matchesOf } from '../../matches.js';
import { escapeRegExp } from '../../regexp-escape.js';

/** The issuer's verb of a sale: "agreed to issue and sell", "will sell and issue". */
const ISSUE_AND_SELL = /\b(?:issue\s+and\s+sell|sell\s+and\s+issue)\b/gi;
/** The issuer named before its verb without a party's name: "the Issuer", "the Company". */
const ISSUER_WORD = /\b(?:the\s+)?(?:Issuer|Company)\s+(?:has\s+|had\s+)?(?:agreed\s+to\s+|will\s+|would\s+)?$/;
/** The sale's term, defined in the sentence: `("Private Placement I")`. */
const SALE_TERM = /\(\s*(?:the\s+)?["\u201c]([^"\u201d]{2,60})["\u201d]\s*\)/;
/** The buyer after a count's security: " to Affinity Parallel LP". */
const SOLD_TO = /^\s*,?\s*to\s+/i;
/** How many sentences after the sale its closing may be stated. */
const CLOSING_WINDOW = 4;

/** The purchases that the issuer's sales in `sentences` (one item) make once their closing is stated. */
export function readIssuerSales(sentences: ProseSentence[], ctx: ProseContext): Found<TransactionRow>[] {
  const out: Found<TransactionRow>[] = [];
  sentences.forEach((s, i) => {
    for (const m of matchesOf(ISSUE_AND_SELL, s.raw)) {
      const seg = segmentAt(s.raw, m.index);
      const before = s.raw.slice(Math.max(seg.start, m.index - 40), m.index);
      const bySubject = subjectBefore(s, m.index, seg.start).some((x) => ctx.parties.isIssuer(x.party));
      if (!bySubject && !ISSUER_WORD.test(before)) continue;
      const rest = s.raw.slice(m.index + m[0].length);
      const term = SALE_TERM.exec(rest);
      if (!term) continue;
      const date = closingDate(sentences.slice(i + 1, i + 1 + CLOSING_WINDOW), term[1]!.trim());
      if (!date) continue;
      const from = m.index + m[0].length;
      const counts = s.tokens.filter((t) => t.kind === 'shares' && t.start >= from);
      counts.forEach((t, k) => {
        const sec = securityAfter(s, t, ctx);
        const to = SOLD_TO.exec(s.raw.slice(sec.end, sec.end + 12));
        if (!to) return;
        const at = sec.end + to[0].length;
        const buyer = s.mentions.find((x) => x.start >= at && x.start <= at + 4 && !x.party.group && !ctx.parties.isIssuer(x.party));
        if (!buyer) return;
        const end = counts[k + 1]?.start ?? s.raw.length;
        out.push(saleRow(s, buyer.party, date, sec.name, t, perShareIn(s, buyer.end, end)));
      });
    }
  });
  return out;
}

/** The date of the first sentence stating that the sale `term` closed: "On July 25, 2024, Private Placement I closed". */
function closingDate(sentences: ProseSentence[], term: string): string | null {
  const name = escapeRegExp(term).replace(/\s+/g, '\\s+');
  const closed = String.raw`(?:closed|was\s+consummated|was\s+completed)`;
  const before = new RegExp(String.raw`^\W*On\s+([^;:]{6,40}?),?\s+(?:the\s+)?${name}\s+${closed}\b`, 'i');
  const after = new RegExp(String.raw`\b${name}\s+${closed}\s+on\s+`, 'i');
  for (const s of sentences) {
    const lead = before.exec(s.raw);
    if (lead) {
      const date = s.tokens.find((t) => t.kind === 'date' && t.end <= lead[0].length);
      if (date?.iso) return date.iso;
    }
    const trail = after.exec(s.raw);
    if (trail) {
      const at = trail.index + trail[0].length;
      const date = s.tokens.find((t) => t.kind === 'date' && t.start >= at && t.start <= at + 2);
      if (date?.iso) return date.iso;
    }
  }
  return null;
}
