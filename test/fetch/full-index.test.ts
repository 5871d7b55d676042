// EDGAR index files in their exact layouts (test/fixtures/index: header lines, blank lines holding one space, column
// titles, dashed rule; form types with spaces; company names with runs of spaces and a `|`; the daily form index's
// wrapped title line; a 14-character SCHEDULE 13D/A overrunning its 12-character column).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors/index.js';
import { dailyIndexUrl, fullIndexUrls, parseIndexFile, quarterBounds, quartersBetween, weekdaysBetween } from '../../src/fetch/full-index.js';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/index/${name}`, import.meta.url)));

describe('parseIndexFile: quarterly master.idx', () => {
  const parsed = parseIndexFile(fixture('master-2024-QTR4.idx'), { sourceName: 'master.idx' });

  it('reads the header and every row after the rule', () => {
    expect(parsed.layout).toBe('master');
    expect(parsed.description).toBe('Master Index of EDGAR Dissemination Feed');
    expect(parsed.lastDataReceived).toBe('December 31, 2024');
    expect(parsed.rows).toBe(16);
    expect(parsed.entries).toHaveLength(16);
    expect(parsed.skipped).toEqual([]);
  });

  it('splits fields, keeps form types with spaces, and takes the accession from the file name', () => {
    expect(parsed.entries.find((e) => e.cik === '1988894')).toEqual({
      cik: '1988894',
      companyName: 'Amer Sports, Inc.',
      formType: 'SCHEDULE 13D/A',
      dateFiled: '2024-12-20',
      filename: 'edgar/data/1988894/0000950170-24-139085.txt',
      accessionNumber: '0000950170-24-139085',
    });
    expect(parsed.entries.find((e) => e.cik === '1418091')?.companyName).toBe('TWITTER  INC   /OLD');
  });

  it('reads the same bytes gzipped (master.gz)', () => {
    const gz = parseIndexFile(gzipSync(fixture('master-2024-QTR4.idx')));
    expect(gz.entries).toEqual(parsed.entries);
  });

  it('keeps only what `keep` accepts but counts every row', () => {
    const only = parseIndexFile(fixture('master-2024-QTR4.idx'), { keep: (e) => e.formType.startsWith('SC 13G') });
    expect(only.rows).toBe(16);
    expect(only.entries.map((e) => e.accessionNumber).sort()).toEqual([
      '0001172661-24-005104',
      '0001172661-24-005104',
      '0001193125-24-255715',
      '0001193125-24-255715',
    ]);
  });
});

describe('parseIndexFile: quarterly form.idx (fixed width)', () => {
  const form = parseIndexFile(fixture('form-2024-QTR4.idx'));
  const master = parseIndexFile(fixture('master-2024-QTR4.idx'));

  it('gives the same rows as the master index of the same quarter, overrun form types included', () => {
    expect(form.layout).toBe('form');
    expect(form.skipped).toEqual([]);
    const key = (e: { cik: string; accessionNumber: string }) => `${e.cik} ${e.accessionNumber}`;
    expect([...form.entries].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...master.entries].sort((a, b) => key(a).localeCompare(key(b))));
  });
});

describe('parseIndexFile: daily files', () => {
  it('master.YYYYMMDD.idx: YYYYMMDD dates become ISO; a | inside a company name is kept', () => {
    const daily = parseIndexFile(fixture('master.20250117.idx'));
    expect(daily.layout).toBe('master');
    expect(daily.entries.map((e) => e.dateFiled)).toEqual(['2025-01-17', '2025-01-17', '2025-01-17', '2025-01-17']);
    expect(daily.entries.find((e) => e.cik === '1418091')).toMatchObject({ companyName: 'SOME | PIPED  NAME LLC', formType: '10-Q' });
  });

  it('form.YYYYMMDD.idx: the wrapped title line; overruns followed by company names with runs of spaces', () => {
    const daily = parseIndexFile(fixture('form.20250110.idx'));
    expect(daily.layout).toBe('form');
    expect(daily.skipped).toEqual([]);
    expect(daily.entries.map((e) => [e.formType, e.companyName, e.cik, e.dateFiled])).toEqual([
      ['SC TO-T/A', 'CVR ENERGY INC', '1376139', '2025-01-10'],
      ['SC TO-T/A', 'ICAHN ENTERPRISES HOLDINGS L.P.', '1034563', '2025-01-10'],
      ['SCHEDULE 13G', 'ALPHA  BETA   CAPITAL LP', '1100001', '2025-01-10'],
      ['SCHEDULE 13D/A', 'GAMMA    PARTNERS, L.P.', '1100002', '2025-01-10'],
      ['4', 'DOE JANE', '900001', '2025-01-10'],
    ]);
  });
});

describe('parseIndexFile: bad input', () => {
  it('an HTML error page is a ParseError NOT_AN_INDEX naming the source', () => {
    let error: unknown;
    try {
      parseIndexFile('<!DOCTYPE html><html><head><title>SEC.gov | File Not Found</title></head></html>', { sourceName: 'master.idx' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).code).toBe('NOT_AN_INDEX');
    expect((error as ParseError).location.file).toBe('master.idx');
  });

  it('an unreadable row is reported with its line number and the others are kept', () => {
    const text = new TextDecoder('latin1').decode(fixture('master-2024-QTR4.idx')).replace('1601086|ARMISTICE CAPITAL, LLC|SC 13G|2024-11-14|', '1601086|ARMISTICE CAPITAL, LLC|SC 13G|2024-13-45|');
    const parsed = parseIndexFile(text);
    expect(parsed.entries).toHaveLength(15);
    expect(parsed.skipped).toEqual([{ line: 19, reason: 'Date Filed "2024-13-45" is not a date' }]);
  });
});

describe('quarters and URLs', () => {
  it('lists every quarter a range touches, across years', () => {
    expect(quartersBetween('2024-11-30', '2025-04-01')).toEqual([
      { year: 2024, quarter: 4 },
      { year: 2025, quarter: 1 },
      { year: 2025, quarter: 2 },
    ]);
    expect(quarterBounds({ year: 2024, quarter: 1 })).toEqual({ first: '2024-01-01', last: '2024-03-31' });
  });

  it('weekdays only, for daily files', () => {
    expect(weekdaysBetween('2025-01-10', '2025-01-14')).toEqual(['2025-01-10', '2025-01-13', '2025-01-14']);
  });

  it('builds EDGAR paths', () => {
    expect(fullIndexUrls('https://www.sec.gov', { year: 2024, quarter: 4 })).toEqual([
      'https://www.sec.gov/Archives/edgar/full-index/2024/QTR4/master.gz',
      'https://www.sec.gov/Archives/edgar/full-index/2024/QTR4/master.idx',
    ]);
    expect(dailyIndexUrl('https://www.sec.gov', '2025-01-17')).toBe('https://www.sec.gov/Archives/edgar/daily-index/2025/QTR1/master.20250117.idx');
  });
});
