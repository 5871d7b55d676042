/**
 * collapseSpace (src/extract/items/prose-source.ts) skips the single spaces between words for speed: it must still
 * give what replacing every run of white space by one space gives, for every kind of white space.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collapseSpace } from '../../../src/extract/items/prose-source.js';
import { documentText } from '../../../src/parse/body.js';
import { parseSubmission } from '../../../src/parse/index.js';

const byRuns = (text: string): string => text.replace(/\s+/g, ' ').trim();
const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'sc13');

describe('collapseSpace', () => {
  it('collapses runs, lone tabs, newlines and no-break or ideographic spaces as a run of white space would be', () => {
    for (const text of ['a  b', 'a\tb', ' a ', 'a \n b', '\u00a0x  \u2003 y\n', '', ' ', '  ', 'a b c', '\t', 'x \t', 'a\r\nb', 'a\u3000b\ufeff']) {
      expect(collapseSpace(text)).toBe(byRuns(text));
    }
  });

  it('gives the same text as collapsing every run, over the documents of real filings', () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.txt')).slice(0, 40);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const submission = parseSubmission(new Uint8Array(readFileSync(join(fixtures, file))), { sourceName: file });
      for (const doc of submission.documents) {
        const text = documentText(submission, doc);
        expect(collapseSpace(text), `${file} document ${doc.sequence}`).toBe(byRuns(text));
      }
    }
  });
});
