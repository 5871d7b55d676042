/**
 * Regressions of XML-era 13D Item 5 / 13G Item 4 shapes that the fifth batch of hand-labelled golden files
 * (test/fixtures/golden/items, "fifth batch", fixtures in test/fixtures/ext13d) showed the reader missing, each on the
 * real filing (bytes unchanged), with the cause.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { parseSubmission } from '../../../src/parse/index.js';

function tablesOf(name: string): Record<string, Record<string, unknown>[]> {
  const path = `test/fixtures/ext13d/${name}.xml`;
  return extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables as Record<string, Record<string, unknown>[]>;
}

/** [holder, shares, role] of every holdings row of a fixture of test/fixtures/ext13d. */
const rows = (name: string): unknown[][] => (tablesOf(name).holdings ?? []).map((r) => [r.holder, r.shares, r.role]);

describe('13D Item 5 / 13G Item 4 shapes of the fifth golden batch', () => {
  it('reads each person of "1. Each of A, B and C: 0" and "4. Mr. Griffin: 0" in a 13G power element as that power (0001104659-25-045128)', () => {
    // Cause: a power element's "Name: N" lines were read only when the prose had read nothing of the item, and then
    // only a line naming one party by its whole name; the prose itself read "Each of …: 0" as the last name's
    // group_total, the "Holdings" of "Citadel Advisors Holdings LP" taken for the word "holdings".
    const found = rows('0001104659-25-045128');
    for (const holder of ['Citadel Advisors LLC', 'Citadel Advisors Holdings LP', 'Citadel GP LLC', 'Citadel Securities LLC', 'Citadel Securities Group LP', 'Citadel Securities GP LLC', 'Kenneth Griffin']) {
      expect(found).toContainEqual([holder, 0, 'sole_voting']);
      expect(found).toContainEqual([holder, 0, 'sole_dispositive']);
    }
    expect(found).toContainEqual(['Kenneth Griffin', 1624877, 'shared_voting']);
    expect(found).not.toContainEqual(['Citadel GP LLC', 0, 'group_total']);
  });

  it('a bare zero power element beside a narrative amount is the only reporting person\'s (0001193125-26-387853)', () => {
    // Cause: a bare power went to the persons the amount element lists by "Name: N" lines; a narrative amount lists
    // none, so "<sharedPowerOrDirectToVote>0<…>" was nobody's.
    const found = rows('0001193125-26-387853');
    expect(found).toContainEqual(['Thomas Brian C.', 0, 'shared_voting']);
    expect(found).toContainEqual(['Thomas Brian C.', 2762142, 'sole_dispositive']);
  });
});
