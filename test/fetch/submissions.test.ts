/** Listing a CIK's filings from the submissions API: every files[] page, columns to rows, filters, aliases. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/errors/index.js';
import { EdgarClient } from '../../src/fetch/client.js';
import { RateLimiter } from '../../src/fetch/rate-limiter.js';
import { columnsToRows, filterFilings, listFilings } from '../../src/fetch/submissions.js';
import { EdgarTestServer, generateFilings, startEdgarServer } from '../helpers/edgar-server.js';

const fixture = new Uint8Array(readFileSync(new URL('../fixtures/fetch/0002006228-23-000001.txt', import.meta.url)));
// 30 filings, one a day back from 2024-06-30; 8 recent, the rest in three pages of 8, 8 and 6.
const filings = generateFilings(fixture, 30);
const CIK = filings[0]!.cik;
let server: EdgarTestServer;
let client: EdgarClient;

beforeAll(async () => {
  server = await startEdgarServer({ filings, recentCount: 8, pageSize: 8, names: { [CIK]: 'Collective Audience, Inc.' } });
  client = new EdgarClient({ userAgent: 'edgar-extract tests tests@example.com', env: server.env, limiter: new RateLimiter() });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

describe('listFilings', () => {
  it('reads filings.recent and every files[] page into rows, newest first', async () => {
    const listing = await listFilings(client, `CIK${CIK.padStart(10, '0')}`);
    expect(listing).toMatchObject({ cik: CIK, name: 'Collective Audience, Inc.', listed: 30, pagesFetched: 4 });
    expect(listing.filings.map((f) => f.accessionNumber)).toEqual(filings.map((f) => f.accessionNumber));
    expect(listing.filings[0]).toEqual({
      cik: CIK,
      accessionNumber: '0009999999-24-000001',
      filingDate: '2024-06-30',
      reportDate: null,
      acceptanceDateTime: '2024-06-30T16:42:36.000Z',
      form: 'SC 13D',
      fileNumber: '005-12345',
      filmNumber: '24000001',
      items: null,
      size: fixture.byteLength,
      primaryDocument: '0009999999-24-000001.txt',
      primaryDocDescription: null,
    });
    expect(server.requests.map((r) => r.path)).toEqual([
      `/submissions/CIK${CIK.padStart(10, '0')}.json`,
      `/submissions/CIK${CIK.padStart(10, '0')}-submissions-001.json`,
      `/submissions/CIK${CIK.padStart(10, '0')}-submissions-002.json`,
      `/submissions/CIK${CIK.padStart(10, '0')}-submissions-003.json`,
    ]);
  });

  it('filters by form (SC 13D/A also finds SCHEDULE 13D/A), dates and limit', async () => {
    const listing = await listFilings(client, CIK, { forms: ['sc 13d/a'], since: '2024-06-01', until: '2024-06-28' });
    expect(listing.filings.map((f) => [f.form, f.filingDate])).toEqual([
      ['SCHEDULE 13D/A', '2024-06-28'],
      ['SC 13D/A', '2024-06-25'],
      ['SCHEDULE 13D/A', '2024-06-24'],
      ['SC 13D/A', '2024-06-21'],
      ['SCHEDULE 13D/A', '2024-06-20'],
      ['SC 13D/A', '2024-06-17'],
      ['SCHEDULE 13D/A', '2024-06-16'],
      ['SC 13D/A', '2024-06-13'],
      ['SCHEDULE 13D/A', '2024-06-12'],
      ['SC 13D/A', '2024-06-09'],
      ['SCHEDULE 13D/A', '2024-06-08'],
      ['SC 13D/A', '2024-06-05'],
      ['SCHEDULE 13D/A', '2024-06-04'],
      ['SC 13D/A', '2024-06-01'],
    ]);
    const limited = await listFilings(client, CIK, { forms: ['4'], limit: 2 });
    expect(limited.filings.map((f) => f.filingDate)).toEqual(['2024-06-27', '2024-06-23']);
  });

  it('skips files[] pages wholly outside the date range', async () => {
    const listing = await listFilings(client, CIK, { since: '2024-06-20' });
    expect(listing.filings).toHaveLength(11);
    // Page 1 covers 2024-06-22..2024-06-15 and is needed; pages 2 and 3 are older and never requested.
    expect(server.requests).toHaveLength(2);
  });

  it('says plainly when EDGAR has no such CIK', async () => {
    await expect(listFilings(client, '42')).rejects.toThrow(NotFoundError);
    await expect(listFilings(client, '42')).rejects.toThrow(/no submissions for CIK 42/);
  });

  it('rejects bad filters before any request', async () => {
    await expect(listFilings(client, CIK, { since: '2024-13-01' })).rejects.toThrow(ValidationError);
    await expect(listFilings(client, CIK, { since: '2024-06-02', until: '2024-06-01' })).rejects.toMatchObject({ code: 'INVALID_DATE' });
    await expect(listFilings(client, CIK, { limit: 0 })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('columnsToRows / filterFilings', () => {
  it('tolerates ragged columns, unknown keys and garbled accession numbers', () => {
    const rows = columnsToRows('1', {
      accessionNumber: ['0000000001-24-000001', 'garbage', 42, '000000000124000002'],
      form: ['SC 13G'],
      filingDate: ['2024-01-02', '2024-01-01', '2024-01-01', '2024-01-01'],
      somethingNew: [1, 2, 3],
    });
    expect(rows.map((r) => [r.accessionNumber, r.form])).toEqual([
      ['0000000001-24-000001', 'SC 13G'],
      ['0000000001-24-000002', ''],
    ]);
  });

  it('keeps one row per accession number', () => {
    const rows = columnsToRows('1', { accessionNumber: ['0000000001-24-000001', '0000000001-24-000001'], filingDate: ['2024-01-01', '2024-01-01'] });
    expect(filterFilings(rows)).toHaveLength(1);
  });
});
