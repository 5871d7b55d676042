/** Numbers of a sentence (src/extract/prose/tokens.ts): shares, money with cents, percents, dates, typos. */
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/extract/lexicon/index.js';
import { scanTokens } from '../../../src/extract/prose/tokens.js';

const kinds = (text: string) => scanTokens(text).map((t) => [t.kind, t.kind === 'date' ? t.iso : t.value, text.slice(t.start, t.end)]);

describe('scanTokens', () => {
  it('reads share counts, dollars with cents and sub-cent prices, percents', () => {
    expect(kinds('the US Fund exchanged $349,939.27 into 441,619 shares at $.7924, or 49.8% of the class; $2 million; 10 percent')).toEqual([
      ['money', 349939.27, '$349,939.27'],
      ['shares', 441619, '441,619'],
      ['money', 0.7924, '$.7924'],
      ['percent', 49.8, '49.8%'],
      ['money', 2000000, '$2 million'],
      ['percent', 10, '10 percent'],
    ]);
  });

  it('reads dates in the forms filings print them', () => {
    expect(kinds('On February 16, 2001, due 12/20/04, by 4/15/2005, as of 2003-04-15, on 16 February 2001, Sept. 30, 2002')).toEqual([
      ['date', '2001-02-16', 'February 16, 2001'],
      ['date', '2004-12-20', '12/20/04'],
      ['date', '2005-04-15', '4/15/2005'],
      ['date', '2003-04-15', '2003-04-15'],
      ['date', '2001-02-16', '16 February 2001'],
      ['date', '2002-09-30', 'Sept. 30, 2002'],
    ]);
    expect(parseDate('1/2/08')).toBe('2008-01-02');
    expect(parseDate('February 30, 2001')).toBeNull();
  });

  it('flags a dollar sign on a share count as a typo instead of money', () => {
    const [t] = scanTokens('would be convertible into $42,478 shares of Common Stock');
    expect(t).toMatchObject({ kind: 'money', value: 42478, typo: 'dollar-sign-on-shares', raw: '$42,478' });
  });

  it('tells share counts from other numbers', () => {
    expect(kinds('1,399,096 shares; 180,000 Units; Rule 13d-1; 5,085,558; 2,962,920 Common Shares').map(([k, v]) => [k, v])).toEqual([
      ['shares', 1399096],
      ['shares', 180000],
      ['number', 5085558],
      ['shares', 2962920],
    ]);
  });
});
