/**
 * The cover-page value normalisers on the spellings real cover pages use (each case is a form seen in the golden set
 * or the sc13 corpus; the filing it comes from is named where it matters).
 */
import { describe, expect, it } from 'vitest';
import {
  FUND_CODES,
  parseCodes,
  parsePercent,
  parseShareCount,
  PERSON_CODES,
} from '../../../src/extract/cover-page/values.js';

describe('parseShareCount', () => {
  it.each([
    ['4,413,110', 4413110],
    ['372292', 372292],
    ['-0-', 0],
    ['- - 0 -', 0], // PEM dash-escaping of "-0-" (1994)
    ['None', 0],
    ['NONE Beneficial ownership disclaimed pursuant to Rule 13d-4', 0],
    ['-\n', 0], // a bare dash standing for zero (Barclays 2009, Lazard 2005)
    ['4,264,210**', 4264210], // footnote marks after the number
    ['3,466,118 (1)', 3466118],
    ['0 (see Note A)', 0],
    ['180,000 shares', 180000],
    ['2,050,000 shares (with disclaimer of beneficial ownership as to 1,100,000 shares)', 2050000],
    ['31,797.3 UNITS', 31797.3], // fractional LP units stay fractional
    ['7207424.40', 7207424.4],
    ['700000.00', 700000],
    ['-3,416,000-', 3416000], // a number framed by dashes like "-0-"
    ['9,987,768 (See Item 4)', 9987768],
  ])('%j → %d', (raw, value) => {
    const parsed = parseShareCount(raw);
    expect(parsed.value).toBe(value);
    expect(parsed.text).toBeNull();
  });

  it('keeps prose as text with a null value', () => {
    expect(parseShareCount('SEE ITEM 5 OF ATTACHED SCHEDULE')).toMatchObject({ value: null, text: 'SEE ITEM 5 OF ATTACHED SCHEDULE' });
    expect(parseShareCount('(See Item 4)')).toMatchObject({ value: null, text: '(See Item 4)' });
    // A percent printed in a share row is not a share count.
    expect(parseShareCount('48.5%')).toMatchObject({ value: null, text: '48.5%' });
  });

  it('gives null and no text for a blank row', () => {
    expect(parseShareCount('   \n  ')).toEqual({ value: null, text: null, start: null, end: null });
  });

  it('says where the number was printed', () => {
    const raw = '   SHARES  4,413,110 OWNED';
    const parsed = parseShareCount(raw.replace('SHARES', '      '));
    expect(raw.slice(parsed.start!, parsed.end!)).toBe('4,413,110');
  });
});

describe('parsePercent', () => {
  it.each([
    ['49.8%', 49.8],
    ['6.31 %', 6.31],
    ['24.05', 24.05], // no % sign (1996)
    ['0.00%', 0],
    ['.5%', 0.5],
    ['5%', 5],
    ['5.4% based on 9,033,585 shares outstanding on December 31, 1996', 5.4],
    ['47.53%1', 47.53], // <sup>1</sup> footnote glued on by tag stripping
    ['19,7395', 19.7395], // decimal comma
    ['3,355,502/61,145,088=5.5%', 5.5], // the computation printed, its result is the percent
    ['Approximately 5.1%', 5.1],
  ])('%j → %d', (raw, value) => {
    expect(parsePercent(raw).value).toBe(value);
  });

  it('keeps "less than 1%" as text', () => {
    expect(parsePercent('Less than 1%')).toMatchObject({ value: null, text: 'Less than 1%' });
    expect(parsePercent('SEE ITEM 5')).toMatchObject({ value: null, text: 'SEE ITEM 5' });
  });
});

// Dates: test/extract/lexicon/dates.test.ts (one date reader for every extractor).

describe('codes', () => {
  it.each([
    ['PN', ['PN']],
    ['HC-BD-PN', ['HC', 'BD', 'PN']],
    ['IA, IN', ['IA', 'IN']],
    ['IA (Investment Adviser)', ['IA']],
    ['HC  (See Item 4)', ['HC']],
    ['H.C.', ['HC']],
    ['CO.', ['CO']],
    ['OO (Delaware limited liability company)', ['OO']],
    ['00', ['OO']],
    ['Ariel - IA', ['IA']],
    ['PN\n\nIN WITNESS WHEREOF', ['PN']],
    ['OO\nHC\nIA', ['OO', 'HC', 'IA']],
    ['See Item 3 of this Statement', []],
  ])('type %j → %j', (raw, codes) => {
    expect(parseCodes(raw, PERSON_CODES).codes).toEqual(codes);
  });

  it.each([
    ['WC', ['WC']],
    ['wc', ['WC']],
    ['00-WC', ['OO', 'WC']],
    ['PF/OO', ['PF', 'OO']],
    ['AF, OO', ['AF', 'OO']],
    ['OO*', ['OO']],
    ['00 Securities are deemed beneficially owned in connection with a Voting Agreement', ['OO']],
    ['N/A', []],
    ['Not applicable', []],
    ['No Funds Involved', []],
  ])('source %j → %j', (raw, codes) => {
    expect(parseCodes(raw, FUND_CODES).codes).toEqual(codes);
  });
});
