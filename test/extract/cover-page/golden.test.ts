/**
 * The accuracy gate: the extractor against the hand-labelled golden set (test/fixtures/golden/cover-pages, labels
 * typed by reading the filings, conventions in its README). Fails when overall exactness drops below 98% or any field
 * below 95%, and when the founding sample is not exactly right.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractCoverPages } from '../../../src/extract/cover-page/index.js';
import { parseSubmission } from '../../../src/parse/index.js';
import { formatReport, pct, scoreGolden, TARGET_FIELD, TARGET_OVERALL } from '../../../bench/accuracy.js';

const FOUNDING = new URL('../../../samples/0001125282-03-003998.txt', import.meta.url);

describe('golden set', () => {
  const report = scoreGolden();

  it('covers the labelled filings', () => {
    expect(report.filings).toBeGreaterThanOrEqual(44);
    expect(report.persons).toBeGreaterThanOrEqual(126);
  });

  it(`is at least ${TARGET_OVERALL}% exact overall`, () => {
    const overall = pct(report.overall.exact, report.overall.slots);
    if (overall < TARGET_OVERALL) console.error(formatReport(report, true));
    expect(overall).toBeGreaterThanOrEqual(TARGET_OVERALL);
  });

  it(`has no field below ${TARGET_FIELD}%`, () => {
    const low = report.fields.filter((f) => pct(f.exact, f.slots) < TARGET_FIELD).map((f) => `${f.field} ${pct(f.exact, f.slots).toFixed(1)}%`);
    if (low.length > 0) console.error(formatReport(report, true));
    expect(low).toEqual([]);
  });

  it('gets every field of the founding sample right', () => {
    expect(report.misses.filter((m) => m.accessionNumber === '0001125282-03-003998')).toEqual([]);
  });
});

describe('founding sample 0001125282-03-003998 (flattened SC 13D/A)', () => {
  const result = extractCoverPages(parseSubmission(readFileSync(FOUNDING), { sourceName: 'founding' }));

  it('finds the schedule and its header', () => {
    expect(result.schedule13).toMatchObject({
      accessionNumber: '0001125282-03-003998',
      formType: 'SC 13D/A',
      kind: '13D',
      issuerName: 'HUDSON TECHNOLOGIES, INC.',
      issuerCik: '0000925528',
      classTitle: 'Common Stock, par value $.01 per share',
      cusip: '444144109',
      cusips: ['444144109'],
      eventDate: '2001-02-16',
      amendmentNumber: 2,
      ruleBoxes: null,
      documentSequence: 1,
    });
  });

  it('reads both cover pages exactly', () => {
    const common = {
      cik: null,
      memberOfGroup: 'a',
      sourceOfFunds: ['WC'],
      legalProceedings: false,
      sharedVotingPower: 0,
      sharedDispositivePower: 0,
      aggregateAmount: null,
      aggregateAmountText: 'SEE ITEM 5 OF ATTACHED SCHEDULE',
      excludesCertainShares: false,
      percentOfClass: null,
      percentOfClassText: 'SEE ITEM 5 OF ATTACHED SCHEDULE',
      typeOfReportingPerson: ['PN'],
      documentSequence: 1,
    };
    expect(result.reportingPersons).toHaveLength(2);
    expect(result.reportingPersons[0]).toMatchObject({
      ...common,
      ordinal: 1,
      name: 'FLEMING US DISCOVERY FUND III, L.P.',
      citizenship: 'DELAWARE',
      soleVotingPower: 4413110,
      soleDispositivePower: 4413110,
    });
    expect(result.reportingPersons[1]).toMatchObject({
      ...common,
      ordinal: 2,
      name: 'FLEMING US DISCOVERY OFFSHORE FUND III, L.P.',
      citizenship: 'BERMUDA',
      soleVotingPower: 707448,
      soleDispositivePower: 707448,
    });
  });

  it('warns about the prose rows and nothing it cannot explain', () => {
    const codes = new Set(result.warnings.map((w) => w.code));
    expect([...codes]).toEqual(['COVER_VALUE_TEXT']);
    expect(result.warnings).toHaveLength(4);
  });
});
