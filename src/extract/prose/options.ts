/**
 * Options and warrants granted or issued to a holder: "On August 31, 1999, … the Issuer issued … (i) nonqualified
 * options exercisable for 8,618 shares of Common Stock directly to the US Fund and (ii) … 1,382 shares … to the
 * Offshore Fund", "the Board granted an immediately exercisable option to purchase 10,000 shares of Common Stock to
 * each of Robert L. Ross and Richard M. Maurer", "Mr. X was granted options to purchase 5,000 shares".
 *
 * Handles: the grant date of the sentence, one row per recipient (coordinated and "each of" recipients), exercise
 * price and expiry date stated in the same sentence or in the next one about "such options"/"the options".
 * Also the options and warrants a holder has, from the positions stated in shares underlying them (`heldOptions`).
 * Does not handle: vesting schedules, or warrants attached to notes (notes.ts).
 */
import { holderColumns, holdersOf, isHypothetical, leadingDate, partiesAfter, segmentAt, subjectBefore } from './clauses.js';
import type { Party } from './parties.js';
import type { Token } from './tokens.js';
import { PRICE_LEAD_SOURCE } from './trade-vocabulary.js';
import { nameKey } from './parties.js';
import { evidence, provenance, type Evidence, type Found, type HoldingRow, type OptionRow, type ProseContext, type ProseSentence, type TransactionRow } from './types.js';

const GRANT_VERB = /\b(?:granted|issued|awarded|received|was\s+granted|were\s+granted|in\s+lieu\s+of\s+granting)\b/i;
const COVERS = /\b(options?|warrants?)\b(?:(?!\b(?:options?|warrants?)\b)[^;.]){0,60}?\b(?:exercisable\s+(?:for|into)|to\s+(?:purchase|acquire)|over|covering)\s+(?:an\s+aggregate\s+of\s+|up\s+to\s+|a\s+total\s+of\s+)?$/i;

export interface OptionReading {
  options: Found<OptionRow>[];
  transactions: Found<TransactionRow>[];
}

export function readOptionGrants(s: ProseSentence, next: ProseSentence | null, ctx: ProseContext): OptionReading {
  const options: Found<OptionRow>[] = [];
  const transactions: Found<TransactionRow>[] = [];
  if (!GRANT_VERB.test(s.raw) || isHypothetical(s.raw.slice(0, 40))) return { options, transactions };
  const date = leadingDate(s, ctx);
  for (const t of s.tokens) {
    if (t.kind !== 'shares') continue;
    const sliceStart = Math.max(0, t.start - 120);
    const lead = COVERS.exec(s.raw.slice(sliceStart, t.start));
    if (!lead) continue;
    const seg = segmentAt(s.raw, t.start);
    const kind: OptionRow['kind'] = /warrant/i.test(lead[1]!) ? 'warrant' : 'option';
    // Recipient: "… directly to the US Fund", "… to each of A and B"; else the subject of "received"/"was granted".
    let recipients: Party[] = holdersOf(s, partiesAfter(s, t.end, /^[\s\S]{0,80}?\b(?:directly\s+)?to\s+(?:each\s+of\s+)?(?:the\s+)?/i, 140));
    if (!recipients.length) {
      const verb = /\b(?:received|was\s+granted|were\s+granted|holds?|acquired)\b/i.exec(s.raw.slice(seg.start, t.start));
      if (verb) recipients = holdersOf(s, subjectBefore(s, seg.start + verb.index, seg.start));
    }
    if (!recipients.length) continue;
    const terms = optionTerms(s, t.end, s.raw.length) ?? (next && /^\s*(?:such|the|these|each\s+such|all\s+such)\s+(?:options?|warrants?)\b/i.test(next.raw) ? optionTerms(next, 0, next.raw.length) : null);
    const securityName = describe(s.raw, sliceStart + lead.index, lead[1]!);
    for (const p of recipients) {
      options.push({
        row: {
          kind,
          status: 'granted',
          ...holderColumns(p),
          security: securityName,
          shares: t.value,
          exercisePrice: terms?.price ?? null,
          grantDate: date,
          expiryDate: terms?.expiry ?? null,
          ...provenance(s),
        },
        evidence: { shares: evidence(s, t.start, t.end), ...(terms?.evidence ?? {}) },
      });
      transactions.push({
        row: {
          transactionDate: date,
          ...holderColumns(p),
          action: 'grant',
          security: securityName,
          shares: t.value,
          principalAmount: null,
          pricePerShare: terms?.price ?? null,
          consideration: null,
          convertibleIntoShares: null,
          sourceOfFunds: null,
          ...provenance(s),
        },
        evidence: { shares: evidence(s, t.start, t.end) },
      });
    }
  }
  return { options, transactions };
}

/** The words before a price per share, in the trade vocabulary ("at $41.50 per share", "at a price of …"). */
const PER_SHARE_PRICE = new RegExp(String.raw`${PRICE_LEAD_SOURCE}(?=\$[\d.,]+\s+per\s+share)`, 'i');

/** "an exercise price of $2.38", "expiration date of 8/31/04", "expire on …", "expiring …". */
function optionTerms(s: ProseSentence, from: number, to: number): { price: number | null; expiry: string | null; evidence: Record<string, Evidence> } | null {
  const text = s.raw.slice(from, to);
  let price: number | null = null;
  let expiry: string | null = null;
  const ev: Record<string, Evidence> = {};
  const p = /\bexercise\s+price\s+(?:of|equal\s+to|is)\s+/i.exec(text) ?? PER_SHARE_PRICE.exec(text);
  if (p) {
    const at = from + p.index + p[0].length;
    const tok: Token | undefined = s.tokens.find((t) => t.kind === 'money' && t.start >= at && t.start <= at + 2);
    if (tok) {
      price = tok.value;
      ev.exercisePrice = evidence(s, tok.start, tok.end);
    }
  }
  const e = /\b(?:expiration\s+date\s+(?:of|is)|expir(?:e|es|ing)\s+(?:on\s+)?|terminat(?:e|es|ing)\s+on)\s*/i.exec(text);
  if (e) {
    const at = from + e.index + e[0].length;
    const tok = s.tokens.find((t) => t.kind === 'date' && t.start >= at && t.start <= at + 3);
    if (tok) {
      expiry = tok.iso;
      ev.expiryDate = evidence(s, tok.start, tok.end);
    }
  }
  return price !== null || expiry !== null ? { price, expiry, evidence: ev } : null;
}

/** "nonqualified options", "incentive stock options", "Common Stock purchase warrants": the noun and its kind words. */
function describe(raw: string, at: number, noun: string): string {
  const before = /((?:(?:non-?qualified|incentive|stock|director|employee|purchase|Common|Stock|Class\s+[A-Z]|Series\s+[A-Z0-9]+|[A-Z][\w-]*)\s+){0,3})$/.exec(raw.slice(Math.max(0, at - 60), at));
  const words = (before?.[1] ?? '').trim();
  return `${words} ${noun}`.trim();
}

/**
 * Options and warrants a holder has, from the positions the prose states in shares underlying them ("200,104 shares
 * … issuable upon the exercise of the Second Warrants owned by Mrs. Bodner", "406,536 options to purchase Ordinary
 * Shares", "800,000 Common Shares underlying the 2010 options granted to the Reporting Person"): one row per
 * (holder, kind, shares), status `issued` (the holder has them). A position that restates grants already recorded
 * for the holder — the same count, or the sum of the holder's grants of that kind ("holds … Fleming Options
 * exercisable into 30,163 shares" after four grants adding up to 30,163) — is not another instrument.
 */
export function heldOptions(holdings: Found<HoldingRow>[], recorded: Found<OptionRow>[]): Found<OptionRow>[] {
  const out: Found<OptionRow>[] = [];
  const known = new Set<string>();
  const sums = new Map<string, number>();
  for (const o of recorded) {
    const k = `${nameKey(o.row.holder)}|${o.row.kind}`;
    known.add(`${k}|${o.row.shares}`);
    sums.set(k, (sums.get(k) ?? 0) + (o.row.shares ?? 0));
  }
  for (const h of holdings) {
    const kind = h.row.securityKind;
    if (h.row.role !== 'underlying' || (kind !== 'option' && kind !== 'warrant') || h.row.shares === null) continue;
    const k = `${nameKey(h.row.holder)}|${kind}`;
    if (known.has(`${k}|${h.row.shares}`) || sums.get(k) === h.row.shares) continue;
    known.add(`${k}|${h.row.shares}`);
    const { itemNumber, documentSequence, spanStart, spanEnd, sentence } = h.row;
    out.push({
      row: { kind, status: 'issued', holder: h.row.holder, reportingPersonOrdinal: h.row.reportingPersonOrdinal, security: h.row.security, shares: h.row.shares, exercisePrice: null, grantDate: null, expiryDate: null, itemNumber, documentSequence, spanStart, spanEnd, sentence },
      evidence: { shares: h.evidence.shares! },
    });
  }
  return out;
}
