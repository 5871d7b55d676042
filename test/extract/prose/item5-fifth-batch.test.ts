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

  it('reads the breakdown of "N shares Common Stock, $0.00001 par value (the …), consisting of (i) M shares" (0001831942-26-000014)', () => {
    // Cause: the class after a count was read only after "shares of"; without the "of" the position's words ended at
    // "shares", so "consisting of" did not follow them and the parts were never listed.
    expect(rows('0001831942-26-000014')).toContainEqual(['Commodore Capital LP', 2333713, 'part_of']);
  });

  it('a part "each Filer has the right to acquire through the exercise of a Pre-Funded Warrant" is each filer\'s warrant (0001831942-26-000014)', () => {
    // Cause: no rule read a relative clause without its pronoun ("N shares … each Filer has the right to acquire …")
    // as shares under a warrant, and a listed part always went to the holder of the whole.
    const tables = tablesOf('0001831942-26-000014');
    const filers = ['Commodore Capital LP', 'Commodore Capital Master LP', 'Robert Egen Atkinson', 'Michael Kramarz'];
    for (const holder of filers) expect(rows('0001831942-26-000014')).toContainEqual([holder, 1363722, 'underlying']);
    expect((tables.options ?? []).map((o) => [o.holder, o.shares, o.kind]).sort()).toEqual(filers.map((h) => [h, 1363722, 'warrant']).sort());
    // "The foregoing excludes 916,987 shares … underlying the Pre-Funded Warrant" is no position.
    expect(rows('0001831942-26-000014').some(([, shares]) => shares === 916987)).toBe(false);
  });

  it('"she may be deemed to have indirect beneficial ownership of a total of N owned by X" is her position, beneficially (john-friedman__schedule13d)', () => {
    // Causes: "have indirect beneficial ownership of" was no ownership predicate (only "has beneficial ownership of");
    // a bare number followed by "owned by" was no share count; and a count "owned by X" was the verb's subject's direct
    // holding even when X is another party (the agent holds directly; the subject owns through it).
    const found = rows('john-friedman__schedule13d');
    expect(found).toContainEqual(['Gloria E. Gebbia', 9697714, 'beneficial']);
    expect(found).toContainEqual(['John J. Gebbia', 9697714, 'beneficial']);
  });

  it('"Each of A, …, and the Trust … may be deemed to own … owned by the other Reporting Persons, which is, in the aggregate, N" is each named person\'s (john-friedman__schedule13d)', () => {
    // Cause: the count's holder was the party nearest before it, "the other Reporting Persons" (a prepositional object
    // after "by the other"), though "which is, in the aggregate, N" restates the object of the sentence's verb.
    const found = rows('john-friedman__schedule13d');
    for (const holder of ['Gloria E. Gebbia', 'John M. Gebbia', 'Richard Gebbia', 'David Gebbia', 'John J. Gebbia', 'John J & Gloria E Gebbia TTEESS UAD 12/8/94 "Gebbia Living Trust"']) {
      expect(found).toContainEqual([holder, 16941323, 'group_total']);
    }
    expect(found).not.toContainEqual(['Reporting Persons', 16941323, 'group_total']);
  });
});
