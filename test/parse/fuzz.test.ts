// Fuzzing in CI (issue 11): seeded mutations of the real fixtures through parse → extract → store. The only outcome
// allowed besides success is a typed error (ParseError etc.); anything else is a defect and fails the test with the
// mutation's index, which `npm run fuzz -- --only I` replays. Time is reported, not asserted (`npm run fuzz` for long
// runs, with the result in BENCHMARKS.md).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFuzzReport, mutationAt, random, runFuzz, seedFilesUnder } from '../../bench/fuzz.js';
import { readFileSync } from 'node:fs';

// Small fixtures keep the CI run to about half a minute on a 2-core machine.
const seedFiles = seedFilesUnder([join('test', 'fixtures')], 60_000);

describe('fuzz', () => {
  it('has seed files', () => {
    expect(seedFiles.length).toBeGreaterThan(20);
  });

  it('a mutation is the same for the same seed and index (so a failure can be replayed)', () => {
    const read = (f: string) => readFileSync(f);
    const a = mutationAt(seedFiles, read, 1, 42);
    const b = mutationAt(seedFiles, read, 1, 42);
    expect(a.seedFile).toBe(b.seedFile);
    expect(a.mutation.kind).toBe(b.mutation.kind);
    expect(Buffer.compare(a.mutation.bytes, b.mutation.bytes)).toBe(0);
    expect(random(3)()).toBe(random(3)());
  });

  it('--start splits a run: indices 0…9 are indices 0…4 plus 5…9 (two processes can share a long run)', () => {
    const whole = runFuzz({ seedFiles, count: 10, seed: 11 });
    const first = runFuzz({ seedFiles, count: 5, seed: 11 });
    const second = runFuzz({ seedFiles, count: 5, start: 5, seed: 11 });
    expect(second.mutations).toBe(5);
    expect(second.slowest!.index).toBeGreaterThanOrEqual(5);
    const kinds = (...rs: { byKind: Record<string, number> }[]): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const r of rs) for (const [k, n] of Object.entries(r.byKind)) out[k] = (out[k] ?? 0) + n;
      return out;
    };
    expect(kinds(first, second)).toEqual(kinds(whole));
    expect(first.typedErrors + second.typedErrors).toBe(whole.typedErrors);
    expect(kinds(second)).not.toEqual(kinds(runFuzz({ seedFiles, count: 5, seed: 11 })));
  }, 120_000);

  it('1,000 seeded mutations of the fixtures give only typed errors', () => {
    const report = runFuzz({ seedFiles, count: 1_000, seed: 2026 });
    console.log(formatFuzzReport(report, 2026));
    expect(report.mutations).toBe(1_000);
    expect(report.untyped).toEqual([]);
  }, 600_000);
});
