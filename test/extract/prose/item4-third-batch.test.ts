/**
 * Regressions of 13G Item 4 shapes that the third batch of hand-labelled golden files (test/fixtures/golden/items,
 * "(third batch)") showed the reader missing, each on the real filing (bytes unchanged in test/fixtures/), with the
 * cause.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { parseSubmission } from '../../../src/parse/index.js';

/** [holder, shares, role] of every holdings row of a fixture (a path under test/fixtures, or an accession of sc13/). */
function rows(fixture: string): unknown[][] {
  const path = fixture.includes('/') ? `test/fixtures/${fixture}` : `test/fixtures/sc13/${fixture}.txt`;
  const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
  return (tables.holdings ?? []).map((r) => [r.holder, r.shares, r.role]);
}

describe('13G Item 4 shapes of the third golden batch', () => {
  it('gives each "Number of shares as to which <person> has:" block its own person (0000919574-11-001978)', () => {
    // Cause: the (c) lead names the person of the power labels under it, but it was no block heading, so all four
    // blocks went to the last person of the "Name: N" lines above (Michael Vermut), and the others' zeros were lost.
    const found = rows('0000919574-11-001978');
    for (const person of ['Newland Capital Management, LLC', 'Newland Master Fund, Ltd.', 'Ken Brodkowitz', 'Michael Vermut']) {
      expect(found).toContainEqual([person, 0, 'sole_voting']);
      expect(found).toContainEqual([person, 1726691, 'shared_dispositive']);
    }
  });

  it('gives "such person" to the one person Item 2(a) names as filing when two covers give the same figures (0000315066-17-001861)', () => {
    // Cause: FMR LLC's and Abigail P. Johnson's covers both give 15,008,699 and the zeros, so every count of the one
    // Item 4 block went to both; the person filing (Item 2(a): "FMR LLC") is the block's "such person".
    const found = rows('0000315066-17-001861');
    expect(found).toEqual([
      ['FMR LLC', 15008699, 'beneficial'],
      ['FMR LLC', 2261276, 'sole_voting'],
      ['FMR LLC', 0, 'shared_voting'],
      ['FMR LLC', 15008699, 'sole_dispositive'],
      ['FMR LLC', 0, 'shared_dispositive'],
    ]);
  });

  it('joins "Mr. Phil Frohlich" to the subject list and keeps ", G.P." in a defined name (0001193125-13-058768)', () => {
    // Causes: in "Prescott Capital and Mr. Phil Frohlich are the beneficial owners of 1,337,185 shares" the honorific
    // between "and" and the name ended the list, so Prescott Capital was no holder; "Prescott Group Aggressive Small
    // Cap Master Fund, G.P., … (“Prescott Master Fund”)" defined the term as "G.P." (a general partnership's form
    // was no legal suffix), so the fund kept the short name.
    const found = rows('0001193125-13-058768');
    expect(found).toContainEqual(['Prescott Group Capital Management, L.L.C.', 1337185, 'beneficial']);
    expect(found).toContainEqual(['Phil Frohlich', 1337185, 'beneficial']);
    expect(found).toContainEqual(['Prescott Group Aggressive Small Cap Master Fund, G.P.', 1337185, 'direct']);
    expect(found.map(([h]) => h)).not.toContain('Prescott Master Fund');
  });

  it('reads a bare "-" under a power label of the group\'s summed block as the group\'s zero (0000913414-09-003235)', () => {
    // Cause: the form's number slot left at "-" was no count (only "-0-", "None" and "nil" were), and a zero had no
    // group holder: every one of the seven covers gives 0, so it went to no one, though the block's other figures are
    // the covers added up (381,446 + 190,778 = 572,224), the reporting persons' together.
    const found = rows('0000913414-09-003235');
    expect(found).toContainEqual(['Reporting Persons', 0, 'shared_voting']);
    expect(found).toContainEqual(['Reporting Persons', 0, 'shared_dispositive']);
    expect(found).toContainEqual(['Reporting Persons', 563070, 'sole_voting']);
    expect(found.filter(([h]) => h !== 'Reporting Persons')).toEqual([]);
  });

  it('gives the "Mr. Perry" block its person, whose definition follows "in his capacities as …" (0001011438-12-000315)', () => {
    // Cause: "Mr. Perry" was defined as Perry Corp. (the company named last before the parenthesis), so the heading
    // "Mr. Perry" did not start Richard C. Perry's block and his four zeros went to Perry Corp.
    const found = rows('0001011438-12-000315');
    expect(found).toContainEqual(['Richard C. Perry', 0, 'sole_voting']);
    expect(found).toContainEqual(['Perry Corp.', 0, 'sole_voting']);
  });

  it('records the options a cover footnote says the filer holds, as options only (0001104659-06-013862)', () => {
    // Cause: "(1) Figure, as referred to throughout, consists of 392,222 shares underlying currently exercisable
    // options held by Jeffrey Klausner and 13,889 shares underlying stock options …" sits under the cover page, before
    // Item 1, and only the items were read.
    const path = 'test/fixtures/sc13/0001104659-06-013862.txt';
    const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
    expect((tables.options ?? []).map((o) => [o.holder, o.shares, o.kind])).toEqual([
      ['Jeffrey Klausner', 392222, 'option'],
      ['Jeffrey Klausner', 13889, 'option'],
    ]);
    // The footnote explains the cover's figures: its parts are no holdings of their own.
    expect((tables.holdings ?? []).filter((h) => h.shares === 392222 || h.shares === 13889)).toEqual([]);
  });

  it('names the accounts each part of the total is "held in", as printed (0000922423-10-000115)', () => {
    // Cause: "The shares reported include 2,517,911 shares held in customer accounts …, 122,060 shares held in
    // accounts owned by the partners … and 62,963 shares held in the account of the profit-sharing plan … (“the
    // Profit-Sharing Plan”)": only a capitalised name with "Accounts" after "are held in" was a holder.
    const found = rows('0000922423-10-000115');
    expect(found).toContainEqual(['customer accounts', 2517911, 'part_of']);
    expect(found).toContainEqual(['accounts owned by the partners of the Reporting Person and their families', 122060, 'part_of']);
    expect(found).toContainEqual(['Profit-Sharing Plan', 62963, 'part_of']);
  });

  it('reads label rows under a header of one column per person, "NAM  TCIM  TAL" (0000930413-20-000384)', () => {
    // Cause: "Sole Voting Power: 209,705 4,368,525 1,270,996" was read as one label and its count: the first count
    // went to the cover person it equals, the others to no one.
    const found = rows('0000930413-20-000384');
    expect(found).toContainEqual(['Nuveen Asset Management, LLC', 209705, 'sole_voting']);
    expect(found).toContainEqual(['TIAA-CREF Investment Management, LLC', 4368525, 'sole_voting']);
    expect(found).toContainEqual(['Teachers Advisors, LLC', 1270996, 'sole_dispositive']);
    expect(found).toContainEqual(['Teachers Advisors, LLC', 0, 'shared_voting']);
  });
});
