/**
 * V8's tiering set for batch work, in the executable only (a library user's process keeps its own flags).
 *
 * Why: a batch worker is a fresh V8 isolate that warms up over its first thousand filings, and V8's defaults (tuned
 * for pages that must respond at once) optimize early and often: over those filings TurboFan's background compiles
 * took about 40% as much CPU as the work itself (bg 6.4–7.2 s against 11.8–14.7 s on the worker's thread, three runs),
 * and every worker pays it again. A larger interrupt budget lets a function run longer before it is optimized, so
 * fewer lukewarm functions are compiled and fewer compiles are thrown away. Measured over 2,000 filings in one isolate
 * (bench notes in BENCHMARKS.md, three interleaved runs each): first thousand 20.3 → 17.5 s of CPU (−14%), next
 * thousand 14.6 → 14.0 s (the same within noise); a `--jobs 2` batch of 2,000 used 7.5% less CPU.
 * Raised from 400,000 to 1,000,000 after the workers stopped idling (so that CPU, not waiting, bounds a batch): over
 * 1,000 filings in one isolate, 150,000 / 400,000 / 1,000,000 / 2,000,000 / 4,000,000 used 9.4–9.6 / 8.6–8.9 /
 * 8.3–8.6 / 8.8–8.9 / 9.0 s of CPU (two runs each), and a `--jobs 2` batch of 2,000 used 2.6% less CPU than at
 * 400,000 (three interleaved pairs, 23.5–24.2 against 24.2–24.9 s).
 *
 * `v8.setFlagsFromString` after start-up is flagged by Node as unsupported in general; the budget is read each time a
 * function's budget is reset and when an isolate is created, the regex flag each time a regex is compiled, which is
 * what the measurements exercised (the worker isolates are created after this runs). A flag given to `node` wins.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode budget a function spends between tiering checks (V8 11's default, in Node 20: 67,584). */
export const BATCH_INTERRUPT_BUDGET = 1_000_000;

/**
 * The V8 flags a batch sets, each with the name that, given on the command line in any form (`--name=…`, `--no-name`,
 * `--name` or with underscores), leaves it to the user.
 *
 * `--no-regexp-tier-up`: by default V8 first compiles a regex to bytecode for its interpreter and, on its second run,
 * compiles it again to machine code. Nearly every regex here is a literal that runs thousands of times a batch, so
 * the first compile is thrown away in every worker. Compiling to machine code at once: a `--jobs 2` batch of the
 * 2,000 synthetic inputs used 1–4% less CPU (BENCHMARKS.md, interleaved pairs), stored rows identical.
 */
export const BATCH_V8_FLAGS: readonly { name: string; flag: string }[] = [
  { name: 'interrupt-budget', flag: `--interrupt-budget=${BATCH_INTERRUPT_BUDGET}` },
  { name: 'regexp-tier-up', flag: '--no-regexp-tier-up' },
];

/** The batch flags that the command line (`execArgv`) does not already set one way or the other. */
export function batchFlags(execArgv: readonly string[] = process.execArgv): string[] {
  const given = new Set(execArgv.map((arg) => arg.replace(/=.*$/s, '').replace(/^--(?:no-)?/, '').replace(/_/g, '-')));
  return BATCH_V8_FLAGS.filter((f) => !given.has(f.name)).map((f) => f.flag);
}

/** Set the batch flags the command line left alone; returns the flags it set. */
export function tuneJitForBatches(execArgv: readonly string[] = process.execArgv): string[] {
  const flags = batchFlags(execArgv);
  for (const flag of flags) setFlagsFromString(flag);
  return flags;
}
