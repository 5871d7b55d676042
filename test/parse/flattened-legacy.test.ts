// Flattened submissions from before 2001, whose documents name no FILENAME (only TYPE, SEQUENCE, DESCRIPTION): the
// scanner looked for `TYPE SEQUENCE FILENAME` only, so 41 of the 144 unreserved corpus 13D/13G filings flattened
// (bench/flattened-survey.js) parsed to no document at all. Each input is a real filing flattened by bench/flatten.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenSubmission } from '../../bench/flatten.js';
import { findSchedule } from '../../src/extract/cover-page/index.js';
import { documentText } from '../../src/parse/body.js';
import { parseSubmission } from '../../src/parse/index.js';

const read = (path: string) => readFileSync(path).toString('latin1');
const parse = (text: string) => parseSubmission(Buffer.from(text, 'latin1'), { sourceName: 'flattened.txt' });

describe('flattened submissions whose documents have no FILENAME', () => {
  // A 1994 13D with two exhibits; its schedule says "SCHEDULE 13D 1" near the top (a page number after the title).
  const path = 'test/fixtures/sc13/0000891836-94-000030.txt';
  const filed = parseSubmission(readFileSync(path), { sourceName: path });
  const flat = parse(flattenSubmission(read(path)));

  it('yield their documents with TYPE and SEQUENCE, and no FILENAME (0000891836-94-000030); the schedule\'s own "SCHEDULE 13D 1" is no document', () => {
    expect(flat.format).toBe('flattened-submission');
    expect(flat.documents.map((d) => [d.type, d.sequence, d.filename])).toEqual([
      ['SC 13D', 1, null],
      ['EX-24', 2, null],
      ['EX-99', 3, null],
    ]);
    expect(flat.warnings.map((w) => w.code)).not.toContain('DOCUMENT_COUNT_MISMATCH');
    const found = findSchedule(flat);
    expect(found.status === 'found' && found.doc.sequence).toBe(1);
  });

  it('give each document the body it has as filed, from after its DESCRIPTION to the next document', () => {
    flat.documents.forEach((d, i) => {
      const asFiled = flattenSubmission(documentText(filed, filed.documents[i]!));
      const body = documentText(flat, d);
      // The DESCRIPTION is told from the body by the body's first words, so the two may differ by the description.
      const [shorter, longer] = body.length <= asFiled.length ? [body, asFiled] : [asFiled, body];
      expect(longer.endsWith(shorter)).toBe(true);
      expect(longer.length - shorter.length).toBeLessThan(80);
    });
    expect(flat.documents[0]!.description).toMatch(/^SUBURBAN BANCORP, INC\. SCHEDULE 13D/);
  });

  it('read four documents and the schedule\'s DESCRIPTION up to its body\'s first words (0000736157-94-000002)', () => {
    const atari = parse(flattenSubmission(read('test/fixtures/sc13/0000736157-94-000002.txt')));
    expect(atari.documents.map((d) => [d.type, d.sequence])).toEqual([
      ['SC 13D/A', 1],
      ['EX-2', 2],
      ['EX-3', 3],
      ['EX-4', 4],
    ]);
    expect(atari.documents[0]!.description).toBe('SCHEDULE 13D AMENDMENT NO. 3 ATARI CORPORATION');
  });

  it('read 20,000 more exhibits without FILENAME or body-start words, each a document (one pass, no rescans)', () => {
    // Each document searched for its body's first words (a DESCRIPTION's end) to the end of the input: quadratic in
    // documents that had none. The exhibits go before the PEM trailer of the real flattened filing.
    const text = flattenSubmission(read(path));
    const end = text.lastIndexOf('-----END PRIVACY-ENHANCED MESSAGE-----');
    const exhibits = Array.from({ length: 20_000 }, (_, i) => `EX-${i + 4} ${i + 4} Agreement of the parties dated March 1, 1994`);
    const s = parse(`${text.slice(0, end)}${exhibits.join(' ')} ${text.slice(end)}`);
    expect(s.documents.length).toBe(20_003);
    expect(s.documents.at(-1)!.type).toBe('EX-20003');
    expect(s.documents[3]!.description).toBeNull();
  });
});
