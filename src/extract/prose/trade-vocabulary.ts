/**
 * The words of a trade, one vocabulary for every reader of trades (sentences, Item 5(c) tables, schedule lines,
 * option and note terms): which words say a purchase or a sale, and which words lead to a price per share.
 *
 * Handles: buy words "Purchase(s/d)", "Buy(s)", "Bought", "Open market purchase", "Acquired", "Acquisition(s)"; sell
 * words "Sale(s)", "Sell(s)", "Sold", "Disposed", "Disposition(s)" (any case: "BUY", "SOLD"); price leads "at", "for",
 * "at a price of", "at a purchase (sale) price of", "at an average price of", "for a weighted average price of", each
 * optionally followed by "approximately" or "about"; the words before a trade verb that make it no trade ("to purchase",
 * "will sell", "not sold"); a price in sixteenths ("$3-13/16", "14 7/16"), in a sentence, a table row or a schedule line.
 * Also a side stated by a code letter in a column headed for both sides ("PURCHASE/SALE" over "P" and "S").
 * Does not handle: a code without such a heading, or a side stated by a sign.
 */
import type { Token } from './tokens.js';
import type { TransactionAction } from './types.js';
import { matchesOf } from '../../matches.js';

/** A word that says the shares were bought. */
export const BUY_WORD = /\b(?:purchas(?:e[sd]?|ing)|buys?|bought|acquired|acquisitions?)\b/i;
/** A word that says the shares were sold. */
export const SELL_WORD = /\b(?:sales?|sells?|sold|selling|disposed|dispositions?)\b/i;

/**
 * The words before a trade verb that make it no report of a trade: a future, a condition, an infinitive (an order
 * "to purchase 10,000 shares", a right "to sell"), a negation or a passive ("shares purchased by …" is read from the
 * buyer's side).
 */
export const NOT_A_TRADE_BEFORE = /\b(?:will|would|may|might|shall|to|could|not|be|been)\s+$/i;

/** Every buy or sell word (global: matchAll walks a copy, so the shared instance keeps no state). */
const TRADE_WORD_ALL = new RegExp(`${BUY_WORD.source}|${SELL_WORD.source}`, 'gi');

/** Whether every buy or sell word of `text` is one NOT_A_TRADE_BEFORE rules out ("an order … to purchase 10,000"). */
export function tradeWordsAllIntent(text: string): boolean {
  const words = [...matchesOf(TRADE_WORD_ALL, text)];
  return words.length > 0 && words.every((m) => NOT_A_TRADE_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index)));
}

/**
 * The side a text (a table row, a heading) names: 'purchase' or 'sale' when it names one side only, 'both' when it
 * names both (a sentence of two trades, a heading over purchases and sales), null when it names none.
 */
export function sideOf(text: string): TransactionAction | 'both' | null {
  const buys = BUY_WORD.test(text);
  const sells = SELL_WORD.test(text);
  return buys && sells ? 'both' : buys ? 'purchase' : sells ? 'sale' : null;
}

/**
 * A currency other than the dollar right after a price ("at a price of 799.53 roubles", "823 roubles per QIWI ADS"):
 * the number is the trade's price, but no price in US dollars, so the trade's price is left null.
 */
const FOREIGN_CURRENCY_AFTER = /^\s*(?:roubles?|rubles?|euros?|pounds\s+sterling|yen|yuan|renminbi|(?:swiss\s+)?francs|kronor|kroner|rupees|pesos|reais|RUB|EUR|GBP|JPY|CHF|CNY|HKD)\b/i;

/** Is the number `t` of `raw` followed by a currency other than the dollar (FOREIGN_CURRENCY_AFTER)? */
export function inForeignCurrency(raw: string, t: { end: number }): boolean {
  return FOREIGN_CURRENCY_AFTER.test(raw.slice(t.end, t.end + 24));
}

/** A column heading for both sides, whose cells are code letters: "PURCHASE/SALE", "Buy/Sell". */
export const SIDE_CODE_HEADING = /\b(?:purchase|buy)\s*\/\s*(?:sale|sell)\b/i;

/** The code letter ending a row under SIDE_CODE_HEADING: "P" or "B" a purchase, "S" a sale; null when none ends it. */
export function sideCode(row: string): TransactionAction | null {
  const m = /[ \t]([PBS])[ \t]*$/.exec(row);
  return m ? (m[1] === 'S' ? 'sale' : 'purchase') : null;
}

/** "a price", "the weighted average sale price", "an offering price": the noun of both price leads below. */
const PRICE_NOUN = String.raw`(?:(?:a|an|the)\s+)?(?:(?:weighted[-\s]+)?average\s+)?(?:(?:purchase|sale|sales|selling|offering)\s+)?price`;

/**
 * The words between a count and its price per share, as a regex source without captures: "at", "for", "at a price
 * of", "at a purchase price of", "at an offering price of", "at an average price of", "for a weighted average sale
 * price of", "at approximately", and the article left out: "at price of" (0000905718-94-000018 prints "at at price of
 * $22.375 per share").
 */
export const PRICE_LEAD_SOURCE = String.raw`\b(?:at|for)\s+(?:${PRICE_NOUN}\s+of\s+)?(?:approximately\s+|about\s+)?`;

/**
 * The words before a price that say "per share" themselves, so none follows the price: "at a price per share of
 * $18.25" (0001104659-25-002604), "for a purchase price per share of", as a regex source without captures.
 */
export const PRICE_PER_SHARE_LEAD_SOURCE = String.raw`\b(?:at|for)\s+${PRICE_NOUN}\s+per\s+(?:share|unit)\s+of\s+(?:approximately\s+|about\s+)?`;

/** The fraction after a whole number of dollars: "-13/16", " 7/8" (binary fractions, never the start of a date "3/8/96"). */
const FRACTION_AFTER = /^(?:-|\s)(\d{1,2})\/(2|4|8|16|32|64)(?!\d|\/)/;

/**
 * "$3-13/16", "14 7/16": a price in sixteenths as the filings of the 1990s print it (3.8125, 14.4375), the token of the
 * whole number widened to take in its fraction. Any other token comes back as it was.
 */
export function withFraction(raw: string, t: Token): Token {
  const m = FRACTION_AFTER.exec(raw.slice(t.end, t.end + 8));
  if (!m || !Number.isInteger(t.value) || Number(m[1]) >= Number(m[2]) || Number(m[1]) === 0) return t;
  const value = t.value + Number(m[1]) / Number(m[2]);
  return { ...t, value: Math.round(value * 1e6) / 1e6, end: t.end + m[0].length, raw: t.raw + m[0] };
}

/** Whether a whole number has a fraction after it ("41 1/2"): a price, never a count. */
export function hasFraction(raw: string, t: Token): boolean {
  return withFraction(raw, t) !== t;
}
