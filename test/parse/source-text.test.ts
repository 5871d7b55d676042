// SourceText stands in for the latin-1 string of the whole input (the grammar and the lexer read it through String
// methods), so every method must answer exactly as that string would: across the decoded head and the bytes after it,
// and for the out-of-range and negative arguments String tolerates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDocumentStart } from '../../src/parse/body-bounds.js';
import { SourceText } from '../../src/parse/source-text.js';

const bytes = readFileSync('test/fixtures/sc13/0001104659-25-084149.txt');
const whole = bytes.toString('latin1');
const headEnd = findDocumentStart(bytes, 0);
const source = new SourceText(bytes, headEnd);

// Offsets around the head's end (where a search or a slice crosses from string to bytes) and the input's edges.
const offsets = [-5, -1, 0, 1, headEnd - 7, headEnd - 1, headEnd, headEnd + 1, headEnd + 100, whole.length - 1, whole.length, whole.length + 3];

describe('SourceText answers as the latin-1 string of the input', () => {
  it('has a head that ends before the body (the fixture has documents)', () => {
    expect(headEnd).toBeGreaterThan(0);
    expect(headEnd).toBeLessThan(whole.length / 2);
  });

  it('length, charCodeAt, charAt, codePointAt', () => {
    expect(source.length).toBe(whole.length);
    for (const i of offsets) {
      expect(source.charCodeAt(i)).toEqual(whole.charCodeAt(i));
      expect(source.charAt(i)).toBe(whole.charAt(i));
      expect(source.codePointAt(i)).toBe(whole.codePointAt(i));
    }
  });

  it('slice, substring and substr, inside the head, across its end and in the bytes', () => {
    for (const a of offsets) {
      expect(source.slice(a)).toBe(whole.slice(a));
      for (const b of offsets) {
        expect(source.slice(a, b)).toBe(whole.slice(a, b));
        expect(source.substring(a, b)).toBe(whole.substring(a, b));
        expect(source.substr(a, b)).toBe(whole.substr(a, b));
      }
    }
  });

  it('indexOf and startsWith, including a needle that straddles the end of the head', () => {
    const straddling = whole.slice(headEnd - 3, headEnd + 5);
    for (const needle of ['<DOCUMENT>', '</TEXT>', '\n', '\r', ':', '<SEC-HEADER>', straddling, 'not in this filing', '']) {
      for (const from of offsets) {
        expect(source.indexOf(needle, from)).toBe(whole.indexOf(needle, from));
        expect(source.startsWith(needle, from)).toBe(whole.startsWith(needle, from));
      }
    }
    expect(source.startsWith(straddling, headEnd - 3)).toBe(true);
  });

  it('full() is the whole string, also when the head is the whole input', () => {
    expect(source.full()).toBe(whole);
    expect(new SourceText(bytes, bytes.length).full()).toBe(whole);
  });
});
