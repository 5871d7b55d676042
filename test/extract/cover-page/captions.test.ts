/**
 * captionMatches (src/extract/cover-page/captions.ts) tries the caption alternation only where CAPTION_START finds a
 * caption's first word and the blank after it: it must find what running the alternation over the whole text finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTION_PATTERNS, captionMatches, type RowKey } from '../../../src/extract/cover-page/captions.js';
import { documentText } from '../../../src/parse/body.js';
import { parseSubmission } from '../../../src/parse/index.js';

const EVERYWHERE = new RegExp((Object.keys(CAPTION_PATTERNS) as RowKey[]).map((row) => `(?<${row}>${CAPTION_PATTERNS[row]})`).join('|'), 'gi');

/** [offset, matched text] of every caption, as the alternation run at every character finds them. */
function everywhere(text: string): [number, string][] {
  return [...text.matchAll(EVERYWHERE)].map((m) => [m.index, m[0]]);
}

function found(text: string): [number, string][] {
  return [...captionMatches(text)].map((m) => [m.index, m[0]]);
}

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

describe('captionMatches', () => {
  it('finds the captions of every wording, wrapped or truncated, and none in prose', () => {
    const text = 'THE AGGREGATE AMOUNT IN ROW (11) EXCLUDES CERTAIN SHARES\nSEC USE ONLY\nThe securities and the shares of\n(9) Aggregate\n';
    expect(found(text)).toEqual(everywhere(text));
    expect(found(text).map(([, t]) => t.split(/\s+/)[0])).toEqual(['THE', 'SEC', 'Aggregate']);
  });

  it('finds what the alternation run over the whole text finds, in the documents of real filings', () => {
    let count = 0;
    for (const dir of ['sc13', 'full', 'golden']) {
      const files = readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.txt')).slice(0, 25);
      for (const file of files) {
        const submission = parseSubmission(new Uint8Array(readFileSync(join(fixtures, dir, file))), { sourceName: file });
        for (const doc of submission.documents.slice(0, 2)) {
          const text = documentText(submission, doc);
          const expected = everywhere(text);
          count += expected.length;
          expect(found(text), `${dir}/${file} document ${doc.sequence}`).toEqual(expected);
        }
      }
    }
    expect(count).toBeGreaterThan(500);
  });
});
