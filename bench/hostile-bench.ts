#!/usr/bin/env node
/**
 * Hostile-input benchmark (part of `npm run bench`): every shape of bench/hostile-shapes.ts at 100 KB, 1 MB and 4 MB,
 * timed from bytes in memory through parse and extract. Linear code takes about 4× as long at 4 MB as at 1 MB; the
 * shapes were quadratic (or crashed) before issue 11, so the ratio column is the check.
 * Writes the "## Hostile input" section of BENCHMARKS.md (its `bench:hostile` block; the rest of the file is left as it is).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/cli/package-root.js';
import { writeBenchmarkSection } from './benchmarks-file.js';
import { extractFiling } from '../src/extract/index.js';
import { parseSubmission } from '../src/parse/index.js';
import { HOSTILE_SHAPES } from './hostile-shapes.js';

const SIZES = [100_000, 1_000_000, 4_000_000];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Median ms through parse + extract; fewer runs for the bigger inputs. */
function timeShape(text: string, runs: number): { ms: number; error: string | null } {
  const bytes = Buffer.from(text, 'latin1');
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    try {
      extractFiling(parseSubmission(bytes, { sourceName: 'hostile' }));
    } catch (error) {
      return { ms: NaN, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(samples), error: null };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) {
  const rows: string[] = [];
  for (const shape of HOSTILE_SHAPES) {
    const cells: string[] = [];
    const ms: number[] = [];
    for (const size of SIZES) {
      const text = shape.build(size);
      const r = timeShape(text, 3);
      ms.push(r.ms);
      cells.push(r.error ? `error: ${r.error.slice(0, 60)}` : `${r.ms.toFixed(0)} ms`);
      process.stderr.write(`${shape.name} ${size}: ${cells.at(-1)}\n`);
    }
    const ratio = ms[2]! / ms[1]!;
    rows.push(`| ${shape.name} | ${shape.description} | ${cells.join(' | ')} | ${Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '-'} | ${(ms[2]! / 4).toFixed(0)} ms/MB |`);
  }
  // The load average says how much else the machine was doing: a shared machine makes single timings noisy.
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at the end`;
  const body = [
    `Measured by \`npm run bench\` (bench/hostile-bench.ts) on ${new Date().toISOString().slice(0, 10)}: ${machine}.`,
    'Each hostile shape of bench/hostile-shapes.ts (a real fixture with the pattern inserted to the given size), from bytes',
    'in memory through parse and extract; median of 3 runs. Linear time means the 4 MB time is about 4× the',
    '1 MB time. Before issue 11 these took 5–19 s at 200 KB or less, or crashed.',
    '',
    '| shape | what | 100 KB | 1 MB | 4 MB | 4 MB / 1 MB | at 4 MB |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  // Its own marked block: a heading search once let the parse section's rewrite swallow this one (and the next).
  writeBenchmarkSection(join(packageRoot(), 'BENCHMARKS.md'), 'hostile', `## Hostile input\n\n${body}`);
  process.stdout.write(`${body}\n`);
}
