/**
 * The conversion-price rule parser, one describe per production of the grammar in its header. The whole rule is the
 * founding sample's waiver letter (samples/0001125282-03-003998-ex13.txt, Exhibit 13 of 0001125282-03-003998);
 * each production is also shown on the other shapes it accepts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DefinedTerms } from '../../../src/extract/defined-terms/index.js';
import {
  branchParts,
  enumeration,
  isCondition,
  parseBranch,
  parseRule,
  readCondition,
  readPrice,
  RULE_START,
  stripTrailingParen,
} from '../../../src/extract/exhibits/conversion-price-rule.js';

const LETTER = readFileSync('samples/0001125282-03-003998-ex13.txt', 'utf8');
const LETTER_TERMS = DefinedTerms.fromText(LETTER);
const OFFERING = DefinedTerms.fromText('a public offering of equity securities by the Issuer ("Equity Offering")');
const NONE = DefinedTerms.fromText('');

describe('rule start', () => {
  it('finds where the founding letter sets its new price', () => {
    const m = RULE_START.exec(LETTER);
    expect(m?.[0]).toBe('Conversion Price shall be deemed to be equal to:');
  });

  it.each([
    'the Conversion Price shall be reduced to $2.00',
    'the conversion rate shall equal the lower of',
    'the Conversion Price of the Notes shall be fixed at $0.75',
    'the Conversion Price shall be amended to read',
  ])('starts a rule: %j', (text) => {
    expect(RULE_START.test(text)).toBe(true);
  });

  it.each(['the Conversion Price shall be adjusted from time to time as follows', 'the Conversion Price is $0.7924.'])('starts none: %j', (text) => {
    expect(RULE_START.test(text)).toBe(false);
  });
});

describe('rule', () => {
  it('reads both branches of the founding letter, condition first, with exact spans', () => {
    const m = RULE_START.exec(LETTER)!;
    const from = m.index + m[0].length;
    const to = LETTER.indexOf('. The Initial Conversion Price', from) + 1;
    const rules = parseRule(LETTER, from, to, LETTER_TERMS);
    expect(rules.map(({ spanStart, spanEnd, ...rest }) => ({ ...rest, words: LETTER.slice(spanStart, spanEnd) }))).toEqual([
      {
        branch: 1,
        priceBasis: 'lower_of',
        price: 1.13,
        alternative: 'the conversion price of the equity securities in the Equity Offering',
        condition: 'in the event of a public offering of equity securities by the Maker for gross proceeds of not less than $2 million prior to December 20, 2003 (the "Equity Offering")',
        event: 'Equity Offering',
        eventOccurs: 1,
        minGrossProceeds: 2000000,
        deadline: '2003-12-20',
        words:
          'in the event of a public offering of equity securities by the Maker for gross proceeds of not less than $2 million prior to December 20, 2003 (the "Equity Offering"), the lower of (A) the conversion price of the equity securities in the Equity Offering or (B) $1.13 (the average closing sale price of the Issuer\'s Common Stock as reported on the Nasdaq SmallCap Market for the five business days immediately preceding the date hereof)',
      },
      {
        branch: 2,
        priceBasis: 'fixed',
        price: 1.13,
        alternative: null,
        condition: 'in the event that an Equity Offering does not occur prior to December 20, 2003',
        event: 'Equity Offering',
        eventOccurs: 0,
        minGrossProceeds: null,
        deadline: '2003-12-20',
        words: 'in the event that an Equity Offering does not occur prior to December 20, 2003, $1.13',
      },
    ]);
  });

  it('reads branches written price first (the schedule\u2019s paraphrase of the founding letters)', () => {
    const text =
      'the conversion rate would equal (i) the lower of (A) the conversion price of the equity securities in the Equity Offering or (B) $1.13 (the average closing sale price), in the event of an Equity Offering prior to December 20, 2003, or (ii) $1.13, in the event that an Equity Offering does not occur prior to December 20, 2003, subject to anti-dilution adjustment.';
    const from = text.indexOf('(i)');
    const rules = parseRule(text, from, text.length, OFFERING);
    expect(rules.map(({ branch, priceBasis, price, condition, event, eventOccurs, deadline }) => ({ branch, priceBasis, price, condition, event, eventOccurs, deadline }))).toEqual([
      { branch: 1, priceBasis: 'lower_of', price: 1.13, condition: 'in the event of an Equity Offering prior to December 20, 2003', event: 'Equity Offering', eventOccurs: 1, deadline: '2003-12-20' },
      { branch: 2, priceBasis: 'fixed', price: 1.13, condition: 'in the event that an Equity Offering does not occur prior to December 20, 2003', event: 'Equity Offering', eventOccurs: 0, deadline: '2003-12-20' },
    ]);
  });

  it('reads a rule without enumeration as one unconditional branch', () => {
    const text = ' $0.75 per share.';
    expect(parseRule(text, 0, text.length, NONE)).toEqual([
      { branch: 1, priceBasis: 'fixed', price: 0.75, alternative: null, condition: null, event: null, eventOccurs: null, minGrossProceeds: null, deadline: null, spanStart: 1, spanEnd: 16 },
    ]);
  });
});

describe('enumeration', () => {
  const words = (text: string): string[] => enumeration(text, 0, text.length).map((p) => text.slice(p.start, p.end));

  it.each([
    ['roman', '(i) $1.00 if A; or (ii) $2.00 if B', [' $1.00 if A; or ', ' $2.00 if B']],
    ['letters', '(a) $1.00 if A; or (b) $2.00 if B', [' $1.00 if A; or ', ' $2.00 if B']],
    ['digits', '(1) $1.00 if A; or (2) $2.00 if B', [' $1.00 if A; or ', ' $2.00 if B']],
  ])('splits at %s labels', (_style, text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('numbers the branches from 1 and keeps offsets in the whole text', () => {
    const text = 'equal to: (i) $1.00; or (ii) $2.00';
    expect(enumeration(text, 9, text.length)).toEqual([
      { branch: 1, start: 13, end: 24 },
      { branch: 2, start: 28, end: 34 },
    ]);
  });

  it('ignores labels inside parentheses, labels of another style, and labels out of sequence', () => {
    expect(words('(i) the lower of (A) $1 or (B) the price (see (ii) below)')).toEqual([' the lower of (A) $1 or (B) the price (see (ii) below)']);
    expect(words('(i) $1.00 if A, as set out in (a) above; or (ii) $2.00')).toEqual([' $1.00 if A, as set out in (a) above; or ', ' $2.00']);
    expect(words('(i) $1.00 if A; or (iii) $2.00')).toEqual([' $1.00 if A; or (iii) $2.00']);
  });

  it('is one branch when nothing is enumerated', () => {
    expect(words('$1.13, subject to adjustment')).toEqual(['$1.13, subject to adjustment']);
  });
});

describe('branch', () => {
  it('drops the joining "; or" and trailing punctuation from the branch and its span', () => {
    const text = '(i)  $1.00 if an Equity Offering occurs; or ';
    const b = parseBranch(text, 3, text.length, 1, OFFERING);
    expect(text.slice(b.spanStart, b.spanEnd)).toBe('$1.00 if an Equity Offering occurs');
    expect(b).toMatchObject({ branch: 1, priceBasis: 'fixed', price: 1, condition: null });
  });

  it('splits parts at commas outside parentheses and outside dates', () => {
    const text = 'if no Offering occurs before December 20, 2003 (or, if later, the Closing), $1.13';
    expect(branchParts(text, 0, text.length).map((p) => text.slice(p.start, p.end))).toEqual([
      'if no Offering occurs before December 20, 2003 (or, if later, the Closing)',
      ' $1.13',
    ]);
  });
});

describe('part', () => {
  it.each(['in the event of an Offering', ' if no Offering occurs', 'upon a Change of Control', 'provided that', 'unless', 'in case of', 'should the Offering fail', 'when the Notes mature'])(
    'a condition: %j',
    (part) => {
      expect(isCondition(part)).toBe(true);
    },
  );

  it.each(['$1.13', 'the lower of (A) the offering price or (B) $1.13', 'subject to adjustment', 'iffy'])('a price (not a condition): %j', (part) => {
    expect(isCondition(part)).toBe(false);
  });
});

describe('price', () => {
  it('reads a fixed price, and no price from words that are not money', () => {
    expect(readPrice('$1.13')).toEqual({ priceBasis: 'fixed', price: 1.13, alternative: null });
    expect(readPrice('$.7924')).toEqual({ priceBasis: 'fixed', price: 0.7924, alternative: null });
    expect(readPrice('the market price')).toEqual({ priceBasis: 'fixed', price: null, alternative: null });
  });

  it('reads a choice: the money side is the price, the other side the alternative', () => {
    expect(readPrice('the lower of (A) the conversion price of the equity securities in the Equity Offering or (B) $1.13 (the average closing sale price)')).toEqual({
      priceBasis: 'lower_of',
      price: 1.13,
      alternative: 'the conversion price of the equity securities in the Equity Offering',
    });
    expect(readPrice('the lesser of $2.00 and 90% of the offering price')).toEqual({ priceBasis: 'lower_of', price: 2, alternative: '90% of the offering price' });
    expect(readPrice('the greater of (a) $0.50 or (b) 80% of the market price')).toEqual({ priceBasis: 'higher_of', price: 0.5, alternative: '80% of the market price' });
    expect(readPrice('higher of the book value or the market price')).toEqual({ priceBasis: 'higher_of', price: null, alternative: 'the book value; the market price' });
  });

  it('strips the glosses printed after a price', () => {
    expect(stripTrailingParen('$1.13 (the average closing sale price)')).toBe('$1.13');
    expect(stripTrailingParen('$1.13 (the "Price") (subject to adjustment) ')).toBe('$1.13');
    expect(stripTrailingParen('(all in parentheses)')).toBe('(all in parentheses)');
  });
});

describe('condition', () => {
  it('is all null for a branch without a condition', () => {
    expect(readCondition(null, OFFERING)).toEqual({ event: null, eventOccurs: null, minGrossProceeds: null, deadline: null });
  });

  it('names the event by its defined term, never a price or rate term', () => {
    const condition = 'in the event of a public offering of equity securities by the Maker for gross proceeds of not less than $2 million prior to December 20, 2003 (the "Equity Offering")';
    expect(readCondition(condition, LETTER_TERMS)).toEqual({ event: 'Equity Offering', eventOccurs: 1, minGrossProceeds: 2000000, deadline: '2003-12-20' });
    expect(readCondition('if the Initial Conversion Price is reset', LETTER_TERMS).event).toBeNull();
  });

  it.each([
    'in the event that an Equity Offering does not occur prior to December 20, 2003',
    'if the Equity Offering is not consummated',
    'if the Company fails to complete an Equity Offering',
    'in the absence of an Equity Offering',
    'if no Equity Offering occurs',
    'unless no Equity Offering has occurred',
  ])('applies when the event does not happen: %j', (condition) => {
    expect(readCondition(condition, OFFERING).eventOccurs).toBe(0);
  });

  it('reads minimum proceeds and deadlines in their other wordings', () => {
    expect(readCondition('if an Equity Offering with gross proceeds of at least $5 million occurs on or before March 31, 2009', OFFERING)).toEqual({
      event: 'Equity Offering',
      eventOccurs: 1,
      minGrossProceeds: 5000000,
      deadline: '2009-03-31',
    });
    expect(readCondition('upon an Equity Offering with gross proceeds of $750,000 no later than 6/30/05', OFFERING)).toMatchObject({ minGrossProceeds: 750000, deadline: '2005-06-30' });
  });
});
