/**
 * `edgar-extract cik`: argument parsing, the usage errors (no User-Agent, unknown CIK), exit codes, and the issue's
 * acceptance run — 200 filings under one CIK stored at close to 10 requests/second with no answer over the limit,
 * interrupted halfway by Ctrl-C and rerun: only the rest is fetched and exactly 200 filings end up stored.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CIK_USAGE, executeCikCommand, parseCikArgs, runCikCommand, type CikCommandDeps } from '../../src/cli/cik-command.js';
import { RateLimiter } from '../../src/fetch/rate-limiter.js';
import { EdgarTestServer, generateFilings, startEdgarServer } from '../helpers/edgar-server.js';

const fixture = new Uint8Array(readFileSync(new URL('../fixtures/fetch/0002006228-23-000001.txt', import.meta.url)));
const USER_AGENT = 'edgar-extract tests tests@example.com';
const filings = generateFilings(fixture, 200);
const CIK = filings[0]!.cik;

class Output {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

let server: EdgarTestServer;
let cacheDir: string;
// Tests in this file run one after another in one process, so they share one limiter (as one CLI process would);
// the acceptance test gives each of its two runs its own, as two processes would have.
const limiter = new RateLimiter();

function deps(overrides: Partial<CikCommandDeps> = {}) {
  const stdout = new Output();
  const stderr = new Output();
  const stored = new Set<string>();
  const calls: string[] = [];
  const base: CikCommandDeps = {
    storage: {
      isStored: (accession) => stored.has(accession),
      processFiling: (accession) => {
        calls.push(accession);
        stored.add(accession);
      },
    },
    env: { ...server.env, EDGAR_USER_AGENT: USER_AGENT, EDGAR_CACHE_DIR: cacheDir },
    stdout,
    stderr,
    interrupts: null,
    // A short block pause, so a mistake shows up as a failed assertion rather than a 10-minute hang.
    clientOptions: { limiter, initialBackoffMs: 10, blockPauseMs: 2000, log: (line) => stderr.write(`${line}\n`) },
    ...overrides,
  };
  return { deps: base, stdout, stderr, stored, calls };
}

beforeAll(async () => {
  server = await startEdgarServer({ filings, names: { [CIK]: 'Collective Audience, Inc.' } });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.requests.length = 0;
  cacheDir = await mkdtemp(join(tmpdir(), 'edgar-cik-'));
  return () => rm(cacheDir, { recursive: true, force: true });
});

describe('parseCikArgs', () => {
  it('reads every option, in both --opt value and --opt=value forms', () => {
    expect(
      parseCikArgs([
        '0001854583',
        '--forms',
        'SC 13D, SC 13D/A',
        '--since=2024-01-01',
        '--until',
        '2024-06-30',
        '--limit',
        '5',
        '--concurrency=8',
        '--db',
        'out.db',
        '--refresh',
        '--user-agent',
        'Jane jane@example.com',
      ]),
    ).toEqual({
      cik: '1854583',
      forms: ['SC 13D', 'SC 13D/A'],
      since: '2024-01-01',
      until: '2024-06-30',
      limit: 5,
      concurrency: 8,
      db: 'out.db',
      refresh: true,
      userAgent: 'Jane jane@example.com',
      help: false,
    });
    expect(parseCikArgs(['320193'])).toMatchObject({ cik: '320193', db: './edgar.db', concurrency: 4, refresh: false });
  });

  it.each([
    [[], /missing <CIK>/],
    [['1', '2'], /one CIK at a time/],
    [['12345678901'], /not a CIK/],
    [['1', '--frobnicate'], /unknown option --frobnicate/],
    [['1', '--since', '2024-02-30'], /YYYY-MM-DD/],
    [['1', '--limit', '-3'], /--limit/],
    [['1', '--concurrency', '0'], /--concurrency/],
    [['1', '--forms'], /--forms needs a value/],
    [['1', '--db', '--refresh'], /--db needs a value/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCikArgs(argv)).toThrow(message);
  });
});

describe('runCikCommand', () => {
  it('prints help and exits 0', async () => {
    const t = deps();
    expect(await runCikCommand(['--help'], t.deps)).toBe(0);
    expect(t.stdout.text).toContain(CIK_USAGE.split('\n')[0]);
  });

  it('exits 2 without EDGAR_USER_AGENT, says how to set it, and touches neither network nor database', async () => {
    let opened = false;
    const t = deps({
      env: { ...server.env, EDGAR_CACHE_DIR: cacheDir },
      storage: () => {
        opened = true;
        return { isStored: () => false, processFiling: () => undefined };
      },
    });
    expect(await runCikCommand([CIK], t.deps)).toBe(2);
    expect(t.stderr.text).toMatch(/declared User-Agent.*export EDGAR_USER_AGENT=.*--user-agent/s);
    expect(server.requests).toHaveLength(0);
    expect(opened).toBe(false);
  });

  it('exits 2 for a CIK EDGAR does not know', async () => {
    const t = deps();
    expect(await runCikCommand(['42'], t.deps)).toBe(2);
    expect(t.stderr.text).toMatch(/no submissions for CIK 42/);
  });

  it('exits 3 when the listing cannot be fetched', async () => {
    server.inject(/^\/submissions\/CIK/, { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    const t = deps();
    t.deps.clientOptions = { ...t.deps.clientOptions, maxAttempts: 2 };
    expect(await runCikCommand([CIK], t.deps)).toBe(3);
    expect(t.stderr.text).toMatch(/could not list filings of CIK 1854583.*503/);
  });

  it('exits 1 when filings fail to process, listing each failure', async () => {
    const t = deps({
      storage: {
        isStored: () => false,
        processFiling: () => {
          throw Object.assign(new Error('no schedule found'), { code: 'NO_SCHEDULE' });
        },
      },
    });
    expect(await runCikCommand([CIK, '--limit', '2'], t.deps)).toBe(1);
    expect(t.stdout.text).toMatch(/failed 2/);
    expect(t.stdout.text).toMatch(/0009999999-24-000001 \(process, NO_SCHEDULE\): no schedule found/);
  });

  it('filters, shows progress lines off a terminal, and a bar on one', async () => {
    const plain = deps();
    expect(await runCikCommand([CIK, '--forms', 'SC 13D', '--since', '2024-06-20'], plain.deps)).toBe(0);
    expect(plain.stderr.text).toContain('Collective Audience, Inc. (CIK 1854583): 3 of 200 listed filings match (forms SC 13D, SCHEDULE 13D; since 2024-06-20)');
    // Filings finish in whatever order their workers get through; the count goes up one line at a time.
    // (Matched line by line: under a loaded machine another notice may come between two progress lines.)
    expect(plain.stderr.text).toMatch(/^\[1\/3 33% [\d.]+\/s ETA [\d:-]+\] 0009999999-24-00000[159] stored \(fetched\)$/m);
    expect(plain.stderr.text).toMatch(/^\[2\/3 66% [\d.]+\/s ETA [\d:-]+\] 0009999999-24-00000[159] stored \(fetched\)$/m);
    expect(plain.stderr.text).toMatch(/^\[3\/3 100% [\d.]+\/s ETA [\d:-]+\] 0009999999-24-00000[159] stored \(fetched\)$/m);
    expect(plain.stdout.text).toMatch(/^Done: 3 filings — fetched 3, from cache 0, stored 3, already stored 0, failed 0/);

    const tty = deps({ isTTY: true });
    expect(await runCikCommand([CIK, '--forms', 'SC 13D', '--since', '2024-06-20'], tty.deps)).toBe(0);
    expect(tty.stderr.text).toMatch(/\r\x1b\[2KCIK 1854583 \[#+\] 3\/3 100% [\d.]+\/s ETA 0:00 {2}fetched 0, cache 3, skipped 0, failed 0/);
  });
});

describe('acceptance: 200 filings, interrupted halfway, rerun', () => {
  it('stores all 200 at close to 10 requests/second, never over, fetching each filing once', async () => {
    // Let the earlier tests' requests leave the server's one-second window, then count from zero.
    await new Promise((r) => setTimeout(r, 1100));
    server.resetLog();
    const interrupts = new EventEmitter();
    const first = deps({ interrupts });
    first.deps.clientOptions = { ...first.deps.clientOptions, limiter: new RateLimiter() };
    const stored = first.stored;
    const calls = first.calls;
    // The user presses Ctrl-C once 100 filings are stored.
    first.deps.storage = {
      isStored: (accession) => stored.has(accession),
      processFiling: (accession) => {
        calls.push(accession);
        stored.add(accession);
        if (stored.size === 100) interrupts.emit('SIGINT');
      },
    };
    const run1 = await executeCikCommand([CIK, '--forms', 'all'], first.deps);
    expect(run1.exitCode).toBe(130);
    expect(first.stderr.text).toContain('Interrupted: finishing the filings already downloading');
    expect(first.stdout.text).toMatch(/^Interrupted: 200 filings — fetched \d+, from cache 0, stored \d+/);
    expect(first.stdout.text).toContain('Run the same command again to resume');
    expect(interrupts.listenerCount('SIGINT')).toBe(0);
    const storedAfterRun1 = stored.size;
    expect(storedAfterRun1).toBeGreaterThanOrEqual(100);
    expect(storedAfterRun1).toBeLessThan(110);
    const fetchedInRun1 = server.requestsTo('/Archives/').length;

    // A new process: its own limiter, the same cache and database.
    const second = deps();
    second.deps.clientOptions = { ...second.deps.clientOptions, limiter: new RateLimiter() };
    second.deps.storage = first.deps.storage;
    const run2 = await executeCikCommand([CIK, '--forms', 'all'], second.deps);
    expect(run2.exitCode).toBe(0);
    expect(run2.summary).toMatchObject({ total: 200, skipped: storedAfterRun1, stored: 200 - storedAfterRun1, fromCache: 0, failed: [] });
    expect(run2.summary!.fetched).toBe(200 - storedAfterRun1);
    expect(server.requestsTo('/Archives/').length - fetchedInRun1).toBe(200 - storedAfterRun1);

    // Exactly 200 filings stored, each once; each filing fetched once over both runs.
    expect(stored.size).toBe(200);
    expect(calls).toHaveLength(200);
    const perPath = new Map<string, number>();
    for (const r of server.requestsTo('/Archives/')) perPath.set(r.path, (perPath.get(r.path) ?? 0) + 1);
    expect(perPath.size).toBe(200);
    expect(Math.max(...perPath.values())).toBe(1);

    const all = server.requests;
    const maxInWindow = server.maxInWindow(1000);
    const rate = server.achievedRate(all);
    const run1Requests = all.slice(0, fetchedInRun1 + 2);
    const run2Requests = all.slice(fetchedInRun1 + 2);
    const rate1 = server.achievedRate(run1Requests);
    const rate2 = server.achievedRate(run2Requests);
    console.log(
      `200-filing run: ${all.length} requests (${fetchedInRun1} filings in run 1, ${200 - storedAfterRun1} in run 2, 4 submissions JSON), ` +
        `${rate.toFixed(2)} requests/s overall (run 1 ${rate1.toFixed(2)}/s, run 2 ${rate2.toFixed(2)}/s), ` +
        `max in any 1 s window: ${maxInWindow} overall, ${server.maxInWindow(1000, run1Requests)} in run 1, ` +
        `${server.maxInWindow(1000, run2Requests)} in run 2; ` +
        `${server.overLimit} answers over the limit, ${all.filter((r) => r.status !== 200).length} non-200`,
    );
    expect(server.overLimit).toBe(0);
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(maxInWindow).toBeLessThanOrEqual(10);
    expect(rate).toBeGreaterThan(8);
    expect(rate).toBeLessThanOrEqual(10);
  });
});
