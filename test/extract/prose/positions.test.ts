/**
 * The structural Item 5 reader (src/extract/prose/positions.ts) on sentences copied from real filings of the corpus
 * (accession numbers in the test names): one test per shape, each checking holder, count and role.
 */
import { describe, expect, it } from 'vitest';
import { DefinedTerms } from '../../../src/extract/defined-terms/index.js';
import { identitySource } from '../../../src/extract/items/prose-source.js';
import { PartyIndex, readProse } from '../../../src/extract/prose/index.js';

interface Cover {
  name: string;
  aggregate?: number;
  soleVoting?: number;
  sharedVoting?: number;
  soleDispositive?: number;
  sharedDispositive?: number;
}

/** Read `text` as the Item 5 (13G: Item 4) of a filing whose cover pages are `cover`: [holder, shares, role]. */
function read(text: string, cover: Cover[], kind: '13D' | '13G' = '13D', linesAreBlocks = false): [string, number | null, string | undefined][] {
  const terms = DefinedTerms.fromText(text, 1);
  const parties = PartyIndex.build(cover.map((c, i) => ({ ordinal: i + 1, name: c.name })), terms, text);
  const anchors = parties.coverParties.map((party, i) => ({
    party,
    aggregateAmount: cover[i]!.aggregate ?? null,
    percentOfClass: null,
    soleVotingPower: cover[i]!.soleVoting ?? null,
    sharedVotingPower: cover[i]!.sharedVoting ?? null,
    soleDispositivePower: cover[i]!.soleDispositive ?? null,
    sharedDispositivePower: cover[i]!.sharedDispositive ?? null,
  }));
  const ctx = { parties, terms, filedAt: null, coverParties: parties.coverParties, cover: anchors };
  const item = { itemNumber: kind === '13G' ? 4 : 5, documentSequence: 1, source: identitySource(text, 0, text.length, linesAreBlocks) };
  const out = readProse([item], kind, ctx).holdings.map((h): [string, number | null, string | undefined] => [h.row.holder, h.row.shares, h.row.role]);
  if (process.env.SHOW_ROWS) console.log(JSON.stringify(out));
  return out;
}

describe('positions by structure', () => {
  it('reads power statements with the subject before the power words (0000315066-94-001425)', () => {
    const rows = read('Fidelity Ventures Associates, Inc. has sole voting power over the 172,404 Shares held by Fidelity Ventures Associates Limited.', [{ name: 'FMR Corp.' }]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Fidelity Ventures Associates Limited', 172404, 'direct'],
        ['Fidelity Ventures Associates, Inc.', 172404, 'sole_voting'],
      ]),
    );
  });

  it('reads a numbered power block under a heading that names the person (0000902664-15-004619)', () => {
    const text = [
      'Items 5(a), (b) and (c) of the Schedule 13D are hereby amended and restated in their entirety as follows:',
      '(i) LionEye Master Fund:',
      '(a) As of the date hereof, LionEye Master Fund beneficially owned 686,997 Shares.',
      'Percentage: Approximately 9.9%.',
      '(b) 1. Sole power to vote or direct vote: 686,997',
      '2. Shared power to vote or direct vote: 0',
      '3. Sole power to dispose or direct the disposition: 686,997',
      '4. Shared power to dispose or direct the disposition: 0',
      '(ii) LionEye Onshore:',
      '(a) As of the date hereof, LionEye Onshore beneficially owned 71,268 Shares.',
      '(b) 1. Sole power to vote or direct vote: 71,268',
      '2. Shared power to vote or direct vote: 0',
    ].join('\n');
    const cover = [
      { name: 'LIONEYE MASTER FUND LTD', aggregate: 686997, soleVoting: 686997, sharedVoting: 0 },
      { name: 'LIONEYE ONSHORE FUND LP', aggregate: 71268, soleVoting: 71268, sharedVoting: 0 },
    ];
    // An HTML filing: each line is a block.
    const rows = read(text, cover, '13D', true);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['LIONEYE MASTER FUND LTD', 686997, 'beneficial'],
        ['LIONEYE MASTER FUND LTD', 0, 'shared_voting'],
        ['LIONEYE ONSHORE FUND LP', 71268, 'beneficial'],
        ['LIONEYE ONSHORE FUND LP', 0, 'shared_voting'],
        // The count owned, restated as a power, is kept in that role too (item5_vs_cover reads powers by role).
        ['LIONEYE MASTER FUND LTD', 686997, 'sole_voting'],
        ['LIONEYE ONSHORE FUND LP', 71268, 'sole_voting'],
        // "the disposition" in a power label is not a trade.
        ['LIONEYE MASTER FUND LTD', 686997, 'sole_dispositive'],
        ['LIONEYE MASTER FUND LTD', 0, 'shared_dispositive'],
      ]),
    );
    expect(rows.filter((r) => r[0] === 'LIONEYE MASTER FUND LTD')).toHaveLength(5);
  });

  it('gives each holder of "Each of Messrs. A and B" the count, and reads "(i) N … (ii) M Shares beneficially owned by X" (0000902664-15-004619)', () => {
    const text =
      '(a) Each of Messrs. Raneri and Rosen, as a managing member of each of LionEye Capital Management and LionEye Advisors, may be deemed the beneficial owner of the (i) 686,997 Shares beneficially owned by LionEye Master Fund, (ii) 71,268 Shares beneficially owned by LionEye Onshore and (iii) 324,305 Shares held in the LionEye Capital Management Accounts.';
    const rows = read(text, [{ name: 'LIONEYE MASTER FUND LTD' }, { name: 'LIONEYE ONSHORE FUND LP' }, { name: 'LIONEYE CAPITAL MANAGEMENT LLC' }, { name: 'STEPHEN RANERI' }, { name: 'ARTHUR ROSEN' }]);
    for (const n of [686997, 71268, 324305]) {
      expect(rows).toContainEqual(['STEPHEN RANERI', n, 'beneficial']);
      expect(rows).toContainEqual(['ARTHUR ROSEN', n, 'beneficial']);
    }
    expect(rows).toContainEqual(['LIONEYE MASTER FUND LTD', 686997, 'beneficial']);
    expect(rows).toContainEqual(['LionEye Capital Management Accounts', 324305, 'direct']);
  });

  it('reads a list of counts owned by a trust, and a relative as the holder (0000891836-94-000030)', () => {
    const text =
      "(5) Includes 11,303 Class A shares and 52,308 Class B shares held of record by Julie F. Schauer's spouse and 3,981 Class A shares and 18,069 Class B shares owned by the Elyse Ives Schauer Trust, of which Julie F. Schauer is trustee.";
    const rows = read(text, [{ name: 'Julie F. Schauer' }]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ["Julie F. Schauer's spouse", 11303, 'part_of'],
        ["Julie F. Schauer's spouse", 52308, 'part_of'],
        ['Elyse Ives Schauer Trust', 3981, 'part_of'],
        ['Elyse Ives Schauer Trust', 18069, 'part_of'],
      ]),
    );
  });

  it('reads an Item 5 table row by row, its caption giving the role, a misspelled cover name resolved (0000891836-94-000030)', () => {
    const text = [
      '(a) Aggregate Number and Percentage of Shares Beneficially Owned:',
      '                                Number of Shares',
      'Name of                         Beneficially Owned',
      'Reporting Person                Class A     Class B',
      'Gerald F. Fitzgerald . . .        7,950     110,872',
      'Majorie G Fitzgerald . . .       51,062     120,204',
      '',
      '                                Percentage of Shares Beneficially',
      'Name of                         Owned',
      'Reporting Person                Class A     Class B',
      'Gerald F. Fitzgerald . . .        .4%        8.8%',
      'Majorie G Fitzgerald . . .       2.4         9.8',
      '',
      '                                Number of Shares with',
      'Name of                         Sole Power to Vote',
      'Reporting Person                Class A     Class B',
      'Gerald F. Fitzgerald . . .       None        None',
    ].join('\n');
    const rows = read(text, [{ name: 'Gerald F. Fitzgerald' }, { name: 'Marjorie G. Fitzgerald' }]);
    expect(rows).toEqual([
      ['Gerald F. Fitzgerald', 7950, 'beneficial'],
      ['Gerald F. Fitzgerald', 110872, 'beneficial'],
      ['Marjorie G. Fitzgerald', 51062, 'beneficial'],
      ['Marjorie G. Fitzgerald', 120204, 'beneficial'],
      ['Gerald F. Fitzgerald', 0, 'sole_voting'],
    ]);
  });

  it('credits a table to the person its introduction names, each row also to its registered owner (0000712770-96-000005)', () => {
    const text = [
      'The following sets forth the number of Beneficial Shares which Mr. Gould may be deemed to beneficially own and the nature of the voting and dispositive power:',
      '',
      'REGISTERED          NUMBER OF SHARES/        TYPE OF VOTING AND',
      'OWNER               PERCENTAGE OF SHARES     DISPOSITIVE POWER',
      '',
      'One Liberty',
      'Properties, Inc.     30,048/less than 1%     Shared (1)',
      '',
      'Gould Investors',
      '   L.P.                1,512,241/17.23%      Shared (3)',
    ].join('\n');
    const rows = read(text, [{ name: 'Fredric H. Gould' }, { name: 'Gould Investors L.P.' }]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['One Liberty Properties, Inc.', 30048, 'beneficial'],
        ['Fredric H. Gould', 30048, 'beneficial'],
        ['Gould Investors L.P.', 1512241, 'beneficial'],
        ['Fredric H. Gould', 1512241, 'beneficial'],
      ]),
    );
  });

  it('continues a list after an accepted count, and reads "of which (i) N were …" as parts (0001144204-12-020756)', () => {
    const text =
      'the Reporting Person owns beneficially, and has sole voting and dispositive power in respect of, 823,058 Common Shares, of which (i) 803,058 were restricted Common Shares for which the vesting was accelerated and accordingly became fully vested on February 13, 2012 and (ii) 20,000 were granted to the Reporting Person and became fully vested on March 30, 2012; the Reporting Person owns beneficially, and has sole voting and dispositive power in respect of, 800,000 Common Shares underlying the 2010 non-qualified stock options granted to the Reporting Person on April 15, 2010 and 600,000 Common Shares underlying the 2010 non-qualified stock options granted to the Reporting Person on August 15, 2010.';
    const rows = read(text, [{ name: 'Scott Feldhacker' }]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Scott Feldhacker', 823058, 'beneficial'],
        ['Scott Feldhacker', 803058, 'part_of'],
        ['Scott Feldhacker', 600000, 'underlying'],
      ]),
    );
  });

  it('reads "which include N shares … and M shares issuable upon the exercise of Warrants owned by X" (0000937242-95-000001)', () => {
    const text =
      "Mrs. Bodner is the beneficial owner of 349,708 shares of Common Stock or 5.05% of the Company's Common Stock outstanding, which include 149,604 shares of the Common Stock and 200,104 shares of the Common Stock issuable upon the exercise of the Second Warrants owned by Mrs. Bodner.";
    const rows = read(text, [{ name: 'Naomi Bodner' }]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Naomi Bodner', 349708, 'beneficial'],
        ['Naomi Bodner', 149604, 'part_of'],
        ['Naomi Bodner', 200104, 'underlying'],
      ]),
    );
  });

  it('gives "Each of A and B has shared power … of N shares, of which up to M shares are held by C" to A, B and C', () => {
    // The breakdown shape (issue 10), with the power words of 13D Item 5(b).
    const text = 'Each of Alpha Capital LLC and John Smith has shared power to direct the vote or disposition of 2,000,000 shares, of which up to 500,000 shares are held by Beta Fund LP.';
    expect(read(text, [{ name: 'Alpha Capital LLC' }, { name: 'John Smith' }])).toEqual([
      ['Alpha Capital LLC', 2000000, 'shared_voting'],
      ['John Smith', 2000000, 'shared_voting'],
      // "the vote or disposition": both powers.
      ['Alpha Capital LLC', 2000000, 'shared_dispositive'],
      ['John Smith', 2000000, 'shared_dispositive'],
      ['Beta Fund LP', 500000, 'part_of'],
    ]);
  });

  it('reads "the number of shares as to which the Reporting Person has (i) sole voting power is N, (ii) …" and group totals', () => {
    const powers = read('The number of shares as to which the Reporting Person has (i) sole voting power is 1,234,567, (ii) shared voting power is 0, (iii) sole dispositive power is 1,234,567 and (iv) shared dispositive power is 0.', [{ name: 'Alpha Capital LLC' }]);
    expect(powers).toEqual([
      ['Alpha Capital LLC', 1234567, 'sole_voting'],
      ['Alpha Capital LLC', 0, 'shared_voting'],
      ['Alpha Capital LLC', 1234567, 'sole_dispositive'],
      ['Alpha Capital LLC', 0, 'shared_dispositive'],
    ]);
    const total = read('As of the date hereof, the Reporting Persons may be deemed to beneficially own, in the aggregate, 3,500,000 Shares, representing approximately 9.7% of the outstanding Shares.', [{ name: 'Alpha Capital LLC' }, { name: 'John Smith' }]);
    expect(total).toEqual([['Reporting Persons', 3500000, 'group_total']]);
  });

  it('distributes "its subsidiaries A, B and C, each of which directly owns N1, N2 and N3 shares, respectively"', () => {
    const text = 'Alpha Holdings Inc. owns its subsidiaries Beta Fund LP, Gamma Fund LP and Delta Fund LP, each of which directly owns 100,000 shares, 200,000 shares and 300,000 shares, respectively.';
    expect(read(text, [{ name: 'Alpha Holdings Inc.' }, { name: 'Beta Fund LP' }, { name: 'Gamma Fund LP' }, { name: 'Delta Fund LP' }])).toEqual([
      ['Beta Fund LP', 100000, 'direct'],
      ['Gamma Fund LP', 200000, 'direct'],
      ['Delta Fund LP', 300000, 'direct'],
    ]);
  });

  it('distributes "respectively" lists over the parties named before the counts', () => {
    // 0000950123-94-000564-style: "A and B beneficially owned N1 and N2 shares, respectively".
    const text = 'FMR Corp. and Fidelity Management Trust Company have sole dispositive power over 1,000,000 and 250,000 Shares, respectively.';
    const rows = read(text, [{ name: 'FMR Corp.' }, { name: 'Fidelity Management Trust Company' }]);
    expect(rows).toEqual([
      ['FMR Corp.', 1000000, 'sole_dispositive'],
      ['Fidelity Management Trust Company', 250000, 'sole_dispositive'],
    ]);
  });

  it('reads a 13G Item 4 block with "--" labels and "None" for the one reporting person (0000354204-01-001100)', () => {
    const text =
      'ITEM 4(a). AMOUNT BENEFICIALLY OWNED 2,542,287 ** see Note 1 **\nITEM 4(b). PERCENT OF CLASS 5.30\nITEM 4(c). NUMBER OF SHARE AS TO WHICH SUCH PERSON HAS:\n(i). SOLE POWER TO VOTE OR DIRECT THE VOTE -- 2,542,287 ** see Note 1 **\n(ii). SHARED POWER TO VOTE OR TO DIRECT THE VOTE -- None';
    const rows = read(text, [{ name: 'Dimensional Fund Advisors Inc.', aggregate: 2542287, soleVoting: 2542287, sharedVoting: 0 }], '13G');
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Dimensional Fund Advisors Inc.', 2542287, 'beneficial'],
        ['Dimensional Fund Advisors Inc.', 0, 'shared_voting'],
      ]),
    );
  });

  it('reads an Item 5 table with one column per figure, as HTML renders it (one row per line, cells by tabs)', () => {
    // The layout of HTML Item 5 tables: header cells use the cover page's row words.
    const text = [
      'The following table sets forth the beneficial ownership of each Reporting Person:',
      'Name\tAggregate Number of Shares Beneficially Owned\tPercent of Class\tSole Voting Power\tShared Voting Power\tSole Dispositive Power\tShared Dispositive Power',
      'Alpha Master Fund, L.P.\t1,500,000\t5.1%\t0\t1,500,000\t0\t1,500,000',
      'John Smith\t1,600,000\t5.4%\t100,000\t1,500,000\t100,000\t1,500,000',
    ].join('\n');
    const rows = read(text, [{ name: 'Alpha Master Fund, L.P.' }, { name: 'John Smith' }], '13D', true);
    expect(rows).toEqual([
      ['Alpha Master Fund, L.P.', 1500000, 'beneficial'],
      ['Alpha Master Fund, L.P.', 0, 'sole_voting'],
      ['Alpha Master Fund, L.P.', 1500000, 'shared_voting'],
      ['Alpha Master Fund, L.P.', 0, 'sole_dispositive'],
      ['Alpha Master Fund, L.P.', 1500000, 'shared_dispositive'],
      ['John Smith', 1600000, 'beneficial'],
      ['John Smith', 100000, 'sole_voting'],
      ['John Smith', 1500000, 'shared_voting'],
      ['John Smith', 100000, 'sole_dispositive'],
      ['John Smith', 1500000, 'shared_dispositive'],
    ]);
  });

  it('reads a count on the line after its label (HTML blocks: "(i) Sole power to vote …:" / "1,000,000")', () => {
    const text = '(a) Amount beneficially owned:\n1,234,567\n(c) Number of shares as to which the person has:\n(i) Sole power to vote or to direct the vote:\n1,000,000\n(ii) Shared power to vote or to direct the vote:\n234,567';
    expect(read(text, [{ name: 'Alpha Capital LLC' }], '13G', true)).toEqual([
      ['Alpha Capital LLC', 1234567, 'beneficial'],
      ['Alpha Capital LLC', 1000000, 'sole_voting'],
      ['Alpha Capital LLC', 234567, 'shared_voting'],
    ]);
  });

  it('does not read outstanding shares, trades or a hypothetical as positions (0001649910-20-000012, 0000315066-94-001425)', () => {
    const text = [
      'The Reporting Person purchased an aggregate of 15,222 Shares on the open market and sold an aggregate of 5,838 Shares.',
      'Although Item 5 assumes that FMR beneficially owns all 903,691 Shares, reference is made to Item 2.',
      'The percentage is based on 10,000,000 Shares outstanding as of May 1, 2020.',
    ].join('\n');
    expect(read(text, [{ name: 'FMR Corp.' }])).toEqual([]);
  });

  it('does not make a table row of an address line without a caption (0001193125-10-137857)', () => {
    expect(read('The principal office is located at:\nGreenville, SC 29601', [{ name: 'Buck A. Mickel' }])).toEqual([]);
  });

  // Constructed sentences in the common 13D shapes the corpus's unreserved filings do not happen to print.
  it('gives every power of a coordinated power phrase: "sole voting power and sole dispositive power", "sole voting and dispositive power"', () => {
    // Cause: only the last power word before the count gave a role.
    const text = 'Alpha Master Fund LP has sole voting power and sole dispositive power with regard to 1,234,567 Shares. Mr. Smith has shared voting and dispositive power over 1,000,000 Shares.';
    const found = read(text, [{ name: 'Alpha Master Fund LP' }, { name: 'John Q. Smith' }]);
    expect(found).toContainEqual(['Alpha Master Fund LP', 1234567, 'sole_voting']);
    expect(found).toContainEqual(['Alpha Master Fund LP', 1234567, 'sole_dispositive']);
    expect(found).toContainEqual(['John Q. Smith', 1000000, 'shared_voting']);
    expect(found).toContainEqual(['John Q. Smith', 1000000, 'shared_dispositive']);
  });

  it('reads "may be deemed to share the power to vote … of, and to dispose … of, N Shares" for each reporting person', () => {
    // Cause: "share the power" (with "the") was no power phrase.
    const text = 'Each of the Reporting Persons may be deemed to share the power to vote or direct the vote of, and to dispose or direct the disposition of, 2,000,000 Shares.';
    const found = read(text, [{ name: 'Alpha Fund LP' }, { name: 'Beta Fund LP' }]);
    expect(found).toContainEqual(['Alpha Fund LP', 2000000, 'shared_voting']);
    expect(found).toContainEqual(['Beta Fund LP', 2000000, 'shared_dispositive']);
  });

  it('reads "Each of A (the "Fund") and B (the "General Partner") may be deemed to beneficially own N" for both', () => {
    // Cause: the terms defined in passing were taken as subjects, and the parenthesis broke the coordination.
    const text = 'Each of Alpha Fund LP (the "Fund") and Alpha GP LLC (the "General Partner") may be deemed to beneficially own 750,000 Shares, which represents approximately 6.2% of the outstanding Shares.';
    const found = read(text, [{ name: 'Alpha Fund LP' }, { name: 'Alpha GP LLC' }]);
    expect(found).toContainEqual(['Alpha Fund LP', 750000, 'beneficial']);
    expect(found).toContainEqual(['Alpha GP LLC', 750000, 'beneficial']);
  });

  it('keeps the holder of a block\'s first statement for its power labels: "(a) X beneficially owned N … (b) 1. Sole power to vote: N"', () => {
    // Cause: labels found their holder only through a heading line, the only cover person, or the cover's values.
    const text = '(a) As of the close of business on March 1, 2020, Alpha Master Fund Ltd beneficially owned 5,000,000 Shares.\nPercentage: Approximately 5.1%\n(b) 1. Sole power to vote or direct vote: 5,000,000\n2. Shared power to vote or direct vote: 0\n';
    const found = read(text, [{ name: 'Alpha Master Fund Ltd' }, { name: 'Alpha Value LP' }]);
    expect(found).toContainEqual(['Alpha Master Fund Ltd', 5000000, 'sole_voting']);
    expect(found).toContainEqual(['Alpha Master Fund Ltd', 0, 'shared_voting']);
  });

  it('gives a power block "as to which each Reporting Person has:" to every reporting person', () => {
    // Cause: the form's "each Reporting Person" named nobody, and no heading or single cover person stood in.
    const text = '(b) Number of shares as to which each Reporting Person has: (i) sole power to vote or to direct the vote: 0; (ii) shared power to vote or to direct the vote: 1,500,000.';
    const found = read(text, [{ name: 'Alpha Fund LP' }, { name: 'Alpha GP LLC' }]);
    expect(found).toContainEqual(['Alpha Fund LP', 1500000, 'shared_voting']);
    expect(found).toContainEqual(['Alpha GP LLC', 0, 'sole_voting']);
  });

  it('does not make a holding of "Of the 1,500,000 Shares, …": the whole whose parts follow', () => {
    // Cause: the count joined the next one by a comma and took its passive agent.
    const text = 'Of the 1,500,000 Shares, 1,000,000 Shares are held by Alpha Fund LP and 500,000 Shares are held by Beta Fund LP.';
    expect(read(text, [{ name: 'Alpha Fund LP' }, { name: 'Beta Fund LP' }])).toEqual([
      ['Alpha Fund LP', 1000000, 'direct'],
      ['Beta Fund LP', 500000, 'direct'],
    ]);
  });
});
