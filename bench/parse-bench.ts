/**
 * `npm run bench`: parse speed from bytes in memory to the complete tree (header typed, every document envelope with
 * its body span), medians over repeated runs, written to BENCHMARKS.md with the machine it ran on.
 *
 * Cases (issue 2): the 1.7 MB 399-filer submission, the 2.4 MB PDS `.nc` file, and the sweep over every `.txt`/`.nc`
 * of corpus/sc13, full and nc (../shared/corpus when present, else the fixtures in test/fixtures). In the same run it
 * measures a naive peggy grammar (bench/naive-grammar.pegjs, which walks every character) on the same bytes, so the
 * speed-up is a ratio from one run on one machine. The pure-Python peer secsgml (github.com/john-friedman/secsgml) is
 * timed in the same session on the same files when a copy of it sits in peers/secsgml (ignored by git, never
 * committed; SECSGML_DIR overrides the place); without it the peer column says so.
 * Finally the whole pipeline (parse → extract → store into an in-memory SQLite) over the 13D/13G filings, in filings/s.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import peggy from 'peggy';
import { parseSubmission } from '../src/parse/index.js';
import { ingestSubmission } from '../src/pipeline.js';
import { openDatabase } from '../src/store/database.js';
import { packageRoot } from '../src/cli/package-root.js';
import { writeBenchmarkSection } from './benchmarks-file.js';

const root = packageRoot();
const sharedCorpus = join(root, '..', 'shared', 'corpus');
const haveCorpus = existsSync(sharedCorpus);
const corpusDir = haveCorpus ? sharedCorpus : join(root, 'test', 'fixtures');

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median milliseconds of `fn` over `runs` runs after `warmup` unmeasured ones. */
function time(fn: () => void, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i += 1) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
}

function listFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function locate(relative: string): string {
  const inCorpus = join(sharedCorpus, relative);
  return existsSync(inCorpus) ? inCorpus : join(root, 'test', 'fixtures', relative);
}

const naiveParser = peggy.generate(readFileSync(join(root, 'bench', 'naive-grammar.pegjs'), 'utf8'));
const parseNaive = (bytes: Buffer): unknown => naiveParser.parse(bytes.toString('latin1'));

interface Row {
  name: string;
  bytes: number;
  ms: number;
  naiveMs: number | null;
  peerMs: number | null;
  targetMs: number | null;
}

/** The peer's median ms per case, timed now on the same files (null: no peer copy, or python3 missing). */
const peerDir = process.env.SECSGML_DIR ?? join(root, 'peers', 'secsgml');
function timePeer(cases: { name: string; files: string[]; runs: number; warmup: number }[]): { ms: Map<string, number>; note: string } {
  if (!existsSync(join(peerDir, 'secsgml', 'parse_sgml.py'))) return { ms: new Map(), note: `peer not measured: no copy of secsgml at ${peerDir} (see BENCHMARKS.md)` };
  const run = spawnSync('python3', [join(root, 'bench', 'secsgml-peer.py'), peerDir], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) return { ms: new Map(), note: `peer not measured: python3 failed (${(run.stderr || String(run.error)).trim().split('\n').pop()})` };
  const out = JSON.parse(run.stdout) as { python: string; cases: { name: string; ms: number; failures: number }[] };
  const failed = out.cases.filter((c) => c.failures > 0).map((c) => `${c.name}: ${c.failures} file(s) raised`);
  return { ms: new Map(out.cases.map((c) => [c.name, c.ms])), note: `peer: secsgml at ${peerDir}, Python ${out.python}, timed in this run${failed.length ? `; ${failed.join('; ')}` : ''}` };
}

const rows: Row[] = [];
const bigPath = locate('full/0001193125-25-120935.txt');
const ncPath = locate('nc/0000774352-01-000002.nc');
const sweepPaths = ['sc13', 'full', 'nc'].flatMap((d) => listFiles(join(corpusDir, d), /\.(txt|nc)$/));
const big = readFileSync(bigPath);
const nc = readFileSync(ncPath);
const sweepFiles = sweepPaths.map((f) => readFileSync(f));
const sweepBytes = sweepFiles.reduce((n, b) => n + b.length, 0);
const parseSweep = (): void => {
  for (const b of sweepFiles) parseSubmission(b);
};

// edgar-extract and the peer take turns, ROUNDS times, so that a machine busy with other work slows both alike;
// each figure is the median of the rounds' medians.
const ROUNDS = 5;
const ours = { big: [] as number[], nc: [] as number[], sweep: [] as number[] };
const theirs = { big: [] as number[], nc: [] as number[], sweep: [] as number[] };
let peerNote = '';
for (let round = 0; round < ROUNDS; round += 1) {
  const peer = timePeer([
    { name: 'big', files: [bigPath], runs: 7, warmup: 2 },
    { name: 'nc', files: [ncPath], runs: 7, warmup: 2 },
    { name: 'sweep', files: sweepPaths, runs: 1, warmup: 1 },
  ]);
  peerNote = peer.note;
  for (const k of ['big', 'nc', 'sweep'] as const) if (peer.ms.has(k)) theirs[k].push(peer.ms.get(k)!);
  ours.big.push(time(() => parseSubmission(big), 9));
  ours.nc.push(time(() => parseSubmission(nc), 9));
  ours.sweep.push(time(parseSweep, 3, 1));
}
const peerMs = (k: keyof typeof theirs): number | null => (theirs[k].length ? median(theirs[k]) : null);
rows.push({ name: '399-filer submission full/0001193125-25-120935.txt', bytes: big.length, ms: median(ours.big), naiveMs: time(() => parseNaive(big), 5, 1), peerMs: peerMs('big'), targetMs: 8 });
rows.push({ name: 'PDS file nc/0000774352-01-000002.nc', bytes: nc.length, ms: median(ours.nc), naiveMs: time(() => parseNaive(nc), 5, 1), peerMs: peerMs('nc'), targetMs: nc.length / 1e9 * 1000 });
rows.push({
  name: `sweep: ${sweepFiles.length} .txt/.nc files of sc13/, full/, nc/${haveCorpus ? '' : ' (test/fixtures: ../shared/corpus absent)'}`,
  bytes: sweepBytes,
  ms: median(ours.sweep),
  naiveMs: time(() => {
    for (const b of sweepFiles) parseNaive(b);
  }, 3, 1),
  peerMs: peerMs('sweep'),
  targetMs: haveCorpus ? 170 : null,
});

// The whole pipeline over Schedule 13D/13G filings, stored into an in-memory database (one transaction per filing).
const sc13 = listFiles(join(corpusDir, 'sc13'), /\.txt$/).map((f) => ({ name: f, bytes: readFileSync(f) }));
const pipelineMs = time(() => {
  const db = openDatabase(':memory:');
  for (const f of sc13) ingestSubmission(db, f.bytes, { sourceName: f.name });
  db.close();
}, 5, 1);

const mbps = (bytes: number, ms: number): string => `${(bytes / 1e6 / (ms / 1e3)).toFixed(0)} MB/s`;
const fmt = (ms: number | null): string => (ms === null ? '–' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '## Parse speed',
  '',
  `Measured by \`npm run bench\` (bench/parse-bench.ts) on ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end.`,
  `Times are from bytes in memory to the complete tree: edgar-extract and the peer take turns for ${ROUNDS} rounds (each round: the peer`,
  '7 runs per file and 1 sweep, then edgar-extract 9 runs per file and 3 sweeps, after warm-up); each figure is the median of the',
  'rounds\' medians, so a machine busy with other work slows both alike.',
  '"naive peggy" is bench/naive-grammar.pegjs — the same container structure written the obvious way, one rule call per',
  'character — measured in the same run. The Python peer is secsgml (`parse_sgml_content_into_memory` on the same bytes in',
  'memory), run by bench/secsgml-peer.py in the same session.',
  `${peerNote}.`,
  '',
  '| case | bytes | edgar-extract | throughput | naive peggy | speed-up vs naive (same run) | secsgml (same run) | vs peer | target |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) =>
    `| ${r.name} | ${r.bytes.toLocaleString('en-US')} | ${fmt(r.ms)} ms | ${mbps(r.bytes, r.ms)} | ${fmt(r.naiveMs)} ms | ${r.naiveMs ? `${(r.naiveMs / r.ms).toFixed(1)}×` : '–'} | ${r.peerMs === null ? '–' : `${fmt(r.peerMs)} ms`} | ${r.peerMs === null ? '–' : `${(r.peerMs / r.ms).toFixed(1)}×${r.peerMs / r.ms >= 3 ? ' ✓' : ' ✗ (goal ≥ 3×)'}`} | ${r.targetMs === null ? '–' : `≤ ${fmt(r.targetMs)} ms${r.ms <= r.targetMs ? ' ✓' : ' ✗'}`} |`,
  ),
  '',
  `Whole pipeline (parse → extract → store, in-memory SQLite) over ${sc13.length} Schedule 13D/13G submissions of ${haveCorpus ? 'corpus/sc13' : 'test/fixtures/sc13'}: ${fmt(pipelineMs)} ms, ${(sc13.length / (pipelineMs / 1e3)).toFixed(0)} filings/s.`,
  '',
];
writeBenchmarkSection(join(root, 'BENCHMARKS.md'), 'parse', lines.join('\n'));
console.log(lines.join('\n'));
