/**
 * The date lexicon: every form any extractor accepted before the readers were merged (the cover page's, the item
 * prose's and the exhibits'), each read to ISO, and the forms it refuses.
 */
import { describe, expect, it } from 'vitest';
import { DATE_SOURCE, findDate, findDates, isMonthWord, monthNumber, parseDate } from '../../../src/extract/lexicon/index.js';

describe('accepted date forms', () => {
  it.each([
    // month first
    ['February 16, 2001', '2001-02-16'],
    ['Feb. 16,2001', '2001-02-16'],
    ['Feb 16 2001', '2001-02-16'],
    ['FEBRUARY 16, 2001', '2001-02-16'],
    ['February 16th, 2001', '2001-02-16'],
    ['February16, 2001', '2001-02-16'],
    ['December\n 23, 2015', '2015-12-23'],
    ['Sept. 9, 2001', '2001-09-09'],
    ['Febuary 3, 2004', '2004-02-03'], // misspelt: within two letters of the name
    // day first
    ['16 February 2001', '2001-02-16'],
    ['16th February, 2001', '2001-02-16'],
    ['25th of June, 2003', '2003-06-25'],
    ['25th day of June, 2003', '2003-06-25'],
    ['the 21st day of September, 2000', '2000-09-21'],
    ['25 day of June, 2003', '2003-06-25'],
    // numeric, month first
    ['02/16/2001', '2001-02-16'],
    ['12/06/2024', '2024-12-06'], // XML era: MM/DD/YYYY
    ['3/10/16', '2016-03-10'], // two-digit year: 00-49 are 2000s
    ['12/20/94', '1994-12-20'], // 50-99 are 1900s
    ['6 / 25 / 03', '2003-06-25'],
    ['07-06-94', '1994-07-06'], // 1990s trade schedules
    ['6.25.2003', '2003-06-25'], // dotted: month first when day first is no date
    // dotted with a four-digit year: the European day-first form (laimis__sample_schedule_13d's 5(c) table)
    ['23.01.2026', '2026-01-23'],
    ['12.01.2026', '2026-01-12'],
    // ISO
    ['2001-02-16', '2001-02-16'],
    ['2004-02-29', '2004-02-29'],
  ])('%j → %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
    // DATE_SOURCE (used by readers that look for a date after their own words) takes the whole form too.
    expect(new RegExp(`^${DATE_SOURCE}$`).test(raw)).toBe(true);
  });

  it('the first date of a longer text, with its span', () => {
    const text = 'April 18, 1996 - Appointment as successor trustee … since December 31, 1990';
    expect(parseDate(text)).toBe('1996-04-18');
    expect(findDate(text)).toEqual({ iso: '1996-04-18', start: 0, end: 14 });
    expect(findDates(text).map((d) => d.iso)).toEqual(['1996-04-18', '1990-12-31']);
  });

  it('offsets are in the whole text when a range is given', () => {
    const text = 'dated as of June 25, 2003 and due 12/20/04';
    expect(findDates(text, 12)).toEqual([
      { iso: '2003-06-25', start: 12, end: 25 },
      { iso: '2004-12-20', start: 34, end: 42 },
    ]);
    expect(findDates(text, 26)).toEqual([{ iso: '2004-12-20', start: 34, end: 42 }]);
  });

  it('`the` belongs to the long day-first form only', () => {
    expect(findDate('made the 25th day of June, 2003')).toEqual({ iso: '2003-06-25', start: 5, end: 31 });
    expect(findDate('the 25 June 2003')).toEqual({ iso: '2003-06-25', start: 4, end: 16 });
  });
});

describe('refused', () => {
  it.each([
    ['02/30/2001', 'not a calendar day'],
    ['February 30, 2003', 'not a calendar day'],
    ['13/25/2003', 'month over 12 (day-first numeric dates are not read)'],
    ['25/06/2003', 'month over 12 (day-first numeric dates are not read)'],
    ['9/9/1899', 'before 1900'],
    ['Mayor 5, 2003', 'a word that only begins like a month'],
    ['Marching 5, 2003', 'a word that only begins like a month'],
    ['6/25-03', 'two separators'],
    ['Items 1. 2. 10', 'spaced periods: a list'],
    ['May 52003', 'no gap between day and year'],
    ['12/20/200', 'a three-digit year'],
    ['(Date of Event Which Requires Filing of this Statement)', 'no date'],
    ['', 'nothing'],
  ])('%j (%s)', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });
});

describe('month words', () => {
  it.each([
    ['jan', 1], ['January', 1], ['FEB.', 2], ['Sept', 9], ['Sept.', 9], ['sep', 9], ['Decemeber', 12], ['Augst', 8],
    ['Ma', 0], ['Mayor', 0], ['Junior', 0], ['Decided', 0], ['Marketing', 0],
  ] as const)('%s → %i', (word, n) => {
    expect(monthNumber(word)).toBe(n);
  });
});

describe('isMonthWord: names and usual abbreviations only', () => {
  it.each([['June'], ['Jun.'], ['JUNE,'], ['Sept'], ['sept.,'], ['Dec.,'], ['may'], ['September']])('%s is a month word', (word) => {
    expect(isMonthWord(word)).toBe(true);
  });

  // monthNumber reads these as months (a prefix or a near spelling); a reader telling names from dates must not.
  it.each([['Marco'], ['Marcy'], ['Septem'], ['Janu'], ['Mayor'], ['Ma'], ['June.5'], ['Sept,,']])('%s is not', (word) => {
    expect(isMonthWord(word)).toBe(false);
  });
});
