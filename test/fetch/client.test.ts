/**
 * EdgarClient against a local EDGAR stand-in: declared User-Agent, retries (429 with Retry-After, 503, resets,
 * bodies cut mid-stream, slow bodies), refetch of answers that are not filings, 404s, and the SEC block that pauses
 * every worker. Block pauses and backoffs are shortened; the rate limiter is the real one.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchError, NotFoundError, ValidationError } from '../../src/errors/index.js';
import { runBatch } from '../../src/fetch/batch.js';
import { SubmissionCache } from '../../src/fetch/cache.js';
import { EdgarClient, type EdgarClientOptions } from '../../src/fetch/client.js';
import { RateLimiter } from '../../src/fetch/rate-limiter.js';
import { EdgarTestServer, UNDECLARED_TOOL_PAGE, generateFilings, startEdgarServer } from '../helpers/edgar-server.js';

const fixture = new Uint8Array(readFileSync(new URL('../fixtures/fetch/0002006228-23-000001.txt', import.meta.url)));
const USER_AGENT = 'edgar-extract tests tests@example.com';
const filings = generateFilings(fixture, 12);
const CIK = filings[0]!.cik;
const acc = (i: number) => filings[i]!.accessionNumber;
const pathOf = (i: number) => EdgarTestServer.filingPath(CIK, acc(i));

let server: EdgarTestServer;
let log: string[];
// One limiter for the whole file, as in production: the server counts every request, whichever test sent it.
const limiter = new RateLimiter();

function makeClient(options: EdgarClientOptions = {}): EdgarClient {
  return new EdgarClient({
    userAgent: USER_AGENT,
    env: server.env,
    limiter,
    initialBackoffMs: 20,
    maxBackoffMs: 200,
    blockPauseMs: 1500,
    log: (line) => log.push(line),
    ...options,
  });
}

beforeAll(async () => {
  server = await startEdgarServer({ filings });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  log = [];
  server.requests.length = 0;
  // A block test slows the shared limiter down on purpose; the next test starts at the default again.
  limiter.setRate(9);
});

describe('declared User-Agent', () => {
  it('sends it on every request and gets the exact bytes', async () => {
    const client = makeClient();
    const result = await client.fetchSubmission(acc(0), { cik: CIK });
    expect(Buffer.from(result.bytes).equals(Buffer.from(filings[0]!.bytes))).toBe(true);
    expect(result.url).toBe(`${server.url}${pathOf(0)}`);
    expect(server.requests.map((r) => r.userAgent)).toEqual([USER_AGENT]);
  });

  it('refuses to exist without one, so nothing reaches the network', () => {
    expect(() => new EdgarClient({ env: { ...server.env } })).toThrow(ValidationError);
    expect(() => new EdgarClient({ env: { ...server.env } })).toThrow(/EDGAR_USER_AGENT/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('retries', () => {
  it('retries 503s with backoff and succeeds', async () => {
    server.inject(pathOf(1), { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    const client = makeClient();
    const result = await client.fetchSubmission(acc(1), { cik: CIK });
    expect(result.bytes.byteLength).toBe(fixture.byteLength);
    expect(server.requests.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(client.stats).toMatchObject({ requests: 3, retries: 2 });
  });

  it('honours Retry-After on a 429 and holds the other workers too', async () => {
    server.inject(pathOf(2), { kind: 'status', status: 429, retryAfter: '1' });
    const client = makeClient();
    await Promise.all([client.fetchSubmission(acc(2), { cik: CIK }), client.fetchSubmission(acc(3), { cik: CIK })]);
    const first429 = server.requests.find((r) => r.status === 429)!;
    const later = server.requests.filter((r) => r.status === 200);
    expect(later).toHaveLength(2);
    // Both successful requests came after the Retry-After second, including the one that never got a 429.
    for (const r of later) expect(r.at - first429.at).toBeGreaterThanOrEqual(950);
  });

  it('retries a connection reset and a body cut mid-stream', async () => {
    server.inject(pathOf(4), { kind: 'reset' }, { kind: 'cut', afterBytes: 1000 });
    const client = makeClient();
    const result = await client.fetchSubmission(acc(4), { cik: CIK });
    expect(result.bytes.byteLength).toBe(fixture.byteLength);
    expect(server.requestsTo(pathOf(4))).toHaveLength(3);
    expect(client.stats.retries).toBe(2);
  });

  it('times out a slow body and retries', async () => {
    server.inject(pathOf(5), { kind: 'slow', delayMs: 1500 });
    const client = makeClient({ timeoutMs: 300 });
    const result = await client.fetchSubmission(acc(5), { cik: CIK });
    expect(result.bytes.byteLength).toBe(fixture.byteLength);
    expect(server.requestsTo(pathOf(5))).toHaveLength(2);
  });

  it('gives up after maxAttempts with the last failure code', async () => {
    server.inject(pathOf(6), ...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 503 })));
    const client = makeClient({ maxAttempts: 3 });
    const error = await client.fetchSubmission(acc(6), { cik: CIK }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 503, message: expect.stringContaining('gave up after 3 attempts') });
  });
});

describe('answers that are not filings', () => {
  it('refetches a truncated body once and takes the complete second answer', async () => {
    server.inject(pathOf(7), { kind: 'truncate', keepBytes: 3000 });
    const client = makeClient();
    const result = await client.fetchSubmission(acc(7), { cik: CIK });
    expect(result.bytes.byteLength).toBe(fixture.byteLength);
    expect(client.stats.refetches).toBe(1);
  });

  it.each([
    ['truncate', { kind: 'truncate', keepBytes: 3000 }, 'TRUNCATED_SUBMISSION'],
    ['html', { kind: 'html' }, 'NOT_A_FILING'],
    ['empty', { kind: 'empty' }, 'EMPTY_BODY'],
  ] as const)('reports %s after one refetch, with a code', async (_name, fault, code) => {
    server.inject(pathOf(8), fault, fault);
    const client = makeClient();
    await expect(client.fetchSubmission(acc(8), { cik: CIK })).rejects.toMatchObject({ code, url: `${server.url}${pathOf(8)}` });
    expect(server.requestsTo(pathOf(8))).toHaveLength(2);
  });

  it('treats 404 as final once every URL form has been tried', async () => {
    const client = makeClient();
    const error = await client.fetchSubmission('0001234567-24-000001', { cik: CIK }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    // Folder under the given CIK and under the transmitting CIK, then the short form under each; no retries.
    expect(server.requests.map((r) => r.path)).toEqual([
      `/Archives/edgar/data/${CIK}/000123456724000001/0001234567-24-000001.txt`,
      '/Archives/edgar/data/1234567/000123456724000001/0001234567-24-000001.txt',
      `/Archives/edgar/data/${CIK}/0001234567-24-000001.txt`,
      '/Archives/edgar/data/1234567/0001234567-24-000001.txt',
    ]);
  });
});

describe('the SEC block (403 "Request Rate Threshold Exceeded")', () => {
  let cacheDir: string;
  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'edgar-block-'));
  });
  afterEach(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('pauses every worker for the block time, says so once, resumes slower and finishes', async () => {
    server.inject(pathOf(9), { kind: 'block' });
    const client = makeClient({ blockPauseMs: 1500, random: () => 0 });
    const stored: string[] = [];
    const batch = filings.slice(8, 12).concat(filings.slice(0, 4));
    const summary = await runBatch(batch, {
      client,
      cache: new SubmissionCache(cacheDir),
      isStored: () => false,
      processFiling: (accession) => void stored.push(accession),
      concurrency: 4,
    });
    expect(summary.failed).toEqual([]);
    expect(stored).toHaveLength(8);
    const blocks = server.requests.filter((r) => r.status === 403);
    expect(blocks).toHaveLength(1);
    const blockedAt = blocks[0]!.at;
    // Nothing at all reached the server during the pause (allowing a few ms for a request already on the wire).
    const during = server.requests.filter((r) => r.at > blockedAt + 20 && r.at < blockedAt + 1500);
    expect(during).toEqual([]);
    const after = server.requests.filter((r) => r.at >= blockedAt + 1500);
    expect(after.length).toBeGreaterThan(0);
    expect(log.filter((l) => l.includes('Pausing ALL requests'))).toHaveLength(1);
    expect(log[0]).toContain('Request Rate Threshold Exceeded');
    expect(client.limiter.requestsPerSecond).toBe(6);
    expect(client.stats.blocks).toBe(1);
  });

  it('names the undeclared-tool page and how to fix the User-Agent', async () => {
    server.inject(pathOf(10), { kind: 'status', status: 403, body: UNDECLARED_TOOL_PAGE });
    const client = makeClient({ blockPauseMs: 200 });
    await client.fetchSubmission(acc(10), { cik: CIK });
    expect(log[0]).toMatch(/undeclared automated tool.*EDGAR_USER_AGENT/);
  });

  it('gives up for good after repeated blocks instead of hammering', async () => {
    server.blockFor(60_000);
    try {
      const client = makeClient({ blockPauseMs: 150, maxConsecutiveBlocks: 2 });
      const error = await client.fetchSubmission(acc(11), { cik: CIK }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'EDGAR_BLOCKED' });
      expect(server.requests).toHaveLength(3);
      // Later calls fail at once, without asking again.
      await expect(client.fetchSubmission(acc(0), { cik: CIK })).rejects.toMatchObject({ code: 'EDGAR_BLOCKED' });
      expect(server.requests).toHaveLength(3);
      expect(log.at(-1)).toMatch(/giving up rather than extending the block/);
    } finally {
      server.blockFor(0);
    }
  });
});

describe('nothing partial reaches the cache', () => {
  it('leaves no file when the filing could not be fetched', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'edgar-partial-'));
    try {
      server.inject(pathOf(11), { kind: 'truncate', keepBytes: 100 }, { kind: 'truncate', keepBytes: 100 });
      const summary = await runBatch([{ accessionNumber: acc(11), cik: CIK }], {
        client: makeClient(),
        cache: new SubmissionCache(cacheDir),
        isStored: () => false,
        processFiling: () => undefined,
      });
      expect(summary.failed).toHaveLength(1);
      expect(summary.failed[0]).toMatchObject({ stage: 'fetch', error: { code: 'TRUNCATED_SUBMISSION' } });
      expect(await readdir(join(cacheDir, 'filings')).catch(() => [])).toEqual([]);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('politeness across the whole file', () => {
  it('never drew a 403 for going over 10 requests/second', () => {
    expect(server.overLimit).toBe(0);
  });
});
