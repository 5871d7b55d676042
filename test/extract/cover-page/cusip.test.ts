/**
 * CUSIPs as cover pages print them: check digits, printed forms, and CUSIPs found in page headers (each case is a
 * form seen in the golden set or the sc13 corpus; the filing it comes from is named where it matters).
 */
import { describe, expect, it } from 'vitest';
import { cusipCheckDigit, findCusips, isValidCusip, normalizeCusip } from '../../../src/extract/cover-page/cusip.js';

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
