/**
 * The cover-page value normalisers on the spellings real cover pages use (each case is a form seen in the golden set
 * or the sc13 corpus; the filing it comes from is named where it matters).
 */
import { describe, expect, it } from 'vitest';
import {
  cusipCheckDigit,
  findCusips,
  findDate,
  findGlyphs,
  FUND_CODES,
  isCheckedGlyph,
  isValidCusip,
  normalizeCusip,
  parseBox,
  parseCodes,
  parseDate,
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

describe('CUSIP', () => {
  it('computes the check digit of eight characters', () => {
    expect(cusipCheckDigit('01849010')).toBe('2'); // ALLERGAN 1994 prints "01849010"
    expect(cusipCheckDigit('25474510')).toBe('2'); // "254745 10"
    expect(cusipCheckDigit('44414410')).toBe('9');
    expect(cusipCheckDigit('G6420H11')).toBe('2');
    expect(cusipCheckDigit('1234567')).toBeNull();
  });

  it('normalises printed forms to nine characters', () => {
    expect(normalizeCusip('444144109')).toBe('444144109');
    expect(normalizeCusip('957 550 106')).toBe('957550106');
    expect(normalizeCusip('228569-10-9')).toBe('228569109');
    expect(normalizeCusip('G6420H 11 2')).toBe('G6420H112');
    expect(normalizeCusip('254745 10')).toBe('254745102');
    expect(normalizeCusip('01849010')).toBe('018490102');
    expect(normalizeCusip('0009032931')).toBe('0009032931'); // 10 characters: kept as printed
    expect(normalizeCusip('NONE')).toBeNull();
    expect(normalizeCusip('NOT APPLICABLE')).toBeNull();
  });

  it('validates check digits', () => {
    expect(isValidCusip('444144109')).toBe(true);
    expect(isValidCusip('444144108')).toBe(false);
  });

  it('finds CUSIPs in page headers without gluing on the page furniture', () => {
    expect(findCusips('444144109 13D Page 2 of 15 Pages').map((c) => c.cusip)).toEqual(['444144109']);
    expect(findCusips('957 550 106  PAGE 2 OF 10 PAGES').map((c) => c.cusip)).toEqual(['957550106']);
    expect(findCusips('not available 75954T104').map((c) => c.cusip)).toEqual(['75954T104']);
    expect(findCusips('None')).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['February 16, 2001', '2001-02-16'],
    ['Feb. 16,2001', '2001-02-16'],
    ['16 February 2001', '2001-02-16'],
    ['December\n 23, 2015', '2015-12-23'],
    ['02/16/2001', '2001-02-16'],
    ['12/06/2024', '2024-12-06'], // XML era: MM/DD/YYYY
    ['3/10/16', '2016-03-10'], // two-digit year
    ['2001-02-16', '2001-02-16'],
    ['April 18, 1996 - Appointment as successor trustee … since December 31, 1990', '1996-04-18'],
  ])('%j → %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it('rejects what is not a calendar date', () => {
    expect(parseDate('02/30/2001')).toBeNull();
    expect(parseDate('(Date of Event Which Requires Filing of this Statement)')).toBeNull();
    expect(findDate('')).toBeNull();
  });
});

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
