/**
 * Options and warrants the paraphrase bench (bench/option-paraphrases.ts) lost before the option vocabulary
 * (src/extract/prose/option-vocabulary.ts) was made one list: a count tied to a warrant by "underlying" after its class,
 * by "that X has the right to acquire upon exercise of", and a year naming an option grant read as a count. Each test
 * reads a real filing, after the bench's paraphrase into a wording another real filing prints (the labels stay true,
 * only the wording changes).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPTION_PARAPHRASES, paraphraseFiling } from '../../../bench/paraphrase-robustness.js';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { optionTie } from '../../../src/extract/prose/option-vocabulary.js';
import { parseSubmission } from '../../../src/parse/index.js';

const byName = (name: string) => OPTION_PARAPHRASES.find((p) => p.name === name)!;

/** The options read from a fixture after the named paraphrase (holder | shares). */
function optionsAfter(path: string, paraphrase: string): string[] {
  const text = paraphraseFiling(readFileSync(path).toString('latin1'), byName(paraphrase));
  expect(text).not.toBeNull();
  const { tables } = extractItemsAndProse(parseSubmission(Buffer.from(text!, 'latin1'), { sourceName: path }));
  return (tables.options ?? []).map((o) => `${o.holder} | ${o.shares}`);
}

/** The tie of the count `count` in `raw`. */
const tieOf = (raw: string, count: string) => optionTie(raw, raw.indexOf(count), raw.indexOf(count) + count.length);

describe('the option vocabulary', () => {
  it('ties a count to the instrument after it, in each wording of the corpus', () => {
    expect(tieOf('98,251 shares of Common Stock issuable upon exercise of warrants, and', '98,251')).toEqual({ kind: 'warrant', instrument: 'warrants' });
    expect(tieOf('392,222 shares underlying currently exercisable options held by Jeffrey Klausner', '392,222')).toEqual({ kind: 'option', instrument: 'options' });
    expect(tieOf('includes 18,374 shares of Common Stock subject to currently exercisable warrants, except', '18,374')?.kind).toBe('warrant');
    expect(tieOf('(iv) 19,280,205 shares of Class A Common Stock that the Woodman Family Trust has the right to acquire upon exercise of the Warrant', '19,280,205')).toEqual({ kind: 'warrant', instrument: 'Warrant' });
  });

  it('ties a count to the instrument before it, never across "and" (0001213900-25-001739)', () => {
    const raw = 'As a result, the Fund holds 150,000 shares of Common Stock and Warrants exercisable for 15,000 shares of Common Stock';
    expect(tieOf(raw, '15,000')).toEqual({ kind: 'warrant', instrument: 'Warrants' });
    expect(tieOf(raw, '150,000')).toBeNull();
    expect(tieOf('Mr. Ross holds currently exercisable options to purchase 67,500 shares of Common Stock', '67,500')?.kind).toBe('option');
  });

  it('does not tie an agreement or a conversion', () => {
    expect(tieOf('3,268,922 shares subject to the Option Agreement', '3,268,922')).toBeNull();
    expect(tieOf('436,121 shares of Common Stock issuable upon conversion of Convertible Notes', '436,121')).toBeNull();
  });
});

describe('options a holder has', () => {
  it('reads warrant shares stated "N shares of the Common Stock underlying Second Warrants owned by Mrs. Bodner" (0000937242-95-000001 paraphrased)', () => {
    // Cause: "underlying" made a count an option's only right after "shares" ("392,222 shares underlying …"), so with
    // the class between ("shares of the Common Stock underlying") the position was plain stock and no warrant.
    expect(optionsAfter('test/fixtures/sc13/0000937242-95-000001.txt', 'opt-underlying')).toContain('Naomi Bodner | 200104');
  });

  it('reads warrant shares stated "N shares … that Mrs. Bodner has the right to acquire upon exercise of Second Warrants" (0000937242-95-000001 paraphrased)', () => {
    // Cause: "that X has the right to acquire upon exercise of" was read only when "X" was a pronoun.
    expect(optionsAfter('test/fixtures/sc13/0000937242-95-000001.txt', 'opt-right-to-acquire')).toContain('Naomi Bodner | 200104');
  });

  it('goes on listing option positions past "N Common Shares which may be acquired upon exercise of the 2010 … options … and 600,000 Common Shares …" (0001144204-12-020756 paraphrased)', () => {
    // Cause: a list stopped at a trade verb between its counts, and "acquired" of "which may be acquired upon exercise
    // of" is the option's tie, not a trade: the 600,000 shares under the second grant were lost.
    expect(optionsAfter('test/fixtures/sc13/0001144204-12-020756.txt', 'opt-may-be-acquired')).toEqual(expect.arrayContaining(['Scott Feldhacker | 800000', 'Scott Feldhacker | 600000']));
  });

  it('reads option shares stated "N Common Shares underlying vested amended 2011 non-qualified stock options" (0001144204-12-020756 paraphrased)', () => {
    // Cause: an instrument's name took at most four words before "options", and "vested" (full/0001213900-21-035033:
    // "7,995 shares of common stock underlying vested options") made it five, so the 2,000,000 shares of the 2011 grant
    // were plain stock.
    expect(optionsAfter('test/fixtures/sc13/0001144204-12-020756.txt', 'opt-vested')).toEqual(expect.arrayContaining(['Scott Feldhacker | 2000000', 'Scott Feldhacker | 800000', 'Scott Feldhacker | 41152']));
    expect(tieOf('2,000,000 Common Shares underlying vested amended 2011 non-qualified stock options granted', '2,000,000')?.kind).toBe('option');
  });

  it('reads no option count from the year naming a grant, "the amended 2011 non-qualified stock options to purchase …" (0001144204-12-020756 paraphrased)', () => {
    // Cause: a number before option words was a count of options ("406,536 options to purchase …"), so "the 2010
    // non-qualified stock options" held 2,010 options.
    const options = optionsAfter('test/fixtures/sc13/0001144204-12-020756.txt', 'opt-to-purchase');
    expect(options).not.toContain('Scott Feldhacker | 2010');
    expect(options).not.toContain('Scott Feldhacker | 2011');
    expect(options).toEqual(expect.arrayContaining(['Scott Feldhacker | 800000', 'Scott Feldhacker | 2000000', 'Scott Feldhacker | 41152']));
  });
});
