/**
 * Regressions of 13G Item 4 shapes that the fifth batch of hand-labelled golden files (test/fixtures/golden/items,
 * "fifth batch") showed the reader missing, each on the real filing (bytes unchanged in test/fixtures/), with the
 * cause.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { isStatedZero } from '../../../src/extract/lexicon/index.js';
import { parseSubmission } from '../../../src/parse/index.js';

/** The options and warrants of a fixture: [holder, shares, kind]. */
function options(fixture: string): unknown[][] {
  const path = `test/fixtures/sc13/${fixture}.txt`;
  const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
  return (tables.options ?? []).map((o) => [o.holder, o.shares, o.kind]);
}

/** [holder, shares, role] of every holdings row of a fixture (a path under test/fixtures, or an accession of sc13/). */
function rows(fixture: string): unknown[][] {
  const path = fixture.includes('/') ? `test/fixtures/${fixture}` : `test/fixtures/sc13/${fixture}.txt`;
  const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
  return (tables.holdings ?? []).map((r) => [r.holder, r.shares, r.role]);
}

describe('stated zeros, one vocabulary wherever a power or amount is read', () => {
  it('reads "None." in an XML power element as zero (0002021477-24-000001)', () => {
    // Cause: the XML power elements were read only when they held digits, so "None." was no count.
    expect(rows('0002021477-24-000001')).toContainEqual(['Irrevocable Larson Family Investment Trust', 0, 'shared_voting']);
  });

  it('reads a bare "-" right after a power label\'s colon as zero (0001207017-05-000031)', () => {
    // Cause: a dash stood for zero only alone on the line under its label, not at the end of the label's own line
    // ("(ii)Shared power to vote or to direct the vote:-").
    const found = rows('0001207017-05-000031');
    expect(found).toContainEqual(['Lazard Asset Management LLC', 0, 'shared_voting']);
    expect(found).toContainEqual(['Lazard Asset Management LLC', 0, 'shared_dispositive']);
  });

  it('reads a bare "0" power element beside per-person amount lines as each listed person\'s (0001420506-24-002350)', () => {
    // Cause: once the prose had read the "FJ Capital Management LLC - 807,223 shares" lines, the XML power elements
    // were not read at all, and a "0" element has no label the prose could read it by.
    const found = rows('0001420506-24-002350');
    for (const person of ['FJ Capital Management LLC', 'Financial Opportunity Fund LLC', 'Martin Friedman']) {
      expect(found).toContainEqual([person, 807223, 'beneficial']);
      expect(found).toContainEqual([person, 0, 'sole_voting']);
    }
  });

  it('knows the zero forms of every reader', () => {
    for (const zero of ['0', '0.00', '-0-', '- 0 -', '-', '--', 'None', 'None.', 'NONE', 'Nil', 'Zero']) expect(isStatedZero(zero), zero).toBe(true);
    for (const other of ['10', 'N/A', 'None of the shares', '-5-', 'See Item 9']) expect(isStatedZero(other), other).toBe(false);
  });
});

describe('blocks shared by several reporting persons', () => {
  it('gives a bare XML Item 4 block whose figures every cover repeats to each person (edgartools__schedule13g)', () => {
    // Cause: the XML amount and powers always went to "Reporting Persons" together, although both Marex covers give
    // 10,000,000: the block is each person's statement, not their sum (as for prose blocks, eachWhenAllCovers).
    const found = rows('xml/edgartools__schedule13g.xml');
    for (const person of ['Marex Securities Products Inc.', 'Marex Group plc']) {
      expect(found).toContainEqual([person, 10000000, 'beneficial']);
      expect(found).toContainEqual([person, 0, 'shared_voting']);
    }
    expect(found.map(([h]) => h)).not.toContain('Reporting Persons');
  });
});

describe('cover footnotes an Item 4 only refers to', () => {
  it('reads no warrants from a cover footnote when Item 4 states no figure, only "See Item 9 on the cover page" (0000912282-09-000463)', () => {
    // Cause: a cover footnote's options were read whatever the item said, though they explain figures the item
    // restates; numbers the item only refers to make no row (docs/labelling.md).
    expect(options('0000912282-09-000463')).toEqual([]);
  });

  it('still reads them when the item restates the figure the footnote explains (0001104659-06-013862)', () => {
    expect(options('0001104659-06-013862')).toContainEqual(['Jeffrey Klausner', 392222, 'option']);
  });
});

describe('a cover name that joins a trust and its trustee (0001019687-00-000096)', () => {
  const found = rows('0001019687-00-000096');

  it('gives "DFT" and "DJD" the trust and the trustee the prose separates, not the joint cover name', () => {
    // Cause: the cover names one reporting person "THE DUNN FAMILY TRUST, DAVID J. DUNN, TRUSTEE"; the initials "DFT"
    // resolved to that whole name and "DJD" to nothing, so the trust's and the trustee's zeros were one holder's.
    expect(found).toContainEqual(['THE DUNN FAMILY TRUST', 0, 'direct']);
    expect(found).toContainEqual(['DAVID J. DUNN', 0, 'beneficial']);
    expect(found.map(([h]) => h)).not.toContain('THE DUNN FAMILY TRUST, DAVID J. DUNN, TRUSTEE');
  });

  it('reads "IPL" as Idanta Partners Ltd., initials that take in the legal form', () => {
    // Cause: initials were matched against the name without its legal form ("Idanta Partners"), so "IPL" named no one
    // and IPL's powers went to every reporting person.
    expect(found.filter(([, , r]) => r === 'sole_voting').map(([h]) => h).sort()).toEqual(['DAVID J. DUNN', 'IDANTA PARTNERS LTD.', 'JONATHAN HUBERMAN']);
  });
});
