/**
 * Which exhibit after the items a position item's (a) or (b) answers with (incorporated-positions.ts): the pointer must
 * be the whole sentence and stand under (a) or (b); a schedule that (c) points at holds trades, which the appendix
 * reader reads.
 */
import { describe, expect, it } from 'vitest';
import { incorporatedExhibit } from '../../../src/extract/prose/incorporated-positions.js';
import { sentencesOf, type ProseItem } from '../../../src/extract/prose/item-sentences.js';
import { PartyIndex } from '../../../src/extract/prose/index.js';

function source(text: string, start: number, end: number): ProseItem['source'] {
  return { text, start, end, linesAreBlocks: true, toDocument: (s, e) => ({ start: s, end: e }) };
}

/** The text of the exhibit section that Item 5 (its body `item5`) points at, or null. */
function pointedAt(item5: string): string | null {
  const appendixText = 'SIGNATURE\nExhibit 1 is the joint filing agreement.\nSCHEDULE A\nName  Shares\nAlpha Fund  1,000\nEXHIBIT 1\nJoint Filing Agreement\n';
  const text = `${item5}\n${appendixText}`;
  const parties = PartyIndex.build([], null, text);
  const item: ProseItem = { itemNumber: 5, documentSequence: 1, source: source(text, 0, item5.length) };
  const appendix: ProseItem = { itemNumber: 5, documentSequence: 1, source: source(text, item5.length + 1, text.length) };
  const found = incorporatedExhibit(item, sentencesOf(item, parties), appendix);
  return found ? text.slice(found.source.start, found.source.end) : null;
}

describe('incorporatedExhibit', () => {
  it('takes the section a pointer under (a) or (b) names, to the next heading line', () => {
    expect(pointedAt('(a)\nSee Schedule A hereto, which is incorporated herein by reference.\n(c)\nNone.')).toBe('SCHEDULE A\nName  Shares\nAlpha Fund  1,000\n');
    expect(pointedAt('(b) See Schedule A.\n(c) None.')).toBe('SCHEDULE A\nName  Shares\nAlpha Fund  1,000\n');
  });

  it('takes none for a pointer under (c), a pointer inside a longer sentence, or a name no heading line has', () => {
    expect(pointedAt('(a) 1,000 shares.\n(c)\nSee Schedule A hereto, which is incorporated herein by reference.')).toBeNull();
    expect(pointedAt('(a) The Funds own the shares listed on Schedule A; see Schedule A.')).toBeNull();
    expect(pointedAt('(a) See Schedule B hereto.')).toBeNull();
  });
});
