/**
 * Regressions of the 13G Item 4 form ("(a) Amount beneficially owned: … (c) Number of shares as to which such person
 * has: (i) sole power to vote or to direct the vote N …") found by bench/unread-survey.ts over the unlabelled corpus,
 * each on the real filing (bytes unchanged in test/fixtures/sc13/), with the cause.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { parseSubmission } from '../../../src/parse/index.js';

/** [holder, shares, role] of every holdings row. */
function rows(accession: string): unknown[][] {
  const path = `test/fixtures/sc13/${accession}.txt`;
  const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
  return (tables.holdings ?? []).map((r) => [r.holder, r.shares, r.role]);
}

describe('13G Item 4 labels with their counts', () => {
  it('reads a count after "** see Note 1 **"-style references (0001140437-03-000132)', () => {
    // Cause: "1046400 **see Note 1**" held two numbers, so the line was not "a count alone under its label", and the
    // power went unread.
    const found = rows('0001140437-03-000132');
    expect(found).toContainEqual(['Dimensional Fund Advisors Inc.', 1046400, 'sole_voting']);
    expect(found).toContainEqual(['Dimensional Fund Advisors Inc.', 1046400, 'sole_dispositive']);
  });

  it('does not read "Section 13(d)" of a disclaimer as a position of 13 shares (0001140437-03-000132, 0001258897-19-001053)', () => {
    // Cause: "… shall not be construed as an admission that the reporting person … is the beneficial owner of any
    // securities … than Section 13(d)": the verb's first number was "13", followed by "(d) of the".
    expect(rows('0001140437-03-000132').filter(([, n]) => n === 13)).toEqual([]);
    expect(rows('0001258897-19-001053').filter(([, n]) => n === 13)).toEqual([]);
    expect(rows('0001258897-19-001053')).toContainEqual(['Dimensional Fund Advisors LP', 3452476, 'sole_voting']);
  });

  it('reads a label and its count in cells of one line, set apart by a tab (0000354204-21-000224)', () => {
    // Cause: "(i)\tsole power to vote or to direct the vote\t715,775" — a label was known by a colon, a line break or
    // two blanks before the count, not by one tab.
    expect(rows('0000354204-21-000224')).toContainEqual(['Dimensional Fund Advisors LP', 715775, 'sole_voting']);
  });

  it('gives the group the powers whose count is the sum of the covers\' values (0000913414-08-003796)', () => {
    // Cause: eight reporting persons, no block per person: "sole power to vote … 9,101,402" is no cover's value, so it
    // had no holder; it is the six non-zero covers' row 5 added up (6,687,104 + 1,355,994 + 665,673 + 323,074 +
    // 69,557), the reporting persons' together.
    const found = rows('0000913414-08-003796');
    expect(found).toContainEqual(['Reporting Persons', 9101402, 'sole_voting']);
    expect(found).toContainEqual(['Reporting Persons', 10597451, 'sole_dispositive']);
    expect(found.filter(([h]) => h !== 'Reporting Persons')).toEqual([]);
  });
});
