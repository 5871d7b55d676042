// Bytes → text (src/parse/text-decoding.ts): strict UTF-8, else windows-1252.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenSubmission } from '../../bench/flatten.js';
import { documentText } from '../../src/parse/body.js';
import { parseSubmission } from '../../src/parse/index.js';
import { decodeText } from '../../src/parse/text-decoding.js';

describe('decodeText', () => {
  it('reads bytes 0x80-0x9F of a windows-1252 body as its quotes and dashes, not C1 controls (0001193125-11-035272 flattened)', () => {
    // Cause: Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as latin-1 does; flattened, the filing's
    // “&#147;Mr. Vranos&#148;” is the bytes 0x93 … 0x94, and every defined term of Item 2 ("VC", "EMGH", "ECM") came
    // out between two control characters, unread: eight positions lost.
    expect(decodeText(Buffer.from([0x93, 0x4d, 0x72, 0x2e, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x81]))).toBe('\u201cMr.\u201d \u2013 \u20ac5\u0081');
    const path = 'test/fixtures/sc13/0001193125-11-035272.txt';
    const sub = parseSubmission(Buffer.from(flattenSubmission(readFileSync(path).toString('latin1')), 'latin1'), { sourceName: path });
    const text = sub.documents.map((d) => documentText(sub, d)).join('\n');
    expect(text).toContain('Michael W. Vranos (\u201cMr. Vranos\u201d)');
    expect(text).not.toMatch(/[\x80-\x9f]/);
  });

  it('keeps UTF-8 as UTF-8', () => {
    expect(decodeText(Buffer.from('\u201cMr.\u201d \u00e9', 'utf8'))).toBe('\u201cMr.\u201d \u00e9');
  });
});
