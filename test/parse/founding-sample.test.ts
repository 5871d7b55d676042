// The founding 13D/A (flattened: tags stripped, white space collapsed) against golden JSON written by reading it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/parse/body.js';
import { parseSubmission } from '../../src/parse/index.js';

const golden = JSON.parse(readFileSync('test/fixtures/golden/parse/0001125282-03-003998.json', 'utf8'));
const bytes = readFileSync('samples/0001125282-03-003998.txt');
const submission = parseSubmission(bytes, { sourceName: 'samples/0001125282-03-003998.txt' });

describe('founding sample 0001125282-03-003998 (flattened 13D/A)', () => {
  it('has the golden shape, accession and stamps', () => {
    expect(submission.format).toBe(golden.format);
    expect(submission.pemWrapped).toBe(golden.pemWrapped);
    expect(submission.accessionNumber).toBe(golden.accessionNumber);
    expect(submission.stamps).toEqual(golden.stamps);
  });

  it('has the golden header', () => {
    const h = submission.header!;
    const { entities, ...top } = golden.header;
    expect({
      accessionNumber: h.accessionNumber,
      formType: h.formType,
      publicDocumentCount: h.publicDocumentCount,
      period: h.period,
      filedAt: h.filedAt,
      dateAsOfChange: h.dateAsOfChange,
      effectivenessDate: h.effectivenessDate,
      acceptanceDatetime: h.acceptanceDatetime,
      items: h.items,
      groupMembers: h.groupMembers,
      sros: h.sros,
      flags: h.flags,
      dialect: h.dialect,
    }).toEqual(top);
    expect(h.entities.map(({ span: _s, otherFields: _o, ...e }) => e)).toEqual(entities);
  });

  it('has the golden document list', () => {
    expect(submission.documents.map((d) => ({ type: d.type, sequence: d.sequence, filename: d.filename, description: d.description, bodyFormat: d.bodyFormat }))).toEqual(golden.documents);
    // PUBLIC DOCUMENT COUNT 6 matches the six documents found (sequence 2 is absent in the filing itself).
    expect(submission.warnings).toEqual([]);
  });

  it('cuts each body exactly: no envelope text inside, nothing of the next document, no PEM trailer', () => {
    for (const [seq, start] of Object.entries(golden.bodyStarts as Record<string, string>)) {
      const doc = submission.documents.find((d) => d.sequence === Number(seq))!;
      expect(documentText(submission, doc).startsWith(start)).toBe(true);
    }
    const last = submission.documents.at(-1)!;
    expect(documentText(submission, last).endsWith(golden.bodyEnds['7'])).toBe(true);
    const sched = documentText(submission, submission.documents[0]!);
    expect(sched).not.toContain('b325596_ex1.txt');
  });

  it('keeps spans into the source bytes: the body span of EX-12 holds its letter', () => {
    const ex12 = submission.documents.find((d) => d.type === 'EX-12')!;
    const text = bytes.subarray(ex12.bodySpan.start, ex12.bodySpan.end).toString('latin1');
    expect(text).toMatch(/^Exhibit 12 April 10, 2003/);
    expect(text).toContain('$302,000.00');
    expect(text).not.toContain('EX-13 7');
  });
});
