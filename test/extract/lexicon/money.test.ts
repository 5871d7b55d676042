/** The money lexicon: the dollar forms the item prose and the exhibits read, and the ones they refuse. */
import { describe, expect, it } from 'vitest';
import { findMoney, MONEY_SOURCE, parseMoney } from '../../../src/extract/lexicon/index.js';

describe('accepted amounts', () => {
  it.each([
    ['$302,000.00', 302000],
    ['$ 302,000', 302000],
    ['$349,939.27', 349939.27],
    ['$.7924', 0.7924],
    ['$1.13', 1.13],
    ['$2 million', 2000000],
    ['$2.3 million', 2300000],
    ['$1.5 billion', 1500000000],
    ['$3 millions', 3000000],
    ['$500 thousand', 500000],
    ['U.S.$25.0 million', 25000000],
    ['US$5', 5],
  ])('%j → %d', (raw, value) => {
    expect(parseMoney(raw)).toBe(value);
    expect(new RegExp(`^${MONEY_SOURCE}$`).test(raw)).toBe(true);
  });

  it('every amount of a text, with spans (trailing punctuation left out)', () => {
    const text = 'a price of $1.13, then $2 million.';
    expect(findMoney(text)).toEqual([
      { value: 1.13, start: 11, end: 16, digits: '1.13', scale: null },
      { value: 2000000, start: 23, end: 33, digits: '2', scale: 'million' },
    ]);
    expect(findMoney(text, 17).map((m) => m.value)).toEqual([2000000]);
    expect(findMoney(text, 0, 20).map((m) => m.value)).toEqual([1.13]);
  });
});

describe('refused', () => {
  it.each([
    ['$', 'no digits'],
    ['1,000 dollars', 'no dollar sign'],
    ['two million dollars', 'words'],
    ['EUR 5', 'another currency'],
  ])('%j (%s)', (raw) => {
    expect(parseMoney(raw)).toBeNull();
  });

  it('a capitalised scale word is not read as a scale', () => {
    expect(parseMoney('$2 Million')).toBe(2);
  });
});
