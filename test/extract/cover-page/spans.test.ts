/**
 * Spans point at the printed words: for the founding sample at exact text, and for every value of every golden
 * filing, the text under the span reads back as the extracted value (all three readers).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractCoverPages } from '../../../src/extract/cover-page/index.js';
import { SHARE_FIELDS, type CoverPageResult } from '../../../src/extract/cover-page/types.js';
import { parsePercent, parseShareCount } from '../../../src/extract/cover-page/values.js';
import { documentText } from '../../../src/parse/body.js';
import { parseSubmission } from '../../../src/parse/index.js';
import type { Submission } from '../../../src/parse/types.js';
import { loadGolden, repoRoot } from '../../../bench/accuracy.js';

function load(path: string): { sub: Submission; result: CoverPageResult; text: string } {
  const sub = parseSubmission(readFileSync(path), { sourceName: path });
  const result = extractCoverPages(sub);
  const doc = sub.documents.find((d) => d.sequence === result.schedule13?.documentSequence) ?? sub.documents[0]!;
  return { sub, result, text: documentText(sub, doc) };
}

const slice = (text: string, span: { start: number; end: number } | undefined): string => (span ? text.slice(span.start, span.end) : '');

describe('founding sample spans', () => {
  const { result, text } = load(`${repoRoot()}/samples/0001125282-03-003998.txt`);
  const [first, second] = result.reportingPersons;

  it('points at the printed numbers', () => {
    expect(slice(text, first!.spans.soleVotingPower)).toBe('4,413,110');
    expect(slice(text, first!.spans.soleDispositivePower)).toBe('4,413,110');
    expect(slice(text, first!.spans.sharedVotingPower)).toBe('0');
    expect(slice(text, second!.spans.soleVotingPower)).toBe('707,448');
  });

  it('points at names, codes, boxes and prose', () => {
    expect(slice(text, first!.spans.name)).toBe('FLEMING US DISCOVERY FUND III, L.P.');
    expect(slice(text, first!.spans.citizenship)).toBe('DELAWARE');
    expect(slice(text, second!.spans.citizenship)).toBe('BERMUDA');
    expect(slice(text, first!.spans.sourceOfFunds)).toBe('WC');
    expect(slice(text, first!.spans.typeOfReportingPerson)).toBe('PN');
    expect(slice(text, first!.spans.memberOfGroup)).toBe('|X|');
    expect(slice(text, first!.spans.aggregateAmount)).toBe('SEE ITEM 5 OF ATTACHED SCHEDULE');
  });

  it('gives each cover page a span from row 1 to row 14', () => {
    const page = text.slice(first!.spanStart!, first!.spanEnd!);
    expect(page.startsWith('1 NAME OF REPORTING PERSONS')).toBe(true);
    expect(page.endsWith('TYPE OF REPORTING PERSON* PN')).toBe(true);
    expect(second!.spanStart!).toBeGreaterThan(first!.spanEnd!);
  });

  it('points at the cover header values', () => {
    const s = result.schedule13!;
    expect(slice(text, s.spans.issuerName)).toBe('HUDSON TECHNOLOGIES, INC.');
    expect(slice(text, s.spans.classTitle)).toBe('Common Stock, par value $.01 per share');
    expect(slice(text, s.spans.cusips)).toBe('444144109');
    expect(slice(text, s.spans.eventDate)).toBe('February 16, 2001');
    expect(slice(text, s.spans.amendmentNumber)).toBe('2');
  });
});

describe('every golden value reads back from its span', () => {
  for (const label of loadGolden()) {
    it(`${label.accessionNumber} (${label.format})`, () => {
      const { result, text } = load(`${repoRoot()}/${label.fixture}`);
      for (const p of result.reportingPersons) {
        for (const field of SHARE_FIELDS) {
          const value = p[field];
          if (value === null) continue;
          expect(parseShareCount(slice(text, p.spans[field])).value, `${field} of person ${p.ordinal}`).toBe(value);
        }
        if (p.percentOfClass !== null) {
          expect(parsePercent(slice(text, p.spans.percentOfClass)).value, `percent of person ${p.ordinal}`).toBe(p.percentOfClass);
        }
        if (p.name !== null && label.format !== 'xml') {
          // Names are read from the span; the span starts where the name starts.
          expect(slice(text, p.spans.name).replace(/\s+/g, ' ').startsWith(p.name.slice(0, 12)), `name of person ${p.ordinal}`).toBe(true);
        }
        if (p.spanStart !== null && p.spanEnd !== null) expect(p.spanEnd).toBeGreaterThan(p.spanStart);
      }
    });
  }
});
