/**
 * Transactions in shares: purchases, sales, dividends paid in shares and conversions, each with its date, holder,
 * quantity, price or consideration, and (from Item 3) source of funds.
 *
 * Handles: "On February 16, 2001, the US Fund purchased for a purchase price of about $2,585,500, 25,855 shares of
 * … Series A … Preferred Stock …, convertible on such date into about 1,088,632 shares …"; "sold 10,000 shares at
 * $5.25 per share"; dividend lists "(a) March 30, 2001, a dividend of 2,422 shares of Series A Preferred Stock,
 * convertible on such date into 101,979 shares …" under "The US Fund has received the following dividends";
 * "converted N shares of X into M shares"; "purchased such shares … with its working capital" to set the source of
 * funds of earlier purchases.
 * Does not handle: transactions in notes (notes.ts) and option grants (options.ts), which their readers report, or
 * trades read one line at a time (trade tables of Item 5(c), schedule lines: trade-tables.ts).
 */
import { holderColumns, holdersOf, isHypothetical, leadingDate, securityAfter, segmentAt, segments, subjectBefore } from './clauses.js';
import type { Party } from './parties.js';
import { receivedCounts, respectiveCounts } from './respective-lists.js';
import { firstTokenIn, type Token } from './tokens.js';
import { NOT_A_TRADE_BEFORE, PRICE_LEAD_SOURCE, PRICE_PER_SHARE_LEAD_SOURCE, withFraction } from './trade-vocabulary.js';
import { evidence, provenance, type Found, type ProseContext, type ProseSentence, type TransactionAction, type TransactionRow } from './types.js';
import { pushAll } from '../../arrays.js';
import { matchesOf } from '../../matches.js';

/**
 * Trade verbs; "puchased", the common misspelling with its "r" dropped, too (0000905718-94-000018); "exchanged" (shares
 * given up for another security: "667 and Life Sciences exchanged 4,776 and 52,881 shares of Common Stock,
 * respectively, for …").
 */
const TRADE_VERB = /\b(pur?chased|acquired|bought|sold|disposed\s+of|converted|exchanged)\b/gi;

/** Only a conjunction between a clause's start and its verb: the verb shares the previous verb's subject. */
const COORDINATED_VERB_LEAD = /^[\s,;]*(?:and|but)\s+(?:then\s+|also\s+)?$/i;

export function readTransactions(s: ProseSentence, ctx: ProseContext): Found<TransactionRow>[] {
  const out: Found<TransactionRow>[] = [];
  if (/^\W*(?:assuming|if)\b/i.test(s.raw)) return out;
  let lastSubject: Party[] = [];
  let lastPerfect = false;
  const sentenceDate = leadingDate(s, ctx) ?? s.tokens.find((t) => t.kind === 'date')?.iso ?? null;
  TRADE_VERB.lastIndex = 0;
  for (let m = TRADE_VERB.exec(s.raw); m; m = TRADE_VERB.exec(s.raw)) {
    const seg = segmentAt(s.raw, m.index);
    const verbEnd = m.index + m[0].length;
    // Passive ("shares purchased by …") and future/conditional forms are not reports of a trade.
    const before = s.raw.slice(Math.max(seg.start, m.index - 30), m.index);
    if (NOT_A_TRADE_BEFORE.test(before)) continue;
    if (/^\s+by\b/i.test(s.raw.slice(verbEnd, verbEnd + 5))) continue;
    const token = s.tokens.find((t) => t.start >= verbEnd && t.start < seg.end && t.kind === 'shares');
    // "sold (a) 15,000 shares … for $5-15/16 per share and (b) 18,000 shares for $5.9175 per share": the verb's object
    // is an enumeration of lots, each a trade at its own price.
    const lots = token ? null : enumeratedLots(s, verbEnd, seg.end);
    if (!token && !lots) continue;
    if (token) {
      const prefix = s.raw.slice(verbEnd, token.start);
      // "has acquired economic exposure to 22,176,000 shares … underlying the Put/Call Pairs": a derivative, no trade
      // in the shares.
      if (prefix.length > 140 || /\b(?:such|said|the|these|those)\s+$/i.test(prefix) || /\b(?:options?|warrants?|notes?|exposure)\b/i.test(prefix)) continue;
      if (isHypothetical(s.raw.slice(seg.start, token.end))) continue;
      // "converted into the right to receive approximately 0.11969414 shares": a ratio per share, not a count traded.
      if (token.value < 1) continue;
    }
    let subject = holdersOf(s, subjectBefore(s, m.index, seg.start));
    // The issuer exchanging its holders' shares ("the Issuer exchanged an aggregate of 57,657 shares … held by the
    // Funds for 57,705 Prefunded Warrants") issues a security: the trades are the holders', stated from their side.
    if (actionOf(m[1]!) === 'exchange' && subject.some((p) => ctx.parties.isIssuer(p))) continue;
    const coordinated = !subject.length && lastSubject.length > 0 && COORDINATED_VERB_LEAD.test(s.raw.slice(seg.start, m.index));
    // A second verb of the same subject: "the Reporting Person bought 300 Shares at …; and sold 450 Shares at …".
    if (coordinated) subject = lastSubject;
    if (!subject.length) continue;
    lastSubject = subject;
    // The present perfect without a date sums up trades ("Since Amendment No. 2 GLP has acquired 68,175 Beneficial
    // Shares … and converted 1,030,000 shares", "has acquired an aggregate of 11,236,409 shares … through several
    // private placements"): no one trade. (A coordinated verb shares its auxiliary.)
    const perfect: boolean = /\b(?:has|have)\s+(?:(?:also|since|previously|recently|now|thus|already|collectively|together)\s+)?$/i.test(before) || (lastPerfect && (coordinated || /\band\s+$/i.test(before)));
    lastPerfect = perfect;
    if (perfect && !sentenceDate) continue;
    if (lots) {
      const date = tradeDate(s, ctx, seg);
      for (const lot of lots) {
        const sec = securityAfter(s, lot.token, ctx);
        const perShare = perShareIn(s, sec.end, lot.end);
        for (const p of subject) out.push(row(s, p, actionOf(m[1]!), date, sec.name, lot.token, null, perShare, null));
      }
      continue;
    }
    if (!token) continue;
    // "the Funds purchased 322,809, 63,957 and 4,400 shares, respectively": one count per party of the subject list,
    // or none when the subject is no list of as many parties (the last count is not the whole subject's trade).
    const listed = respectiveCounts(s, verbEnd, token);
    if (listed) {
      const parties = subjectBefore(s, m.index, seg.start);
      if (parties.length !== listed.length) continue;
      const action = actionOf(m[1]!);
      const sec = securityAfter(s, token, ctx);
      const perShare = perShareIn(s, sec.end, seg.end);
      const date = tradeDate(s, ctx, seg);
      listed.forEach((t, k) => out.push(row(s, parties[k]!.party, action, date, sec.name, t, null, perShare, null)));
      if (action === 'exchange') {
        const received = receivedCounts(s, sec.end, seg.end, listed.length);
        received?.counts.forEach((t, k) => out.push(row(s, parties[k]!.party, action, date, received.security, t, null, null, null)));
      }
      continue;
    }
    const action = actionOf(m[1]!);
    const sec = securityAfter(s, token, ctx);
    const convertible = conversionShares(s, sec.end, seg.end);
    const consideration = moneyMatching(s, verbEnd, seg.end, /\b(?:for\s+(?:a|an|the)\s+(?:aggregate\s+)?(?:purchase\s+)?price\s+of|for\s+(?:an\s+)?(?:aggregate\s+)?(?:consideration|purchase\s+price)\s+of|for\s+a\s+total\s+of|aggregate\s+(?:purchase\s+)?price\s+of|for)\s+(?:about\s+|approximately\s+)?$/i, token);
    const perShare = perShareIn(s, sec.end, seg.end);
    const date = tradeDate(s, ctx, seg);
    for (const p of subject) {
      out.push(row(s, p, action, date, sec.name, token, convertible, perShare, consideration));
    }
  }
  pushAll(out, readDividends(s, ctx));
  return out;
}

/**
 * The words before a price per share (the trade vocabulary's: "at $5.25", "for $5-15/16", "at a purchase price of
 * $22.75", "for a weighted average price of $5.0865"), or a parenthesis
 * after the aggregate price: "for an aggregate purchase price of approximately $52,863,292 (approximately $10.60 per
 * share)".
 */
const PER_SHARE_LEAD = new RegExp(String.raw`(?:${PRICE_LEAD_SOURCE}|\d\s*\(\s*(?:approximately\s+|about\s+)?)$`, 'i');

/** The words before a price that say "per share" before it: "at a price per share of $18.25". */
const PER_SHARE_OF_LEAD = new RegExp(String.raw`${PRICE_PER_SHARE_LEAD_SOURCE}$`, 'i');

/** The price per share stated in `[from, to)` of the sentence ("at $5.25 per share", "at a price per share of $5.25"), or null. */
export function perShareIn(s: ProseSentence, from: number, to: number): Token | null {
  return moneyMatching(s, from, to, PER_SHARE_LEAD, null, /^\s+per\s+(?:share|unit)/i) ?? moneyMatching(s, from, to, PER_SHARE_OF_LEAD, null);
}

/** A trade's date: the sentence's leading date, else the first date of the verb's clause. */
function tradeDate(s: ProseSentence, ctx: ProseContext, seg: { start: number; end: number }): string | null {
  return leadingDate(s, ctx) ?? s.tokens.find((t) => t.kind === 'date' && t.start >= seg.start && t.start < seg.end)?.iso ?? null;
}

function actionOf(verb: string): TransactionAction {
  const v = verb.toLowerCase();
  return v === 'sold' || v.startsWith('disposed') ? 'sale' : v === 'converted' ? 'conversion' : v === 'exchanged' ? 'exchange' : 'purchase';
}

/** An enumerator at the start of a clause, then the lot's count: "(a) 15,000 shares", "(ii) 3,000 Shares". */
const LOT_LEAD = /^\s*\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s*$/;

/**
 * The lots a verb with nothing after it in its clause enumerates: each following clause that is an enumerator and a
 * share count ("sold (a) 15,000 shares … and (b) 18,000 shares for $5.9175 per share"), up to the first that is not.
 * Null when there are fewer than two.
 */
function enumeratedLots(s: ProseSentence, verbEnd: number, segEnd: number): { token: Token; end: number }[] | null {
  if (s.raw.slice(verbEnd, segEnd).trim()) return null;
  const out: { token: Token; end: number }[] = [];
  for (const seg of segments(s.raw)) {
    if (seg.start < segEnd) continue;
    const t = firstTokenIn(s.tokens, seg.start, seg.end - 1);
    if (out.length >= 26 || !t || t.kind !== 'shares' || !LOT_LEAD.test(s.raw.slice(seg.start, t.start)) || !Number.isInteger(t.value)) break;
    out.push({ token: t, end: seg.end });
    // The last lot: its clause does not go on to another ("… per share and", "…,").
    if (!/(?:,|\band)\s*$/i.test(s.raw.slice(t.end, seg.end))) break;
  }
  return out.length >= 2 ? out : null;
}

/** A purchase of `shares` by `p` that the issuer's sale to it states (issuer-sales.ts). */
export function saleRow(s: ProseSentence, p: Party, date: string, security: string | null, shares: Token, perShare: Token | null): Found<TransactionRow> {
  return row(s, p, 'purchase', date, security, shares, null, perShare, null);
}

function row(s: ProseSentence, p: Party, action: TransactionAction, date: string | null, security: string | null, shares: Token, convertible: Token | null, perShare: Token | null, consideration: Token | null): Found<TransactionRow> {
  const ev: Found<TransactionRow>['evidence'] = { shares: evidence(s, shares.start, shares.end) };
  if (convertible) ev.convertibleIntoShares = evidence(s, convertible.start, convertible.end);
  if (perShare) ev.pricePerShare = evidence(s, perShare.start, perShare.end);
  if (consideration) ev.consideration = evidence(s, consideration.start, consideration.end);
  return {
    row: {
      transactionDate: date,
      ...holderColumns(p),
      action,
      security,
      shares: shares.value,
      principalAmount: null,
      pricePerShare: perShare ? perShare.value : null,
      consideration: consideration ? consideration.value : null,
      convertibleIntoShares: convertible ? convertible.value : null,
      sourceOfFunds: null,
      ...provenance(s),
    },
    evidence: ev,
  };
}

/** "convertible (on such date) into (about) N shares" after `from`, before the next count. */
function conversionShares(s: ProseSentence, from: number, to: number): Token | null {
  const next = s.tokens.find((t) => t.start >= from && t.start < to && (t.kind === 'shares' || t.kind === 'money'));
  if (!next || next.kind !== 'shares') return null;
  return /\b(?:convertible|exchangeable)\s+(?:on\s+such\s+date\s+|at\s+such\s+time\s+)?into\s+(?:about\s+|approximately\s+)?$/i.test(s.raw.slice(from, next.start)) ? next : null;
}

/** A dollar amount between `from` and `to` introduced by `lead` (and followed by `trail`). */
function moneyMatching(s: ProseSentence, from: number, to: number, lead: RegExp, skip: Token | null, trail?: RegExp): Token | null {
  for (const t of s.tokens) {
    if (t.kind !== 'money' || t.typo || t.start < from || t.start >= to || t === skip) continue;
    if (!lead.test(s.raw.slice(Math.max(from, t.start - 60), t.start))) continue;
    const priced = withFraction(s.raw, t);
    if (trail && !trail.test(s.raw.slice(priced.end, priced.end + 20))) continue;
    if (!trail && /^\s+per\s+(?:share|unit)/i.test(s.raw.slice(priced.end, priced.end + 20))) continue;
    return priced;
  }
  return null;
}

/** "(a) March 30, 2001, a dividend of 2,422 shares of Series A Preferred Stock, convertible … into 101,979 shares". */
function readDividends(s: ProseSentence, ctx: ProseContext): Found<TransactionRow>[] {
  const out: Found<TransactionRow>[] = [];
  if (!/\b(?:dividends?|distributions?)\b/i.test(s.raw)) return out;
  pushAll(out, receivedInDistribution(s, ctx));
  if (!/\bdividends?\b/i.test(s.raw)) return out;
  const received = /\b(?:has|have|had)?\s*(?:received|was\s+paid|were\s+paid|was\s+issued|were\s+issued)\b/i.exec(s.raw);
  const holders = received ? holdersOf(s, subjectBefore(s, received.index, 0)) : [];
  if (!holders.length) return out;
  for (const m of matchesOf(/\ba\s+dividend\s+of\s+/gi, s.raw)) {
    const at = m.index + m[0].length;
    const token = s.tokens.find((t) => t.kind === 'shares' && t.start >= at && t.start <= at + 2);
    if (!token) continue;
    const seg = segmentAt(s.raw, m.index);
    const date = s.tokens.find((t) => t.kind === 'date' && t.start >= seg.start && t.end <= m.index)?.iso ?? null;
    const sec = securityAfter(s, token, ctx);
    const convertible = conversionShares(s, sec.end, seg.end);
    for (const p of holders) out.push(row(s, p, 'dividend', date, sec.name, token, convertible, null, null));
  }
  return out;
}

/**
 * "On June 25, 2026, in connection with the quarterly dividend, CCI Onshore received 7,789,081 Depositary Units, Gascon
 * received 5,011,241 Depositary Units, …": each clause's subject received its count in the dividend or distribution
 * the sentence names. A clause whose count is not right after "received" (cash, a right to receive) is none.
 */
function receivedInDistribution(s: ProseSentence, ctx: ProseContext): Found<TransactionRow>[] {
  const out: Found<TransactionRow>[] = [];
  for (const m of matchesOf(/\breceived\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?/gi, s.raw)) {
    const at = m.index + m[0].length;
    const token = s.tokens.find((t) => t.kind === 'shares' && t.start === at);
    if (!token) continue;
    const seg = segmentAt(s.raw, m.index);
    if (NOT_A_TRADE_BEFORE.test(s.raw.slice(Math.max(seg.start, m.index - 30), m.index))) continue;
    const holders = holdersOf(s, subjectBefore(s, m.index, seg.start));
    if (!holders.length) continue;
    const date = leadingDate(s, ctx) ?? s.tokens.find((t) => t.kind === 'date' && t.end <= m.index)?.iso ?? null;
    const sec = securityAfter(s, token, ctx);
    for (const p of holders) out.push(row(s, p, 'dividend', date, sec.name, token, null, null, null));
  }
  return out;
}

const FUNDS = /\bwith\s+(?:its|their|his|her)\s+(own\s+)?(working\s+capital|personal\s+funds|general\s+funds|available\s+funds|investment\s+capital|cash\s+on\s+hand|own\s+funds|capital|funds)\b|\b(?:was|were)\s+(?:purchased|acquired|paid\s+for|funded)\s+(?:with|from|out\s+of|using)\s+(?:the\s+)?((?:cash\s+on\s+hand|working\s+capital|personal\s+funds|general\s+funds|available\s+funds|investment\s+capital|margin\s+loans?|borrowed\s+funds|own\s+funds)[\w\s]{0,30}?)(?=[.,;]|$)/i;

/** "The US Fund purchased such shares … with its working capital": source of funds for that holder's purchases. */
export function applySourceOfFunds(sentences: ProseSentence[], transactions: Found<TransactionRow>[]): void {
  for (const s of sentences) {
    const m = FUNDS.exec(s.raw);
    if (!m) continue;
    const funds = (m[2] ?? m[3] ?? '').replace(/\s+/g, ' ').trim();
    if (!funds) continue;
    const verb = /\b(?:purchased|acquired|bought|paid\s+for|funded)\b/i.exec(s.raw);
    const holders = verb ? holdersOf(s, subjectBefore(s, verb.index, 0)) : [];
    const earlier = transactions.filter((t) => (t.row.action === 'purchase' || t.row.action === 'exchange') && t.row.itemNumber === s.itemNumber && t.row.spanStart <= sentenceStart(s) && t.row.sourceOfFunds === null);
    const mentionsSecurity = (sec: string | null): boolean => !sec || s.raw.toLowerCase().includes(sec.toLowerCase()) || /\bsuch\s+(?:shares|securities)\b/i.test(s.raw);
    for (const t of earlier) {
      if (holders.length ? !holders.some((h) => h.name === t.row.holder) : earlier.length !== 1) continue;
      if (!mentionsSecurity(t.row.security)) continue;
      t.row.sourceOfFunds = funds;
    }
  }
}

function sentenceStart(s: ProseSentence): number {
  return s.source.toDocument(s.start, s.start + 1).start;
}
