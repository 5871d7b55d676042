/**
 * One test per defect of the Item 5 (13G: Item 4) position readers found on the tune labels, each on the real filing
 * it was found on (bytes unchanged in test/fixtures/), with the cause.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { parseSubmission } from '../../../src/parse/index.js';

function tablesOf(fixture: string): Record<string, Record<string, unknown>[]> {
  const path = fixture.includes('/') ? `test/fixtures/${fixture}` : `test/fixtures/sc13/${fixture}.txt`;
  return extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
}

/** [holder, shares, role] of every holdings row. */
const rows = (fixture: string): unknown[][] => (tablesOf(fixture).holdings ?? []).map((r) => [r.holder, r.shares, r.role]);

describe('Item 5 position regressions', () => {
  it('a power label padded from its count by spaces is read (0000927087-99-000089)', () => {
    // Cause: the label test looked at the four characters before the count, all spaces in an aligned layout.
    expect(rows('0000927087-99-000089')).toContainEqual(['Westlake Acquisition Corporation', 180000, 'sole_voting']);
  });

  it('a count stated for the filer\'s directors and officers is not the filer\'s (0000927087-99-000089)', () => {
    // Cause: "WAC, its directors, executive officers and controlling persons beneficially own …: -0-" took WAC as
    // the subject once the -0- was read.
    expect(rows('0000927087-99-000089')).not.toContainEqual(['Westlake Acquisition Corporation', 0, 'beneficial']);
  });

  it('"-0-" after a power label is a zero, not a page number (0000902664-04-001864)', () => {
    // Cause: page furniture blanked " -0- " between words as a flattened page number; no page is numbered 0.
    expect(rows('0000902664-04-001864')).toContainEqual(['Centaurus Capital LP', 0, 'sole_voting']);
  });

  it('a heading that runs into the block\'s first label heads the block (0000902664-04-001864)', () => {
    // Cause: "B. Centaurus Capital Limited" has no full stop, so it joined "(a) Amount beneficially owned: …" in one
    // sentence and was not taken as the heading: block B's powers went to block A's person.
    expect(rows('0000902664-04-001864')).toContainEqual(['Centaurus Capital Limited', 896178, 'shared_voting']);
  });

  it('a defined term alone on an underlined line in capitals heads its 13G block ("BOAS" / "----", 0000913355-96-000009)', () => {
    // Cause: mentions of defined terms are case-sensitive, so "BOAS" named nobody and the block's counts went to the
    // reporting persons as a group.
    const found = rows('0000913355-96-000009');
    expect(found).toContainEqual(['Andrew M. Boas', 0, 'sole_voting']);
    expect(found).toContainEqual(['Martin J. Whitman', 1766100, 'beneficial']);
    expect(found.filter(([h]) => h === 'Reporting Persons')).toEqual([]);
  });
});
