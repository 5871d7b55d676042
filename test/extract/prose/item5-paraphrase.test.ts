/**
 * One test per defect the paraphrase bench (bench/paraphrase-robustness.ts) found in the Item 5 (13G: Item 4) readers:
 * a statement the reader read in one wording and lost in another that real filings use for the same thing. Each case
 * reads the real filing it was found on, rewritten by the bench's paraphrase (whose `seenIn` cites a corpus filing that
 * prints the wording), or checks the shared vocabulary on a line copied from a corpus filing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paraphraseFiling, PARAPHRASES } from '../../../bench/paraphrase-robustness.js';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { parseSubmission } from '../../../src/parse/index.js';
import { coordinatedPowers, labelAtEnd, OWNERSHIP_PREDICATE, POWER } from '../../../src/extract/prose/position-vocabulary.js';

/** [holder, shares, role] of every holdings row of the fixture, after the named paraphrase. */
function rows(accession: string, paraphrase: string): unknown[][] {
  const path = `test/fixtures/sc13/${accession}.txt`;
  const text = paraphraseFiling(readFileSync(path).toString('latin1'), PARAPHRASES.find((p) => p.name === paraphrase)!)!;
  const tables = extractItemsAndProse(parseSubmission(Buffer.from(text, 'latin1'), { sourceName: path })).tables as Record<string, Record<string, unknown>[]>;
  return (tables.holdings ?? []).map((r) => [r.holder, r.shares, r.role]);
}

interface Case {
  /** What broke, and the filing it broke on. */
  name: string;
  /** Why the old code got it wrong. */
  cause: string;
  accession: string;
  paraphrase: string;
  has: unknown[][];
  hasNot?: unknown[][];
}

// (GS Group's 96,539 shares "held by Goldman Sachs" are beneficial: GS Group "may be deemed to be the beneficial
// owner of" them, Goldman Sachs holds them; they were 'direct' until a count "owned by" another party stopped being
// the subject's direct holding, john-friedman__schedule13d.)
const CASES: Case[] = [
  { name: 'a position table introduced by "which Mr. Gould may be deemed to be the beneficial owner of" is also his', cause: 'the introduction had its own regex, "(may be deemed to)? (beneficially)? own", not the ownership predicates of the prose reader', accession: '0000712770-96-000005', paraphrase: 'deemed-owner', has: [['Fredric H. Gould', 1512241, 'beneficial'], ['Marshall Rose', 61302, 'beneficial']] },
  { name: '"N shares of the Issuer\'s common stock issuable upon exercise of warrants" underlies the warrants', cause: 'the class after "shares of" was read only when capitalised, and the words between a count and "issuable upon exercise" had no apostrophe', accession: '0001144204-14-035580', paraphrase: 'issuer-stock', has: [['Charles W. Horsey', 98251, 'underlying'], ['Charles W. Horsey', 714963, 'underlying']] },
  { name: '"Warrants to purchase 116,070 shares of the Issuer\'s common stock held by Water Street" stays a warrant position', cause: 'the position\'s words ended at "shares", so "of the Issuer\'s common stock held by" was no tail of it', accession: '0000895345-94-000020', paraphrase: 'issuer-stock', has: [['The Goldman Sachs Group, L.P.', 116070, 'underlying'], ['The Goldman Sachs Group, L.P.', 96539, 'beneficial']] },
  { name: 'a power label ending "with respect to" is a label', cause: 'the words a label may end with were listed four times (next-line label, written zero, dash, padded count), none with "with respect to" or "over"', accession: '0000930661-97-000417', paraphrase: 'power-noun', has: [['Herb D. Vest', 989764, 'shared_dispositive'], ['Herb D. Vest', 647322, 'sole_dispositive']] },
  { name: 'a padded power label ending "with respect to" is a label', cause: 'as above, for a count set off from its label by spaces', accession: '0000902219-04-000900', paraphrase: 'power-noun', has: [['Wellington Management Company, LLP', 1457700, 'shared_dispositive']] },
  { name: '"X, …, which is advised by Y ("CRMC"), beneficially owns N" is X\'s', cause: 'the adverbs of an ownership verb could start with a comma, so the verb began at the comma closing the relative clause, which then was not closed and its adviser became the subject', accession: '0001422849-08-000035', paraphrase: 'owns', has: [['The Income Fund of America, Inc.', 4732277, 'beneficial']], hasNot: [['Capital Research and Management Company', 4732277, 'beneficial']] },
  { name: 'a label ending in a double dash, its count on the next line, is a label (HTML)', cause: 'a label could end in one dash; in text the count shares the label\'s sentence, but in HTML each line is a sentence and the label was never pending', accession: '0000354204-01-001100', paraphrase: 'as-html', has: [['Dimensional Fund Advisors Inc.', 2542287, 'sole_voting']] },
  { name: 'a count on the line under its label is read with an aside in parentheses after it (HTML)', cause: 'the count\'s line had to end within 40 characters of it; "647,322 (The remaining shares of stock are currently subject to an Escrow Agreement …)" is longer', accession: '0000930661-97-000417', paraphrase: 'as-html', has: [['Herb D. Vest', 647322, 'sole_dispositive']] },
  { name: 'a count ending its line one space after the label is the label\'s (HTML)', cause: 'a label was told from prose by the padding before its count, and HTML collapses "vote      0" to "vote 0"', accession: '0000902219-04-000900', paraphrase: 'as-html', has: [['Wellington Management Company, LLP', 0, 'sole_voting'], ['Wellington Management Company, LLP', 1096400, 'shared_voting']] },
  { name: 'a lone dash on the line under a label is its nil value when lines are blocks (HTML)', cause: 'the sentence splitter drops a line without a letter or digit and the dash\'s lookbehind sees only its sentence; and a count read under a label did not make its holder the one the next labels are about', accession: '0000913414-09-003235', paraphrase: 'as-html', has: [['Reporting Persons', 0, 'shared_voting'], ['Reporting Persons', 0, 'shared_dispositive']], hasNot: [['BARCLAYS GLOBAL INVESTORS, LTD', 0, 'shared_voting']] },
  { name: 'an amount label set off by "--", its count lines below, is read', cause: 'the amount label allowed one dash or a colon before its count ("AMOUNT BENEFICIALLY OWNED --" is the 1990s form)', accession: '0000038777-98-000161', paraphrase: 'label-dash', has: [['Reporting Persons', 10287268, 'beneficial']] },
  { name: 'a power label with no count is not followed by a "Name: N" line when the next line is a label itself', cause: 'after "(ii) shared power to vote …:" with no count, "(iii) Sole Dispositive Power: 4,772,922" was read as a party named "Sole Dispositive Power"', accession: '0000932471-12-001763', paraphrase: 'power-label-noun', has: [['THE VANGUARD GROUP, INC.', 4772922, 'sole_dispositive']], hasNot: [['Sole Dispositive Power', 4772922, 'shared_voting']] },
  { name: '"…, 558,900 Shares, which constitutes approximately 7.50% of …, and through FVA and FVAL, 172,404 Shares" goes on listing positions', cause: 'the percent a position may end with was "or/representing/constituting" only there, while the percent reader knew "which constitutes": three lists of the same words', accession: '0000315066-94-001425', paraphrase: 'percent-constitutes', has: [['FMR Corp.', 172404, 'beneficial']] },
  { name: 'a lone dash under a noun label ending in a colon ("(ii) Shared Voting Power:" / "-") is its nil value in text too', cause: 'a colon ends the label\'s sentence, the splitter drops the dash line, and the dash was read from the text after a label only when lines are blocks', accession: '0000913414-09-003235', paraphrase: 'power-label-noun', has: [['Reporting Persons', 0, 'shared_voting'], ['Reporting Persons', 0, 'shared_dispositive']] },
  { name: 'a 13G whose cover pages give no name holds its Item 4 as the person Item 2(a) names (HTML <pre>)', cause: 'the two-column cover in a <pre> loses its padding and yields no reporting person, and "such person" of Item 4 had no one else to be', accession: '0000734072-02-000005', paraphrase: 'as-html', has: [['Pioneer Global Asset Management S.P.A.', 2956810, 'beneficial'], ['Pioneer Global Asset Management S.P.A.', 0, 'shared_voting']] },
  { name: 'a 13G whose cover "name" is the form\'s instructions holds its Item 4 as the person Item 2(a) names (HTML grid)', cause: 'the cover read with values above captions took "Check the appropriate box to designate the rule …" as the one reporting person', accession: '0000734072-02-000005', paraphrase: 'as-html-tables', has: [['Pioneer Global Asset Management S.P.A.', 2956810, 'beneficial']], hasNot: [['Check the appropriate box to designate the rule pursuant to which this Schedule is filed', 2956810, 'beneficial']] },
  { name: 'Item 2\'s heading running into its first answer still names that person as filing (HTML)', cause: 'the persons filing were read from the item\'s body, and the paragraph "Item 2. LaSalle Investment Management, Inc. provides the following information: (a) Name of Person Filing LaSalle …" had become the heading\'s title, so only the second person was filing and took the first\'s zero', accession: '0001085601-10-000011', paraphrase: 'as-html', has: [['LaSalle Investment Management, Inc.', 0, 'shared_voting'], ['LaSalle Investment Management (Securities), L.P.', 0, 'shared_voting']] },
  { name: 'a dash after a label\'s "--" is its nil value ("… direct the vote ---")', cause: 'a written dash was a value only after a colon or alone on the next line; the double-dash separator of the same vocabulary was not one', accession: '0001207017-05-000031', paraphrase: 'label-dash', has: [['Lazard Asset Management LLC', 0, 'shared_voting'], ['Lazard Asset Management LLC', 0, 'shared_dispositive']] },
  { name: 'a label wrapped in capitals is one sentence ("(i)\\tSOLE POWER TO VOTE OR TO DIRECT" / "THE VOTE:\\t2,079")', cause: 'a wrapped line went on only from a lower-case letter, so a line in capitals with a tab after its enumerator ended at its break as a column would, and the count\'s line lost its label', accession: '0000315066-08-001378', paraphrase: 'caps-labels', has: [['FMR LLC', 2079, 'sole_voting'], ['FMR LLC', 0, 'shared_voting']] },
  { name: 'labels wrapped in capitals keep their zeros (Carl Marks, Boas, Ruocco)', cause: 'as above: "(ii) SHARED POWER TO VOTE OR TO" / "DIRECT THE VOTE" broke at the line end', accession: '0000913355-96-000009', paraphrase: 'caps-labels', has: [['Carl Marks Management Company, L.P.', 0, 'shared_voting'], ['Andrew M. Boas', 0, 'sole_voting']] },
  { name: 'the wrapped end of a label in capitals is no table row ("VOTE  1,096,400")', cause: 'a row name had to start with a capital and not be prose; the label\'s last words in capitals ("VOTE", "DISPOSITION OF") passed as a holder named in capitals', accession: '0000902219-04-000900', paraphrase: 'caps-labels', has: [['Wellington Management Company, LLP', 1096400, 'shared_voting']], hasNot: [['VOTE', 1096400, 'shared_voting'], ['DISPOSITION OF', 0, 'sole_dispositive']] },
  { name: '"Warrants to purchase 116,070 shares of Common Stock, par value $.10 per share, of the Issuer held by Water Street" are held by Water Street, and the list goes on past a par value', cause: 'the words between a count and its agent or the next count of a list stopped at any comma or full stop, so the par value ("$.10", its commas) ended them; and a class\'s name ended before its par value', accession: '0000895345-94-000020', paraphrase: 'par-value', has: [['Goldman, Sachs & Co.', 116070, 'underlying'], ['The Goldman Sachs Group, L.P.', 116070, 'underlying'], ['The Goldman Sachs Group, L.P.', 96539, 'beneficial']] },
  { name: '"…, which include 149,604 shares of Common Stock, par value $.001 per share, of the Issuer and 200,104 shares … issuable upon the exercise of the Second Warrants owned by Mrs. Bodner"', cause: 'as above, and the class before "issuable upon exercise" allowed no par value, so the warrant shares were no longer underlying', accession: '0000937242-95-000001', paraphrase: 'par-value', has: [['Naomi Bodner', 149604, 'part_of'], ['Naomi Bodner', 200104, 'underlying']] },
  { name: '"all 20,998,167 shares of Common Stock, par value $0.01 per share, of the Issuer owned by the Accounts"', cause: 'as above: the par value ended the words before "owned by", and with them the role a count owned by its agent has (direct)', accession: '0001341004-09-002025', paraphrase: 'par-value', has: [['Accounts', 20998167, 'direct']] },
  { name: 'a list of positions goes on past "N Shares which are beneficially owned by X" ("the (i) 686,997 Shares which are beneficially owned by LionEye Master Fund, (ii) 71,268 Shares …")', cause: 'a position\'s words after its security took "owned by X" or "held by X" but not the same after "which are", so the list ended at the first position', accession: '0000902664-15-004619', paraphrase: 'which-are', has: [['LIONEYE CAPITAL MANAGEMENT LLC', 71268, 'beneficial'], ['LIONEYE CAPITAL MANAGEMENT LLC', 324305, 'beneficial'], ['STEPHEN RANERI', 324305, 'beneficial']] },
  { name: '"consisting of (i) 451,590 shares of Common Stock which are held directly by the Reporting Person, …, (iii) 98,251 shares … issuable upon exercise of warrants" goes on to (iii) and (iv)', cause: 'as above', accession: '0001144204-14-035580', paraphrase: 'which-are', has: [['Charles W. Horsey', 98251, 'underlying'], ['Charles W. Horsey', 714963, 'underlying']] },
  { name: '"(i) the 9,418,231 shares … and Warrants to purchase 116,070 shares … which are held by Water Street and (ii) the 96,539 shares … which are held by Goldman Sachs"', cause: 'as above', accession: '0000895345-94-000020', paraphrase: 'which-are', has: [['The Goldman Sachs Group, L.P.', 96539, 'beneficial']] },
  { name: '"Torchmark has sole authority to vote (or direct the vote of), and to dispose or direct the disposition of, N shares" gives both sole powers', cause: 'the power vocabulary knew "voting authority" but not "authority to vote" or "authority to dispose", so the count had no power and was dropped', accession: '0000950109-94-000302', paraphrase: 'power-authority', has: [['Torchmark Corporation', 4677243, 'sole_voting'], ['Torchmark Corporation', 4677243, 'sole_dispositive']] },
  { name: '"The Trust is the holder of 3,114,570 shares of Common Stock, as to which it may be deemed to have shared voting and dispositive power" is the Trust\'s position', cause: 'the ownership predicate had "is the owner of" but not "is the holder of", so the count took the power words after it and its ownership was lost', accession: '0000950144-94-000357', paraphrase: 'is-holder', has: [['Wachovia Bank of North Carolina, N.A., as Trustee for the M.A. Hanna Company Associates Ownership Trust', 3114570, 'beneficial']] },
  { name: '"Gould is the holder of 189,185 shares as to which he has sole voting and dispositive power" is Gould\'s position', cause: 'as above', accession: '0000712770-96-000005', paraphrase: 'is-holder', has: [['Fredric H. Gould', 189185, 'beneficial'], ['Marshall Rose', 169715, 'beneficial']] },
];

describe('Item 5 readers under paraphrase', () => {
  for (const c of CASES) {
    it(`${c.name} (${c.accession}, ${c.paraphrase}; cause: ${c.cause})`, () => {
      const found = rows(c.accession, c.paraphrase);
      expect(found).toEqual(expect.arrayContaining(c.has));
      for (const row of c.hasNot ?? []) expect(found).not.toContainEqual(row);
    });
  }

  it('every ownership predicate of real filings is one (0000902664-96-000076, 0000950152-00-002768, 0000895345-94-000020, 0000905718-14-000108)', () => {
    // Cause: each reader kept its own list of ownership verbs; they are one vocabulary now.
    for (const line of [
      'therefore, David Shaw may be deemed to be the beneficial owner of such shares.',
      'Robert L. Ross, a director and executive officer of Maurer Ross & Co., beneficially owns and has sole voting',
      'and, therefore, is deemed to beneficially own such shares.',
      'As of the date hereof, Water Street beneficially owns 9,418,231 shares of Common Stock',
      'In addition, GS Group may be deemed to be the beneficial owner \nof (i) the 9,418,231 shares of Common Stock',
      'a Cayman Islands exempted company that is the holder of 527,194 shares of common stock, par value $0.01 per share',
    ]) {
      expect({ line, match: OWNERSHIP_PREDICATE.test(line) }).toEqual({ line, match: true });
    }
  });

  it('powers worded "authority to vote" and "authority to dispose" in a real filing are powers (0000950170-24-140615)', () => {
    // Cause: the power vocabulary had "authority" only after "voting" or "dispositive" ("sole voting authority").
    const line = 'The GP, as sole general partner of the Fund, also has sole authority to vote (or direct the vote of), and to dispose (or direct the disposal) of, these shares on behalf of the Fund, and Mr. Lynch has shared authority to vote (or direct the vote of)';
    expect(coordinatedPowers(line.slice(0, line.indexOf(' these shares')), 'sole_voting')).toEqual(['sole_dispositive']);
    expect(new RegExp(POWER.shared_voting.source, 'i').test(line)).toBe(true);
  });

  it('label ends of real filings: "with respect to" (0000950142-96-000297) and "--" (0000354204-01-001100)', () => {
    // Cause: the list of a label's last words had neither.
    expect(labelAtEnd('James Cramer and Karen Cramer\n                       have shared voting and dispositive power with respect to')).toBe('shared_voting');
    expect(labelAtEnd('      (i).  SOLE POWER TO VOTE OR DIRECT THE VOTE --')).toBe('sole_voting');
  });
});
