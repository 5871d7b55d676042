/** One accession to bytes: samples/ first, then the cache, then EDGAR (and then cached); refresh goes to EDGAR. */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/index.js';
import { EdgarClient } from '../../src/fetch/client.js';
import { RateLimiter } from '../../src/fetch/rate-limiter.js';
import { resolveAccession } from '../../src/fetch/resolve.js';
import { EdgarTestServer, startEdgarServer } from '../helpers/edgar-server.js';

const fixture = new Uint8Array(readFileSync(new URL('../fixtures/fetch/0002006228-23-000001.txt', import.meta.url)));
const samplesDir = new URL('../../samples/', import.meta.url).pathname;
const ACCESSION = '0002006228-23-000001';
let server: EdgarTestServer;
let work: string;
const limiter = new RateLimiter();
const env = () => ({ ...server.env, EDGAR_USER_AGENT: 'edgar-extract tests tests@example.com' });

beforeAll(async () => {
  // Served under the transmitting CIK's folder, as it would be found without knowing the subject's CIK.
  server = await startEdgarServer({ filings: [{ cik: '2006228', accessionNumber: ACCESSION, bytes: fixture }] });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.requests.length = 0;
  work = await mkdtemp(join(tmpdir(), 'edgar-resolve-'));
  return () => rm(work, { recursive: true, force: true });
});

describe('resolveAccession', () => {
  it('finds the bundled sample offline, without a User-Agent', async () => {
    const resolved = await resolveAccession('000112528203003998', { samplesDir, cacheDir: work, env: {} });
    expect(resolved).toMatchObject({ accessionNumber: '0001125282-03-003998', origin: 'samples', path: join(samplesDir, '0001125282-03-003998.txt') });
    expect(resolved.bytes.byteLength).toBeGreaterThan(10_000);
    expect(server.requests).toHaveLength(0);
  });

  it('fetches on a miss, caches, and reads the cache the second time', async () => {
    const client = new EdgarClient({ env: env(), limiter });
    const first = await resolveAccession(ACCESSION, { samplesDir, cacheDir: work, client });
    expect(first).toMatchObject({ origin: 'fetched', path: join(work, 'filings', `${ACCESSION}.txt`) });
    expect(Buffer.from(first.bytes).equals(Buffer.from(fixture))).toBe(true);
    const second = await resolveAccession(ACCESSION, { samplesDir, cacheDir: work, env: {} });
    expect(second).toMatchObject({ origin: 'cache', path: first.path });
    expect(server.requests).toHaveLength(1);
  });

  it('prefers samples over the cache, and refresh over both', async () => {
    const samples = join(work, 'samples');
    await mkdir(samples);
    await writeFile(join(samples, `${ACCESSION}.txt`), 'sample copy');
    expect((await resolveAccession(ACCESSION, { samplesDir: samples, cacheDir: work, env: {} })).origin).toBe('samples');
    const refreshed = await resolveAccession(ACCESSION, { samplesDir: samples, cacheDir: work, env: env(), refresh: true, clientOptions: { limiter } });
    expect(refreshed.origin).toBe('fetched');
    expect(server.requests).toHaveLength(1);
  });

  it('needs a User-Agent only when it must go to the network', async () => {
    await expect(resolveAccession(ACCESSION, { samplesDir, cacheDir: work, env: server.env })).rejects.toThrow(ValidationError);
    await expect(resolveAccession('not-an-accession', { samplesDir, cacheDir: work })).rejects.toMatchObject({ code: 'INVALID_ACCESSION_NUMBER' });
    expect(server.requests).toHaveLength(0);
  });
});
