/** isWhiteSpace (src/white-space.ts) stands in for `/\s/` in char-code loops: it must agree with it on every code unit. */
import { describe, expect, it } from 'vitest';
import { isWhiteSpace } from '../src/white-space.js';

describe('isWhiteSpace', () => {
  it('is true exactly for the code units /\\s/ matches', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isWhiteSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(`U+${c.toString(16)}`);
    expect(differ).toEqual([]);
  });
});
