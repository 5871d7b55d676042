/**
 * Item 5(c) trades: the lines of a schedule appended after the items (Schedule B of 0000902664-15-004619) and prices
 * printed in sixteenths (0000937242-95-000001), on the real fixtures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { documentText } from '../../../src/parse/body.js';
import { parseSubmission } from '../../../src/parse/index.js';
import { DefinedTerms } from '../../../src/extract/defined-terms/index.js';
import { identitySource } from '../../../src/extract/items/prose-source.js';
import { PartyIndex, readProse } from '../../../src/extract/prose/index.js';

function filing(accession: string) {
  const path = `test/fixtures/sc13/${accession}.txt`;
  const submission = parseSubmission(readFileSync(path), { sourceName: path });
  return { submission, tables: extractItemsAndProse(submission).tables };
}

describe('trade lines', () => {
  it("reads Schedule B's trade lines per fund, in their column order, sales in parentheses (0000902664-15-004619)", () => {
    const { submission, tables } = filing('0000902664-15-004619');
    const trades = tables.transactions!.filter((t) => t.pricePerShare !== null);
    expect(trades).toHaveLength(23);
    expect(trades[0]).toMatchObject({ holder: 'LIONEYE MASTER FUND LTD', transactionDate: '2015-12-16', shares: 9022, pricePerShare: 7.65, action: 'sale' });
    expect(trades.filter((t) => t.holder === 'LIONEYE ONSHORE FUND LP')).toHaveLength(8);
    // Each row's span cuts its own line out of the document.
    const text = documentText(submission, submission.documents.find((d) => d.sequence === trades[0]!.documentSequence)!);
    expect(text.slice(trades[0]!.spanStart as number, trades[0]!.spanEnd as number)).toMatch(/^Sale of Common Stock\t\(9,022\)\t7\.65\t12\/16\/2015/);
  });

  it('reads Schedule B lines dated "07-06-94" (0000315066-94-001425)', () => {
    const { tables } = filing('0000315066-94-001425');
    expect(tables.transactions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ transactionDate: '1994-07-06', shares: 5000, pricePerShare: 15.25 }),
        expect.objectContaining({ transactionDate: '1994-05-31', shares: 17000, pricePerShare: 14.63, action: 'sale' }),
      ]),
    );
  });

  it('reads a trade line inside Item 5 that names its holder and side (0000891836-94-000030)', () => {
    const { tables } = filing('0000891836-94-000030');
    expect(tables.transactions).toEqual(
      expect.arrayContaining([expect.objectContaining({ holder: 'Gerald F. Fitzgerald', transactionDate: '1994-03-22', shares: 7000, pricePerShare: 41.5, action: 'purchase' })]),
    );
  });

  it('reads "$3-13/16 per share" as 3.8125 (0000937242-95-000001)', () => {
    const { tables } = filing('0000937242-95-000001');
    expect(tables.transactions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ transactionDate: '1995-08-02', shares: 100000, pricePerShare: 3.8125, action: 'sale' }),
        expect.objectContaining({ transactionDate: '1995-08-03', shares: 48077, pricePerShare: 3.875, action: 'sale' }),
      ]),
    );
  });
});

describe('an exhibit of trades whose rows wrapped at the page width (0000950142-96-000297)', () => {
  const trades = (): unknown[][] => (filing('0000950142-96-000297').tables.transactions ?? []).map((t) => [t.holder, t.transactionDate, t.shares, t.pricePerShare, t.action]);

  it('reads the rows of "EXHIBIT B", which Item 5(c) incorporates, with the price wrapped to the next line', () => {
    // Causes: an appendix was read from a "SCHEDULE", "ANNEX" or "APPENDIX" heading only, not "EXHIBIT B"; and each
    // row ran past 80 columns, so its price and side went to the left margin of the next line ("            4/18/96
    // 84,500                            " / "14.4380                          P"), and no line held a whole trade.
    expect(trades()).toContainEqual(['Cramer Partners, L.P.', '1996-04-18', 84500, 14.438, 'purchase']);
  });

  it('reads the side from the code letter under a "PURCHASE/SALE" column', () => {
    // Cause: the side was read from words only; "S" under "PURCHASE/SALE" was no word, and every row was a purchase.
    expect(trades()).toContainEqual(['Cramer Partners, L.P.', '1996-05-22', 100000, 14.375, 'sale']);
  });

  it('takes a name alone on its line that the filing does not define, "GAM", as the holder of the rows below it', () => {
    // Cause: only a defined party alone on its line headed the rows, so GAM's sale stayed with Cramer Partners.
    expect(trades()).toContainEqual(['GAM', '1996-04-18', 84500, 14.375, 'sale']);
    expect(trades().filter(([h]) => h === 'GAM')).toHaveLength(1);
  });
});

describe('a trade priced in another currency (0001140361-17-047815)', () => {
  it('reads "… acquired 9,652,297 QIWI ADSs at a price of 799.53 roubles …" with no dollar price, and "823 roubles per QIWI ADS" as a price cell', () => {
    // Causes: a price was any decimal number, so 799.53 roubles became $799.53 a share; and a whole number was never a
    // price, so the line "… purchased a total of 992,058 QIWI ADSs … at a price of 823 roubles per QIWI ADS" was no
    // trade line at all.
    const trades = (filing('0001140361-17-047815').tables.transactions ?? []).map((t) => [t.transactionDate, t.shares, t.pricePerShare]);
    expect(trades).toContainEqual(['2017-12-20', 9652297, null]);
    expect(trades).toContainEqual(['2017-12-19', 992058, null]);
    expect(trades.filter(([, , p]) => p !== null)).toEqual([]);
  });
});

describe('misprints in a trade sentence (0000905718-94-000018)', () => {
  const trades = (): unknown[][] => (filing('0000905718-94-000018').tables.transactions ?? []).map((t) => [t.transactionDate, t.shares, t.pricePerShare]);

  it('reads "the Company puchased 6,000 shares … at a price of $22.50 per share", the verb misspelt', () => {
    // Cause: the trade verbs were spelt right only; the misprint dropped the trade.
    expect(trades()).toContainEqual(['1993-12-16', 6000, 22.5]);
  });

  it('reads the price of "… in the open market at at price of $22.375 per share", the article left out', () => {
    // Cause: "at … price of" required "a", "an" or "the" before "price"; the trade was kept without its price.
    expect(trades()).toContainEqual(['1993-12-21', 3000, 22.375]);
    expect(trades()).not.toContainEqual(['1993-12-21', 3000, null]);
  });
});

describe('a day of the month is no count (0000891836-94-000030)', () => {
  it('reads no trade of 22 shares in "On or about April 7, 1994, Mr. Fitzgerald gave instructions to rescind the March 22 and March 29 trades"', () => {
    // Cause: a line with one date and a number after it was a trade-table row, and "March 22" has no year, so its 22
    // was the count.
    expect((filing('0000891836-94-000030').tables.transactions ?? []).filter((t) => t.shares === 22)).toEqual([]);
  });
});

describe('13G Item 4 blocks laid out one block per line', () => {
  it('reads "Name - N" lines under each power label as that power of that person (0001172661-24-005104)', () => {
    const { tables } = filing('0001172661-24-005104');
    const rows = tables.holdings!.map((h) => [h.holder, h.shares, h.role]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Armistice Capital, LLC', 2574000, 'beneficial'],
        ['Steven Boyd', 2574000, 'beneficial'],
        ['Armistice Capital, LLC', 0, 'sole_voting'],
        ['Steven Boyd', 2574000, 'shared_voting'],
        ['Steven Boyd', 0, 'sole_dispositive'],
        ['Armistice Capital, LLC', 2574000, 'shared_dispositive'],
      ]),
    );
  });
});

describe('Item 5(c) trade regressions found by bench/unread-survey.ts', () => {
  const key = (t: { transactionDate: string | null; holder: string; action: string; shares: number | null; pricePerShare: number | null }): string => `${t.transactionDate}|${t.holder}|${t.action}|${t.shares}|${t.pricePerShare}`;

  it('keeps lots of one day with the same count at different prices (0000930661-00-000395)', () => {
    // Cause: trades were merged on date and count, so "1/12/00 Market Purchase 2,000 6.69", "… 2,000 6.63" and
    // "… 2,000 6.31" became one row.
    const trades = filing('0000930661-00-000395').tables.transactions!.map(key);
    expect(trades).toEqual(expect.arrayContaining(['2000-01-12|Key Colony Fund, L.P.|purchase|2000|6.69', '2000-01-12|Key Colony Fund, L.P.|purchase|2000|6.63', '2000-01-12|Key Colony Fund, L.P.|purchase|2000|6.31']));
  });

  it('does not read a wrapped line of a sentence as a trade of its own (0000905718-94-000018)', () => {
    // Cause: "$23.875 per share. On or about December 31, 1993, the Company sold 90,000" has a date, a count and a
    // price; the sentence already stated the sale at $23.656.
    const trades = filing('0000905718-94-000018').tables.transactions!.filter((t) => t.shares === 90000);
    expect(trades.map((t) => t.pricePerShare)).toEqual([23.656]);
  });

  it('gives a second verb of the sentence the first verb\'s subject (0001649910-20-000012)', () => {
    // Cause: "the Reporting Person bought 300 Shares at an average price of $16.65 per share; and sold 450 Shares …":
    // the clause after the semicolon had no subject of its own, and the line reader called the whole line a sale.
    const trades = filing('0001649910-20-000012').tables.transactions!.filter((t) => t.transactionDate === '2020-02-13').map((t) => [t.action, t.shares]);
    expect(trades).toEqual(expect.arrayContaining([['purchase', 300], ['sale', 450]]));
    expect(trades).not.toContainEqual(['sale', 300]);
  });

  it('takes the holder a trade row starts with, and carries it to the rows below (0000891836-94-000030)', () => {
    // Cause: the table reader gave every row the one party of the introduction — here the issuer, Suburban Bancorp.
    const trades = filing('0000891836-94-000030').tables.transactions!;
    expect(trades.filter((t) => t.holder === 'Suburban Bancorp, Inc.')).toEqual([]);
    expect(trades.map(key)).toContain('1994-04-07|Gerald F. Fitzgerald|sale|6000|40.5');
  });

  it('does not read the numeral of a fund\'s name, "667, L.P.", as the count (go-edgar__13d_2024_1)', () => {
    const path = 'test/fixtures/html/go-edgar__13d_2024_1.htm';
    const trades = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables.transactions!;
    expect(trades.filter((t) => t.shares === 667)).toEqual([]);
    expect(trades.map(key)).toContain('2024-12-13|667, L.P.|purchase|2809|13.4979');
  });

  it('does not read the present perfect without a date as a trade: it sums trades up (0000712770-96-000005, 0001640334-17-000881)', () => {
    // Cause: "Since Amendment No. 2 GLP has acquired 68,175 Beneficial Shares … and converted 1,030,000 shares" and
    // "The Reporting Person has acquired an aggregate of 11,236,409 shares … through several private placements"
    // became undated purchases (and a conversion that 5(c) states again, dated July 2, 1996).
    const gould = filing('0000712770-96-000005').tables.transactions!;
    expect(gould.filter((t) => t.transactionDate === null)).toEqual([]);
    expect(gould.map(key)).toContain('1996-07-02|Gould Investors L.P.|conversion|1030000|null');
    expect(filing('0001640334-17-000881').tables.transactions ?? []).toEqual([]);
  });

  it('reads neither an exchange ratio nor the last count of a "respectively" list as a trade (0001144204-13-040868)', () => {
    // Causes: "each outstanding share … converted into the right to receive approximately 0.11969414 shares" became a
    // conversion of 0.11969414 shares by the issuer; "the Funds purchased 322,809, 63,957 and 4,400 shares,
    // respectively" became a purchase of 4,400 shares by the Funds together.
    const trades = filing('0001144204-13-040868').tables.transactions!;
    expect(trades.filter((t) => t.action === 'conversion' || t.action === 'purchase')).toEqual([]);
  });

  it('does not read a line that states a holding as a row of a trade table (0000905718-14-000108)', () => {
    // Cause: "As of December 31, 2013, PWIMF holds 527,194 Common Shares, constituting 2.5% …" has one date and one
    // count, so under the power labels' "disposition" it became a sale of 527,194 shares.
    expect(filing('0000905718-14-000108').tables.transactions ?? []).toEqual([]);
  });
});

describe('a verb whose object enumerates lots', () => {
  it('reads "sold (a) 15,000 shares … for $5-15/16 per share and (b) 18,000 shares for $5.9175 per share" as two sales (0000937242-95-000001)', () => {
    // Cause: the enumerator "(a)" starts a new clause, so the verb's own clause ended with no count and neither lot was
    // read.
    const trades = filing('0000937242-95-000001').tables.transactions!.filter((t) => t.transactionDate === '1995-08-10');
    expect(trades.map((t) => [t.holder, t.action, t.shares, t.pricePerShare])).toEqual([
      ['Naomi Bodner', 'sale', 15000, 5.9375],
      ['Naomi Bodner', 'sale', 18000, 5.9175],
    ]);
  });
});

describe('a "respectively" list of trades', () => {
  it('gives each party of the subject its own count (the sentence of 0001144204-13-040868, its funds named)', () => {
    const text =
      'On April 23, 2013, Sofinnova Venture Partners VI, L.P., Sofinnova Venture Partners VI GmbH & Co. KG, L.P. and Sofinnova Venture Affiliates VI, L.P. purchased 322,809, 63,957 and 4,400 shares, respectively, of the Issuer common stock for a purchase price of $6.0264 per share.';
    const names = ['Sofinnova Venture Partners VI, L.P.', 'Sofinnova Venture Partners VI GmbH & Co. KG, L.P.', 'Sofinnova Venture Affiliates VI, L.P.'];
    const parties = PartyIndex.build(names.map((name, i) => ({ ordinal: i + 1, name })), DefinedTerms.fromText(text, 1), text);
    const ctx = { parties, terms: DefinedTerms.fromText(text, 1), filedAt: null, coverParties: parties.coverParties, cover: [] };
    const item = { itemNumber: 5, documentSequence: 1, source: identitySource(text, 0, text.length, false) };
    const trades = readProse([item], '13D', ctx).transactions.map((t) => [t.row.holder, t.row.shares, t.row.pricePerShare, t.row.transactionDate]);
    expect(trades).toEqual([
      [names[0], 322809, 6.0264, '2013-04-23'],
      [names[1], 63957, 6.0264, '2013-04-23'],
      [names[2], 4400, 6.0264, '2013-04-23'],
    ]);
  });
});
