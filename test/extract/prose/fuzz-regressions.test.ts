// Inputs the long fuzz run (`npm run fuzz -- --seed 11 …`) found slow, rebuilt here from their fixture by the same
// seeded mutation, so each test reads exactly the bytes the fuzzer read. Each asserts that the filing is read and what
// it gives; a regression shows as a test that runs past vitest's time limit (seconds, where the fixed code takes
// milliseconds under load: each limit below sits far above the fixed code's time and below the old code's (73 s and over 120 s)).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mutate, random } from '../../../bench/fuzz.js';
import { extractFiling } from '../../../src/extract/index.js';
import { headerColumns } from '../../../src/extract/prose/position-vocabulary.js';
import { parseSubmission } from '../../../src/parse/index.js';

/** The bytes of fuzz mutation `index` under `seed` when the seed file it picked is `fixture` (see mutationAt). */
function fuzzInput(fixture: string, seed: number, index: number): Buffer {
  const rng = random(seed * 1_000_003 + index);
  rng(); // mutationAt's pick of the seed file
  let bytes = mutate(readFileSync(fixture), rng).bytes;
  if (rng() < 0.33) bytes = mutate(bytes, rng).bytes;
  return bytes;
}

const extract = (bytes: Buffer) => extractFiling(parseSubmission(bytes, { sourceName: 'fuzz.txt' }));

describe('fuzz inputs that were super-linear in the Item 5 reader', () => {
  it('a 13G with a repeated chunk whose lines end in long digit runs reads in linear time (seed 11 #55285)', () => {
    // Cause: ROW_LINE let neighbouring counts split a run of digits in every possible way ("\d+\s*" repeated), and
    // two "[\s.]*" in a row and three "\s*" at the end shared characters: exponential backtracking, 29 s for 111 KB.
    const bytes = fuzzInput('test/fixtures/sc13/0001004680-99-000001.txt', 11, 55285);
    expect(bytes.length).toBe(111_353);
    const extracted = extract(bytes);
    expect(extracted.tables.reporting_persons?.length).toBeGreaterThan(0);
  }, 30_000);

  it('a 13D with a long run in its cover reads in linear time (seed 11 #10681)', () => {
    // Cause: the "-0-"/"none" reader's lookbehind stood in front of the word, so it ran at every position of the
    // sentence and rescanned each run of white space behind it: 4.5–7 s for 60 KB.
    const bytes = fuzzInput('test/fixtures/sc13/0000937242-95-000001.txt', 11, 10681);
    expect(bytes.length).toBe(60_298);
    const extracted = extract(bytes);
    expect(extracted.tables.reporting_persons?.length).toBeGreaterThan(0);
  }, 30_000);

  it('a table header of 100,000 "%" is read in linear time (seed 11 #62927)', () => {
    // Cause: a header's column words were kept in a list and every new match scanned the whole list for a neighbour,
    // so n "%" cost n²/2 comparisons; the fuzz input (113 KB of "%" runs in Item 5) took 24–36 s.
    expect(headerColumns('% '.repeat(100_000))).toBeNull();
  }, 8_000);
});
