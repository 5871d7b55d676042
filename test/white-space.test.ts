/**
 * src/white-space.ts stands in for `\s` where the readers walk text by char code or collapse it: isWhiteSpace must agree
 * with `/\s/` on every code unit, and collapseRuns must give what replacing every run of `\s` by one space gives.
 */
import { describe, expect, it } from 'vitest';
import { collapseRuns, isWhiteSpace } from '../src/white-space.js';

describe('isWhiteSpace', () => {
  it('is true exactly for the code units /\\s/ matches', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isWhiteSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(`U+${c.toString(16)}`);
    expect(differ).toEqual([]);
  });
});

describe('collapseRuns', () => {
  it('gives what replace(/\\s+/g, " ") gives, over random text of words and every kind of white space', () => {
    const pieces = ['a', 'Bc', '1', '.', ' ', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\u0085', '\u200b'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(next() * 12);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      expect(collapseRuns(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' '));
    }
  });
});
