/**
 * `npm run bench:scale`: batches of thousands of filings through the real executable, as a user runs it.
 *
 * Inputs: N distinct synthetic submissions (bench/synthetic-corpus.ts: corpus/sc13 under new accession numbers),
 * generated once into a temporary folder. For each N (default 1,000, 5,000 and 20,000) and each worker count
 * (--jobs 1 and all cores), one run of `dist/src/cli.js <folder> --db <fresh db> --jobs J` reports filings/s, peak
 * RSS (VmHWM of the process, threads included), RSS at 10/50/90% of the run (flat memory means these stay level),
 * the lines it printed, and whether every filing was stored.
 * Side by side: the release built at peers/release (EDGAR_RELEASE_DIR overrides; e.g. commit daeceb2 built in an
 * ignored folder) and this build, on the same 2,000 inputs, interleaved for --rounds rounds so that a busy machine
 * slows both alike; skipped with a note when that folder is absent.
 * BENCHMARKS.md: the sizes go in its `bench:scale` block and the side by side in `bench:scale-compare`, each rewritten
 * only by a run that measures it (`--sizes ''` runs only the side by side, `--compare 0` only the sizes).
 *
 * usage: node dist/bench/scale-bench.js [--sizes 1000,5000,20000] [--jobs 1,all] [--compare 2000] [--rounds 2]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { packageRoot } from '../src/cli/package-root.js';
import { writeBenchmarkSection } from './benchmarks-file.js';
import { loadSources, syntheticCorpus } from './synthetic-corpus.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,20000' },
    jobs: { type: 'string', default: '1,all' },
    compare: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '2' },
    dir: { type: 'string' },
  },
});
const root = packageRoot();
const cores = availableParallelism();
const sizes = values.sizes!.split(',').filter(Boolean).map(Number);
const jobsList = values.jobs!.split(',').filter(Boolean).map((j) => (j === 'all' ? cores : Number(j)));
const compareN = Number(values.compare);
const rounds = Number(values.rounds);
const releaseDir = process.env.EDGAR_RELEASE_DIR ?? join(root, 'peers', 'release');
const haveRelease = existsSync(join(releaseDir, 'dist', 'src', 'cli.js'));

const sharedCorpus = join(root, '..', 'shared', 'corpus');
const sc13 = existsSync(join(sharedCorpus, 'sc13')) ? join(sharedCorpus, 'sc13') : join(root, 'test', 'fixtures', 'sc13');
const sources = loadSources(sc13, join(sharedCorpus, 'RESERVED.tsv'));
const workDir = values.dir ?? join(tmpdir(), 'edgar-scale-bench');
const loadBefore = loadavg();
console.error(`generating up to ${Math.max(...sizes, compareN)} synthetic submissions from ${sources.length} files of ${sc13} in ${workDir} …`);
const folders = syntheticCorpus(sources, workDir, [...new Set([...sizes, ...(compareN > 0 ? [compareN] : [])])]);

interface RunResult {
  label: string;
  n: number;
  jobs: number | null;
  seconds: number;
  rate: number;
  peakMb: number;
  rssAt: number[];
  lines: number;
  stored: number;
  exitCode: number | null;
}

function vm(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

async function runCli(label: string, cli: string, n: number, jobs: number | null): Promise<RunResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'edgar-scale-db-'));
  const db = join(scratch, 'bench.db');
  const args = [cli, folders.get(n)!, '--db', db, ...(jobs === null ? [] : ['--jobs', String(jobs)])];
  const started = process.hrtime.bigint();
  const samples: { t: number; rss: number }[] = [];
  let peak = 0;
  let lines = 0;
  const child = spawn(process.execPath, args, { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
  const count = (chunk: Buffer): void => {
    for (const byte of chunk) if (byte === 10) lines += 1;
  };
  child.stdout.on('data', count);
  child.stderr.on('data', count);
  const poll = setInterval(() => {
    const v = vm(child.pid!);
    if (!v) return;
    peak = Math.max(peak, v.hwm);
    samples.push({ t: Number(process.hrtime.bigint() - started) / 1e9, rss: v.rss });
  }, 100);
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  clearInterval(poll);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sql = new Database(db, { readonly: true });
  const stored = sql.prepare('SELECT count(*) FROM filings').pluck().get() as number;
  sql.close();
  rmSync(scratch, { recursive: true, force: true });
  const rssAt = [0.1, 0.5, 0.9].map((f) => samples.filter((s) => s.t <= seconds * f).at(-1)?.rss ?? 0);
  const result = { label, n, jobs, seconds, rate: n / seconds, peakMb: peak, rssAt, lines, stored, exitCode };
  console.error(`${label} n=${n} jobs=${jobs ?? '-'}: ${seconds.toFixed(1)} s, ${result.rate.toFixed(1)}/s, peak ${peak.toFixed(0)} MB, ${lines} lines, stored ${stored}, exit ${exitCode}`);
  return result;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mb = (x: number): string => `${x.toFixed(0)} MB`;

const thisCli = join(root, 'dist', 'src', 'cli.js');
const results: RunResult[] = [];
const side: RunResult[] = [];
let planned = sizes.length * jobsList.length;

// Side by side first, then the sizes in increasing order; BENCHMARKS.md is rewritten after every run, so a long
// session that is cut short still records what it measured (and says what is missing).
if (haveRelease && compareN > 0) {
  for (let r = 0; r < rounds; r += 1) {
    side.push(await runCli('release', join(releaseDir, 'dist', 'src', 'cli.js'), compareN, null));
    side.push(await runCli('this build', thisCli, compareN, null));
    report();
  }
}
for (const n of sizes) {
  for (const jobs of jobsList) {
    results.push(await runCli('this build', thisCli, n, jobs));
    planned -= 1;
    report();
  }
}
report(true);

/** The machine and load, for both sections (a loaded machine makes rates lower and noisier). */
function machineLines(): string[] {
  const loadAfter = loadavg();
  return [
    `Measured by \`npm run bench:scale\` (bench/scale-bench.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
    `Load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before and ${loadAfter.map((l) => l.toFixed(1)).join(' ')} after: ${loadAfter[0]! > cores ? 'the machine was shared with other work during these runs, so rates are lower and noisier than on an idle machine; compare figures within this section only' : 'a quiet machine'}.`,
    `Inputs: distinct synthetic submissions (${sources.length} files of corpus/sc13 round-robin, each under a new accession number), one run each through the built executable into a fresh database.`,
  ];
}

/**
 * Rewrite this run's blocks of BENCHMARKS.md: `scale` (sizes) when sizes were asked for, `scale-compare` (side by
 * side) when a comparison was; a run of only one kind (e.g. `--sizes ''`) leaves the other block as it was.
 */
function report(print = false): void {
  const out: string[] = [];
  if (sizes.length > 0) {
    const lines = [
      '## Batches at scale',
      '',
      ...machineLines(),
      'Peak RSS is the process\'s VmHWM (all threads); "RSS at 10/50/90%" samples the resident size at those points of the run (level figures = flat memory).',
      '',
      '| inputs | --jobs | time | filings/s | peak RSS | RSS at 10/50/90% | lines printed | stored |',
      '|---:|---:|---:|---:|---:|---|---:|---:|',
      ...results.map((r) => `| ${r.n.toLocaleString('en-US')} | ${r.jobs === cores ? `${r.jobs} (all)` : r.jobs} | ${r.seconds.toFixed(1)} s | ${r.rate.toFixed(1)} | ${mb(r.peakMb)} | ${r.rssAt.map((x) => x.toFixed(0)).join(' / ')} MB | ${r.lines} | ${r.stored === r.n ? `all ${r.stored}` : `${r.stored} of ${r.n}`} |`),
      ...(planned > 0 ? [`(${planned} planned run(s) not yet done when this was written.)`] : []),
      '',
    ];
    writeBenchmarkSection(join(root, 'BENCHMARKS.md'), 'scale', lines.join('\n'));
    out.push(...lines);
  }
  if (compareN > 0) {
    const lines = ['### Side by side with the release', ''];
    if (side.length > 0) {
      const rel = side.filter((r) => r.label === 'release');
      const cur = side.filter((r) => r.label === 'this build');
      lines.push(
        ...machineLines(),
        `The release (${releaseDir}) and this build, ${compareN.toLocaleString('en-US')} inputs, default options, ${rel.length} of ${rounds} interleaved round(s) done (release, this build, release, …):`,
        '',
        '| build | runs (filings/s) | median filings/s | peak RSS (max) | lines printed | stored |',
        '|---|---|---:|---:|---:|---:|',
        ...[
          ['release', rel],
          ['this build', cur],
        ]
          .filter(([, rs]) => (rs as RunResult[]).length > 0)
          .map(([name, rs]) => {
            const runs = rs as RunResult[];
            return `| ${name as string} | ${runs.map((r) => r.rate.toFixed(1)).join(', ')} | ${median(runs.map((r) => r.rate)).toFixed(1)} | ${mb(Math.max(...runs.map((r) => r.peakMb)))} | ${runs[0]!.lines} | ${runs.every((r) => r.stored === compareN) ? `all ${compareN}` : runs.map((r) => r.stored).join(', ')} |`;
          }),
        '',
        cur.length > 0 && rel.length > 0 ? `Throughput ratio (medians): ${(median(cur.map((r) => r.rate)) / median(rel.map((r) => r.rate))).toFixed(2)}×.` : 'Throughput ratio: not yet measured.',
        '',
      );
    } else {
      lines.push(`Not measured (${haveRelease ? 'not yet run' : `no release build at ${releaseDir}; build commit daeceb2 there, e.g. \`git archive daeceb2 | tar -x -C peers/release && cd peers/release && npm run build\``}).`, '');
    }
    writeBenchmarkSection(join(root, 'BENCHMARKS.md'), 'scale-compare', lines.join('\n'));
    out.push(...lines);
  }
  if (print) console.log(out.join('\n'));
}
