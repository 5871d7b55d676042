/**
 * PartyIndex.mentions finds names in text whose white space runs are collapsed, then maps each mention back to the
 * text. The mapping keeps only the runs collapsing changes and looks up the mentions' ends (for speed): it must give
 * the offsets a table of every collapsed character's offset gave.
 */
import { describe, expect, it } from 'vitest';
import { PartyIndex } from '../../../src/extract/prose/parties.js';

/** The offsets as the full table mapped them: each collapsed character → its offset; a run → where it starts. */
function byTable(text: string, collapsed: { start: number; end: number }[]): { start: number; end: number }[] {
  const at: number[] = [];
  let from = 0;
  for (const run of text.matchAll(/\s+/g)) {
    for (let i = from; i <= run.index; i++) at.push(i);
    from = run.index + run[0].length;
  }
  for (let i = from; i < text.length; i++) at.push(i);
  at.push(text.length);
  return collapsed.map((m) => ({ start: at[m.start]!, end: at[m.end - 1]! + 1 }));
}

describe('PartyIndex.mentions', () => {
  const parties = PartyIndex.build([{ ordinal: 1, name: 'D.E. Shaw Valence Portfolios, L.L.C.' }, { ordinal: 2, name: 'Alpha Fund LP' }], null, '');

  it('maps names wrapped over lines or padded by blanks back to the text', () => {
    const text = 'held by\n   D.E.  Shaw Valence\n Portfolios,  L.L.C. and   Alpha \t Fund LP.';
    const found = parties.mentions(text);
    expect(found.map((m) => text.slice(m.start, m.end).replace(/\s+/g, ' '))).toEqual(['D.E. Shaw Valence Portfolios, L.L.C.', 'Alpha Fund LP']);
  });

  it('gives the offsets of the full table, over random white space between the words', () => {
    const words = ['held', 'by', 'D.E.', 'Shaw', 'Valence', 'Portfolios,', 'L.L.C.', 'and', 'Alpha', 'Fund', 'LP', 'shares'];
    const blanks = [' ', ' ', ' ', '  ', '\n', ' \n ', '\t', '\u00a0', '\r\n   '];
    let seed = 3;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let checked = 0;
    for (let n = 0; n < 3000; n++) {
      let text = next() < 0.3 ? blanks[Math.floor(next() * blanks.length)]! : '';
      for (let i = 0; i < words.length; i++) {
        // Mostly the words in order (so names occur), sometimes a word dropped.
        if (next() < 0.1) continue;
        text += words[i] + blanks[Math.floor(next() * blanks.length)]!;
      }
      const found = parties.mentions(text);
      const collapsed = parties.mentions(text.replace(/\s+/g, ' '));
      expect(found.map((m) => ({ start: m.start, end: m.end })), JSON.stringify(text)).toEqual(byTable(text, collapsed));
      checked += found.length;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
