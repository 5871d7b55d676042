/**
 * `edgar-extract <accession | file | directory>...`: store every input in one database, as a batch.
 *
 * Work: worker threads parse and extract (`--jobs`, default the available cores), this thread is the one writer
 * (src/batch/). Filings are stored and reported in input order (directories in sorted path order).
 * Output, made for one filing as for a hundred thousand:
 *   - a per-filing summary on stdout for up to SUMMARY_LIMIT inputs, or for every input with --verbose;
 *   - --json: a JSON array streamed one filing at a time; --json-lines: one compact JSON object per line (NDJSON);
 *   - on stderr, progress for larger batches (a bar on a terminal, else a line every few percent), one line per
 *     failed input, and a final summary: outcomes (stored, unchanged, …), failures by code, warnings by code;
 *   - --quiet: only the failed inputs' lines.
 * A failed input never stops the batch. Exit code: 0, else the highest of the failed inputs' codes (1 an input that
 * cannot be read, 2 a configuration error such as a missing EDGAR_USER_AGENT, 3 a network failure).
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ingestMany, type BatchInput, type BatchItem } from '../batch/ingest-many.js';
import { isAccessionNumber } from '../fetch/accession.js';
import { formatClock, ProgressReporter, type ProgressStream } from '../fetch/progress.js';
import { resolveAccession } from '../fetch/resolve.js';
import { listInputFiles } from '../input-files.js';
import type { IngestResult } from '../pipeline.js';
import { openDatabase } from '../store/database.js';
import type { StoreOutcome } from '../store/database.js';
import { packageRoot } from './package-root.js';
import { filingJson, formatFilingSummary } from './summary.js';

export interface IngestCommandOptions {
  /** Accession numbers, files and directories, in the order given. */
  inputs: string[];
  db: string;
  /** A JSON array of the records on stdout (streamed), instead of summaries. */
  json: boolean;
  /** One JSON object per filing per line (NDJSON); wins over `json`. */
  jsonLines?: boolean;
  /** Worker threads; default the available cores. 0 runs everything on the main thread. */
  jobs?: number;
  /** Only failures on stderr; no summaries, progress or totals. */
  quiet?: boolean;
  /** A summary for every filing, however many. */
  verbose?: boolean;
  /** Refetch accession numbers even when cached. */
  refresh?: boolean;
  /** Progress as a bar or as lines; default: whether stderr is a terminal. */
  progressTty?: boolean;
}

export interface IngestCommandIo {
  stdout: { write(chunk: string): unknown };
  stderr: ProgressStream;
  env: NodeJS.ProcessEnv;
}

/** Up to this many inputs, each gets its summary (and no progress display is needed). */
export const SUMMARY_LIMIT = 5;
/** Failure and warning codes listed in the final summary (the rest are counted together). */
const CODES_SHOWN = 12;

/** A command-line mistake (exit 2). */
export class IngestUsageError extends Error {}

export async function runIngestCommand(options: IngestCommandOptions, io: IngestCommandIo): Promise<number> {
  if (options.inputs.length === 0) throw new IngestUsageError('nothing to do: give an accession number, a file or a directory');
  const jobs = options.jobs ?? availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 0) throw new IngestUsageError(`--jobs must be a whole number ≥ 0, not ${options.jobs}`);
  // Every retry of a fetch is visible: one stderr line each.
  const inputs = expandInputs(options.inputs, io.env, Boolean(options.refresh), (line) => void io.stderr.write(`${line}\n`));
  const total = inputs.length;
  const summaries = !options.quiet && !options.json && !options.jsonLines && (options.verbose || total <= SUMMARY_LIMIT);
  const jsonMode = options.jsonLines ? 'lines' : options.json ? 'array' : null;
  const wantDetail = summaries || jsonMode !== null;

  const outcomes = new Map<string, number>();
  const failures = new Map<string, number>();
  const warnings = new Map<string, number>();
  let failed = 0;
  let exitCode = 0;
  let completed = 0;
  const startedAt = Date.now();
  const showProgress = !options.quiet && (total > SUMMARY_LIMIT || options.verbose === true) && !summaries;
  const progress = showProgress
    ? new ProgressReporter({
        total,
        stream: io.stderr,
        ...(options.progressTty !== undefined ? { isTTY: options.progressTty } : {}),
        lineEveryPercent: 5,
        extra: () => orderedOutcomes(outcomes).map(([k, n]) => `${k} ${n}`).concat(`failed ${failed}`).join(', '),
      })
    : null;
  const say = (line: string): void => {
    if (progress) progress.log(line);
    else io.stderr.write(`${line}\n`);
  };

  let firstJson = true;
  if (jsonMode === 'array') io.stdout.write('[');
  const db = openDatabase(options.db);
  try {
    await ingestMany(db, inputs, {
      jobs,
      detail: () => wantDetail,
      onItem: (item: BatchItem) => {
        completed += 1;
        if (item.ok) {
          const name = outcomeName(item.store);
          outcomes.set(name, (outcomes.get(name) ?? 0) + 1);
          for (const [code, n] of Object.entries(item.warningCodes)) warnings.set(code, (warnings.get(code) ?? 0) + n);
          if (item.detail) {
            const result: IngestResult = { accessionNumber: item.accessionNumber, submission: item.detail.submission, extracted: item.detail.extracted, store: item.store };
            if (jsonMode === 'lines') io.stdout.write(`${JSON.stringify(filingJson(result))}\n`);
            else if (jsonMode === 'array') {
              io.stdout.write(`${firstJson ? '\n' : ',\n'}${JSON.stringify(filingJson(result), null, 2)}`);
              firstJson = false;
            } else if (summaries) io.stdout.write(`${formatFilingSummary(result.submission, result)}\n\n`);
          }
        } else {
          failed += 1;
          exitCode = Math.max(exitCode, item.failure.exitCode);
          failures.set(item.failure.code, (failures.get(item.failure.code) ?? 0) + 1);
          say(item.failure.typed ? item.failure.message : `${item.failure.message} (an internal error: please report it)`);
        }
        progress?.update({ accession: item.name, outcome: item.ok ? 'stored' : 'failed', origin: null, completed, total });
      },
    });
  } finally {
    db.close();
    if (jsonMode === 'array') io.stdout.write(firstJson ? ']\n' : '\n]\n');
  }
  progress?.finish();
  if (!options.quiet) io.stderr.write(`${formatIngestSummary({ total, outcomes, failed, failures, warnings, elapsedMs: Date.now() - startedAt, db: options.db })}\n`);
  return exitCode;
}

/** A store outcome's name for the counts: what the store did (stored, replaced, refreshed, unchanged, kept-existing). */
export function outcomeName(store: StoreOutcome): string {
  return store.action;
}

export interface IngestSummary {
  total: number;
  outcomes: ReadonlyMap<string, number>;
  failed: number;
  failures: ReadonlyMap<string, number>;
  warnings: ReadonlyMap<string, number>;
  elapsedMs: number;
  db: string;
}

/** The end-of-batch report, a few lines whatever the batch's size. */
export function formatIngestSummary(s: IngestSummary): string {
  const seconds = s.elapsedMs / 1000;
  const counts = orderedOutcomes(s.outcomes).map(([name, n]) => `${name} ${n}`);
  counts.push(`failed ${s.failed}`);
  const lines = [`${s.total} input(s) in ${formatClock(seconds)} (${seconds > 0 ? (s.total / seconds).toFixed(1) : '–'}/s) into ${s.db}: ${counts.join(', ')}`];
  if (s.failures.size > 0) lines.push(`  failures by code: ${byCount(s.failures)}`);
  if (s.warnings.size > 0) lines.push(`  warnings by code: ${byCount(s.warnings)}`);
  return lines.join('\n');
}

/** Outcomes in a fixed order (new rows first), any other outcome name after them. */
const OUTCOME_ORDER = ['stored', 'replaced', 'unchanged', 'kept-existing'];

function orderedOutcomes(outcomes: ReadonlyMap<string, number>): [string, number][] {
  const rank = (name: string): number => {
    const i = OUTCOME_ORDER.indexOf(name);
    return i < 0 ? OUTCOME_ORDER.length : i;
  };
  return [...outcomes].sort((a, b) => rank(a[0]) - rank(b[0]));
}

function byCount(counts: ReadonlyMap<string, number>): string {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = sorted.slice(0, CODES_SHOWN).map(([code, n]) => `${code} ${n}`);
  const rest = sorted.slice(CODES_SHOWN).reduce((n, [, k]) => n + k, 0);
  if (rest > 0) shown.push(`${sorted.length - CODES_SHOWN} other codes ${rest}`);
  return shown.join(', ');
}

/**
 * The arguments → inputs, checked before any work starts (a typo is a usage error, not a failed input):
 * a file, every file under a directory (sorted), or an accession number (resolved when its turn comes).
 */
function expandInputs(args: readonly string[], env: NodeJS.ProcessEnv, refresh: boolean, log: (line: string) => void): BatchInput[] {
  const inputs: BatchInput[] = [];
  for (const input of args) {
    if (existsSync(input)) {
      const files = statSync(input).isDirectory() ? listInputFiles(input) : [input];
      for (const path of files) inputs.push({ name: path, path });
      continue;
    }
    if (isAccessionNumber(input)) {
      inputs.push({
        name: input,
        fetch: async () => {
          const resolved = await resolveAccession(input, { samplesDir: join(packageRoot(), 'samples'), refresh, env, clientOptions: { log } });
          return { name: resolved.path, bytes: resolved.bytes };
        },
      });
      continue;
    }
    throw new IngestUsageError(`${input}: no such file or directory, and not an accession number (##########-##-######)`);
  }
  return inputs;
}
