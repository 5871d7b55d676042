/**
 * Trades read one line at a time: the trade tables of Item 5(c) (a date, a count and a price per line, under a heading
 * that names the holder and the side) and the trade lines of a schedule appended after the items ("Schedule B —
 * Transactions in the Shares"), flattened or as filed. Apart from transactions.ts, which reads trades from sentences:
 * these readers use none of its helpers, and it none of theirs (both use trade-vocabulary.ts).
 * Does not handle: cutting an item or an appendix into lines (item-sentences.ts), or a flattened table back into its
 * rows (flattened-trade-rows.ts, which these readers call).
 */
import { holderColumns } from './clauses.js';
import type { Party, PartyMention } from './parties.js';
import { flattenedTradeRows } from './flattened-trade-rows.js';
import type { Token } from './tokens.js';
import { hasFraction, inForeignCurrency, SIDE_CODE_HEADING, sideCode, sideOf, tradeWordsAllIntent, withFraction } from './trade-vocabulary.js';
import { evidence, provenance, type Found, type ProseContext, type ProseSentence, type TransactionAction, type TransactionRow } from './types.js';
import { isMonthWord } from '../lexicon/index.js';

/** A finite verb of holding: a line with one states a position ("PWIMF holds 527,194 Common Shares"). */
const HOLDING_STATEMENT = /\b(?:holds|owns|(?:is|are)\s+(?:the\s+)?(?:record\s+(?:and\s+)?)?(?:beneficial\s+)?owners?\s+of)\b/i;

/** Whether a number lies inside a party's name in the sentence ("667, L.P."). */
function inName(s: ProseSentence, t: Token): boolean {
  return s.mentions.some((m) => m.start <= t.start && m.end >= t.end);
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
    // The rest of a date wrapped from the line above ("… on or about December" / "15, 1993 at a price of $22.75 per
    // share. On or about December 16, 1993,"): prose, whose "15" is a day, not a row's count.
    if (WRAPPED_DATE_REST.test(raw)) continue;
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

/** A line that opens with the day and year of a date whose month ends the line above: "15, 1993 at a price …". */
const WRAPPED_DATE_REST = /^\s*(?:[1-9]|[12]\d|3[01]),\s*(?:19|20)\d{2}\b/;

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
