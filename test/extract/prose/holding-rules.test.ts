/**
 * The rule tables of src/extract/prose/holding-rules.ts, one rule at a time: what each alternative matches and what it
 * must not. The phrases are the rule's shape written out (not copied from a filing); the readers' behaviour on real
 * filings is tested in item5-regressions.test.ts and item4-label-forms.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ADMISSION_BEFORE_VERB, CONSISTING_OF, ENUMERATED_OPTION_OBJECT, UNDERLYING_AFTER } from '../../../src/extract/prose/holding-rules.js';

/** The name of the first UNDERLYING_AFTER rule matching the words after a count, and the instrument it names. */
function underlying(after: string): [string, string] | null {
  for (const rule of UNDERLYING_AFTER) {
    const m = rule.pattern.exec(after);
    if (m) return [rule.name, m[1]!];
  }
  return null;
}

describe('UNDERLYING_AFTER: the words after a count that make it an option\'s or warrant\'s shares', () => {
  it('"issuable upon exercise", also with "are" before it and "acquirable"/"purchasable" for "issuable"', () => {
    expect(underlying(' shares of Common Stock issuable upon the exercise of warrants')).toEqual(['issuable upon exercise', 'warrants']);
    expect(underlying(' are issuable upon exercise of options.')).toEqual(['issuable upon exercise', 'options']);
    expect(underlying(' shares acquirable upon exercise of the Company\'s options')).toEqual(['issuable upon exercise', "Company's options"]);
  });

  it('"that may be acquired upon the exercise of", "which he has the right to acquire within 60 days upon exercise of"', () => {
    expect(underlying(' shares of Common Stock that may be acquired upon the exercise of stock options')).toEqual(['acquirable upon exercise', 'stock options']);
    expect(underlying(' shares which he has the right to acquire within 60 days upon exercise of warrants')).toEqual(['acquirable upon exercise', 'warrants']);
  });

  it('"subject to (currently exercisable) options"', () => {
    expect(underlying(' shares subject to currently exercisable options held by him')).toEqual(['subject to options', 'currently exercisable options']);
  });

  it('not the conversion of notes or preferred stock, nor shares merely "subject to" an agreement', () => {
    expect(underlying(' shares of Common Stock issuable upon conversion of Convertible Notes')).toBeNull();
    expect(underlying(' shares subject to the Voting Agreement')).toBeNull();
    expect(underlying(' shares that were acquired in open market purchases')).toBeNull();
  });
});

describe('list and clause rules', () => {
  it('CONSISTING_OF takes "which consists of" and "which includes" as well as "consisting of"', () => {
    expect(CONSISTING_OF.test(', which consists of (i) ')).toBe(true);
    expect(CONSISTING_OF.test(', which includes ')).toBe(true);
    expect(CONSISTING_OF.test(' and ')).toBe(false);
  });

  it('ENUMERATED_OPTION_OBJECT: an enumeration right after "to purchase" of options or warrants', () => {
    expect(ENUMERATED_OPTION_OBJECT.test('options that are not currently exercisable to purchase (i) ')).toBe(true);
    expect(ENUMERATED_OPTION_OBJECT.test('options to purchase ')).toBe(false);
    expect(ENUMERATED_OPTION_OBJECT.test('shares to purchase (i) ')).toBe(false);
  });

  it('ADMISSION_BEFORE_VERB: "an admission that … is the beneficial owner" is a disclaimer', () => {
    expect(ADMISSION_BEFORE_VERB.test('shall not be construed as an admission that the reporting person or any of its affiliates ')).toBe(true);
    expect(ADMISSION_BEFORE_VERB.test('As of the date hereof, the Fund ')).toBe(false);
  });
});
