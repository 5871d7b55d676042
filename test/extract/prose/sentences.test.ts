/** Sentence cutting (src/extract/prose/sentences.ts): abbreviations, page breaks, blocks, bullets. */
import { describe, expect, it } from 'vitest';
import { blankPageFurniture } from '../../../src/extract/items/prose-source.js';
import { splitSentences } from '../../../src/extract/prose/sentences.js';

const cut = (text: string, blocks = false) => splitSentences(text, 0, text.length, blocks).map((s) => s.text);

describe('splitSentences', () => {
  it('does not end sentences at abbreviations, initials or decimal points', () => {
    expect(cut('Fleming US Discovery Fund III, L.P. and J.P. Morgan Chase & Co. hold $.01 par value stock. Richard D. Waters, Jr. signed it. Amendment No. 2 follows.')).toEqual([
      'Fleming US Discovery Fund III, L.P. and J.P. Morgan Chase & Co. hold $.01 par value stock.',
      'Richard D. Waters, Jr. signed it.',
      'Amendment No. 2 follows.',
    ]);
  });

  it('joins wrapped lines and a sentence broken by a page, splits at blank lines and colons', () => {
    const text = blankPageFurniture(
      'Mr. Maurer also holds currently exercisable options to\n\n\n                7\n<PAGE>   8\n\npurchase 67,500 shares of Common Stock.\n\nThe following sets forth the shares:\nOne Liberty      30,048\n',
    );
    expect(cut(text)).toEqual(['Mr. Maurer also holds currently exercisable options to purchase 67,500 shares of Common Stock.', 'The following sets forth the shares:', 'One Liberty 30,048']);
  });

  it('treats rendered HTML lines as blocks, except across a blanked running header', () => {
    const text = blankPageFurniture('Number of Shares\n764,546\nCUSIP No. 288522303\n13D\nPage 11\nof the Act, Mr. Vranos owned 2,962,920 Common Shares.\nPursuant to Section\nCUSIP No. 288522303\n13D\nPage 12\n12(b) of the Act.');
    expect(cut(text, true)).toEqual(['Number of Shares', '764,546', 'of the Act, Mr. Vranos owned 2,962,920 Common Shares.', 'Pursuant to Section 12(b) of the Act.']);
  });

  it('splits the " - " bullets of flattened bodies', () => {
    expect(cut('The Exchange Notes are convertible as follows ("Events"): - Holders of the Exchange Notes may convert. - In the event of an offering, they convert.')).toEqual([
      'The Exchange Notes are convertible as follows ("Events"):',
      'Holders of the Exchange Notes may convert.',
      'In the event of an offering, they convert.',
    ]);
  });

  it('keeps offsets: every sentence is its own slice of the text', () => {
    const text = 'On May 8, 1998, Don F. Gaston purchased 15 Units.   Walcott owns 1,570,000 Units.';
    for (const s of splitSentences(text, 0, text.length, false)) expect(text.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(s.text);
  });

  it('cuts a flattened underlined heading out as a sentence of its own, not a caption in capitals', () => {
    expect(cut('direct disposition of: None BOAS ---- (a) Amount Beneficially Owned: 1,077,500 shares (b) Percent of Class: 6.1%')).toEqual([
      'direct disposition of: None',
      'BOAS ----',
      '(a) Amount Beneficially Owned: 1,077,500 shares (b) Percent of Class: 6.1%',
    ]);
    expect(cut('ITEM 4 OWNERSHIP (CONTINUED): ------ --------------------- RUOCCO ------ (a) Amount')).toEqual(['ITEM 4 OWNERSHIP (CONTINUED): ------', 'RUOCCO ------', '(a) Amount']);
    expect(cut('ITEM 5 OWNERSHIP ----- of a class')).toEqual(['ITEM 5 OWNERSHIP ----- of a class']);
    // As filed, the underline is on the line below: the line break decides, as before.
    expect(cut('direct disposition of:   None\n  BOAS\n  ----\n  (a)  Amount')).toEqual(['direct disposition of: None', 'BOAS', '(a) Amount']);
  });

  it('ends a sentence at a flattened rule across the page, not at a dash or a short blank', () => {
    expect(cut('(i) sole power to vote or to direct the vote 9,101,402 ---------------------- (ii) shared power to vote -')).toEqual([
      '(i) sole power to vote or to direct the vote 9,101,402',
      '(ii) shared power to vote -',
    ]);
    expect(cut('Signed ____ on 1,000 -- of them')).toEqual(['Signed ____ on 1,000 -- of them']);
  });

  it('reads 100,000 flattened underlined headings in linear time', () => {
    const text = 'Held by AB --- and CD ------ of: ---------- '.repeat(100_000);
    expect(cut(text).length).toBeGreaterThan(100_000);
  }, 10_000);
});
