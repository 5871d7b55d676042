/**
 * The commands of the CLI besides the default one (main.ts): the registry the framework (program.ts) builds its
 * parser, help and completion from. To add a command, write `src/cli/<name>-command.ts` and list it here:
 *   - parsed by the framework: export a `ParsedCommand` (name, summary, arguments, shared options, own options,
 *     examples, run(args, options, io)) and add it to COMMANDS;
 * No command parses its own argument list: the framework gives each the same help, usage errors and exit codes.
 */
import { Option } from 'commander';
import { ingestSubmission } from '../pipeline.js';
import { openDatabase } from '../store/database.js';
import { executeCikOptions, type CikOptions } from './cik-command.js';
import type { CommandDefinition, ParsedCommand } from './command-registry.js';
import { completionCommand } from './completion-command.js';
import { datasetteMetadataCommand } from './datasette-command.js';
import { exportCommand } from './export-command.js';
import { feedCommand } from './feed-command.js';
import { indexCommand } from './index-command.js';
import { reportCommand } from './report-command.js';
import { reprocessCommand } from './reprocess-command.js';
import { serveCommand } from './serve-command.js';
import { searchCommand } from './search-command.js';
import { showCommand } from './show-command.js';
import { sqlCommand } from './sql-command.js';

/** What the help shows as --forms' default; given as the value when --forms is not. */
const FORMS_DEFAULT = 'the 13D/13G family';

export const cikCommand: ParsedCommand<CikOptions> = {
  name: 'cik',
  summary: "fetch and store a company's 13D/13G filings by CIK or ticker (resumable)",
  description:
    'Fetch every Schedule 13D/13G filing (or with --forms, others) of a CIK listed by the SEC\'s submissions API,\n' +
    'then parse, extract and store each one. A ticker (AAPL) is looked up in EDGAR\'s company_tickers.json (cached\n' +
    'a day). Resumable: rerun the same command after an interruption; stored filings are skipped, cached ones not\n' +
    'refetched. Environment: EDGAR_USER_AGENT or EDGAR_IDENTITY (required), EDGAR_CACHE_DIR, EDGAR_BASE_URL.',
  arguments: ['<cik-or-ticker>'],
  shared: ['db', 'userAgent'],
  configure: (cmd) => {
    cmd.addOption(new Option('--forms <list>', 'form types to keep, comma-separated; all for every form').default(FORMS_DEFAULT));
    cmd.addOption(new Option('--since <date>', 'keep filings filed on or after YYYY-MM-DD'));
    cmd.addOption(new Option('--until <date>', 'keep filings filed on or before YYYY-MM-DD'));
    cmd.addOption(new Option('--limit <n>', 'keep only the N most recent matching filings'));
    cmd.addOption(new Option('--concurrency <n>', 'filings in flight at once (the rate stays under 10 requests/second)').default('4'));
    cmd.addOption(new Option('--refresh', 'refetch even cached filings and reprocess stored ones'));
  },
  examples: ['edgar-extract cik 925528 --since 2003-01-01', 'edgar-extract cik AAPL --forms all --limit 20 --user-agent "Jane Doe jane@example.com"'],
  run: (args, options, io) => {
    // The framework has checked the option names; cik-command.ts checks their values.
    const { forms, ...rest } = options;
    const given: CikOptions = { ...rest, db: options.db ?? 'edgar.db', ...(forms !== undefined && forms !== FORMS_DEFAULT ? { forms } : {}) };
    return executeCikOptions(args, given, {
      env: io.env,
      stdout: io.stdout,
      stderr: io.stderr,
      storage: (parsed) => sqliteBatchStorage(parsed.db),
    }).then((result) => result.exitCode);
  },
};

/** The SQLite store behind a fetch-and-store command (`cik`, `index`): skip what is stored, ingest the rest. */
function sqliteBatchStorage(path: string) {
  const db = openDatabase(path);
  return {
    isStored: (accession: string) => db.hasFiling(accession),
    processFiling: (accession: string, bytes: Uint8Array) => {
      ingestSubmission(db, bytes, { sourceName: accession });
    },
    close: () => db.close(),
  };
}

/** Every command but the default one, in the order the help lists them. */
export const COMMANDS: CommandDefinition[] = [
  cikCommand,
  indexCommand((io) => ({ env: io.env, stdout: io.stdout, stderr: io.stderr, storage: (args) => sqliteBatchStorage(args.db) })),
  feedCommand((io) => ({ env: io.env, stdout: io.stdout, stderr: io.stderr, openDatabase: (path) => openDatabase(path) })),
  showCommand,
  sqlCommand,
  searchCommand,
  exportCommand,
  reprocessCommand,
  serveCommand,
  reportCommand,
  datasetteMetadataCommand,
  completionCommand,
];
