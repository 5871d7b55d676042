// The prose readers on flattened submissions (tags stripped, white space collapsed: the founding sample's shape),
// each a real golden filing rewritten by bench/flatten.ts, as the `flattened` family of bench/paraphrase-robustness.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenSubmission } from '../../../bench/flatten.js';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { parseSubmission } from '../../../src/parse/index.js';

const flattened = (path: string) => parseSubmission(Buffer.from(flattenSubmission(readFileSync(path).toString('latin1')), 'latin1'), { sourceName: path });
const holdings = (path: string) => (extractItemsAndProse(flattened(path)).tables.holdings ?? []).map((r) => [r.holder, r.role, r.shares]);
const asFiled = (path: string) => parseSubmission(readFileSync(path), { sourceName: path });
const trades = (sub: ReturnType<typeof parseSubmission>) =>
  (extractItemsAndProse(sub).tables.transactions ?? []).map((r) => [r.transactionDate, r.holder, r.action, r.shares, r.pricePerShare].join(' | ')).sort();

describe('flattened filings', () => {
  it('read a power row whose count the next row follows on the same line (0000834237-21-000476)', () => {
    // Cause: a form row's count with no colon counted only when a line break, a tab or padding set it off; flattened,
    // "… direct the vote 19494548 Shared power to vote …" has none, and the voting rows were lost.
    expect(holdings('test/fixtures/sc13/0000834237-21-000476.txt')).toEqual(
      expect.arrayContaining([
        ['BlackRock, Inc.', 'sole_voting', 19494548],
        ['BlackRock, Inc.', 'shared_voting', 0],
        ['BlackRock, Inc.', 'sole_dispositive', 19803507],
      ]),
    );
  });

  it('read a trade table whose rows and headings run on one line (0001056569-11-000015)', () => {
    // Cause: the trade-table reader took one date, count and price per line; flattened, the three tables of Item 5(c)
    // ("Loeb Arbitrage Fund Date Shares Average Price 2/15/2011 1,657 5.2988 2/14/2011 8,315 5.2825 …") are one
    // sentence with 57 dates, no row of its own, and all 57 trades were lost.
    const path = 'test/fixtures/sc13/0001056569-11-000015.txt';
    const flat = trades(flattened(path));
    expect(flat).toHaveLength(57);
    // The same trades, holders and sides as the filing as filed: the headings between the rows still name the holder.
    expect(flat).toEqual(trades(asFiled(path)));
    expect(flat).toContain('2011-02-15 | Loeb Arbitrage Fund | purchase | 1657 | 5.2988');
  });

  it('read a flattened trade row with a footnote mark after its count (0000712770-96-000005)', () => {
    // "Price Date Shares Purchased Per Share 4/18/96 223* 4.375 5/15/96 1,400 4.50 …": the mark is no cell of its own.
    const path = 'test/fixtures/sc13/0000712770-96-000005.txt';
    const flat = trades(flattened(path));
    expect(flat).toEqual(trades(asFiled(path)));
    expect(flat.filter((r) => r.startsWith('1996-04-18 |') && r.endsWith('| purchase | 223 | 4.375'))).toHaveLength(1);
  });

  it('read a flattened schedule of trades whose heading and rows are inside one line (0001313250-08-000037)', () => {
    // Cause: the appendix reader took lines of at most 400 characters starting from a schedule heading at the start
    // of a line; flattened, Schedules A-H are one line and their eight trades were lost. Each schedule names its fund
    // right before its column headings ("SCHEDULE B FARALLON CAPITAL PARTNERS, L.P. TRADE DATE NO. OF SHARES …").
    const path = 'test/fixtures/sc13/0001313250-08-000037.txt';
    const flat = trades(flattened(path));
    expect(flat).toHaveLength(8);
    expect(flat).toEqual(trades(asFiled(path)));
    expect(flat).toContain('2008-06-13 | Farallon Capital Partners, L.P. | sale | 66500 | 22');
  });

  it('read flattened schedule rows whose count comes before the date, a sale in parentheses (0000902664-15-004619)', () => {
    // "LIONEYE ONSHORE FUND LP Sale of Common Stock (258) 8.04 12/9/2015 8.01-8.20 Sale of Common Stock (936) …"
    const path = 'test/fixtures/sc13/0000902664-15-004619.txt';
    const flat = trades(flattened(path));
    expect(flat).toHaveLength(23);
    expect(flat).toEqual(trades(asFiled(path)));
    expect(flat).toContain('2015-12-09 | LIONEYE ONSHORE FUND LP | sale | 258 | 8.04');
  });

  it('read a flattened schedule whose buy or sell is in the prose above its rows (0000315066-94-001425)', () => {
    // "… Four Fidelity Fund(s) sold Shares since May 28, 1994 … DATE SHARES PRICE 05-31-94 17,000 $14.63 …": the
    // fund named in that prose heads no table (a sentence follows it), the side it states heads the rows.
    const path = 'test/fixtures/sc13/0000315066-94-001425.txt';
    const flat = trades(flattened(path));
    expect(flat).toEqual(trades(asFiled(path)));
    expect(flat).toContain('1994-05-31 | FMR Corp. | sale | 17000 | 14.63');
    expect(flat).toContain('1994-07-06 | FMR Corp. | purchase | 5000 | 15.25');
  });

  it('read "Bank Otkritie purchased …" as the trade of the cover\'s «Bank Otkritie Financial Corporation» (0001140361-17-047815)', () => {
    // Cause: the cover name "Public Joint-Stock Company «Bank Otkritie Financial Corporation»" gave no short form but
    // its legal form's "Public", and the filing's definition of "Bank Otkritie" (the name quoted inside the name) was
    // not read, so the sentences had no subject; as filed a line reader caught them, flattened (no lines) nothing did.
    const flat = trades(flattened('test/fixtures/sc13/0001140361-17-047815.txt'));
    expect(flat).toEqual([
      '2017-12-19 | Public Joint-Stock Company «Bank Otkritie Financial Corporation» | purchase | 992058 | ',
      '2017-12-20 | Public Joint-Stock Company «Bank Otkritie Financial Corporation» | purchase | 9652297 | ',
    ]);
  });

  it('read a flattened exhibit whose party is followed by many column headings (0000950142-96-000297)', () => {
    // Cause: the party heading a flattened schedule had to end within 80 characters of the first row; "CRAMER
    // PARTNERS, L.P. NO. OF SHARES COST (SALES PURCHASE/SALE TRADE DATE PURCHASED/SOLD PRICE) PER SHARE 4/18/96 …"
    // puts 82 characters of column headings between them, so the rows had no holder and were dropped.
    const flat = trades(flattened('test/fixtures/sc13/0000950142-96-000297.txt'));
    expect(flat).toContain('1996-04-18 | Cramer Partners, L.P. | purchase | 84500 | 14.438');
    expect(flat.map((t) => t.split(' | ').slice(3).join(' | '))).toEqual(['84500 | 14.375', '84500 | 14.438', '100000 | 14.375']);
  });
});

