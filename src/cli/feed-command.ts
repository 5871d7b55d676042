/**
 * `edgar-extract feed --date YYYY-MM-DD [--forms LIST|all] [--db FILE] [--refresh] [--user-agent UA]`: one day of
 * EDGAR's PDS Feed (`Archives/edgar/Feed/{YYYY}/QTR{n}/{YYYYMMDD}.nc.tar.gz`, every submission disseminated that day),
 * downloaded once through the polite client into the cache (`{cache}/feed/`), then read as a stream: each member's
 * `.nc` header is read first and only the selected forms (default: Schedules 13D and 13G, both eras' names) are
 * kept and stored. DELETION and CORRECTION notices are recorded in `feed_notices` whatever their form.
 * Resumable: the archive is cached (and only renamed into the cache when complete), filings already stored are
 * skipped, so rerunning after Ctrl-C or a crash only does what is left. Ctrl-C stops after the member in hand.
 * Exit codes: 0 done, 1 some members failed to process, 2 usage error, 3 the archive could not be fetched or read,
 * 130 interrupted. The command framework (program.ts) parses the options and prints the help; this module checks
 * their values.
 */
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Option } from 'commander';
import { isFetchError, isNotFoundError, isParseError, isValidationError } from '../errors/index.js';
import { defaultCacheDir } from '../fetch/cache.js';
import { EdgarClient, type EdgarClientOptions } from '../fetch/client.js';
import { quarterOf } from '../fetch/full-index.js';
import { parseFormsOption } from '../fetch/index-listing.js';
import { formsSelectionOption } from './index-command.js';
import type { ProgressStream } from '../fetch/progress.js';
import { expandForms, isIsoDate } from '../fetch/submissions.js';
import { ingestArchiveMember } from '../input/archive-ingest.js';
import { readArchiveMembers, type MemberHeader } from '../input/feed-archive.js';
import type { EdgarDatabase } from '../store/database.js';
import { UsageError, type CliIo, type ParsedCommand, type SharedOptions } from './command-registry.js';
import type { InterruptSource } from './fetch-batch.js';

/** The options of `feed` as the command framework parses them (values checked by feedArgs). */
export interface FeedOptions {
  date?: string;
  forms?: string;
  refresh?: boolean;
}

export interface FeedCommandArgs {
  date: string;
  /** null = every form. */
  forms: string[] | null;
  db: string;
  refresh: boolean;
  userAgent?: string;
}

export interface FeedCommandDeps {
  /** Open the database the filings go into. */
  openDatabase: (path: string) => EdgarDatabase;
  env?: NodeJS.ProcessEnv;
  stdout?: ProgressStream;
  stderr?: ProgressStream;
  signal?: AbortSignal;
  interrupts?: InterruptSource | null;
  clientOptions?: EdgarClientOptions;
  cacheDir?: string;
  /** Receives the run's summary (the exit code alone is what the command returns). */
  onResult?: (result: FeedCommandResult) => void;
}

export interface FeedSummary {
  archive: string;
  /** Members read (submission files of the archive). */
  members: number;
  /** Members of the selected forms. */
  selected: number;
  stored: number;
  /** Already stored by an earlier run. */
  skipped: number;
  /** Deletion and correction notices recorded. */
  notices: number;
  failed: { member: string; error: Error }[];
  downloaded: boolean;
  interrupted: boolean;
}

export interface FeedCommandResult {
  exitCode: number;
  summary: FeedSummary | null;
}

/** `{base}/Archives/edgar/Feed/{YYYY}/QTR{n}/{YYYYMMDD}.nc.tar.gz`. */
export function feedArchiveUrl(baseUrl: string, isoDay: string): string {
  const q = quarterOf(isoDay);
  return `${baseUrl}/Archives/edgar/Feed/${q.year}/QTR${q.quarter}/${isoDay.replace(/-/g, '')}.nc.tar.gz`;
}

/**
 * The `feed` command for the registry (commands.ts): the framework parses the options and prints the help; `deps`
 * makes the command's dependencies for the run's io.
 */
export function feedCommand(deps: (io: CliIo) => FeedCommandDeps): ParsedCommand<FeedOptions> {
  return {
    name: 'feed',
    summary: "fetch one day's PDS Feed archive and store the selected forms",
    description:
      "Download one day of EDGAR's Feed (every submission disseminated that day, as one .nc.tar.gz archive), then read\n" +
      'it as a stream and store the filings of the selected forms. Deletion and correction notices are recorded in the\n' +
      'feed_notices table. The archive is cached, and stored filings are skipped: rerun the same command to resume.\n' +
      'Environment: EDGAR_USER_AGENT or EDGAR_IDENTITY (required unless the archive is cached), EDGAR_CACHE_DIR, EDGAR_BASE_URL.',
    shared: ['db', 'userAgent'],
    configure: (cmd) => {
      cmd.addOption(new Option('--date <date>', 'the dissemination day, YYYY-MM-DD (required; weekends and holidays have no archive)'));
      cmd.addOption(formsSelectionOption());
      cmd.addOption(new Option('--refresh', 'download the archive again and reprocess stored filings'));
    },
    examples: ['edgar-extract feed --date 2024-12-13', 'edgar-extract feed --date 2024-12-13 --forms all --db day.db'],
    run: async (_args, options, io) => {
      const made = deps(io);
      const result = await executeFeedCommand(feedArgs(options), made);
      made.onResult?.(result);
      return result.exitCode;
    },
  };
}

/** The parsed options checked and resolved. Throws UsageError (exit 2) for a missing or malformed --date. */
export function feedArgs(options: FeedOptions & SharedOptions): FeedCommandArgs {
  if (options.date === undefined) throw new UsageError('feed needs --date YYYY-MM-DD (the dissemination day)');
  if (!isIsoDate(options.date)) throw new UsageError(`--date must be a date as YYYY-MM-DD, got "${options.date}"`);
  const db = options.db ?? 'edgar.db';
  if (db.trim() === '') throw new UsageError('--db needs a file name');
  return { date: options.date, forms: parseFormsOption(options.forms), db, refresh: Boolean(options.refresh), ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}) };
}

/** Fetch (or reuse) the day's archive and store the selected forms; the exit code with the run's summary. */
export async function executeFeedCommand(args: FeedCommandArgs, deps: FeedCommandDeps): Promise<FeedCommandResult> {
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  const env = deps.env ?? process.env;
  const fail = (exitCode: number, message: string, hint?: string): FeedCommandResult => {
    stderr.write(`edgar-extract feed: ${message}\n${hint ? `${hint}\n` : ''}`);
    return { exitCode, summary: null };
  };

  const controller = new AbortController();
  const signal = deps.signal ? AbortSignal.any([deps.signal, controller.signal]) : controller.signal;
  const interrupts = deps.interrupts === undefined ? process : deps.interrupts;
  const onInterrupt = (): void => {
    if (signal.aborted) process.exit(130);
    stderr.write('\nInterrupted: stopping after the filing in hand; rerun the same command to resume.\n');
    controller.abort(new DOMException('Interrupted', 'AbortError'));
  };
  interrupts?.on('SIGINT', onInterrupt);

  const fileName = `${args.date.replace(/-/g, '')}.nc.tar.gz`;
  const archivePath = join(deps.cacheDir ?? defaultCacheDir(env), 'feed', fileName);
  await sweepPartialDownloads(dirname(archivePath));
  let downloaded = false;
  let db: EdgarDatabase | undefined;
  try {
    if (args.refresh || !existsSync(archivePath)) {
      let client: EdgarClient;
      try {
        client = new EdgarClient({ env, log: (line) => void stderr.write(`${line}\n`), ...deps.clientOptions, ...(args.userAgent !== undefined ? { userAgent: args.userAgent } : {}) });
      } catch (error) {
        if (isValidationError(error)) return fail(2, error.message);
        throw error;
      }
      const url = feedArchiveUrl(client.hosts.baseUrl, args.date);
      stderr.write(`downloading ${url}\n`);
      try {
        const got = await client.download(url, archivePath, { signal });
        stderr.write(`downloaded ${(got.bytes / 1e6).toFixed(1)} MB to ${archivePath}\n`);
        downloaded = true;
      } catch (error) {
        if (signal.aborted) return fail(130, 'interrupted while downloading; nothing was stored');
        if (isNotFoundError(error)) return fail(3, `EDGAR has no Feed archive for ${args.date} (404 at ${url}); weekends and holidays have none`);
        if (isFetchError(error)) return fail(3, `could not download ${url}: ${error.message}`);
        throw error;
      }
    } else {
      stderr.write(`using the cached ${archivePath}\n`);
    }

    db = deps.openDatabase(args.db);
    const store = db;
    const wanted = args.forms === null ? null : expandForms(args.forms);
    const summary: FeedSummary = { archive: archivePath, members: 0, selected: 0, stored: 0, skipped: 0, notices: 0, failed: [], downloaded, interrupted: false };
    // Notices are kept whatever their form: a deletion of a form we never stored costs one row and says so.
    const select = (h: MemberHeader): boolean => {
      summary.members += 1;
      const chosen = h.notice !== null || wanted === null || (h.formType !== null && wanted.has(h.formType.replace(/\s+/g, ' ').toUpperCase()));
      if (chosen) summary.selected += 1;
      return chosen;
    };
    try {
      for await (const member of readArchiveMembers(archivePath, { archiveName: fileName, select })) {
        const accession = member.header.accessionNumber;
        if (!args.refresh && member.header.notice === null && accession !== null && store.hasFiling(accession)) {
          summary.skipped += 1;
        } else {
          try {
            const result = ingestArchiveMember(store, fileName, member);
            if (member.header.notice) summary.notices += 1;
            if (result !== null) summary.stored += 1;
          } catch (error) {
            if (!isParseError(error)) throw error;
            summary.failed.push({ member: member.name, error });
            stderr.write(`${error.format()}\n`);
          }
        }
        if (summary.selected % 100 === 0) stderr.write(`${fileName}: ${summary.members} read, ${summary.selected} selected, ${summary.stored} stored\n`);
        if (signal.aborted) {
          summary.interrupted = true;
          break;
        }
      }
    } catch (error) {
      if (isParseError(error)) {
        stderr.write(`${error.format()}\n`);
        stdout.write(`${formatFeedSummary(summary)}\n`);
        return { exitCode: 3, summary };
      }
      throw error;
    }
    stdout.write(`${formatFeedSummary(summary)}\n`);
    return { exitCode: summary.interrupted ? 130 : summary.failed.length ? 1 : 0, summary };
  } finally {
    interrupts?.off('SIGINT', onInterrupt);
    db?.close();
  }
}

/** Temporary files of downloads a killed run left behind (over an hour old, so a concurrent run's are safe). */
async function sweepPartialDownloads(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.tmp'))) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > 3_600_000) await rm(path, { force: true });
  }
}

export function formatFeedSummary(s: FeedSummary): string {
  return (
    `${s.archive}: ${s.members} submission(s) read, ${s.selected} selected, ${s.stored} stored, ${s.skipped} already stored, ` +
    `${s.notices} notice(s) recorded, ${s.failed.length} failed${s.interrupted ? ' (interrupted; rerun to resume)' : ''}`
  );
}
