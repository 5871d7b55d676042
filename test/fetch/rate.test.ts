/**
 * The fair-access ceiling, measured where the SEC measures it: at the server, by arrival. At concurrency 1, 4 and
 * 16 no one-second window holds more than 10 requests and the server never answers 403. A naive client without the
 * limiter does get 403s from the same server, which shows the check has teeth.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fetch from 'node-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/fetch/batch.js';
import { SubmissionCache } from '../../src/fetch/cache.js';
import { EdgarClient } from '../../src/fetch/client.js';
import { RateLimiter } from '../../src/fetch/rate-limiter.js';
import { EdgarTestServer, generateFilings, startEdgarServer } from '../helpers/edgar-server.js';

const fixture = new Uint8Array(readFileSync(new URL('../fixtures/fetch/0002006228-23-000001.txt', import.meta.url)));
const USER_AGENT = 'edgar-extract tests tests@example.com';
const PER_CASE = 15;
const filings = generateFilings(fixture, PER_CASE * 3);
let server: EdgarTestServer;
let cacheDir: string;
// One process, one limiter: as in production, every worker of every batch shares it.
const limiter = new RateLimiter();

beforeAll(async () => {
  server = await startEdgarServer({ filings });
  cacheDir = await mkdtemp(join(tmpdir(), 'edgar-rate-'));
});
afterAll(async () => {
  await server.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('the request rate', () => {
  it.each([1, 4, 16])('never goes over 10 in any one-second window at concurrency %i', async (concurrency) => {
    const index = [1, 4, 16].indexOf(concurrency);
    const slice = filings.slice(index * PER_CASE, (index + 1) * PER_CASE);
    const before = server.requests.length;
    const summary = await runBatch(slice, {
      client: new EdgarClient({ userAgent: USER_AGENT, env: server.env, limiter }),
      cache: new SubmissionCache(cacheDir),
      isStored: () => false,
      processFiling: () => undefined,
      concurrency,
    });
    const mine = server.requests.slice(before);
    expect(summary).toMatchObject({ fetched: PER_CASE, stored: PER_CASE, failed: [] });
    expect(mine).toHaveLength(PER_CASE);
    expect(mine.every((r) => r.status === 200 && r.userAgent === USER_AGENT)).toBe(true);
    const maxInWindow = server.maxInWindow(1000, mine);
    const rate = server.achievedRate(mine);
    console.log(`concurrency ${concurrency}: ${mine.length} requests, ${rate.toFixed(2)}/s, max ${maxInWindow} in any 1 s window`);
    expect(maxInWindow).toBeLessThanOrEqual(10);
    expect(rate).toBeLessThanOrEqual(10);
    // Close to the 9/s we aim for, whatever the concurrency (a little slack for a loaded test machine).
    expect(rate).toBeGreaterThan(7.5);
    expect(server.overLimit).toBe(0);
  });

  it('across all three cases, the server never saw more than 10 in a second', () => {
    expect(server.maxInWindow(1000)).toBeLessThanOrEqual(10);
    expect(server.overLimit).toBe(0);
  });
});

describe('the stand-in server', () => {
  it('answers 403 "Request Rate Threshold Exceeded" to a client that ignores the limit', async () => {
    const strict = await startEdgarServer({ filings: filings.slice(0, 15) });
    try {
      const answers = await Promise.all(
        filings.slice(0, 15).map(async (f) => {
          const response = await fetch(`${strict.url}${EdgarTestServer.filingPath(f.cik, f.accessionNumber)}`, {
            headers: { 'User-Agent': USER_AGENT },
          });
          return { status: response.status, body: await response.text() };
        }),
      );
      const refused = answers.filter((a) => a.status === 403);
      expect(refused).toHaveLength(5);
      expect(refused[0]!.body).toContain('Request Rate Threshold Exceeded');
      expect(strict.overLimit).toBe(5);
    } finally {
      await strict.close();
    }
  });

  it('refuses an undeclared User-Agent', async () => {
    const strict = await startEdgarServer({ filings: filings.slice(0, 1) });
    try {
      const response = await fetch(`${strict.url}${EdgarTestServer.filingPath(filings[0]!.cik, filings[0]!.accessionNumber)}`, {
        headers: { 'User-Agent': 'Mozilla/5.0' },
      });
      expect(response.status).toBe(403);
      expect(await response.text()).toMatch(/declare your traffic/);
    } finally {
      await strict.close();
    }
  });
});
