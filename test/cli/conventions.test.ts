/**
 * The command line's conventions (issue 14, and issue 11's one-line errors): help per command, `help <command>`,
 * -V, did-you-mean, exit codes, shared options, one vocabulary for JSON, `show`, search and sql output rules,
 * identity and tickers for EDGAR, the 13D default of `cik`. Each `it` is one convention.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { reportError, runProgram } from '../../src/cli/program.js';
import { resolveUserAgent } from '../../src/fetch/client.js';
import { allTables } from '../../src/store/migrations.js';
import { EdgarTestServer, generateFilings } from '../helpers/edgar-server.js';

const SAMPLE = 'samples/0001125282-03-003998.txt';
const ACCESSION = '0001125282-03-003998';
const USER_AGENT = 'edgar-extract tests tests@example.com';

class Out {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns?: number,
  ) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

async function cli(argv: string[], options: { env?: NodeJS.ProcessEnv; tty?: boolean; columns?: number; stdin?: string } = {}) {
  const stdout = new Out(options.tty ?? false, options.columns);
  const stderr = new Out(options.tty ?? false, options.columns);
  const io: CliIo = { stdout, stderr, env: options.env ?? {}, ...(options.stdin !== undefined ? { stdin: Readable.from([options.stdin]) } : {}) };
  const code = await runCli(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edgar-conventions-'));
  db = join(dir, 'edgar.db');
  expect((await cli([SAMPLE, '--db', db, '--quiet'])).code).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one framework for every command', () => {
  it('prints help per command, with `help <command>` and `<command> --help` alike', async () => {
    const viaHelp = await cli(['help', 'sql']);
    const viaFlag = await cli(['sql', '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: edgar-extract sql \[options\] \[query\]/);
    expect(viaHelp.stdout).toContain('--param');
    expect(viaHelp.stdout).toContain('Examples:');
    expect(viaFlag.stdout).toBe(viaHelp.stdout);
    for (const command of ['ingest', 'parse', 'cik', 'show', 'search', 'export', 'datasette-metadata', 'completion']) {
      const r = await cli(['help', command]);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(new RegExp(`^Usage: edgar-extract ${command}`));
    }
  });

  it('prints the version with -V and --version', async () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    expect(await cli(['-V'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await cli(['--version'])).stdout).toBe(`${version}\n`);
  });

  it('suggests the command or option meant, and exits 2', async () => {
    const command = await cli(['serch', 'waiver']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'serch' (Did you mean search?)");
    const help = await cli(['help', 'serch']);
    expect(help.code).toBe(2);
    expect(help.stderr).toContain("no command 'serch' (Did you mean search?)");
    const option = await cli(['sql', 'SELECT 1', '--fromat', 'csv', '--db', db]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/unknown option '--fromat'\n\(Did you mean --format\?\)/);
    // Node's own wording had an unbalanced quote; commander's is balanced.
    expect(option.stderr).not.toMatch(/'--fromat[^']*$/m);
  });

  it('declares the shared options once: the same text in every command that takes them', async () => {
    const lines = new Set<string>();
    for (const command of ['ingest', 'show', 'sql', 'search', 'export', 'cik']) {
      const help = (await cli(['help', command])).stdout;
      const db = help.split('\n').find((l) => l.trimStart().startsWith('--db'));
      expect(db, command).toBeDefined();
      lines.add(db!.trim().replace(/\s+/g, ' '));
    }
    expect([...lines]).toEqual(['--db <file> SQLite database (default: "edgar.db")']);
    for (const command of ['ingest', 'cik']) expect((await cli(['help', command])).stdout).toContain('--user-agent <ua>');
    // And the parse tree in the database's vocabulary too.
    const tree = JSON.parse((await cli(['parse', SAMPLE, '--json'])).stdout) as Record<string, unknown>;
    expect(JSON.stringify(tree)).not.toMatch(/"[a-z]+[A-Z]\w*":/);
  });

  it('ends every error in one line and a documented exit code, with a stack trace only under --debug', async () => {
    const missing = await cli(['parse', join(dir, 'no-such-file.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`edgar-extract parse: ${join(dir, 'no-such-file.txt')}: no such file\n`);
    const directory = await cli(['parse', dir]);
    expect(directory.code).toBe(2);
    expect(directory.stderr.trim().split('\n')).toHaveLength(1);
    expect(directory.stderr).toContain('is a directory');
    const quiet = new Out();
    expect(reportError(new TypeError('boom'), { stdout: new Out(), stderr: quiet, env: {} })).toBe(1);
    expect(quiet.text).toBe('edgar-extract: internal error: boom (run again with --debug for the stack trace)\n');
    const debug = new Out();
    reportError(new TypeError('boom'), { stdout: new Out(), stderr: debug, env: {} }, true);
    expect(debug.text).toMatch(/TypeError: boom\n\s+at /);
  });
});

describe('registering a command', () => {
  it('every command is parsed by the framework: its help shows commander\'s usage, its options and examples (none parses its own argv)', async () => {
    for (const def of COMMANDS) {
      const out = new Out();
      expect(await runProgram(COMMANDS, ['help', def.name], { stdout: out, stderr: new Out(), env: {} }), def.name).toBe(0);
      expect(out.text, def.name).toMatch(new RegExp(`^Usage: edgar-extract ${def.name} \\[options\\]`));
      expect(out.text, def.name).toContain('-h, --help');
      expect(out.text, def.name).toContain('Examples:');
    }
  });
});

describe('ingesting files', () => {
  it('takes --forms and --since for files and directories, as cik does', async () => {
    const only = join(dir, 'filtered.db');
    const r = await cli(['test/fixtures/full', SAMPLE, '--db', only, '--forms', 'SC 13D,SC 13D/A', '--since', '1995-01-01', '--verbose', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^skipped .*0000950117-01-501696\.txt: 8-K filed 2001-11-26 is outside --forms\/--since$/m);
    expect(r.stderr).toMatch(/^reading .*0001125282-03-003998\.txt$/m);
    const stored = new Database(only, { readonly: true });
    const rows = stored.prepare('SELECT form_type, filed_at FROM filings ORDER BY filed_at').all() as { form_type: string; filed_at: string }[];
    stored.close();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(['SC 13D', 'SC 13D/A']).toContain(row.form_type);
      expect(row.filed_at >= '1995-01-01').toBe(true);
    }
    expect(rows.map((row) => row.filed_at)).toContain('2003-06-25');
  });

  it('a mistyped input left an empty database behind; inputs are checked before it is opened', async () => {
    const typo = join(dir, 'typo.db');
    const r = await cli([SAMPLE, 'samples/no-such-file.txt', '--db', typo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('edgar-extract: samples/no-such-file.txt: no such file or directory, and not an accession number (##########-##-######)\n');
    expect(existsSync(typo)).toBe(false);
  });

  it('--quiet prints nothing on success; without it a summary and a count', async () => {
    const quiet = await cli([SAMPLE, '--db', join(dir, 'quiet.db'), '--quiet']);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    const loud = await cli([SAMPLE, '--db', join(dir, 'loud.db')]);
    expect(loud.stdout).toContain(`${ACCESSION}  SC 13D/A`);
    expect(loud.stderr).toMatch(/^1 input\(s\) in .*: stored 1, failed 0\n/);
  });
});

describe('one vocabulary', () => {
  it('ingest --json uses the database column names (snake_case)', async () => {
    const r = await cli([SAMPLE, '--db', join(dir, 'json.db'), '--json']);
    expect(r.code).toBe(0);
    const [filing] = JSON.parse(r.stdout) as Record<string, Record<string, unknown>[]>[];
    const columns = new Map(allTables().map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
    for (const table of ['reporting_persons', 'schedule13', 'holdings', 'notes', 'waivers']) {
      const rows = filing![table]!;
      expect(rows.length, table).toBeGreaterThan(0);
      for (const key of Object.keys(rows[0]!)) expect(columns.get(table)!.has(key) || !/[A-Z]/.test(key), `${table}.${key}`).toBe(true);
      for (const key of Object.keys(rows[0]!)) expect(key).not.toMatch(/[A-Z]/);
    }
    expect(filing!.reporting_persons![0]!.sole_voting_power).toBe(4413110);
  });
});

describe('show', () => {
  it('prints the stored summary from the database, with no re-parse (the source file is gone)', async () => {
    const copy = join(dir, 'copy.txt');
    writeFileSync(copy, readFileSync(SAMPLE));
    const only = join(dir, 'show.db');
    expect((await cli([copy, '--db', only, '--quiet'])).code).toBe(0);
    rmSync(copy);
    const r = await cli(['show', ACCESSION, '--db', only]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${ACCESSION}  SC 13D/A  filed 2003-06-25`);
    expect(r.stdout).toMatch(/1\s+FLEMING US DISCOVERY FUND III, L\.P\.\s+a\s+WC\s+DELAWARE\s+4,413,110/);
    const json = JSON.parse((await cli(['show', ACCESSION, '--db', only, '--json'])).stdout) as Record<string, Record<string, unknown>[]>;
    expect(json.reporting_persons![0]!.sole_voting_power).toBe(4413110);
    const absent = await cli(['show', '0000000001-01-000001', '--db', only]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain('is not stored');
  });

  it('--evidence prints each value beside its source words, cut from the span', async () => {
    const r = await cli(['show', ACCESSION, '--db', db, '--evidence']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^reporting_persons #1 \(document 1\)$/m);
    expect(r.stdout).toMatch(/^ {2}sole_voting_power = 4413110 {2}← "4,413,110" {2}\[\d+, \d+\)$/m);
    expect(r.stdout).toMatch(/^ {2}event_date = 2001-02-16 {2}← "February 16, 2001"/m);
    const evidence = JSON.parse((await cli(['show', ACCESSION, '--db', db, '--evidence', '--json'])).stdout) as { field: string; source: string; span_start: number; span_end: number }[];
    const vote = evidence.find((e) => e.field === 'sole_voting_power')!;
    expect(vote.source).toBe('4,413,110');
    expect(vote.span_end - vote.span_start).toBe(vote.source.length);
  });
});

describe('search', () => {
  it('finds text that is not FTS syntax (AT&T) as written', async () => {
    const att = join(dir, 'att.db');
    expect((await cli(['test/fixtures/full/0000950117-01-501696.txt', '--db', att, '--quiet'])).code).toBe(0);
    const r = await cli(['search', 'AT&T', '--db', att, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { accession_number: string }[])[0]!.accession_number).toBe('0000950117-01-501696');
  });

  it('exits 1 when nothing matches', async () => {
    const r = await cli(['search', 'zeppelin', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('no document matches "zeppelin"\n');
  });

  it('explains an FTS syntax error instead of echoing SQLite', async () => {
    const r = await cli(['search', 'AT&T', '--raw', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^edgar-extract search: FTS5 cannot read the query near "&"\. .*double quotes \("AT&T"\)/);
  });

  it('highlights matches only on a terminal, in plain bold, never with **', async () => {
    const tty = await cli(['search', 'anti-dilution', '--db', db, '--limit', '1'], { tty: true });
    // eslint-disable-next-line no-control-regex -- ESC is the ANSI bold sequence under test
    expect(tty.stdout).toMatch(/\u001b\[1manti-dilution\u001b\[22m/i);
    expect(tty.stdout).not.toContain('**');
    const noColor = await cli(['search', 'anti-dilution', '--db', db, '--limit', '1'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const json = await cli(['search', 'anti-dilution', '--db', db, '--json'], { tty: true });
    // eslint-disable-next-line no-control-regex -- no ANSI escape may reach JSON
    expect(json.stdout).not.toMatch(/\*\*|\u001b/);
  });
});

describe('sql output', () => {
  it('binds --param NAME VALUE and reads the query from a file or standard input', async () => {
    const byParam = await cli(['sql', 'SELECT form_type FROM filings WHERE accession_number = :acc', '--param', 'acc', ACCESSION, '--db', db, '--format', 'csv']);
    expect(byParam).toMatchObject({ code: 0, stdout: 'form_type\r\nSC 13D/A\r\n' });
    const file = join(dir, 'query.sql');
    writeFileSync(file, '-- how many filings?\nSELECT count(*) AS n FROM filings\n');
    expect((await cli(['sql', '--file', file, '--db', db, '--format', 'csv'])).stdout).toBe('n\r\n1\r\n');
    expect((await cli(['sql', '-', '--db', db, '--format', 'csv'], { stdin: 'SELECT 41 + 1 AS answer' })).stdout).toBe('answer\r\n42\r\n');
  });

  it('prints NDJSON, one object a line', async () => {
    const r = await cli(['sql', 'SELECT ordinal, name FROM reporting_persons ORDER BY ordinal', '--db', db, '--format', 'ndjson']);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      { ordinal: 1, name: 'FLEMING US DISCOVERY FUND III, L.P.' },
      { ordinal: 2, name: 'FLEMING US DISCOVERY OFFSHORE FUND III, L.P.' },
    ]);
  });

  it('groups digits only in share and money columns, and shows NULL apart from a stored -', async () => {
    const r = await cli(['sql', "SELECT 4413110 AS sole_voting_power, 12345 AS span_start, NULL AS percent_of_class, '-' AS dash", '--db', db]);
    const row = r.stdout.split('\n')[2]!;
    expect(row).toMatch(/4,413,110\s+12345\s+NULL\s+-$/);
  });

  it('fits the terminal, and --wide turns that off', async () => {
    const query = 'SELECT accession_number, name, citizenship, type_of_reporting_person FROM reporting_persons ORDER BY ordinal';
    const fitted = await cli(['sql', query, '--db', db], { tty: true, columns: 60 });
    for (const line of fitted.stdout.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(fitted.stdout).toContain('…');
    const wide = await cli(['sql', query, '--db', db, '--wide'], { tty: true, columns: 60 });
    expect(wide.stdout).toContain('FLEMING US DISCOVERY OFFSHORE FUND III, L.P.');
  });
});

describe('EDGAR identity, tickers and the 13D default', () => {
  const fixture = new Uint8Array(readFileSync('test/fixtures/fetch/0002006228-23-000001.txt'));
  const filings = generateFilings(fixture, 8, { cik: '1854583', forms: ['SC 13D', '4', 'SCHEDULE 13G/A', '8-K'] });
  // Filed by the company itself, so its archive folder is the one the accession number names.
  const own = generateFilings(fixture, 1, { cik: '1854583', filerPrefix: '0001854583', year: '23' })[0]!;
  let server: EdgarTestServer;
  let cache: string;

  beforeAll(async () => {
    server = await new EdgarTestServer({ filings: [...filings, own], tickers: [{ cik_str: 1854583, ticker: 'TEST', title: 'Test Filer Inc' }] }).listen();
    cache = join(dir, 'cache');
  });
  afterAll(async () => server?.close());

  it('accepts EDGAR_IDENTITY (edgartools\' name) as an alias of EDGAR_USER_AGENT', () => {
    expect(resolveUserAgent({ env: { EDGAR_IDENTITY: USER_AGENT } })).toBe(USER_AGENT);
    expect(resolveUserAgent({ env: { EDGAR_IDENTITY: 'x y@example.com', EDGAR_USER_AGENT: USER_AGENT } })).toBe(USER_AGENT);
  });

  it('takes --user-agent wherever EDGAR is reached: the default command fetching an accession', async () => {
    const env = { ...server.env, EDGAR_CACHE_DIR: join(dir, 'ua-cache') };
    const without = await cli([own.accessionNumber, '--db', join(dir, 'ua.db')], { env });
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('EDGAR_IDENTITY');
    const r = await cli([own.accessionNumber, '--db', join(dir, 'ua.db'), '--user-agent', USER_AGENT, '--quiet'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(server.requests.at(-1)!.userAgent).toBe(USER_AGENT);
  });

  it('resolves a ticker through company_tickers.json, cached for a day', async () => {
    server.resetLog();
    const env = { ...server.env, EDGAR_CACHE_DIR: cache, EDGAR_IDENTITY: USER_AGENT };
    const first = await cli(['cik', 'test', '--db', join(dir, 'ticker.db'), '--forms', 'all', '--limit', '1'], { env });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('TEST is CIK 1854583 (Test Filer Inc)');
    expect(server.requestsTo('/files/company_tickers.json')).toHaveLength(1);
    expect((await cli(['cik', 'TEST', '--db', join(dir, 'ticker.db'), '--limit', '1'], { env })).code).toBe(0);
    expect(server.requestsTo('/files/company_tickers.json')).toHaveLength(1);
    const unknown = await cli(['cik', 'NOPE', '--db', join(dir, 'ticker.db')], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no company with ticker NOPE');
  });

  it('cik keeps the 13D/13G family by default and everything with --forms all', async () => {
    const env = { ...server.env, EDGAR_CACHE_DIR: cache, EDGAR_USER_AGENT: USER_AGENT };
    const family = await cli(['cik', '1854583', '--db', join(dir, 'family.db')], { env });
    expect(family.stderr).toMatch(/: 5 of 9 listed filings match \(forms SC 13D, /);
    const all = await cli(['cik', '1854583', '--db', join(dir, 'all.db'), '--forms', 'all'], { env });
    expect(all.stderr).toMatch(/: 9 of 9 listed filings match$/m);
  });
});

describe('exit code 3: EDGAR unreachable', () => {
  it('ends an accession fetch and a cik listing with one line and exit 3 when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(probe.address() as { port: number }).port}`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const env = { EDGAR_BASE_URL: url, EDGAR_DATA_URL: url, EDGAR_USER_AGENT: USER_AGENT, EDGAR_CACHE_DIR: join(dir, 'down-cache') };
    const accession = await cli(['0000950117-01-501696', '--db', join(dir, 'down.db')], { env });
    expect(accession.code).toBe(3);
    // One line per retry, then the input's one failure line (a batch goes on past it), then the batch summary.
    expect(accession.stderr).toMatch(/^retrying .*\n0000950117-01-501696: NETWORK_ERROR: cannot reach 127\.0\.0\.1:\d+: .*ECONNREFUSED.*\n.*failed 1\n/);
    const cik = await cli(['cik', '925528', '--db', join(dir, 'down.db')], { env });
    expect(cik.code).toBe(3);
    expect(cik.stderr).toMatch(/could not list filings of CIK 925528: cannot reach/);
  }, 30_000);
});

describe('completion', () => {
  it('prints a script listing the commands and each command\'s options, from the same registry', async () => {
    const r = await cli(['completion']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('complete -o default -F _edgar_extract edgar-extract');
    expect(r.stdout).toMatch(/compgen -W "ingest parse cik index feed show sql search export reprocess serve report datasette-metadata completion help/);
    expect(r.stdout).toMatch(/ {4}sql\) opts="--db --json --format --file --param --timeout --wide --help" ;;/);
  });
});

describe('files the read commands leave', () => {
  it('sql creates no -wal or -shm files beside a database it only reads', async () => {
    const folder = join(dir, 'quiet-read');
    mkdirSync(folder);
    const only = join(folder, 'e.db');
    expect((await cli([SAMPLE, '--db', only, '--quiet'])).code).toBe(0);
    // A writer that has closed leaves the database alone in its folder.
    new Database(only).close();
    expect(readdirSync(folder)).toEqual(['e.db']);
    expect((await cli(['sql', 'SELECT count(*) FROM filings', '--db', only])).code).toBe(0);
    expect((await cli(['search', 'waiver', '--db', only])).code).toBe(0);
    expect(readdirSync(folder)).toEqual(['e.db']);
    expect(existsSync(`${only}-wal`)).toBe(false);
  });
});

describe('docs', () => {
  it('docs/schema.md keeps FTS internals out of its overview', () => {
    const overview = readFileSync('docs/schema.md', 'utf8').split('<!-- reference:start -->')[0]!;
    expect(overview).toContain('## Conventions');
    for (const internal of ['_fts', 'document_text', 'fts5', 'FTS5', '_data', '_idx', '_docsize', 'shadow']) expect(overview, internal).not.toContain(internal);
  });
});
