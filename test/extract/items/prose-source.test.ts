/**
 * collapseSpace (src/extract/items/prose-source.ts) skips the single spaces between words for speed: it must still
 * give what replacing every run of white space by one space gives, for every kind of white space. blankPageBreakNumbers
 * tests what precedes a pair of page numbers in code instead of with a lookbehind (for speed): it must blank what the
 * lookbehind pattern blanked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankPageBreakNumbers, collapseSpace } from '../../../src/extract/items/prose-source.js';
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

/** What blankPageBreakNumbers blanked when the test before the pair was a lookbehind in its pattern. */
function blankedByLookbehind(text: string): string {
  let out = text;
  for (const m of text.matchAll(/(?<=[a-z,;] )([1-9]\d{0,2}) ([1-9]\d{0,2})(?= [a-z])/g)) {
    if (Number(m[2]) === Number(m[1]) + 1) out = out.slice(0, m.index) + ' '.repeat(m[0].length) + out.slice(m.index + m[0].length);
  }
  return out;
}

describe('blankPageBreakNumbers', () => {
  it('blanks "N N+1" between lower-case words, and nothing else', () => {
    expect(blankPageBreakNumbers('options to 7 8 purchase 67,500 shares')).toBe('options to     purchase 67,500 shares');
    expect(blankPageBreakNumbers('options to 7 9 purchase')).toBe('options to 7 9 purchase');
    expect(blankPageBreakNumbers('OPTIONS 7 8 purchase')).toBe('OPTIONS 7 8 purchase');
    expect(blankPageBreakNumbers('a1 7 8 purchase, 12 13 of')).toBe('a1 7 8 purchase,       of');
  });

  it('blanks what the lookbehind pattern blanked, over random text of letters, digits, blanks and punctuation', () => {
    const alphabet = ['a', 'z', 'Q', ' ', ',', ';', '.', '1', '7', '8', '0', ' 7 8 ', ' 9 10 ', ' 99 100 ', '0 1', '1 2'];
    let seed = 12345;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(blankPageBreakNumbers(text), JSON.stringify(text)).toBe(blankedByLookbehind(text));
    }
  });

  it('blanks what the lookbehind pattern blanked, over the documents of real filings', () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.txt')).slice(0, 40);
    for (const file of files) {
      const submission = parseSubmission(new Uint8Array(readFileSync(join(fixtures, file))), { sourceName: file });
      for (const doc of submission.documents) {
        const text = collapseSpace(documentText(submission, doc));
        expect(blankPageBreakNumbers(text), `${file} document ${doc.sequence}`).toBe(blankedByLookbehind(text));
      }
    }
  });
});
