/**
 * Fetch integrity: the body must be the submission asked for; the SEC's own `0000000000-` accessions are fetched
 * under the listing CIK; a host that cannot be reached fails after one retry with a clear message; every retry is
 * said. Each test is named after what broke.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeCikCommand, type CikCommandDeps } from '../../src/cli/cik-command.js';
import { FetchError } from '../../src/errors/index.js';
import { SubmissionCache } from '../../src/fetch/cache.js';
import { EdgarClient } from '../../src/fetch/client.js';
import { RateLimiter } from '../../src/fetch/rate-limiter.js';
import { resolveAccession } from '../../src/fetch/resolve.js';
import { headerAccession } from '../../src/fetch/submission-check.js';
import { EdgarTestServer, generateFilings } from '../helpers/edgar-server.js';

const fixture = new Uint8Array(readFileSync(new URL('../fixtures/fetch/0002006228-23-000001.txt', import.meta.url)));
const USER_AGENT = 'edgar-extract tests tests@example.com';
const CIK = '1854583';
const [asked, other] = generateFilings(fixture, 2, { cik: CIK });
/** EDGAR answering the path of one accession with another submission. */
const wrong = { ...asked!, bytes: other!.bytes };
/** A staff letter: transmitted by the SEC itself, CIK 0000000000 in its accession, filed under the company. */
const staffLetter = generateFilings(fixture, 1, { cik: CIK, filerPrefix: '0000000000', forms: ['SC 13D'] })[0]!;
const limiter = new RateLimiter();

let server: EdgarTestServer;
let cacheDir: string;

beforeAll(async () => {
  server = await new EdgarTestServer({ filings: [wrong, staffLetter] }).listen();
  cacheDir = await mkdtemp(join(tmpdir(), 'edgar-integrity-'));
});
afterAll(async () => {
  await server.close();
  await rm(cacheDir, { recursive: true, force: true });
});

function deps(stored: Map<string, Uint8Array>): CikCommandDeps & { err: { text: string } } {
  const err = { text: '', write: (s: string) => ((err.text += s), true) };
  return {
    storage: { isStored: (a) => stored.has(a), processFiling: (a, bytes) => void stored.set(a, bytes) },
    env: { ...server.env, EDGAR_USER_AGENT: USER_AGENT, EDGAR_CACHE_DIR: cacheDir },
    stdout: { write: () => true },
    stderr: err,
    interrupts: null,
    cacheDir,
    clientOptions: { limiter, initialBackoffMs: 10 },
    err,
  };
}

describe('fetch integrity', () => {
  it('cik stored a filing under the wrong accession when EDGAR answered with another submission', async () => {
    const client = new EdgarClient({ userAgent: USER_AGENT, env: server.env, limiter });
    const error = await client.fetchSubmission(asked!.accessionNumber, { cik: CIK }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe('ACCESSION_MISMATCH');
    expect((error as FetchError).message).toContain(`holds submission ${other!.accessionNumber}, not ${asked!.accessionNumber}`);

    const stored = new Map<string, Uint8Array>();
    const d = deps(stored);
    const result = await executeCikCommand([CIK, '--forms', 'all'], d);
    expect(result.summary!.failed.map((f) => [f.accession, (f.error as FetchError).code])).toEqual([[asked!.accessionNumber, 'ACCESSION_MISMATCH']]);
    expect(stored.has(asked!.accessionNumber)).toBe(false);
    // Nothing cached either, so a rerun asks EDGAR again instead of trusting the wrong file.
    expect(await new SubmissionCache(cacheDir).read(asked!.accessionNumber)).toBeNull();
  });

  it('a cache entry holding another submission was trusted; it is refetched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edgar-integrity-cache-'));
    try {
      const cache = new SubmissionCache(dir);
      await cache.write(staffLetter.accessionNumber, other!.bytes);
      const resolved = await resolveAccession(staffLetter.accessionNumber, {
        cacheDir: dir,
        cik: CIK,
        env: { ...server.env, EDGAR_USER_AGENT: USER_AGENT },
        clientOptions: { limiter },
      });
      expect(resolved.origin).toBe('fetched');
      expect(headerAccession(resolved.bytes)).toBe(staffLetter.accessionNumber);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a 0000000000- accession (an SEC staff letter) gave INVALID_CIK; it is fetched under the listing CIK', async () => {
    const stored = new Map<string, Uint8Array>();
    const result = await executeCikCommand([CIK, '--forms', 'all'], deps(stored));
    expect(stored.has(staffLetter.accessionNumber)).toBe(true);
    expect(headerAccession(stored.get(staffLetter.accessionNumber)!)).toBe(staffLetter.accessionNumber);
    expect(result.summary!.failed.map((f) => f.accession)).not.toContain(staffLetter.accessionNumber);
    // Without a CIK there is no folder to look in: a usage error saying so, not a request to CIK 0.
    const client = new EdgarClient({ userAgent: USER_AGENT, env: server.env, limiter });
    await expect(client.fetchSubmission(staffLetter.accessionNumber)).rejects.toThrow(/staff letter.*give the CIK/);
  });

  it('a refused connection sat through 8 retries; it now fails after one retry, saying so', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const log: string[] = [];
    const client = new EdgarClient({ userAgent: USER_AGENT, baseUrl: `http://127.0.0.1:${port}`, limiter, log: (l) => log.push(l) });
    const error = (await client.get(`http://127.0.0.1:${port}/x`).catch((e: unknown) => e)) as FetchError;
    expect(error).toBeInstanceOf(FetchError);
    expect(error.message).toMatch(/^cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED .*\(tried twice; check the network connection/);
    expect(client.stats.requests).toBe(2);
    // The one retry was said.
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^retrying http:\/\/127\.0\.0\.1:\d+\/x in [\d.]+ m?s \(attempt 2 of 2\): ECONNREFUSED/);
  });

  it('retries of a busy server were silent; each is now a line', async () => {
    const log: string[] = [];
    const path = EdgarTestServer.filingPath(CIK, staffLetter.accessionNumber);
    server.inject(path, { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    const client = new EdgarClient({ userAgent: USER_AGENT, env: server.env, limiter, initialBackoffMs: 10, log: (l) => log.push(l) });
    await client.fetchSubmission(staffLetter.accessionNumber, { cik: CIK });
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/^retrying .* \(attempt 2 of 8\): EDGAR answered 503/);
  });
});
