/**
 * XML-era 13G positions stated in elements: a bare `amountBeneficiallyOwned` (0002012383-25-000642, BlackRock) and a
 * narrative list "Name - N shares" per reporting person (0001420506-24-002350); each checked against its cover page.
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
    expect(tables.holdings!.map((h) => [h.holder, h.shares, h.percentOfClass, h.itemNumber])).toEqual([['BlackRock, Inc.', 3840165, 6.3, 4]]);
    const h = tables.holdings![0]!;
    expect(text.slice(h.spanStart as number, h.spanEnd as number)).toBe('<amountBeneficiallyOwned>3840165</amountBeneficiallyOwned>');
    // The element values are the amount beneficially owned: checked as a total and field by field (amount, percent).
    expect(tables.checks!.map((c) => [c.kind, c.status, c.expected])).toEqual([
      ['cover_vs_item5', 'pass', 3840165],
      ['cover_field_vs_item5', 'pass', 3840165],
      ['cover_field_vs_item5', 'pass', 6.3],
    ]);
  });

  it('reads "Name - N shares" lines as one position per reporting person', () => {
    const { tables, text } = run('0001420506-24-002350');
    expect(tables.holdings!.map((h) => [h.holder, h.reportingPersonOrdinal, h.shares])).toEqual([
      ['FJ Capital Management LLC', 1, 807223],
      ['Financial Opportunity Fund LLC', 2, 807223],
      ['Martin Friedman', 3, 807223],
    ]);
    for (const h of tables.holdings!) expect(text.slice(h.spanStart as number, h.spanEnd as number)).toBe(`${h.holder} - 807,223 shares`);
    expect(tables.checks!.every((c) => c.status === 'pass')).toBe(true);
  });
});
