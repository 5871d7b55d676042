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
 * `v8.setFlagsFromString` after start-up is flagged by Node as unsupported in general; this flag is read each time a
 * function's budget is reset and when an isolate is created, which is what the measurements above exercised (the
 * worker isolates are created after this runs). An explicit `node --interrupt-budget=…` wins.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode budget a function spends between tiering checks (V8 11's default, in Node 20: 67,584). */
export const BATCH_INTERRUPT_BUDGET = 1_000_000;

/** Set the batch budget unless the command line set one; true when it was set. */
export function tuneJitForBatches(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => arg.startsWith('--interrupt-budget') || arg.startsWith('--interrupt_budget'))) return false;
  setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
  return true;
}
