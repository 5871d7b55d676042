/**
 * Where things live on EDGAR (reference §2.2–2.3). The archive host (`www.sec.gov`) and the API host
 * (`data.sec.gov`) can be overridden by `EDGAR_BASE_URL` and `EDGAR_DATA_URL`, which is how tests point the fetcher
 * at a local server. Archive paths use the unpadded CIK, as the SEC's own links do; the submissions API the padded one.
 */
import { ValidationError } from '../errors/index.js';
import { parseAccessionNumber } from './accession.js';
import { padCik, parseCik } from './cik.js';
import { pushAll } from '../arrays.js';

export const DEFAULT_BASE_URL = 'https://www.sec.gov';
export const DEFAULT_DATA_URL = 'https://data.sec.gov';

export interface EdgarUrlOptions {
  /** Archive host; default `EDGAR_BASE_URL` or https://www.sec.gov. */
  baseUrl?: string;
  /** API host; default `EDGAR_DATA_URL` or https://data.sec.gov. */
  dataUrl?: string;
  env?: NodeJS.ProcessEnv;
}

export interface EdgarHosts {
  baseUrl: string;
  dataUrl: string;
}

/** Resolve the two hosts from explicit options, then the environment, then the SEC's defaults. */
export function resolveEdgarHosts(options: EdgarUrlOptions = {}): EdgarHosts {
  const env = options.env ?? process.env;
  return {
    baseUrl: checkHost(options.baseUrl ?? nonEmpty(env.EDGAR_BASE_URL) ?? DEFAULT_BASE_URL, 'EDGAR_BASE_URL'),
    dataUrl: checkHost(options.dataUrl ?? nonEmpty(env.EDGAR_DATA_URL) ?? DEFAULT_DATA_URL, 'EDGAR_DATA_URL'),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

function checkHost(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new ValidationError('INVALID_OPTION', `${name} must be an http(s) URL, got "${value}"`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError('INVALID_OPTION', `${name} must be an http(s) URL, got "${value}"`);
  }
  // Keep any path prefix (a proxy may mount EDGAR under one) but never a trailing slash, so joins stay single-slashed.
  return value.replace(/\/+$/, '');
}

/** `{base}/Archives/edgar/data/{cik}/{acc18}/{accession}.txt` — the complete submission text file. */
export function fullSubmissionUrl(cik: string | number, accession: string, options: EdgarUrlOptions = {}): string {
  const { accessionNumber, accessionFolder } = parseAccessionNumber(accession);
  return `${resolveEdgarHosts(options).baseUrl}/Archives/edgar/data/${parseCik(cik)}/${accessionFolder}/${accessionNumber}.txt`;
}

/** `{base}/Archives/edgar/data/{cik}/{accession}.txt` — the older short form, still served for many filings. */
export function shortSubmissionUrl(cik: string | number, accession: string, options: EdgarUrlOptions = {}): string {
  const { accessionNumber } = parseAccessionNumber(accession);
  return `${resolveEdgarHosts(options).baseUrl}/Archives/edgar/data/${parseCik(cik)}/${accessionNumber}.txt`;
}

/** `{base}/Archives/edgar/data/{cik}/{acc18}/index.json` — the filing folder's listing. */
export function filingIndexUrl(cik: string | number, accession: string, options: EdgarUrlOptions = {}): string {
  const { accessionFolder } = parseAccessionNumber(accession);
  return `${resolveEdgarHosts(options).baseUrl}/Archives/edgar/data/${parseCik(cik)}/${accessionFolder}/index.json`;
}

/** `{data}/submissions/CIK##########.json` — a filer's submissions (recent filings plus `files[]` pages). */
export function submissionsUrl(cik: string | number, options: EdgarUrlOptions = {}): string {
  return `${resolveEdgarHosts(options).dataUrl}/submissions/CIK${padCik(cik)}.json`;
}

/** `{data}/submissions/{name}` — one older page named in `filings.files[]`. */
export function submissionsPageUrl(name: string, options: EdgarUrlOptions = {}): string {
  // The name comes from the SEC's JSON; refuse anything that could climb out of /submissions/.
  if (!/^[A-Za-z0-9._-]+\.json$/.test(name)) {
    throw new ValidationError('INVALID_OPTION', `unexpected submissions page name "${name}"`);
  }
  return `${resolveEdgarHosts(options).dataUrl}/submissions/${name}`;
}

/**
 * The URLs to try, in order, for a full submission. A filing is listed under every CIK involved, so the caller's CIK
 * comes first; without one the transmitting CIK in the accession number is the best guess. The short form is the
 * fallback the reference calls "the other URL form" to try before a 404 is final.
 */
export function fullSubmissionCandidates(accession: string, cik: string | number | undefined, options: EdgarUrlOptions = {}): string[] {
  const { filerCik } = parseAccessionNumber(accession);
  // `0000000000-` accessions are the SEC's own (staff letters): CIK 0 has no folder; only the listing CIK does.
  const transmitter = /^0+$/.test(filerCik) ? undefined : filerCik;
  const ciks = [...new Set([cik === undefined ? undefined : parseCik(cik), transmitter].filter((c): c is string => c !== undefined))];
  const urls = ciks.map((c) => fullSubmissionUrl(c, accession, options));
  pushAll(urls, ciks.map((c) => shortSubmissionUrl(c, accession, options)));
  return urls;
}
