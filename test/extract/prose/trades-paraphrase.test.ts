/**
 * Trades the paraphrase bench (bench/trade-paraphrases.ts) lost before the trade vocabulary was made one: a trade
 * date printed "15-Mar-24" and a price per share led by "for a weighted average price of". Each test reads a real
 * line or a real filing; where the corpus has no Schedule 13D printing the form, the real filing is read after the
 * bench's paraphrase into that form (the labels of the filing stay true, only the wording changes).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paraphraseFiling, TRADE_PARAPHRASES } from '../../../bench/paraphrase-robustness.js';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { findDates } from '../../../src/extract/lexicon/index.js';
import { PRICE_LEAD_SOURCE, sideOf, withFraction } from '../../../src/extract/prose/trade-vocabulary.js';
import { scanTokens } from '../../../src/extract/prose/tokens.js';
import { parseSubmission } from '../../../src/parse/index.js';

const byName = (name: string) => TRADE_PARAPHRASES.find((p) => p.name === name)!;

/** The trades read from a fixture after the named paraphrase (date | shares | price). */
function tradesAfter(path: string, paraphrase: string): string[] {
  const text = paraphraseFiling(readFileSync(path).toString('latin1'), byName(paraphrase));
  expect(text).not.toBeNull();
  const { tables } = extractItemsAndProse(parseSubmission(Buffer.from(text!, 'latin1'), { sourceName: path }));
  return (tables.transactions ?? []).map((t) => `${t.transactionDate} | ${t.shares} | ${t.pricePerShare}`);
}

describe('trade dates', () => {
  it('reads a date printed day-month-year with dashes, "20-December-00" (nc/0000774352-01-000002.nc)', () => {
    // Cause: the lexicon read day-first dates only with spaces ("20 December 2000"), so "15-Mar-24" in a trade row was
    // no date and the row no trade.
    expect(findDates('DETERMINATION DATE       20-December-00').map((d) => d.iso)).toEqual(['2000-12-20']);
    expect(findDates('15-Mar-24').map((d) => d.iso)).toEqual(['2024-03-15']);
    // Not a date: a month word must be a month, the year must end the form.
    expect(findDates('10-K-05 and 1-Mayor-24 and 3-Mar-2024-1')).toEqual([]);
  });

  it('reads no trade line out of a date wrapped across lines (0000905718-94-000018 paraphrased)', () => {
    // Cause: "The Company bought 2,000 Shares in the open market on or about December" / "15, 1993 at a price of $22.75
    // per share. On or about December 16, 1993," — the line reader of Item 5's trade rows took the second line for a
    // row: 15 shares on December 16 at $22.75, an extra trade beside the sentence's.
    const trades = tradesAfter('test/fixtures/sc13/0000905718-94-000018.txt', 'prose-date-after');
    expect(trades).toContain('1993-12-15 | 2000 | 22.75');
    expect(trades.filter((t) => t.includes('| 15 |'))).toEqual([]);
  });

  it('reads Schedule B lines whose dates are printed "6-Jul-94" (0000315066-94-001425 paraphrased)', () => {
    // Cause: as above; the schedule's seven trades were all lost.
    const trades = tradesAfter('test/fixtures/sc13/0000315066-94-001425.txt', 'date-dmy');
    expect(trades).toEqual(expect.arrayContaining(['1994-07-06 | 5000 | 15.25', '1994-05-31 | 17000 | 14.63', '1994-06-22 | 3000 | 15']));
  });
});

describe('trade prices', () => {
  it('leads to a price per share with "for a weighted average price of" (0001140361-26-005810)', () => {
    // Cause: the sentence reader's price lead knew "at a (purchase) price of" and "at an average price of" but not a
    // weighted average, so "sold N shares for a weighted average price of $P per share" lost its price.
    const lead = new RegExp(`${PRICE_LEAD_SOURCE}$`, 'i');
    expect(lead.test('11/24/2025: 20,000 shares for a weighted average price of ')).toBe(true);
    expect(lead.test('the Reporting Person bought 1,500 Shares at an average price of ')).toBe(true);
    expect(lead.test('at a purchase price of ')).toBe(true);
  });

  it('reads the prices of trade sentences worded "for a weighted average price of" (0000937242-95-000001 paraphrased)', () => {
    // "On August 2, 1995, Mrs. Bodner sold 100,000 shares of the Common Stock for a weighted average price of $3-13/16
    // per share."
    const trades = tradesAfter('test/fixtures/sc13/0000937242-95-000001.txt', 'prose-weighted-price');
    expect(trades).toEqual(expect.arrayContaining(['1995-08-02 | 100000 | 3.8125', '1995-08-03 | 48077 | 3.875']));
  });
});

describe('a price per share said before the price', () => {
  it('reads the price of "sold N shares … at a price per share of $P" (0000937242-95-000001, 0000905718-94-000018 paraphrased)', () => {
    // Cause: a sentence's price per share was read only with "per share" after it ("at $3-13/16 per share"), so with
    // "per share" in the lead ("at a price per share of $18.25", 0001104659-25-002604) each trade came out unpriced.
    expect(tradesAfter('test/fixtures/sc13/0000937242-95-000001.txt', 'prose-price-per-share-of')).toEqual(expect.arrayContaining(['1995-08-02 | 100000 | 3.8125', '1995-08-10 | 18000 | 5.9175']));
    expect(tradesAfter('test/fixtures/sc13/0000905718-94-000018.txt', 'prose-price-per-share-of')).toEqual(expect.arrayContaining(['1993-12-15 | 2000 | 22.75', '1993-12-31 | 90000 | 23.656']));
  });
});

describe('prices in sixteenths', () => {
  it('reads a fraction after a whole number of dollars, never a date after a count ("$3-13/16", "41 1/2", "5,000 3/8/96")', () => {
    const priceOf = (raw: string): number => withFraction(raw, scanTokens(raw).find((t) => t.kind === 'money' || t.kind === 'number')!).value;
    expect(priceOf('$3-13/16 per share')).toBe(3.8125);
    expect(priceOf('41 1/2')).toBe(41.5);
    expect(priceOf('12.50 1/4')).toBe(12.5);
    expect(priceOf('5,000 3/8/96')).toBe(5000);
  });

  it('reads the prices of a trade schedule printed "$15 1/4" (0000315066-94-001425 paraphrased)', () => {
    // Cause: only the sentence reader took in a price's fraction; a schedule line "07-06-94  5,000  $15 1/4" was priced
    // 15, and a table row "3/29/94  2,000 Class A  41 1/2" was not priced at all (a whole number is no price).
    expect(tradesAfter('test/fixtures/sc13/0000315066-94-001425.txt', 'price-fraction')).toEqual(expect.arrayContaining(['1994-07-06 | 5000 | 15.25', '1994-07-26 | 2500 | 12.75']));
  });

  it('reads the prices of a text table printed "4-3/8" and "41-1/2" (0000712770-96-000005, 0000891836-94-000030 paraphrased)', () => {
    // Cause: as above, and a schedule line dropped a number with a dash after it as a range's start ("7.61-7.74").
    expect(tradesAfter('test/fixtures/sc13/0000712770-96-000005.txt', 'price-fraction-dash')).toEqual(expect.arrayContaining(['1996-04-18 | 223 | 4.375', '1996-06-06 | 3500 | 4.625']));
    expect(tradesAfter('test/fixtures/sc13/0000891836-94-000030.txt', 'price-fraction-dash')).toEqual(expect.arrayContaining(['1994-03-22 | 7000 | 41.5', '1994-03-29 | 2000 | 41.5', '1994-04-07 | 6000 | 40.5']));
  });
});

describe('orders are no trades', () => {
  it('reads no trade from a line that only orders one, "… on March 21, 1994 to purchase 10,000" (0000891836-94-000030 as HTML)', () => {
    // Cause: with the text in <pre> a line is a sentence of its own, and the table reader took "behalf of Mr.
    // Fitzgerald on March 21, 1994 to purchase 10,000" (a date, a count, a buy word) for a trade row; the sentence
    // reader already ruled out a verb after "to", the line readers did not.
    const trades = tradesAfter('test/fixtures/sc13/0000891836-94-000030.txt', 'table-as-html');
    expect(trades.filter((t) => t.startsWith('1994-03-21'))).toEqual([]);
    expect(trades).toEqual(expect.arrayContaining(['1994-03-22 | 7000 | 41.5', '1994-04-07 | 3000 | 40']));
  });
});

describe('buy and sell words', () => {
  it('tells the side of real trade rows and headings with one vocabulary', () => {
    // One list for the table reader, the schedule-line reader and their headings (they had four).
    expect(sideOf("23.01.2026\tBUY\t55'798      \t71.71\tNew York Stock Exchange")).toBe('purchase'); // laimis__sample_schedule_13d
    expect(sideOf('12/20/99                Market Purchase                      2,000                    6.38')).toBe('purchase'); // 0000930661-00-000395
    expect(sideOf('Transaction  Date   Number of Shares Sold     Average  Price')).toBe('sale'); // 0000950123-07-015741
    expect(sideOf('Sale of Common Stock\t(9,022)\t7.65\t12/16/2015\t7.61-7.74')).toBe('sale'); // 0000902664-15-004619
    expect(sideOf('     5/15/96             1,400                      4.50')).toBeNull(); // 0000712770-96-000005
  });
});
