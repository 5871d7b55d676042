/**
 * The resumable batch runner: skip what is stored, never refetch what is cached, record failures without stopping,
 * and resume after an interruption (AbortSignal mid-batch) with no refetch and no duplicate.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/index.js';
import { runBatch, type BatchOptions } from '../../src/fetch/batch.js';
import { SubmissionCache } from '../../src/fetch/cache.js';
import { EdgarClient } from '../../src/fetch/client.js';
import { RateLimiter } from '../../src/fetch/rate-limiter.js';
import { EdgarTestServer, generateFilings, startEdgarServer } from '../helpers/edgar-server.js';

const fixture = new Uint8Array(readFileSync(new URL('../fixtures/fetch/0002006228-23-000001.txt', import.meta.url)));
const filings = generateFilings(fixture, 16);
const CIK = filings[0]!.cik;
const rows = filings.map((f) => ({ accessionNumber: f.accessionNumber, cik: f.cik }));
const limiter = new RateLimiter();
let server: EdgarTestServer;
let cacheDir: string;
let cache: SubmissionCache;

const client = () =>
  new EdgarClient({ userAgent: 'edgar-extract tests tests@example.com', env: server.env, limiter, initialBackoffMs: 20, log: () => undefined });

/** A database stand-in: a Set of stored accessions, and a count of every processFiling call. */
function setStore() {
  const stored = new Set<string>();
  const calls: string[] = [];
  return {
    stored,
    calls,
    isStored: (accession: string) => stored.has(accession),
    processFiling: (accession: string, bytes: Uint8Array) => {
      expect(bytes.byteLength).toBe(fixture.byteLength);
      calls.push(accession);
      stored.add(accession);
    },
  };
}

const filingRequests = () => server.requestsTo('/Archives/').filter((r) => r.status === 200);

beforeAll(async () => {
  server = await startEdgarServer({ filings });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.requests.length = 0;
  cacheDir = await mkdtemp(join(tmpdir(), 'edgar-batch-'));
  cache = new SubmissionCache(cacheDir);
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('runBatch', () => {
  it('resumes an interrupted batch without refetching or duplicating', async () => {
    const store = setStore();
    const controller = new AbortController();
    const options = (signal?: AbortSignal): BatchOptions => ({
      client: client(),
      cache,
      isStored: store.isStored,
      processFiling: (accession, bytes) => {
        store.processFiling(accession, bytes);
        // Ctrl-C halfway through.
        if (store.calls.length === 6) controller.abort();
      },
      concurrency: 4,
      ...(signal ? { signal } : {}),
    });
    const first = await runBatch(rows, options(controller.signal));
    expect(first.interrupted).toBe(true);
    expect(first.failed).toEqual([]);
    expect(first.stored).toBeGreaterThanOrEqual(6);
    expect(first.stored + first.notStarted).toBe(16);
    const fetchedFirst = filingRequests().length;
    // Downloads already on the wire when the abort came were finished and kept, not thrown away.
    expect(first.fetched).toBe(fetchedFirst);

    const second = await runBatch(rows, options());
    expect(second).toMatchObject({ interrupted: false, skipped: first.stored, failed: [], notStarted: 0 });
    expect(second.stored).toBe(16 - first.stored);
    // Every filing was requested exactly once across both runs, and stored exactly once.
    const perPath = new Map<string, number>();
    for (const r of filingRequests()) perPath.set(r.path, (perPath.get(r.path) ?? 0) + 1);
    expect(perPath.size).toBe(16);
    expect([...perPath.values()].every((n) => n === 1)).toBe(true);
    expect(store.calls).toHaveLength(16);
    expect(new Set(store.calls).size).toBe(16);
  });

  it('uses the cache for filings fetched by an earlier run but never stored', async () => {
    const store = setStore();
    const failing = await runBatch(rows.slice(0, 3), {
      client: client(),
      cache,
      isStored: store.isStored,
      processFiling: () => {
        throw new Error('database is locked');
      },
    });
    expect(failing.failed.map((f) => f.stage)).toEqual(['process', 'process', 'process']);
    expect(failing.fetched).toBe(3);
    server.requests.length = 0;
    const rerun = await runBatch(rows.slice(0, 3), {
      // All cached: the client is never needed, so a factory that would fail is never called.
      client: () => {
        throw new Error('no network expected');
      },
      cache,
      isStored: store.isStored,
      processFiling: store.processFiling,
    });
    expect(rerun).toMatchObject({ fromCache: 3, fetched: 0, stored: 3, failed: [] });
    expect(server.requests).toHaveLength(0);
  });

  it('records a failing filing and carries on with the rest', async () => {
    server.inject(EdgarTestServer.filingPath(CIK, rows[1]!.accessionNumber), { kind: 'html' }, { kind: 'html' });
    const store = setStore();
    const events: string[] = [];
    const summary = await runBatch([...rows.slice(0, 4), { accessionNumber: '0001234567-24-000404', cik: CIK }], {
      client: client(),
      cache,
      isStored: store.isStored,
      processFiling: store.processFiling,
      onProgress: (e) => events.push(`${e.completed}/${e.total} ${e.outcome}`),
    });
    expect(summary.stored).toBe(3);
    expect(summary.failed.map((f) => [f.accession, f.stage, (f.error as { code?: string }).code])).toEqual([
      [rows[1]!.accessionNumber, 'fetch', 'NOT_A_FILING'],
      ['0001234567-24-000404', 'fetch', 'NOT_FOUND'],
    ]);
    expect(events).toHaveLength(5);
    expect(events.at(-1)).toMatch(/^5\/5 /);
    // Neither failure left anything in the cache.
    expect((await readdir(join(cacheDir, 'filings'))).sort()).toEqual(
      [rows[0], rows[2], rows[3]].map((r) => `${r!.accessionNumber}.txt`).sort(),
    );
  });

  it('refetches and reprocesses with refresh', async () => {
    const store = setStore();
    await runBatch(rows.slice(0, 2), { client: client(), cache, isStored: store.isStored, processFiling: store.processFiling });
    const refreshed = await runBatch(rows.slice(0, 2), {
      client: client(),
      cache,
      isStored: store.isStored,
      processFiling: store.processFiling,
      refresh: true,
    });
    expect(refreshed).toMatchObject({ fetched: 2, fromCache: 0, skipped: 0, stored: 2 });
    expect(filingRequests()).toHaveLength(4);
  });

  it('stops with the usage error when the network is needed and there is no User-Agent', async () => {
    const store = setStore();
    await expect(
      runBatch(rows.slice(0, 3), {
        client: () => new EdgarClient({ env: server.env }),
        cache,
        isStored: store.isStored,
        processFiling: store.processFiling,
      }),
    ).rejects.toThrow(ValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it('never calls processFiling concurrently', async () => {
    let active = 0;
    let most = 0;
    const summary = await runBatch(rows.slice(0, 4), {
      client: client(),
      cache,
      isStored: () => false,
      processFiling: async () => {
        active += 1;
        most = Math.max(most, active);
        await new Promise((r) => setTimeout(r, 150));
        active -= 1;
      },
      concurrency: 4,
    });
    expect(summary.stored).toBe(4);
    expect(most).toBe(1);
  });

  it('stops the whole batch, without further requests, once the client gives up on repeated SEC blocks', async () => {
    server.blockFor(60_000);
    try {
      const summary = await runBatch(rows.slice(0, 6), {
        client: new EdgarClient({
          userAgent: 'edgar-extract tests tests@example.com',
          env: server.env,
          limiter: new RateLimiter(),
          blockPauseMs: 100,
          maxConsecutiveBlocks: 1,
          log: () => undefined,
        }),
        cache,
        isStored: () => false,
        processFiling: () => undefined,
        concurrency: 4,
      });
      expect(summary.stoppedBy).toMatchObject({ code: 'EDGAR_BLOCKED' });
      expect(summary.failed).toHaveLength(1);
      expect(summary.notStarted).toBe(5);
      expect(summary.interrupted).toBe(false);
      // One block, one retry after the pause that was blocked again, then silence.
      expect(server.requests.map((r) => r.status)).toEqual([403, 403]);
    } finally {
      server.blockFor(0);
      // Let the blocked requests leave the server's one-second window before the next test.
      await new Promise((r) => setTimeout(r, 1000));
    }
  });

  it('drew no 403 for going over the limit in this file', () => {
    expect(server.overLimit).toBe(0);
  });
});
