// The prose readers on flattened submissions (tags stripped, white space collapsed: the founding sample's shape),
// each a real golden filing rewritten by bench/flatten.ts, as the `flattened` family of bench/paraphrase-robustness.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenSubmission } from '../../../bench/flatten.js';
import { extractCoverPages } from '../../../src/extract/cover-page/index.js';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { flattenedHolderRows } from '../../../src/extract/prose/flattened-holder-rows.js';
import { parseSubmission } from '../../../src/parse/index.js';

const flattened = (path: string) => parseSubmission(Buffer.from(flattenSubmission(readFileSync(path).toString('latin1')), 'latin1'), { sourceName: path });
const holdings = (path: string) => (extractItemsAndProse(flattened(path)).tables.holdings ?? []).map((r) => [r.holder, r.role, r.shares]);
const asFiled = (path: string) => parseSubmission(readFileSync(path), { sourceName: path });
const holderShares = (sub: ReturnType<typeof parseSubmission>) => [...new Set((extractItemsAndProse(sub).tables.holdings ?? []).map((r) => `${String(r.holder)} | ${String(r.shares)}`))].sort();
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

  it('find a 13G Item 4 printed without its title, its first label after the number (0000068100-95-000016)', () => {
    // Cause: flattened, a heading counts only when its title follows it, and "ITEM 4 (a) AMOUNT BENEFICIALLY OWNED:
    // 152,350 SHARES … (i) SOLE POWER TO VOTE: 49,750 SHARES" has none: Item 4 was not found and its rows were lost.
    const path = 'test/fixtures/sc13/0000068100-95-000016.txt';
    const items = (extractItemsAndProse(flattened(path)).tables.items ?? []).map((r) => r.itemNumber);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(holdings(path)).toEqual(
      expect.arrayContaining([
        ['J. P. MORGAN & CO., INCORPORATED', 'beneficial', 152350],
        ['J. P. MORGAN & CO., INCORPORATED', 'sole_voting', 49750],
        ['J. P. MORGAN & CO., INCORPORATED', 'sole_dispositive', 152350],
      ]),
    );
    // The same positions as the filing as filed.
    expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
  });

  it('take no holder row from "See Item 9 above" under "Amount beneficially owned" (0001019432-20-000011)', () => {
    // Cause: once the Item 4 label stayed in the body, the table-line reader read "See Item 9 above" under it as a
    // row naming "See Item" with 9 shares; a name cell ending in Item (Row, Section …) points at a number.
    const path = 'test/fixtures/sc13/0001019432-20-000011.txt';
    expect(holderShares(asFiled(path)).filter((r) => /See Item/.test(r))).toEqual([]);
    expect(holderShares(flattened(path)).filter((r) => /See Item/.test(r))).toEqual([]);
  });

  it('read a power row whose count a footnote mark follows before the next row (0000354204-21-000224)', () => {
    // Cause: flattened, a form row's count ends its row only when the next row starts right after it; "(i) sole power
    // to vote or to direct the vote 715,775 ** see Note 1 ** (ii) shared power …" has the note between, and the sole
    // voting row was lost.
    const path = 'test/fixtures/sc13/0000354204-21-000224.txt';
    expect(holdings(path)).toContainEqual(['Dimensional Fund Advisors LP', 'sole_voting', 715775]);
    expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
  });

  it('read a dash as zero when the next row or the next item follows it on the line (0001207017-05-000031)', () => {
    // Cause: a bare dash counted as the form's zero only when it ended its line; flattened, "(ii)Shared power to vote or
    // to direct the vote: - (iii)Sole power …" has the next row after it. And the last row's dash, "… disposition of: -"
    // right before "Item 5:Ownership", was dropped as a bullet because the sentence splitter looked past the item's end.
    const path = 'test/fixtures/sc13/0001207017-05-000031.txt';
    expect(holdings(path)).toEqual(
      expect.arrayContaining([
        ['Lazard Asset Management LLC', 'shared_voting', 0],
        ['Lazard Asset Management LLC', 'shared_dispositive', 0],
      ]),
    );
    expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
  });

  it('read a labelled count whose grid headings run on after the label (0001193125-10-137857)', () => {
    // Cause: a label's count was taken right after the label or alone on the lines under it (a grid's headings on a
    // line of their own); flattened, "… beneficially owned by the filing person: Number of Shares Percentage 764,546
    // 8.98 %" has the headings between on the same line, and the position was lost.
    const path = 'test/fixtures/sc13/0001193125-10-137857.txt';
    expect(holdings(path)).toContainEqual(['Minor M. Shaw', 'beneficial', 764546]);
    expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
  });

  it('give the counts of a person block that starts inside the sentence to that person (0000905718-14-000108)', () => {
    // Cause: a block's person was read from the sentence's start only; flattened, "… the disposition of 0 As reported
    // in the cover pages …, the ownership information with respect to PWIMF is as follows: (a) Amount Beneficially
    // Owned: 527,194* …" runs on from PWAM's and Mr. Park's block, and PWIMF's rows went to them.
    const path = 'test/fixtures/sc13/0000905718-14-000108.txt';
    const rows = holdings(path);
    expect(rows).toContainEqual(['Park West Investors Master Fund, Ltd.', 'shared_voting', 0]);
    expect(rows).not.toContainEqual(['Park West Asset Management LLC', 'sole_voting', 527194]);
    expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
  });

  it('find the exhibit Item 5(a)/(b) points at when its heading has no line of its own (0001140361-17-047815)', () => {
    // Cause: the exhibit's heading counted only alone on its line; flattened, "… such securities. EXHIBIT A Item
    // 5(a)&(b) - Interest in Securities of the Issuer …" runs on from the sentence before, and the exhibit's
    // positions were lost.
    const path = 'test/fixtures/sc13/0001140361-17-047815.txt';
    expect(holdings(path)).toContainEqual(['Public Joint-Stock Company «Bank Otkritie Financial Corporation»', 'sole_voting', 21426733]);
    expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
  });

  it('read the warrant column of a table whose two-line header runs into one line (go-edgar__vtv_13d_item4)', () => {
    // Cause: a table's column kinds came from a header whose cells stand apart; flattened, "Common Prefunded Name Stock
    // Warrants" is the two lines "Common / Prefunded" over "Name / Stock / Warrants" run together, and the prefunded
    // warrants were read as common shares (no option rows).
    const path = 'test/fixtures/html/go-edgar__vtv_13d_item4.htm';
    const options = (extractItemsAndProse(flattened(path)).tables.options ?? []).map((r) => [r.holder, r.kind, r.shares]);
    expect(options).toEqual(
      expect.arrayContaining([
        ['667, L.P.', 'warrant', 254948],
        ['Baker Brothers Life Sciences, L.P.', 'warrant', 2823061],
      ]),
    );
  });

  it('leave a table row’s count to the table’s holder when the rows run on in a sentence (go-edgar__13d_2024_1)', () => {
    // Cause: flattened, "… Baker Brothers Life Sciences, L.P. 9,983,274 17,840,603 Total 10,885,357 19,437,944 …" is
    // also one sentence, and the sentence reader gave the Total row's 10,885,357 to Life Sciences as well as the table
    // reader to the Funds.
    const path = 'test/fixtures/html/go-edgar__13d_2024_1.htm';
    expect(holdings(path)).not.toContainEqual(['Baker Brothers Life Sciences, L.P.', 'group_total', 10885357]);
    expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
  });

  it('take no passive agent from the next sentence run on after a count (0001172661-24-005104)', () => {
    // Cause: flattened, "… Steven Boyd - 2,574,000 The percentage of Shares reported to be beneficially owned by the
    // Reporting Persons …" has no full stop after the count, and "The percentage of Shares … owned by" was read as the
    // count's own words, giving it to the Reporting Persons as well.
    const path = 'test/fixtures/sc13/0001172661-24-005104.txt';
    expect(holdings(path).filter(([holder]) => holder === 'Reporting Persons')).toEqual([]);
    expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
  });

  it('blank the two page numbers a page break leaves inside a sentence (0000950152-00-002768)', () => {
    // Cause: flattened, "… currently exercisable options to 7 8 purchase 67,500 shares …" keeps the page's number and
    // the next page's; the 7 was read as Mr. Maurer's count and the option's words were cut, so his 67,500 lost its role.
    const path = 'test/fixtures/sc13/0000950152-00-002768.txt';
    const rows = holdings(path);
    expect(rows).toContainEqual(['Richard M. Maurer', 'underlying', 67500]);
    expect(rows.filter(([, , shares]) => shares === 7)).toEqual([]);
    expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
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

  it('read flattened trade rows with a side or class cell between the count and the price (go-edgar__13d_2024_1, 0000891836-94-000030)', () => {
    // Cause: a flattened row's date, count and price had to stand with only blanks, a mark or "$" between them; "667,
    // L.P. 12/13/2024 2,809 Purchase 13.4979 1 Baker Brothers …" and "Gerald F. Fitzgerald Purchase 3/22/94 7,000
    // Class A $41.50 Purchase 3/29/94 …" have the side or the class in between, and their 10 and 4 trades were lost.
    for (const path of ['test/fixtures/html/go-edgar__13d_2024_1.htm', 'test/fixtures/sc13/0000891836-94-000030.txt']) {
      expect(trades(flattened(path))).toEqual(trades(asFiled(path)));
    }
    expect(trades(flattened('test/fixtures/html/go-edgar__13d_2024_1.htm'))).toHaveLength(10);
    expect(trades(flattened('test/fixtures/html/go-edgar__13d_2024_1.htm'))).toContain('2024-12-13 | 667, L.P. | purchase | 2809 | 13.4979');
    expect(trades(flattened('test/fixtures/sc13/0000891836-94-000030.txt'))).toContain('1994-03-22 | Gerald F. Fitzgerald | purchase | 7000 | 41.5');
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

  it('read a holder table whose rows run on one line, a page break inside a name cell (0000712770-96-000005)', () => {
    // Cause: the table reader took rows one per line and a line of more than 240 characters as prose; flattened, "…
    // DISPOSITIVE POWER One Liberty Properties, Inc. 30,048/less than 1% Shared (1) The Georgetown Group, Inc. 4,790/…"
    // is one line, and the 27 positions of the two tables (each row's holder, and Gould's or Rose's share of it) were
    // lost. "REIT Management Corp. Page 9 of 12 Pages Pension & Profit Sharing Trusts 263,546/3.00%": the page break is
    // furniture inside the name cell. "The above does not include 25,565 Beneficial Shares owned by …" is prose after
    // the table, no row.
    const path = 'test/fixtures/sc13/0000712770-96-000005.txt';
    const flat = holdings(path);
    expect(flat).toEqual(
      expect.arrayContaining([
        ['One Liberty Properties, Inc.', expect.any(String), 30048],
        ['Fredric H. Gould', 'beneficial', 30048],
        ['130 Store Company', expect.any(String), 18988],
        ['REIT Management Corp. Pension & Profit Sharing Trusts', expect.any(String), 263546],
        ['Trust for the Benefit of Relatives', expect.any(String), 34762],
        ['Marshall & Jill Rose Foundation, Inc.', expect.any(String), 8644],
        ['Marshall Rose', 'beneficial', 43262],
      ]),
    );
    expect(flat.filter((r) => /above/.test(String(r[0])))).toEqual([]);
    // The holders and counts of the filing as filed ("The Georgetown Group, Inc" lost its period there, not here).
    const fixed = (rows: string[]) => rows.map((r) => r.replace('Group, Inc |', 'Group, Inc. |'));
    expect(holderShares(flattened(path))).toEqual(fixed(holderShares(asFiled(path))));
  });

  it('read five flattened holder tables of dotted leaders, a page number run onto a row (0000891836-94-000030)', () => {
    // Cause: as above, the five tables of Item 5 ("Gerald F. Fitzgerald . . . 7,950 110,872 Majorie G Fitzgerald . . .
    // 51,062 120,204 …", one per figure, each under its caption) were one line and their 31 positions were lost. The
    // first row's name follows the column headings ("… Reporting Person Class A B Gerald F. Fitzgerald"), and the page
    // number of a page break ("… 7,950 110,872 18 Majorie G Fitzgerald") is no third count.
    const path = 'test/fixtures/sc13/0000891836-94-000030.txt';
    const flat = holdings(path);
    expect(flat).toEqual(
      expect.arrayContaining([
        ['Gerald F. Fitzgerald', 'beneficial', 7950],
        ['Gerald F. Fitzgerald', 'beneficial', 110872],
        ['Julie F. Schauer', 'shared_voting', 182851],
        ['Gerald F. Fitzgerald, Jr.', 'sole_voting', 0],
        ['Jane M. Fitzgerald', 'sole_dispositive', 8938],
        ['C. Nina Fitzgerald', 'shared_dispositive', 0],
      ]),
    );
    expect(flat.filter((r) => r[2] === 18 || r[2] === 17)).toEqual([]);
  });
});

describe('flattened holder tables, first row and Total', () => {
  it('read a flattened holder table whose first name opens with a number and which ends in a Total row (go-edgar__vtv_13d_item4)', () => {
    // Cause: the first row's name was read back from its counts up to a word with a digit, so "667, L.P. 8,060
    // 254,948" had the name "L.P." and no row; and "Total 97,314 3,078,009" was no name, so the run had one row and
    // was no table: the six positions of "… Common Prefunded Name Stock Warrants 667, L.P. 8,060 254,948 Baker
    // Brothers Life Sciences, L.P. 89,254 2,823,061 Total 97,314 3,078,009 On February 27, …" were lost.
    const path = 'test/fixtures/html/go-edgar__vtv_13d_item4.htm';
    expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
    expect(holdings(path)).toEqual(
      expect.arrayContaining([
        ['667, L.P.', expect.any(String), 8060],
        ['667, L.P.', expect.any(String), 254948],
        ['Baker Brothers Life Sciences, L.P.', expect.any(String), 2823061],
        ['Funds', 'group_total', 3078009],
      ]),
    );
  });
});

describe('flattened person blocks', () => {
  it('read the person blocks of a flattened 13G Item 4 under their underlined headings (0000913355-96-000009)', () => {
    // Cause: a heading over its underline ("BOAS" / "----") was a sentence of its own only through its line breaks;
    // flattened, "… direct disposition of: None BOAS ---- (a) Amount Beneficially Owned: 1,077,500 shares …" ran on
    // from the block before, every block's figures went to the first person (CMMC) and seven positions were lost.
    const path = 'test/fixtures/sc13/0000913355-96-000009.txt';
    expect(holdings(path)).toEqual(
      expect.arrayContaining([
        ['Andrew M. Boas', 'beneficial', 1077500],
        ['Robert C. Ruocco', 'shared_voting', 1077500],
        ['Martin J. Whitman', 'sole_dispositive', 688600],
        ['Martin J. Whitman', 'beneficial', 1766100],
      ]),
    );
    const asFiledRows = (extractItemsAndProse(asFiled(path)).tables.holdings ?? []).map((r) => [r.holder, r.role, r.shares]);
    expect(holdings(path)).toEqual(asFiledRows);
  });
});

describe('flattened holder tables, sentence after', () => {
  it('end a flattened holder table at the sentence after its Total row ("… Total 15,774,095 8.9 % The shares of …", go-edgar__invitae_13g_2021)', () => {
    // Cause: a count followed by a word of shares was prose, not a row, and "8.9 % The shares of Convertible Preferred
    // Stock are only convertible …" counted as one: the Total row was no row, the run of three was two, and the
    // table's three positions were lost.
    const path = 'test/fixtures/html/go-edgar__invitae_13g_2021.htm';
    expect(holdings(path)).toEqual(
      expect.arrayContaining([
        ['667, L.P.', 'beneficial', 1272253],
        ['Baker Brothers Life Sciences, L.P.', 'beneficial', 14501842],
        ['Funds', 'group_total', 15774095],
      ]),
    );
  });
});

describe('flattened form rules', () => {
  it('read a form row whose count a rule across the page follows, flattened (0000913414-08-003796)', () => {
    // Cause: the rules between Item 4's rows ("(i) sole power to vote or to direct the vote" / "9,101,402" /
    // "-----…") were lines of their own; flattened, "… direct the vote 9,101,402 ------ (ii) shared power …" is one
    // sentence with every row, and the sole voting count was lost.
    const path = 'test/fixtures/sc13/0000913414-08-003796.txt';
    expect(holdings(path)).toEqual(expect.arrayContaining([['Reporting Persons', 'sole_voting', 9101402]]));
  });

  it('read a lone dash over a rule, run onto its label, as the row\'s zero, flattened (0000913414-08-003796, -09-003235, -09-003236)', () => {
    // Cause: as filed, a dash on its own line between the label and the rule ("(ii) shared power to vote or to direct
    // the vote" / "-" / "------") is the form's zero, in Item 4 and on each cover ("(6) Shared Voting Power" / "-").
    // Flattened, "… direct the vote - ------ (iii) …": a single hyphen after a label was only its separator, in Item 4
    // and on the covers ("(6) Shared Voting Power - ------ (7) …"), so both zeros were lost (the covers' zeros also tie
    // Item 4's group zero to the covers' sum).
    for (const acc of ['0000913414-08-003796', '0000913414-09-003235', '0000913414-09-003236']) {
      const path = `test/fixtures/sc13/${acc}.txt`;
      const covers = (sub: ReturnType<typeof parseSubmission>) => extractCoverPages(sub).reportingPersons.map((p) => [p.sharedVotingPower, p.sharedDispositivePower]);
      expect(covers(flattened(path))).toEqual(covers(asFiled(path)));
      expect(covers(flattened(path)).flat().every((v) => v === 0)).toBe(true);
      expect(holdings(path)).toEqual(
        expect.arrayContaining([
          ['Reporting Persons', 'shared_voting', 0],
          ['Reporting Persons', 'shared_dispositive', 0],
        ]),
      );
      expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
    }
    // A blank row over a dash-escaped rule ("10 SHARED DISPOSITIVE POWER" / "REPORTING" / "PERSON WITH" / "- -----",
    // flattened "… POWER REPORTING PERSON WITH - -----") stays blank: the dash is the rule's escape, not a zero.
    const blank = 'test/fixtures/sc13/0000950123-07-015741.txt';
    for (const sub of [asFiled(blank), flattened(blank)]) expect(extractCoverPages(sub).reportingPersons.map((p) => p.sharedDispositivePower)).toEqual([null, null]);
  });
});

describe('flattened running headers', () => {
  it('read "An aggregate of N Shares … are reported in this Schedule 13D" after a running header "CUSIP NO. …" (0000921895-15-002195)', () => {
    // Cause: as filed the header "CUSIP NO. 86858W101" is a line of its own, blanked as page furniture; flattened,
    // "18 CUSIP NO. 86858W101 An aggregate of 5,715,813 Shares, …" is one sentence, and its "NO." read as a negation
    // before the count, so the group's total was lost.
    const path = 'test/fixtures/sc13/0000921895-15-002195.txt';
    expect(holdings(path)).toEqual(expect.arrayContaining([['Reporting Persons', 'group_total', 5715813]]));
  });
});

describe('flattened running headers with their page', () => {
  it('take no count from a running header "CUSIP: 360921100 Page 3 of 5" after an empty label (0000949308-05-000074)', () => {
    // Cause: as filed the header is a line of its own after the empty "(iv) Shared power to dispose or to direct the
    // disposition of:"; flattened, "… disposition of: CUSIP: 360921100 Page 3 of 5 Capital Group International, Inc.
    // ("CGII") is …" read the CUSIP as the label's count. A CUSIP then "Page N of M" inside a line is page furniture.
    const path = 'test/fixtures/sc13/0000949308-05-000074.txt';
    expect(holdings(path).filter((r) => r[2] === 360921100)).toEqual([]);
    expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
  });
});

describe('flattened person columns', () => {
  const path = 'test/fixtures/sc13/0000930413-20-000384.txt';

  it('read a flattened header of person columns and its label rows, all in one sentence (0000930413-20-000384)', () => {
    // Cause: a header of person columns ("NAM\tTCIM\tTAL") and each label row under it were read one line at a time;
    // flattened, "… NAM TCIM TAL Sole Voting Power: 209,705 4,368,525 1,270,996 Shared Voting Power: 0 0 0 …" is one
    // sentence, and its counts went to one holder by the form's labels: six positions lost, two extra.
    const flat = holdings(path);
    expect(flat).toEqual(
      expect.arrayContaining([
        ['Nuveen Asset Management, LLC', 'sole_voting', 209705],
        ['TIAA-CREF Investment Management, LLC', 'sole_voting', 4368525],
        ['Teachers Advisors, LLC', 'sole_dispositive', 1270996],
        ['Teachers Advisors, LLC', 'shared_dispositive', 0],
      ]),
    );
    expect(holderShares(flattened(path))).toEqual(holderShares(asFiled(path)));
  });

  it('a defined term read back over the value before its name ("Citizenship: Delaware TIAA-CREF …") is the cover person (0000930413-20-000384)', () => {
    // Cause: flattened, Items 2(a)-(c) run "… Citizenship: Delaware TIAA-CREF Investment Management, LLC ("TCIM") …",
    // the term's meaning took "Delaware" in, matched no cover name, and "TCIM" stood for a party of its own.
    expect(holdings(path).filter((r) => String(r[0]).startsWith('Delaware'))).toEqual([]);
  });
});

describe('flattened pairs under a power label', () => {
  it('read "Name: N" pairs that run on one line under their power label (0000038777-98-000161)', () => {
    // Cause: the pairs under "(i) Sole power to vote or to direct the vote" were read one line each; flattened, "…
    // direct the vote Franklin Resources, Inc.: 0 Charles B. Johnson: 0 … Templeton Global Advisors Limited: 9,987,768
    // Templeton Management Limited: 266,000 …" is one sentence and five of the six positions were lost.
    const path = 'test/fixtures/sc13/0000038777-98-000161.txt';
    expect(holdings(path)).toEqual(
      expect.arrayContaining([
        ['Charles B. Johnson', 'sole_voting', 0],
        ['Templeton Global Advisors Limited', 'sole_voting', 9987768],
        ['Templeton Management Limited', 'sole_dispositive', 266000],
        ['Templeton Investment Management Limited', 'sole_voting', 33500],
      ]),
    );
    // (The powers only: the amount "(a) Amount Beneficially Owned: 10,287,268" is the group's, read by different
    // readers as filed and flattened, with roles beneficial and group_total.)
    const rows = (sub: ReturnType<typeof parseSubmission>) => (extractItemsAndProse(sub).tables.holdings ?? []).filter((r) => /_(?:voting|dispositive)$/.test(String(r.role))).map((r) => [r.holder, r.role, r.shares]);
    expect(rows(flattened(path))).toEqual(rows(asFiled(path)));
  });
});

describe('flattened "Name - N shares" pairs', () => {
  const path = 'test/fixtures/sc13/0000929638-13-000159.txt';

  it('read "Name - N shares" pairs that run on one line under their power label (0000929638-13-000159)', () => {
    // Cause: the run-on pairs reader took only "Name: N"; flattened, "(i) sole power to vote or to direct the vote DG
    // Capital Management, LLC - 0 shares Dov Gertzulin - 0 shares (ii) …" gave the label's power to the first pair only,
    // and Dov Gertzulin's powers were lost.
    expect(holdings(path)).toEqual(
      expect.arrayContaining([
        ['Dov Gertzulin', 'sole_voting', 0],
        ['Dov Gertzulin', 'shared_voting', 1327570],
        ['Dov Gertzulin', 'sole_dispositive', 0],
        ['Dov Gertzulin', 'shared_dispositive', 1327570],
      ]),
    );
    const rows = (sub: ReturnType<typeof parseSubmission>) => (extractItemsAndProse(sub).tables.holdings ?? []).map((r) => [r.holder, r.role, r.shares].join(' | ')).sort();
    expect(rows(flattened(path))).toEqual(rows(asFiled(path)));
  });

  it('take no passive agent across a footnote mark opening a note ("… 1,327,570 shares *** Shares reported herein are held by …")', () => {
    // Cause: flattened, the last pair runs into the note under the table, and "shares *** Shares reported herein are
    // held by DG Value Partners, LP, …" read the whole list of funds as the holder of record of Dov Gertzulin's count.
    expect(holdings(path).filter((r) => String(r[0]).startsWith('DG Value Partners'))).toEqual([]);
  });
});

describe('flattened pairs under a dated label', () => {
  it('read "Name - N" pairs under "(a) Amount beneficially owned as of September 30, 2024:" (0001172661-24-005104)', () => {
    // Cause: flattened, "(a) Amount beneficially owned as of September 30, 2024: Armistice Capital, LLC - 2,574,000
    // Steven Boyd - 2,574,000 (b) …" is one sentence; the date ending the label hid it from the run-on pairs reader,
    // and the second pair's count had no role, so Steven Boyd's amount was lost (and the 0s under the power labels,
    // "… direct the vote Armistice Capital, LLC - 0 Steven Boyd - 0", were lost until "Name - N" pairs were read).
    const path = 'test/fixtures/sc13/0001172661-24-005104.txt';
    expect(holdings(path)).toEqual(
      expect.arrayContaining([
        ['Steven Boyd', 'beneficial', 2574000],
        ['Steven Boyd', 'sole_voting', 0],
        ['Steven Boyd', 'sole_dispositive', 0],
      ]),
    );
  });
});

describe('flattened quotes', () => {
  it('read the defined terms whose quotes were character references 147 and 148 (0001193125-11-035272)', () => {
    // Cause: flattened, “&#147;VC&#148;” is the bytes 0x93 and 0x94, which the body's windows-1252 fallback decoded to
    // C1 controls (Node 20): no term of Item 2 was read, and "Mr. Vranos, VC, EMGH and ECM beneficially owned
    // 2,962,920, 2,962,920, 1,669,004 and 1,250,000 Common Shares, respectively" lost three of its four holders.
    const path = 'test/fixtures/sc13/0001193125-11-035272.txt';
    expect(holdings(path)).toEqual(
      expect.arrayContaining([
        ['Michael W. Vranos', 'beneficial', 2962920],
        ['VC Investments LLC', 'beneficial', 2962920],
        ['EMG Holdings, L.P.', 'beneficial', 1669004],
        ['EMG Holdings, L.P.', 'beneficial', 1326863],
      ]),
    );
  });
});

describe('flattenedHolderRows', () => {
  const isName = (name: string) => /^[A-Z]/.test(name);

  it('cuts a run of rows and leaves the text around it whole', () => {
    const line = 'Set forth below: Name Shares Owned Alpha Fund LP 1,000 Beta Fund LP 2,000 Gamma Fund LP 3,000 The rest is prose.';
    const pieces = flattenedHolderRows(line, isName)!;
    expect(pieces.map((p) => [line.slice(p.start, p.end).trim(), p.row])).toEqual([
      ['Set forth below: Name Shares Owned', false],
      ['Alpha Fund LP 1,000', true],
      ['Beta Fund LP 2,000', true],
      ['Gamma Fund LP 3,000', true],
      ['The rest is prose.', false],
    ]);
    // Two rows are a sentence naming two holders, not a table.
    expect(flattenedHolderRows('Owned Alpha Fund LP 1,000 Beta Fund LP 2,000 and more', isName)).toBeNull();
  });

  it('is linear in the line: 100,000 rows, and 100,000 page marks, on one line', () => {
    const rows = 'Name Shares Owned ' + 'Alpha Fund LP 1,000 '.repeat(100_000);
    expect(flattenedHolderRows(rows, isName)!.filter((p) => p.row)).toHaveLength(100_000);
    const marks = 'Name Shares Owned ' + 'Alpha Page 1 of 2 Pages Fund LP 1,000 '.repeat(100_000);
    expect(flattenedHolderRows(marks, isName)!.filter((p) => p.row)).toHaveLength(100_000);
    // No row at all: digits and words that never make a name.
    expect(flattenedHolderRows('1 a '.repeat(200_000), isName)).toBeNull();
  }, 10_000);
});
