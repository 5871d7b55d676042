/**
 * Which exhibit after the items a position item's (a) or (b) answers with (incorporated-positions.ts): the pointer must
 * be the whole sentence and stand under (a) or (b); a schedule that (c) points at holds trades, which the appendix
 * reader reads.
 */
import { describe, expect, it } from 'vitest';
import { incorporatedExhibit } from '../../../src/extract/prose/incorporated-positions.js';
import { sentencesOf, type ProseItem } from '../../../src/extract/prose/item-sentences.js';
import { PartyIndex, readProse, type ProseResult } from '../../../src/extract/prose/index.js';

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

/** What readProse makes of a 13D whose Item 5(a) and (b) point at "EXHIBIT A" of `appendixText` (the text after the items). */
function readWithExhibit(appendixText: string): { result: ProseResult; exhibitStart: number } {
  const item5 = '(a) See Exhibit A hereto, which is incorporated herein by reference.\n(b) See Exhibit A hereto.\n(c) None.\n';
  const text = `${item5}\n${appendixText}`;
  const parties = PartyIndex.build([{ ordinal: 1, name: 'Alpha Fund LP' }], null, text);
  const items: ProseItem[] = [{ itemNumber: 5, documentSequence: 1, source: source(text, 0, item5.length) }];
  const appendix: ProseItem = { itemNumber: 5, documentSequence: 1, source: source(text, item5.length + 1, text.length) };
  const ctx = { parties, terms: null, filedAt: '2020-01-01', coverParties: parties.coverParties, cover: [] };
  return { result: readProse(items, '13D', ctx, appendix), exhibitStart: text.indexOf('EXHIBIT A') };
}

// The corpus filing that takes this path (0001140361-17-047815) has a table of bare counts in its exhibit: no cut
// sentence, no instrument; these are made up.
describe('the sentences of an incorporated exhibit are among every item\'s sentences', () => {
  it('reports a cut sentence of the exhibit where it is', () => {
    // Cause: the exhibit's sentences were read as Item 5's but left out of the sentences checked for cuts.
    const { result, exhibitStart } = readWithExhibit(`SIGNATURE\nEXHIBIT A\nAlpha Fund LP beneficially owns 1,000,000 Shares ${'and '.repeat(2600)}more.\n`);
    const cut = result.warnings.filter((w) => w.code === 'PROSE_SENTENCE_CUT');
    expect(cut).toHaveLength(1);
    expect(cut[0]!.documentSequence).toBe(1);
    expect(cut[0]!.span!.start).toBeGreaterThan(exhibitStart);
  });

  it('knows an instrument that only the exhibit defines', () => {
    // Cause: the instrument registry learnt the items' definitions only, so "the Bonds" was an undefined instrument.
    const { result } = readWithExhibit('SIGNATURE\nEXHIBIT A\nThe Company issued its 6% Senior Secured Convertible Notes due 2022 (the "Bonds") on January 2, 2019.\nAlpha Fund LP holds $500,000 principal amount of the Bonds.\n');
    expect(result.notes.map((n) => [n.row.definedTerm, n.row.instrument, n.row.principal])).toEqual([['Bonds', '6% Senior Secured Convertible Notes due 2022', 500000]]);
  });

  it('completes a note from a later sentence of the exhibit, and does not call that sentence unread', () => {
    // Cause: the notes were completed from the items' sentences only: the exhibit's conversion price was not read, and
    // its sentence was reported PROSE_UNREAD.
    const { result } = readWithExhibit('SIGNATURE\nEXHIBIT A\nAlpha Fund LP beneficially owns 1,000,000 Shares and $2,000,000 principal amount of the Company\'s 6% Convertible Notes due 2022 (the "Notes").\nThe Notes are convertible at a conversion price of $2.00 per Share.\n');
    expect(result.notes.map((n) => n.row.conversionPrice)).toEqual([2]);
    expect(result.warnings.filter((w) => w.code === 'PROSE_UNREAD')).toEqual([]);
  });
});
