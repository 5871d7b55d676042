/**
 * Item 5(c) trade tables of HTML filings whose cells wrap their value in a block (`<td><P>May 6, 2010</P></td>`,
 * `<td><div>1,250</div></td>`): the renderer put each cell on a line of its own, so no line held a date, a count and a
 * price and the whole table was lost. And a footnote marker in `<sup>` glued to a price (`$22.00<sup>1</sup>` read
 * "$22.001"). On the real fixtures; every row below was checked against the filing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { documentText } from '../../../src/parse/body.js';
import { parseSubmission } from '../../../src/parse/index.js';

function filing(accession: string) {
  const path = `test/fixtures/sc13/${accession}.txt`;
  const submission = parseSubmission(readFileSync(path), { sourceName: path });
  const tables = extractItemsAndProse(submission).tables;
  const trades = (tables.transactions ?? []).filter((t) => t.pricePerShare !== null);
  return { submission, tables, trades };
}

describe('trade tables whose cells hold a <p> or <div>', () => {
  it('reads the 24 sales of a table whose date cells hold a <P> (0001193125-10-137857)', () => {
    const { submission, trades } = filing('0001193125-10-137857');
    expect(trades).toHaveLength(24);
    expect(trades.every((t) => t.holder === 'Minor M. Shaw' && t.action === 'sale')).toBe(true);
    expect(trades[0]).toMatchObject({ transactionDate: '2010-05-06', shares: 1250, pricePerShare: 16.2848 });
    expect(trades[13]).toMatchObject({ transactionDate: '2010-05-25', shares: 50, pricePerShare: 16.79 });
    expect(trades[23]).toMatchObject({ transactionDate: '2010-06-09', shares: 300, pricePerShare: 15.615 });
    // The table says 52,550 shares were sold in all.
    expect(trades.reduce((sum, t) => sum + (t.shares as number), 0)).toBe(52550);
    // The row's span is its one line of the document's text.
    const text = documentText(submission, submission.documents.find((d) => d.sequence === trades[0]!.documentSequence)!);
    expect(text.slice(trades[0]!.spanStart as number, trades[0]!.spanEnd as number)).toBe('May 6, 2010\t\t1,250\t\t$\t16.2848');
  });

  it('reads Schedule A rows of <div> cells, count first and sales in parentheses (0000921895-15-002195)', () => {
    const { trades } = filing('0000921895-15-002195');
    expect(trades).toHaveLength(33);
    expect(trades[0]).toMatchObject({ holder: 'Vertex Opportunities Fund, LP', transactionDate: '2015-09-24', shares: 1985204, pricePerShare: 1.08, action: 'purchase' });
    // "(13,000)  1.1673  09/24/2015" opens its line with the parenthesis: a sale.
    expect(trades[1]).toMatchObject({ holder: 'Vertex Opportunities Fund, LP', transactionDate: '2015-09-24', shares: 13000, pricePerShare: 1.1673, action: 'sale' });
    expect(trades[5]).toMatchObject({ holder: 'BLR Partners LP', transactionDate: '2015-07-30', shares: 20000, pricePerShare: 1.283, action: 'sale' });
    expect(trades.filter((t) => t.holder === 'BLR Partners LP')).toHaveLength(22);
    expect(trades.filter((t) => t.holder === 'Bradley L. Radoff')).toEqual([expect.objectContaining({ transactionDate: '2015-10-01', shares: 357500, pricePerShare: 1.1253 })]);
    expect(trades.filter((t) => t.holder === 'Joshua E. Schechter').map((t) => t.shares)).toEqual([200, 14896, 6900, 1700, 800, 50000, 25504]);
    expect(trades.filter((t) => t.action === 'sale')).toHaveLength(2);
  });

  it("reads the three funds' tables, a count of 210 in its own <div> cell too (0001056569-11-000015)", () => {
    const { trades } = filing('0001056569-11-000015');
    expect(trades).toHaveLength(57);
    // The first table is headed "Loeb Arbitrage Management LP (excluding Loeb Arbitrage Fund)": the manager's rows.
    expect(trades[0]).toMatchObject({ holder: 'Loeb Arbitrage Management LP', transactionDate: '2011-02-15', shares: 210, pricePerShare: 5.2988, action: 'purchase' });
    expect(trades.filter((t) => t.holder === 'Loeb Arbitrage Management LP')).toHaveLength(19);
    expect(trades.filter((t) => t.holder === 'Loeb Arbitrage Fund')).toHaveLength(19);
    expect(trades.filter((t) => t.holder === 'Loeb Arbitrage Offshore Partners, Ltd.')).toHaveLength(19);
    expect(trades[37]).toMatchObject({ holder: 'Loeb Arbitrage Fund', transactionDate: '2011-01-18', shares: 6435, pricePerShare: 4.925 });
    expect(trades[56]).toMatchObject({ holder: 'Loeb Arbitrage Offshore Partners, Ltd.', transactionDate: '2011-01-18', shares: 2748, pricePerShare: 4.925 });
  });

  it('reads $22.00 where a footnote marker in <sup> follows the price (0001313250-08-000037)', () => {
    const { trades } = filing('0001313250-08-000037');
    expect(trades).toHaveLength(8);
    expect(trades.every((t) => t.pricePerShare === 22 && t.transactionDate === '2008-06-13' && t.action === 'sale')).toBe(true);
    expect(trades.map((t) => t.shares)).toEqual([13500, 66500, 77600, 3300, 6000, 3000, 135300, 385797]);
  });

  it('keeps the percent of an Item 5(a) grid row now on one line: "764,546\t\t8.98\t%" (0001193125-10-137857)', () => {
    const { tables } = filing('0001193125-10-137857');
    expect(tables.holdings).toEqual(expect.arrayContaining([expect.objectContaining({ holder: 'Minor M. Shaw', shares: 764546, percentOfClass: 8.98, role: 'beneficial' })]));
  });
});
