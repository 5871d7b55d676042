/**
 * One test per defect the paraphrase bench (bench/paraphrase-robustness.ts) found in the Item 5 (13G: Item 4) readers:
 * a statement the reader read in one wording and lost in another that real filings use for the same thing. Each test
 * reads the real filing it was found on, rewritten by the bench's paraphrase (whose `seenIn` cites a corpus filing that
 * prints the wording), or checks the shared vocabulary on a line copied from a corpus filing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paraphraseFiling, PARAPHRASES } from '../../../bench/paraphrase-robustness.js';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { parseSubmission } from '../../../src/parse/index.js';
import { labelAtEnd, OWNERSHIP_PREDICATE } from '../../../src/extract/prose/position-vocabulary.js';

/** [holder, shares, role] of every holdings row of the fixture, after the named paraphrase (as filed when null). */
function rows(accession: string, paraphrase: string | null): unknown[][] {
  const path = `test/fixtures/sc13/${accession}.txt`;
  let text = readFileSync(path).toString('latin1');
  if (paraphrase) text = paraphraseFiling(text, PARAPHRASES.find((p) => p.name === paraphrase)!)!;
  const tables = extractItemsAndProse(parseSubmission(Buffer.from(text, 'latin1'), { sourceName: path })).tables as Record<string, Record<string, unknown>[]>;
  return (tables.holdings ?? []).map((r) => [r.holder, r.shares, r.role]);
}

describe('Item 5 readers under paraphrase', () => {
  it('a position table introduced by "which Mr. Gould may be deemed to be the beneficial owner of" is also his (0000712770-96-000005)', () => {
    // Cause: the table's introduction was matched by its own regex, "(may be deemed to)? (beneficially)? own", not by
    // the ownership predicates the prose reader knows, so "to be the beneficial owner of" named no owner.
    const found = rows('0000712770-96-000005', 'deemed-owner');
    expect(found).toContainEqual(['Fredric H. Gould', 1512241, 'beneficial']);
    expect(found).toContainEqual(['Marshall Rose', 61302, 'beneficial']);
  });

  it('every ownership predicate of real filings is one (0000902664-96-000076, 0000950152-00-002768, 0000895345-94-000020)', () => {
    // Cause: each reader kept its own list of ownership verbs; they are one vocabulary now.
    for (const line of [
      'therefore, David Shaw may be deemed to be the beneficial owner of such shares.',
      'Robert L. Ross, a director and executive officer of Maurer Ross & Co., beneficially owns and has sole voting',
      'and, therefore, is deemed to beneficially own such shares.',
      'As of the date hereof, Water Street beneficially owns 9,418,231 shares of Common Stock',
      'In addition, GS Group may be deemed to be the beneficial owner \nof (i) the 9,418,231 shares of Common Stock',
    ]) {
      expect({ line, match: OWNERSHIP_PREDICATE.test(line) }).toEqual({ line, match: true });
    }
  });

  it('"N shares of the Issuer\'s common stock issuable upon exercise of warrants" underlies the warrants (0001144204-14-035580)', () => {
    // Cause: the class after "shares of" was read only when capitalised ("Common Stock"), and the words allowed
    // between a count and "issuable upon exercise" had no apostrophe, so the possessive broke both.
    const found = rows('0001144204-14-035580', 'issuer-stock');
    expect(found).toContainEqual(['Charles W. Horsey', 98251, 'underlying']);
    expect(found).toContainEqual(['Charles W. Horsey', 714963, 'underlying']);
  });

  it('"Warrants to purchase 116,070 shares of the Issuer\'s common stock held by Water Street" stays a warrant position (0000895345-94-000020)', () => {
    // Cause: as above: the position's words ended at "shares", so "of the Issuer's common stock held by" was no tail.
    const found = rows('0000895345-94-000020', 'issuer-stock');
    expect(found).toContainEqual(['The Goldman Sachs Group, L.P.', 116070, 'underlying']);
    expect(found).toContainEqual(['The Goldman Sachs Group, L.P.', 96539, 'direct']);
  });

  it('a power label ending "with respect to" is a label (0000950142-96-000297)', () => {
    // Cause: the words a label may end with were listed four times (next-line label, written zero, dash, count set off
    // by spaces), each without "with respect to" and "over".
    expect(labelAtEnd('James Cramer and Karen Cramer\n                       have shared voting and dispositive power with respect to')).toBe('shared_voting');
    expect(rows('0000930661-97-000417', 'power-noun')).toContainEqual(['Herb D. Vest', 989764, 'shared_dispositive']);
    expect(rows('0000902219-04-000900', 'power-noun')).toContainEqual(['Wellington Management Company, LLP', 1457700, 'shared_dispositive']);
  });

  it('"X, …, which is advised by Y ("CRMC"), beneficially owns N" is X\'s (0001422849-08-000035)', () => {
    // Cause: the adverbs before an ownership verb could start with a comma, so the verb's match began at the comma
    // that closes the relative clause, which was then not seen as closed and the adviser in it became the subject.
    expect(rows('0001422849-08-000035', 'owns')).toContainEqual(['The Income Fund of America, Inc.', 4732277, 'beneficial']);
    expect(rows('0001422849-08-000035', 'owns')).not.toContainEqual(['Capital Research and Management Company', 4732277, 'beneficial']);
  });
});
