/**
 * Transactions in shares: purchases, sales, dividends paid in shares and conversions, each with its date, holder,
 * quantity, price or consideration, and (from Item 3) source of funds.
 *
 * Handles: "On February 16, 2001, the US Fund purchased for a purchase price of about $2,585,500, 25,855 shares of
 * … Series A … Preferred Stock …, convertible on such date into about 1,088,632 shares …"; "sold 10,000 shares at
 * $5.25 per share"; dividend lists "(a) March 30, 2001, a dividend of 2,422 shares of Series A Preferred Stock,
 * convertible on such date into 101,979 shares …" under "The US Fund has received the following dividends";
 * "converted N shares of X into M shares"; trade tables of Item 5(c) (a date, a count and a price per line);
 * "purchased such shares … with its working capital" to set the source of funds of earlier purchases.
 * Does not handle: transactions in notes (notes.ts) and option grants (options.ts), which their readers report.
 */
import { holderColumns, holdersOf, isHypothetical, leadingDate, securityAfter, segmentAt, segments, subjectBefore } from './clauses.js';
import type { Party, PartyMention } from './parties.js';
import { flattenedTradeRows } from './flattened-trade-rows.js';
import { receivedCounts, respectiveCounts } from './respective-lists.js';
import { firstTokenIn, type Token } from './tokens.js';
import { hasFraction, inForeignCurrency, NOT_A_TRADE_BEFORE, PRICE_LEAD_SOURCE, SIDE_CODE_HEADING, sideCode, sideOf, tradeWordsAllIntent, withFraction } from './trade-vocabulary.js';
import { evidence, provenance, type Found, type ProseContext, type ProseSentence, type TransactionAction, type TransactionRow } from './types.js';
import { isMonthWord } from '../lexicon/index.js';
import { pushAll } from '../../arrays.js';
import { matchesOf } from '../../matches.js';

/**
 * Trade verbs; "puchased", the common misspelling with its "r" dropped, too (0000905718-94-000018); "exchanged" (shares
 * given up for another security: "667 and Life Sciences exchanged 4,776 and 52,881 shares of Common Stock,
 * respectively, for …").
 */
const TRADE_VERB = /\b(pur?chased|acquired|bought|sold|disposed\s+of|converted|exchanged)\b/gi;

/** A finite verb of holding: a line with one states a position ("PWIMF holds 527,194 Common Shares"). */
const HOLDING_STATEMENT = /\b(?:holds|owns|(?:is|are)\s+(?:the\s+)?(?:record\s+(?:and\s+)?)?(?:beneficial\s+)?owners?\s+of)\b/i;

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

/** The price per share stated in `[from, to)` of the sentence ("at $5.25 per share"), or null. */
function perShareIn(s: ProseSentence, from: number, to: number): Token | null {
  return moneyMatching(s, from, to, PER_SHARE_LEAD, null, /^\s+per\s+(?:share|unit)/i);
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

/** Whether a number lies inside a party's name in the sentence ("667, L.P."). */
function inName(s: ProseSentence, t: Token): boolean {
  return s.mentions.some((m) => m.start <= t.start && m.end >= t.end);
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

/**
 * The traders a heading line names: its parties other than groups and the issuer, leaving out those named only inside
 * a parenthesis ("Loeb Arbitrage Management LP (excluding Loeb Arbitrage Fund)" heads Loeb Arbitrage Management's
 * rows in 0001056569-11-000015, not the fund's).
 */
function headingParties(s: ProseSentence, ctx: ProseContext): Party[] {
  return [...new Set(s.mentions.filter((m) => !insideParentheses(s.raw, m.start)).map((m) => m.party))].filter((p) => !p.group && !ctx.parties.isIssuer(p));
}

/**
 * Trade tables (Item 5(c)): lines with a date, a share count and a price, under a header that says whether they
 * are purchases or sales. The holder is the one party the introduction names, else the only reporting person.
 * A flattened table (all its lines on one) is first cut back into lines (`flattenedTradeRows`).
 */
export function readTradeTable(sentences: ProseSentence[], ctx: ProseContext): Found<TransactionRow>[] {
  const out: Found<TransactionRow>[] = [];
  let action: TransactionAction | null = null;
  let holder: Party | null = null;
  const lines = sentences.flatMap(flattenedTradeRows);
  for (const s of lines) {
    const dates = s.tokens.filter((t) => t.kind === 'date');
    // (A whole number with a fraction after it, "41 1/2", is a price in sixteenths, not a count.)
    // (Nor is a day after its month, "the March 22 and March 29 trades", a count.)
    const counts = s.tokens.filter((t) => (t.kind === 'number' || t.kind === 'shares') && !inName(s, t) && !hasFraction(s.raw, t) && !dayOfMonth(s.raw, t));
    const money = s.tokens.filter((t) => t.kind === 'money' || (t.kind === 'number' && (/\.\d+$/.test(t.raw) || hasFraction(s.raw, t)))).map((t) => withFraction(s.raw, t));
    // A line that states a holding ("As of December 31, 2013, PWIMF holds 527,194 Common Shares, constituting 2.5%
    // …") is a sentence about a position, not a trade row, whatever the heading above said.
    const isRow = dates.length === 1 && s.raw.length < 200 && counts.some((c) => c.start > dates[0]!.end && !/\./.test(c.raw)) && !HOLDING_STATEMENT.test(s.raw);
    // A line whose only trade words are an order or intent ("… on March 21, 1994 to purchase 10,000") is no trade.
    if (isRow && tradeWordsAllIntent(s.raw)) continue;
    if (!isRow) {
      const heading = sideOf(s.raw);
      if (heading === 'purchase' || heading === 'both') action = 'purchase';
      else if (heading === 'sale') action = 'sale';
      // (The issuer, named in "Transactions in the Common Stock of Suburban Bancorp", is no trader.)
      const named = headingParties(s, ctx);
      if (named.length === 1) holder = named[0]!;
      else if (/\btransactions?\b/i.test(s.raw) && ctx.coverParties.length === 1) holder = ctx.coverParties[0]!;
      continue;
    }
    const date = dates[0]!;
    // The row's own words first: a row that starts with a party's name is that party's trade ("667, L.P. 12/13/2024
    // 2,809 Purchase 13.4979"), and a row that says "Purchase" or "Sale" is one, whatever the introduction said.
    // (It heads the rows after it too: "Gerald F. Fitzgerald  Purchase  3/22/94 …" / "Purchase  3/29/94 …".)
    const lead = s.mentions.find((m) => m.start <= 2 && m.end <= date.start && !m.party.group && !ctx.parties.isIssuer(m.party));
    if (lead) holder = lead.party;
    const rowHolder = holder;
    // A row with both ("bought 300 Shares …; and sold 450 Shares …") is a sentence of two trades: not a table row.
    const side = sideOf(s.raw);
    if (side === 'both') continue;
    const rowAction: TransactionAction | null = side ?? action;
    if (!rowAction || !rowHolder) continue;
    const count = counts.find((c) => c.start > date.end && !/\./.test(c.raw))!;
    const found = money.find((p) => p.start > count.end);
    const price = found && !inForeignCurrency(s.raw, found) ? found : null;
    out.push({
      row: {
        transactionDate: date.iso,
        ...holderColumns(rowHolder),
        action: rowAction,
        security: null,
        shares: count.value,
        principalAmount: null,
        pricePerShare: price ? price.value : null,
        consideration: null,
        convertibleIntoShares: null,
        sourceOfFunds: null,
        ...provenance(s),
      },
      evidence: { shares: evidence(s, count.start, count.end) },
    });
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

/** A bare day after a month's name, no year with it: "the March 22 and March 29 trades" (0000891836-94-000030). */
function dayOfMonth(raw: string, t: Token): boolean {
  if (t.kind !== 'number' || t.value < 1 || t.value > 31 || !/^\d{1,2}$/.test(t.raw)) return false;
  const word = /([A-Za-z]+)\.?\s+$/.exec(raw.slice(Math.max(0, t.start - 12), t.start));
  return word !== null && isMonthWord(word[1]!);
}

/** Is offset `at` inside an open parenthesis ("(the \"Fund\")", "(by GLP)")? */
function insideParentheses(raw: string, at: number): boolean {
  return raw.lastIndexOf('(', at) > raw.lastIndexOf(')', at);
}

/**
 * Is `t` opened by a parenthesis, "(13,000)"? (The two characters before it: from the line's start when it opens the
 * line — `slice(-1, 1)` of a row "(13,000)  1.1673  09/24/2015" was empty, and the sale read as a purchase.)
 */
function inParenthesis(raw: string, t: Token): boolean {
  return /\(\s*$/.test(raw.slice(Math.max(0, t.start - 2), t.start));
}

/**
 * Trade lines of a schedule appended after the items ("Schedule B — Transactions in the Shares", which Item 5(c)
 * incorporates): one line per trade with a date, a count and a price in any column order — "Sale of Common Stock
 * (9,022) 7.65 12/16/2015 7.61-7.74" (a count in parentheses is a sale; a range after the price is not the price).
 * The holder is the party named alone on a line above the rows; buy or sell from the line's words, else the
 * heading's.
 */
export function readScheduleTradeLines(lines: ProseSentence[], ctx: ProseContext, flattenedHeadings?: ReadonlySet<ProseSentence>): Found<TransactionRow>[] {
  const out: Found<TransactionRow>[] = [];
  let holder: Party | null = ctx.coverParties.length === 1 ? ctx.coverParties[0]! : null;
  let side: TransactionAction | null = null;
  // Under a column headed "PURCHASE/SALE" a row ends in its side's code letter.
  let coded = false;
  for (const s of lines) {
    const raw = s.raw;
    if (flattenedHeadings?.has(s)) {
      // A heading of a flattened schedule: no line of its own, so the holder is the party named last, right before
      // the column headings or the row ("… SCHEDULE B FARALLON CAPITAL PARTNERS, L.P. TRADE DATE NO. OF SHARES …").
      const last = flattenedHeadingParty(s, ctx);
      if (last) holder = last;
      const heading = sideOf(raw);
      if (heading === 'purchase' || heading === 'sale') side = heading;
      continue;
    }
    // Every date form of the lexicon, "07-06-94" (month-day-year with dashes, as 1990s trade schedules print it) too.
    const dates = s.tokens.filter((t) => t.kind === 'date');
    // (A number inside a party's name, "667, L.P.", is neither the count nor the price.)
    // (A number with a dash after it is part of a range, "7.61-7.74", unless the dash leads a fraction: "4-3/8".)
    const nums = s.tokens.filter((t) => (t.kind === 'number' || t.kind === 'shares' || t.kind === 'money') && (!/^[-\u2013]/.test(raw.slice(t.end, t.end + 1)) || hasFraction(raw, t)) && !/[-\u2013]$/.test(raw.slice(t.start - 1, t.start)) && !inName(s, t));
    const count = nums.find((t) => t.kind !== 'money' && !/\./.test(t.raw) && !hasFraction(raw, t) && (t.value >= 1 && (/,/.test(t.raw) || inParenthesis(raw, t) || t.value < 1000 || nums.length >= 2)));
    const found = nums.find((t) => t !== count && (t.kind === 'money' || /\.\d{1,6}$/.test(t.raw) || hasFraction(raw, t) || inForeignCurrency(raw, t)));
    const price = found ? withFraction(raw, found) : undefined;
    if (dates.length !== 1 || !count || !price || raw.length > 200) {
      // A heading: the party alone on its line, or the side of the rows below.
      const named = headingParties(s, ctx);
      const own = s.mentions.find((m) => m.party === named[0]);
      if (named.length === 1 && own && raw.replace(/\([^()]*\)/g, '').replace(own.surface, '').replace(/[\W_]+/g, '').length < 12) holder = named[0]!;
      else if (!s.mentions.length) holder = printedHeading(raw) ?? holder;
      const heading = sideOf(raw);
      if (heading === 'purchase' || heading === 'sale') side = heading;
      if (SIDE_CODE_HEADING.test(raw)) coded = true;
      continue;
    }
    if (tradeWordsAllIntent(raw)) continue;
    // A row that starts with a party's name is that party's trade (and heads the rows after it).
    const lead = s.mentions.find((m) => m.start <= 2 && m.end <= dates[0]!.start && !m.party.group);
    if (lead) holder = lead.party;
    if (!holder) continue;
    const said = sideOf(raw);
    const code = coded ? sideCode(raw) : null;
    const action: TransactionAction = inParenthesis(raw, count) || said === 'sale' || said === 'both' ? 'sale' : (said ?? code ?? side ?? 'purchase');
    // (A price in another currency is the row's price cell, but no price in US dollars: stored as null.)
    const inDollars = !inForeignCurrency(raw, price);
    out.push({
      row: {
        transactionDate: dates[0]!.iso,
        ...holderColumns(holder),
        action,
        security: null,
        shares: count.value,
        principalAmount: null,
        pricePerShare: inDollars ? price.value : null,
        consideration: null,
        convertibleIntoShares: null,
        sourceOfFunds: null,
        ...provenance(s),
      },
      evidence: { shares: evidence(s, count.start, count.end), ...(inDollars ? { pricePerShare: evidence(s, price.start, price.end) } : {}) },
    });
  }
  return out;
}

/** A line that is a proper name alone, in capitals or capitalised words ("GAM", "Cramer Associates"). */
const NAME_ALONE = /^[ \t]*([A-Z][A-Za-z0-9&'.,-]*(?:[ \t]+(?:[A-Z&][A-Za-z0-9&'.,-]*|of|and))*)[ \t]*:?[ \t]*$/;
/** Words of a schedule's title and column headings, never a holder's name. */
const TABLE_WORDS = /\b(?:dates?|shares?|prices?|trades?|transactions?|schedules?|exhibits?|annex|appendix|common|stock|purchases?|purchased|sales?|sold|buys?|sells?|bought|acquired|disposed|number|amount|cost|totals?|page|cusip|signatures?|names?|no|type|per|security|securities|class|item|none|not|applicable|quantity|aggregate|average|units?|account|executed|settlement|broker|market|open|since|through|continued)\b/i;

/**
 * Whether a text is only column headings ("NO. OF SHARES COST (SALES PURCHASE/SALE TRADE DATE PURCHASED/SOLD PRICE)
 * PER SHARE", 0000950142-96-000297 flattened), however many: words of TABLE_WORDS and connectors, nothing else.
 */
function columnHeadingsOnly(text: string): boolean {
  return text.split(/[\s/]+/).every((w) => {
    const word = w.replace(/[()$.,:;*#-]/g, '');
    return !word || /^(?:of|per|in|the|and|or)$/i.test(word) || (TABLE_WORDS.test(word) && TABLE_WORDS.exec(word)![0].length === word.length);
  });
}

/**
 * The holder a schedule line names when it is a name alone that the filing does not define (0000950142-96-000297's
 * Exhibit B: "GAM" over its one sale, after the rows of "CRAMER PARTNERS, L.P."), as printed; null for anything else.
 */
function printedHeading(raw: string): Party | null {
  const m = raw.length <= 80 ? NAME_ALONE.exec(raw) : null;
  // (A heading cut over lines, "NO. OF SHARES" / "DISPOSED OF", ends in a connector; a name never does.)
  if (!m || m[1]!.length > 60 || m[1]!.split(/\s+/).length > 6 || TABLE_WORDS.test(m[1]!) || !/[A-Za-z]{2}/.test(m[1]!) || /\b(?:of|and|the|for|to|&)[\s,]*$/i.test(m[1]!)) return null;
  return { name: m[1]!.replace(/[\s,:]+$/, ''), coverOrdinal: null, group: false, members: [] };
}

/**
 * The party that heads a flattened schedule's rows: the last one a heading names outside parentheses (neither a group
 * nor the issuer), with at most a few words of column headings after it, or only column headings however many
 * (`columnHeadingsOnly`), and no sentence end ("advisor. DATE SHARES PRICE": the name is in the prose above the table,
 * not its heading).
 */
function flattenedHeadingParty(s: ProseSentence, ctx: ProseContext): Party | null {
  const near = s.raw.length - 80;
  let last: PartyMention | null = null;
  // (Only the mentions that end near the heading's end can head the rows; the parenthesis test is on those alone.)
  for (const m of s.mentions) if ((m.end >= near || (s.raw.length - m.end <= 240 && columnHeadingsOnly(s.raw.slice(m.end)))) && (!last || m.start > last.start) && !m.party.group && !ctx.parties.isIssuer(m.party) && !insideParentheses(s.raw, m.start)) last = m;
  if (!last) return null;
  return !/[a-z]{2}[.;:]\s/.test(s.raw.slice(last.end)) ? last.party : null;
}

