/**
 * Cross-checks (src/extract/checks.ts) on real filings: cover pages that agree with Item 5 (the founding sample,
 * Water Street 0000895345-94-000020, Wesmar 0000950152-00-002768), one that does not (J.J. Cramer
 * 0000950142-96-000297: every cover page says 387,100, Item 5 says 322,100), and the arithmetic checks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/extract/checks.js';
import type { ReportingPersonRecord } from '../../../src/extract/cover-page/types.js';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import type { ProseResult } from '../../../src/extract/prose/index.js';
import type { CheckRow, Found, HoldingRow } from '../../../src/extract/prose/types.js';
import { parseSubmission } from '../../../src/parse/index.js';

function checksOf(path: string): CheckRow[] {
  return extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables.checks ?? [];
}

const brief = (c: Record<string, unknown> | CheckRow) => ({ kind: c.kind, subject: c.subject, expected: c.expected, actual: c.actual, status: c.status });

describe('checks', () => {
  it('finds both founding funds agree with their cover pages: 4,382,947 + 30,163 and 702,611 + 4,837', () => {
    const checks = checksOf('samples/0001125282-03-003998.txt').filter((c) => c.kind === 'cover_vs_item5');
    expect(checks.map(brief)).toEqual([
      { kind: 'cover_vs_item5', subject: 'Fleming US Discovery Fund III, L.P.', expected: 4413110, actual: 4413110, status: 'pass' },
      { kind: 'cover_vs_item5', subject: 'Fleming US Discovery Offshore Fund III, L.P.', expected: 707448, actual: 707448, status: 'pass' },
    ]);
    expect(checks[0]!.message).toBe('cover sole voting power 4,413,110 = Item 5 positions 4,382,947 (Series A Preferred Stock, as converted) + 30,163 (Fleming Options)');
  });

  it("checks Item 5's percent against its numerator and denominator: 5,120,558 / 10,285,578 = 49.8%", () => {
    const pct = checksOf('samples/0001125282-03-003998.txt').find((c) => c.kind === 'item5_percent')!;
    expect(brief(pct)).toEqual({ kind: 'item5_percent', subject: 'Reporting Persons', expected: 49.8, actual: 49.7839, status: 'pass' });
  });

  it('sums several positions and picks the parts that make a cover row (Water Street, Wesmar)', () => {
    expect(checksOf('test/fixtures/sc13/0000895345-94-000020.txt').filter((c) => c.kind === 'cover_vs_item5').map(brief)).toEqual([
      { kind: 'cover_vs_item5', subject: 'Water Street Corporate Recovery Fund I, L.P.', expected: 9534301, actual: 9534301, status: 'pass' },
      { kind: 'cover_vs_item5', subject: 'Goldman, Sachs & Co.', expected: 9630840, actual: 9630840, status: 'pass' },
      { kind: 'cover_vs_item5', subject: 'The Goldman Sachs Group, L.P.', expected: 9630840, actual: 9630840, status: 'pass' },
    ]);
    const ross = checksOf('test/fixtures/sc13/0000950152-00-002768.txt').find((c) => c.subject === 'Robert L. Ross')!;
    expect(ross.message).toBe('cover sole voting power 74,500 = Item 5 positions 7,000 (Common Stock) + 67,500 (options)');
  });

  it('fails when the cover pages and Item 5 disagree', () => {
    const failed = checksOf('test/fixtures/sc13/0000950142-96-000297.txt').filter((c) => c.status === 'fail');
    expect(failed.map(brief)).toEqual([{ kind: 'cover_vs_item5', subject: 'Reporting Persons', expected: 387100, actual: 322100, status: 'fail' }]);
  });

  it('fails a stated sum and a percent that do not add up, and warns on a note conversion that does not', () => {
    const span = { documentSequence: 1, span: { start: 0, end: 1 }, raw: '' };
    const holding: Found<HoldingRow> = {
      row: { holder: 'A Fund LP', reportingPersonOrdinal: 1, security: 'Common Stock', securityKind: 'common', shares: 500, convertibleIntoShares: null, asOfDate: null, percentOfClass: 7.5, itemNumber: 5, documentSequence: 1, spanStart: 0, spanEnd: 1, sentence: '' },
      evidence: { shares: { ...span, raw: '500' }, percent: { ...span, raw: '7.5%' } },
    };
    const prose: ProseResult = {
      holdings: [holding],
      notes: [
        {
          row: { holder: 'A Fund LP', reportingPersonOrdinal: 1, instrument: '8% Notes', definedTerm: 'Notes', principal: 100000, interestRate: 8, issueDate: null, maturityDate: null, conversionPrice: 2, convertibleIntoShares: 40000, warrantShares: null, itemNumber: 3, documentSequence: 1, spanStart: 0, spanEnd: 1, sentence: '' },
          evidence: {},
        },
      ],
      options: [],
      transactions: [],
      ownershipBasis: [
        {
          row: { holder: null, reportingPersonOrdinal: null, percentOfClass: 12.5, sharesOutstanding: 10000, sharesOutstandingAsOf: null, sourceDocument: null, sourceFiledDate: null, numerator: 1000, denominator: 10000, itemNumber: 5, documentSequence: 1, spanStart: 0, spanEnd: 1, sentence: '' },
          evidence: { percent: { ...span, raw: '12.5%' } },
        },
      ],
      sums: [],
      restatements: [],
      typos: [],
      merged: [],
      warnings: [],
    };
    const person = { ordinal: 1, soleVotingPower: 600, sharedVotingPower: 0, aggregateAmount: 600, documentSequence: 1, spans: {} } as unknown as ReportingPersonRecord;
    const checks = runChecks([person], prose).map(brief);
    expect(checks).toEqual([
      { kind: 'cover_vs_item5', subject: 'A Fund LP', expected: 600, actual: 500, status: 'fail' },
      { kind: 'item5_percent', subject: 'Reporting Persons', expected: 12.5, actual: 10, status: 'fail' },
      { kind: 'holding_percent', subject: 'A Fund LP', expected: 7.5, actual: 5, status: 'warning' },
      { kind: 'note_conversion', subject: 'A Fund LP: Notes', expected: 40000, actual: 50000, status: 'warning' },
    ]);
  });
});
