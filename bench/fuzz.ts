#!/usr/bin/env node
/**
 * Fuzzing: seeded mutations of real submissions through parse → extract → store (an in-memory SQLite), counting
 * untyped errors (anything but an EdgarError: a defect) and the time of every input.
 *
 *   npm run fuzz -- --count 100000 [--start I] [--minutes M] [--corpus DIR …] [--seed N] [--only I] [--out FILE]
 *
 * Every mutation is reproducible from (seed, index): `--only I` replays mutation I alone and prints the error's stack.
 * `--start I` runs indices I … I+count-1, so one long run can be shared by processes (one per core):
 *   npm run fuzz -- --seed 7 --count 50000 & npm run fuzz -- --seed 7 --start 50000 --count 50000
 * Seeds: the files under test/fixtures, and ../shared/corpus when it is there (or the `--corpus` directories).
 * The CI test (test/parse/fuzz.test.ts) runs a few thousand of these on the small fixtures; `npm run fuzz` is the long
 * run whose result goes to BENCHMARKS.md under "Fuzz".
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/cli/package-root.js';
import { isEdgarError } from '../src/errors/index.js';
import { listInputFiles } from '../src/input-files.js';
import { ingestSubmission } from '../src/pipeline.js';
import { openDatabase, type EdgarDatabase } from '../src/store/database.js';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same mutations on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** Offsets of `<…>` tags in the input (at most the first 5,000, enough to choose from). */
function tagsOf(bytes: Buffer): { start: number; end: number }[] {
  const text = bytes.toString('latin1');
  const out: { start: number; end: number }[] = [];
  const re = /<\/?[A-Za-z][^<>\n]{0,80}>/g;
  for (let m = re.exec(text); m && out.length < 5000; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

const RUN_UNITS = [' ', '\t', '\n', '\r', '\r\n', '0', '.', '-', '(', ')', '<', '>', 'a', 'A ', '$', '%', '5.0% ', '1,000 ', 'Item 5. ', 'Exhibit 99.1 ', '<div>', '<td>', '</p>', '&#254;', '\u00a0'];

export interface Mutation {
  kind: string;
  bytes: Buffer;
}

/** One mutation of `input`, chosen and shaped by `rng`. */
export function mutate(input: Buffer, rng: Rng): Mutation {
  const at = (): number => int(rng, 0, input.length);
  const splice = (start: number, end: number, insert: Buffer | string): Buffer =>
    Buffer.concat([input.subarray(0, start), typeof insert === 'string' ? Buffer.from(insert, 'latin1') : insert, input.subarray(end)]);
  const kinds = ['byte-flips', 'truncate', 'tag-removed', 'tag-duplicated', 'tag-nested', 'tag-repeated', 'invalid-utf8', 'nul-bytes', 'cr-only', 'crlf', 'run', 'chunk-repeated'];
  const kind = pick(rng, kinds);
  switch (kind) {
    case 'byte-flips': {
      const out = Buffer.from(input);
      for (let n = int(rng, 1, 64); n > 0 && out.length > 0; n -= 1) out[int(rng, 0, out.length - 1)] = int(rng, 0, 255);
      return { kind, bytes: out };
    }
    case 'truncate':
      return { kind, bytes: input.subarray(0, at()) };
    case 'invalid-utf8': {
      const junk = Buffer.from(Array.from({ length: int(rng, 1, 400) }, () => int(rng, 0x80, 0xff)));
      const p = at();
      return { kind, bytes: splice(p, p, junk) };
    }
    case 'nul-bytes': {
      const p = at();
      return { kind, bytes: splice(p, p, Buffer.alloc(int(rng, 1, 5000))) };
    }
    case 'cr-only':
      return { kind, bytes: Buffer.from(input.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1') };
    case 'crlf':
      return { kind, bytes: Buffer.from(input.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1') };
    case 'run': {
      const p = at();
      return { kind, bytes: splice(p, p, pick(rng, RUN_UNITS).repeat(int(rng, 1_000, 60_000))) };
    }
    case 'chunk-repeated': {
      const s = at();
      const chunk = input.subarray(s, Math.min(input.length, s + int(rng, 1, 400)));
      return { kind, bytes: splice(s, s, Buffer.from(chunk.toString('latin1').repeat(int(rng, 2, 3_000)), 'latin1')) };
    }
    default: {
      const tags = tagsOf(input);
      if (tags.length === 0) return { kind: 'truncate', bytes: input.subarray(0, at()) };
      const t = pick(rng, tags);
      const tag = input.subarray(t.start, t.end).toString('latin1');
      if (kind === 'tag-removed') return { kind, bytes: splice(t.start, t.end, '') };
      if (kind === 'tag-duplicated') return { kind, bytes: splice(t.end, t.end, tag) };
      if (kind === 'tag-nested') {
        // The tag opened many times in a row (and, half the time, closed as many times): deep nesting.
        const n = int(rng, 10, 4_000);
        const close = tag.startsWith('</') ? '' : `</${tag.slice(1)}`;
        return { kind, bytes: splice(t.start, t.start, `${`${tag}\n`.repeat(n)}${rng() < 0.5 ? `${close}\n`.repeat(n) : ''}`) };
      }
      // tag-repeated: the tag again at random places.
      let out = input;
      for (let n = int(rng, 1, 200); n > 0; n -= 1) {
        const p = int(rng, 0, out.length);
        out = Buffer.concat([out.subarray(0, p), Buffer.from(tag, 'latin1'), out.subarray(p)]);
      }
      return { kind, bytes: out };
    }
  }
}

export interface FuzzFailure {
  index: number;
  seedFile: string;
  kind: string;
  error: string;
}

export interface FuzzReport {
  mutations: number;
  typedErrors: number;
  untyped: FuzzFailure[];
  /**
   * Inputs whose parse → extract → store took longer than `slowMs`, timed a second time at the end of the run
   * (`retimedMs`): on a shared machine one slow timing can be the machine, not the input. `overLimit` counts the
   * inputs slow both times.
   */
  slow: { index: number; seedFile: string; kind: string; ms: number; bytes: number; retimedMs?: number }[];
  overLimit: number;
  slowest: { index: number; seedFile: string; kind: string; ms: number; bytes: number } | null;
  byKind: Record<string, number>;
  totalMs: number;
}

export interface FuzzOptions {
  seedFiles: string[];
  count: number;
  /** The first mutation index (default 0): indices start … start+count-1. */
  start?: number;
  seed?: number;
  /** Run only this mutation index (to reproduce one). */
  only?: number;
  slowMs?: number;
  /** Called every `progressEvery` mutations. */
  onProgress?: (done: number, report: FuzzReport) => void;
  /** Called at once for every untyped error and every input over `slowMs` (so a long run's findings show as it goes). */
  onFinding?: (finding: string) => void;
  progressEvery?: number;
  /** Checked before each mutation: true ends the run early (the report then covers the mutations done). */
  shouldStop?: () => boolean;
}

/** The mutation at `index`: which seed file, and how it is damaged. */
export function mutationAt(seedFiles: readonly string[], seedBytes: (file: string) => Buffer, seed: number, index: number): { seedFile: string; mutation: Mutation } {
  const rng = random(seed * 1_000_003 + index);
  const seedFile = pick(rng, seedFiles);
  let mutation = mutate(seedBytes(seedFile), rng);
  // A third of the inputs get a second mutation on top of the first.
  if (rng() < 0.33) {
    const second = mutate(mutation.bytes, rng);
    mutation = { kind: `${mutation.kind}+${second.kind}`, bytes: second.bytes };
  }
  return { seedFile, mutation };
}

export function runFuzz(options: FuzzOptions): FuzzReport {
  const seed = options.seed ?? 1;
  const slowMs = options.slowMs ?? 2000;
  const cache = new Map<string, Buffer>();
  const seedBytes = (file: string): Buffer => {
    let b = cache.get(file);
    if (!b) cache.set(file, (b = readFileSync(file)));
    return b;
  };
  const report: FuzzReport = { mutations: 0, typedErrors: 0, untyped: [], slow: [], overLimit: 0, slowest: null, byKind: {}, totalMs: 0 };
  let db: EdgarDatabase = openDatabase(':memory:');
  const first = options.start ?? 0;
  const indices = options.only !== undefined ? [options.only] : Array.from({ length: options.count }, (_, i) => first + i);
  for (const index of indices) {
    if (options.shouldStop?.()) break;
    const { seedFile, mutation } = mutationAt(options.seedFiles, seedBytes, seed, index);
    const t0 = performance.now();
    try {
      ingestSubmission(db, new Uint8Array(mutation.bytes), { sourceName: `fuzz-${index}` });
    } catch (error) {
      if (isEdgarError(error)) report.typedErrors += 1;
      else {
        report.untyped.push({ index, seedFile, kind: mutation.kind, error: error instanceof Error ? (options.only !== undefined ? (error.stack ?? error.message) : `${error.name}: ${error.message}`.slice(0, 300)) : String(error) });
        options.onFinding?.(`untyped #${index} ${mutation.kind} of ${seedFile}: ${report.untyped.at(-1)!.error}`);
        // The database may be mid-transaction after a defect: start a fresh one.
        try {
          db.close();
        } catch {
          // already unusable
        }
        db = openDatabase(':memory:');
      }
    }
    const ms = performance.now() - t0;
    report.totalMs += ms;
    report.mutations += 1;
    report.byKind[mutation.kind] = (report.byKind[mutation.kind] ?? 0) + 1;
    const entry = { index, seedFile, kind: mutation.kind, ms: Math.round(ms), bytes: mutation.bytes.length };
    if (ms > slowMs) {
      report.slow.push(entry);
      options.onFinding?.(`slow #${index} ${mutation.kind} of ${seedFile}: ${entry.ms} ms, ${entry.bytes} bytes`);
    }
    if (!report.slowest || ms > report.slowest.ms) report.slowest = entry;
    if (options.onProgress && options.progressEvery && report.mutations % options.progressEvery === 0) options.onProgress(report.mutations, report);
  }
  for (const entry of report.slow) {
    const { mutation } = mutationAt(options.seedFiles, seedBytes, seed, entry.index);
    const t0 = performance.now();
    try {
      ingestSubmission(db, new Uint8Array(mutation.bytes), { sourceName: `fuzz-${entry.index}` });
    } catch {
      // counted the first time
    }
    entry.retimedMs = Math.round(performance.now() - t0);
    if (entry.retimedMs > slowMs) report.overLimit += 1;
  }
  db.close();
  return report;
}

/** The seed files: every file under the given directories that is a plausible submission (not a manifest). */
export function seedFilesUnder(dirs: readonly string[], maxBytes = Infinity): string[] {
  return dirs
    .flatMap((d) => (existsSync(d) ? listInputFiles(d) : []))
    .filter((f) => !/\.(tsv|md|json|pegjs)$/i.test(f) && statSync(f).size <= maxBytes)
    .sort();
}

export function formatFuzzReport(r: FuzzReport, seed: number): string {
  const s = r.slowest;
  return [
    `mutations: ${r.mutations} (seed ${seed})`,
    `typed errors (ParseError etc.): ${r.typedErrors}`,
    `untyped errors: ${r.untyped.length}`,
    ...r.untyped.slice(0, 20).map((u) => `  #${u.index} ${u.kind} of ${u.seedFile}: ${u.error}`),
    `inputs over 2 s: ${r.overLimit} (${r.slow.length} timed over 2 s once, then timed again)`,
    ...r.slow.slice(0, 20).map((x) => `  #${x.index} ${x.kind} of ${x.seedFile}: ${x.ms} ms, again ${x.retimedMs ?? '-'} ms, ${x.bytes} bytes`),
    `slowest input: ${s ? `#${s.index} ${s.kind} of ${s.seedFile}, ${s.ms} ms, ${s.bytes} bytes` : '-'}`,
    `mean: ${(r.totalMs / Math.max(1, r.mutations)).toFixed(1)} ms per input`,
  ].join('\n');
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) {
  const args = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const root = packageRoot();
  const corpusDirs = args.flatMap((a, i) => (args[i - 1] === '--corpus' ? [a] : []));
  const dirs = corpusDirs.length ? corpusDirs : [join(root, 'test', 'fixtures'), join(root, '..', 'shared', 'corpus')];
  const seedFiles = seedFilesUnder(dirs);
  const count = Number(value('--count') ?? 1000);
  const seed = Number(value('--seed') ?? 1);
  const only = value('--only') !== undefined ? Number(value('--only')) : undefined;
  const start = Number(value('--start') ?? 0);
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(count) || count < 0) {
    process.stderr.write('fuzz: --start and --count take whole numbers (0 or more)\n');
    process.exit(2);
  }
  const started = Date.now();
  // `--minutes M` ends a long run after M minutes with the report of what was done (the loop is synchronous, so a
  // signal could not stop it cleanly).
  const minutes = value('--minutes') !== undefined ? Number(value('--minutes')) : Infinity;
  const report = runFuzz({
    shouldStop: () => Date.now() - started > minutes * 60_000,
    seedFiles,
    count,
    start,
    seed,
    only,
    progressEvery: 1000,
    onFinding: (finding) => process.stderr.write(`${finding}\n`),
    onProgress: (done, r) => process.stderr.write(`${done}/${count}${start ? ` (from #${start})` : ''}: ${r.untyped.length} untyped, ${r.slow.length} over 2 s, slowest ${r.slowest?.ms ?? 0} ms (${((Date.now() - started) / 60000).toFixed(1)} min)\n`),
  });
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`;
  const text = `${report.mutations < count ? `stopped early: ${report.mutations} of ${count} mutations\n` : ''}${formatFuzzReport(report, seed)}\n${start ? `indices: ${start}…${start + report.mutations - 1}\n` : ''}seed files: ${seedFiles.length}\nwall time: ${((Date.now() - started) / 60000).toFixed(1)} min\nmachine: ${machine}\n`;
  process.stdout.write(text);
  const out = value('--out');
  if (out) writeFileSync(out, `${JSON.stringify({ ...report, seed, start, seedFiles: seedFiles.length, machine }, null, 1)}\n`);
  process.exit(report.untyped.length > 0 ? 1 : 0);
}
