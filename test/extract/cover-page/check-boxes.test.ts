/**
 * Check-box glyphs of every era as cover pages print them, and box rows read as checked or not.
 */
import { describe, expect, it } from 'vitest';
import { findGlyphs, isCheckedGlyph, parseBox } from '../../../src/extract/cover-page/check-boxes.js';

describe('check-box glyphs', () => {
  it.each(['þ', 'ý', 'x', 'X', '☒', '■', '[X]', '[x ]', '[ X]', '|X|', '(X)', '/X/', '/X /', '✓'])('%j is checked', (g) => {
    const glyphs = findGlyphs(` ${g} `);
    expect(glyphs).toHaveLength(1);
    expect(isCheckedGlyph(g)).toBe(true);
  });

  it.each(['¨', 'o', '☐', '□', '[ ]', '[_]', '|_|', '( )', '/ /', '___'])('%j is an empty box', (g) => {
    const glyphs = findGlyphs(` ${g} `);
    expect(glyphs).toHaveLength(1);
    expect(glyphs[0]!.checked).toBe(false);
  });

  it('reads a box row: checked, unchecked, or no box at all', () => {
    expect(parseBox(' \u00fe').checked).toBe(true);
    expect(parseBox(' \u00a8').checked).toBe(false);
    expect(parseBox('  Not Applicable').checked).toBe(false);
    expect(parseBox('[X]\n 1,570,000').checked).toBe(true);
  });

  it('does not take letters inside words for boxes', () => {
    expect(findGlyphs('Exxon Box')).toEqual([]);
  });
});
