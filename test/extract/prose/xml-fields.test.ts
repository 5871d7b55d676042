/**
 * XML-era 13G positions stated in elements: a bare `amountBeneficiallyOwned` and its powers (0002012383-25-000642,
 * BlackRock) and a narrative list "Name - N shares" per reporting person (0001420506-24-002350); each checked against
 * its cover page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { documentText } from '../../../src/parse/body.js';
import { parseSubmission } from '../../../src/parse/index.js';

function run(accession: string) {
  const path = `test/fixtures/sc13/${accession}.txt`;
  const submission = parseSubmission(readFileSync(path), { sourceName: path });
  const xml = submission.documents.find((d) => d.bodyFormat === 'xml')!;
  return { ...extractItemsAndProse(submission), text: documentText(submission, xml) };
}

describe('XML item elements', () => {
  it('reads item4/amountBeneficiallyOwned with classPercent, with the element as the span', () => {
    const { tables, text } = run('0002012383-25-000642');
    expect(tables.holdings!.filter((h) => h.role === 'beneficial').map((h) => [h.holder, h.shares, h.percentOfClass, h.itemNumber])).toEqual([['BlackRock, Inc.', 3840165, 6.3, 4]]);
    const h = tables.holdings![0]!;
    expect(text.slice(h.spanStart as number, h.spanEnd as number)).toBe('<amountBeneficiallyOwned>3840165</amountBeneficiallyOwned>');
    // The element values are the amount beneficially owned and the powers: checked as a total and field by field.
    expect(tables.checks!.map((c) => [c.kind, c.status, c.expected])).toEqual([
      ['cover_vs_item5', 'pass', 3840165],
      ['cover_field_vs_item5', 'pass', 3840165],
      ['cover_field_vs_item5', 'pass', 6.3],
      // The power elements, each against its cover row (5–8).
      ['cover_field_vs_item5', 'pass', 3782397],
      ['cover_field_vs_item5', 'pass', 0],
      ['cover_field_vs_item5', 'pass', 3840165],
      ['cover_field_vs_item5', 'pass', 0],
    ]);
  });

  it('reads the powers under numberOfSharesPersonHas, zeros included (0002012383-25-000642: sole voting 3,782,397 was lost)', () => {
    // Cause: only amountBeneficiallyOwned was read; the four power elements beside it state the filer's powers.
    const { tables, text } = run('0002012383-25-000642');
    const powers = tables.holdings!.filter((h) => h.role !== 'beneficial');
    expect(powers.map((h) => [h.holder, h.shares, h.role, h.itemNumber])).toEqual([
      ['BlackRock, Inc.', 3782397, 'sole_voting', 4],
      ['BlackRock, Inc.', 0, 'shared_voting', 4],
      ['BlackRock, Inc.', 3840165, 'sole_dispositive', 4],
      ['BlackRock, Inc.', 0, 'shared_dispositive', 4],
    ]);
    expect(text.slice(powers[0]!.spanStart as number, powers[0]!.spanEnd as number)).toBe('<solePowerOrDirectToVote>3782397</solePowerOrDirectToVote>');
  });

  it('reads "Name - N shares" lines as one position per reporting person', () => {
    const { tables, text } = run('0001420506-24-002350');
    const lines = tables.holdings!.filter((h) => h.shares === 807223 && h.role === 'beneficial');
    expect(lines.map((h) => [h.holder, h.reportingPersonOrdinal, h.shares])).toEqual([
      ['FJ Capital Management LLC', 1, 807223],
      ['Financial Opportunity Fund LLC', 2, 807223],
      ['Martin Friedman', 3, 807223],
    ]);
    for (const h of lines) expect(text.slice(h.spanStart as number, h.spanEnd as number)).toBe(`${h.holder} - 807,223 shares`);
    // The same lines in the shared power elements are each person's shared powers (0001104659-25-045128's fix: a
    // power element's named lines are read beside the prose's rows), each with its line as the span.
    const shared = tables.holdings!.filter((h) => h.role === 'shared_voting' || h.role === 'shared_dispositive');
    expect(shared.map((h) => [h.holder, h.role, h.shares])).toEqual(
      ['shared_voting', 'shared_dispositive'].flatMap((role) => ['FJ Capital Management LLC', 'Financial Opportunity Fund LLC', 'Martin Friedman'].map((holder) => [holder, role, 807223])),
    );
    for (const h of shared) expect(text.slice(h.spanStart as number, h.spanEnd as number)).toBe(`${h.holder} - 807,223 shares`);
    // The bare "0" sole powers are each listed person's (item4-fifth-batch.test.ts), the element their span.
    const zeros = tables.holdings!.filter((h) => h.shares === 0);
    expect(zeros.map((h) => [h.holder, h.role])).toContainEqual(['Martin Friedman', 'sole_voting']);
    for (const h of zeros) expect(text.slice(h.spanStart as number, h.spanEnd as number)).toMatch(/^<solePowerOrDirectTo(?:Vote|Dispose)>0</);
    expect(tables.checks!.every((c) => c.status === 'pass')).toBe(true);
  });
});
