/** Accession numbers, CIKs and EDGAR URLs: the forms users type, and malformed input as usage errors. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/index.js';
import { isAccessionNumber, normalizeAccessionNumber, parseAccessionNumber } from '../../src/fetch/accession.js';
import { padCik, parseCik } from '../../src/fetch/cik.js';
import {
  filingIndexUrl,
  fullSubmissionCandidates,
  fullSubmissionUrl,
  resolveEdgarHosts,
  submissionsPageUrl,
  submissionsUrl,
} from '../../src/fetch/urls.js';

describe('accession numbers', () => {
  it('accepts the dashed and the 18-digit form and normalises both', () => {
    const dashed = parseAccessionNumber('0001193125-15-118890');
    expect(dashed).toEqual({
      accessionNumber: '0001193125-15-118890',
      accessionFolder: '000119312515118890',
      filerCik: '1193125',
      year: '15',
      sequence: '118890',
    });
    expect(parseAccessionNumber('000119312515118890')).toEqual(dashed);
    expect(normalizeAccessionNumber(' 0001125282-03-003998.txt ')).toBe('0001125282-03-003998');
  });

  it.each(['0001193125-15-11889', '0001193125-1511-8890', '0001193125-15118890', 'abc', '', '00011931251511889012'])(
    'rejects %j as a usage error, not a request',
    (input) => {
      expect(isAccessionNumber(input)).toBe(false);
      expect(() => parseAccessionNumber(input)).toThrow(ValidationError);
      try {
        parseAccessionNumber(input);
      } catch (error) {
        expect((error as ValidationError).code).toBe('INVALID_ACCESSION_NUMBER');
      }
    },
  );
});

describe('CIKs', () => {
  it('accepts padded, unpadded and CIK-prefixed forms', () => {
    expect(parseCik('0000320193')).toBe('320193');
    expect(parseCik('320193')).toBe('320193');
    expect(parseCik('CIK0000320193')).toBe('320193');
    expect(parseCik(320193)).toBe('320193');
    expect(padCik('320193')).toBe('0000320193');
  });

  it.each(['', '0', '00000000000320193', '12345678901', 'apple', '-1'])('rejects %j with INVALID_CIK', (input) => {
    expect(() => parseCik(input)).toThrow(expect.objectContaining({ code: 'INVALID_CIK' }));
  });
});

describe('URLs', () => {
  it('builds the SEC paths with the unpadded CIK in the archive and the padded one in the API', () => {
    expect(fullSubmissionUrl('0000320193', '0000320193-24-000123')).toBe(
      'https://www.sec.gov/Archives/edgar/data/320193/000032019324000123/0000320193-24-000123.txt',
    );
    expect(filingIndexUrl(320193, '000032019324000123')).toBe(
      'https://www.sec.gov/Archives/edgar/data/320193/000032019324000123/index.json',
    );
    expect(submissionsUrl('320193')).toBe('https://data.sec.gov/submissions/CIK0000320193.json');
    expect(submissionsPageUrl('CIK0000320193-submissions-001.json')).toBe(
      'https://data.sec.gov/submissions/CIK0000320193-submissions-001.json',
    );
  });

  it('honours EDGAR_BASE_URL and EDGAR_DATA_URL (trailing slashes dropped)', () => {
    const env = { EDGAR_BASE_URL: 'http://127.0.0.1:9999/', EDGAR_DATA_URL: 'http://127.0.0.1:9998' };
    expect(resolveEdgarHosts({ env })).toEqual({ baseUrl: 'http://127.0.0.1:9999', dataUrl: 'http://127.0.0.1:9998' });
    expect(submissionsUrl('1', { env })).toBe('http://127.0.0.1:9998/submissions/CIK0000000001.json');
    expect(() => resolveEdgarHosts({ env: { EDGAR_BASE_URL: 'ftp://x' } })).toThrow(ValidationError);
  });

  it('tries the given CIK, then the transmitting CIK, then the short form', () => {
    expect(fullSubmissionCandidates('0001125282-03-003998', '1034663')).toEqual([
      'https://www.sec.gov/Archives/edgar/data/1034663/000112528203003998/0001125282-03-003998.txt',
      'https://www.sec.gov/Archives/edgar/data/1125282/000112528203003998/0001125282-03-003998.txt',
      'https://www.sec.gov/Archives/edgar/data/1034663/0001125282-03-003998.txt',
      'https://www.sec.gov/Archives/edgar/data/1125282/0001125282-03-003998.txt',
    ]);
    expect(fullSubmissionCandidates('0001125282-03-003998', undefined)).toHaveLength(2);
  });

  it('refuses a files[] page name that could leave /submissions/', () => {
    expect(() => submissionsPageUrl('../../Archives/x.json')).toThrow(ValidationError);
  });
});
