/**
 * Tickers → CIKs through EDGAR's `company_tickers.json` (`{base}/files/company_tickers.json`: an object of
 * `{cik_str, ticker, title}` rows), so a user can say `cik AAPL` where a CIK is expected. The file is cached for a
 * day beside the submissions cache; it changes as companies list and delist, not by the minute.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFoundError } from '../errors/index.js';
import type { EdgarClient, RequestOptions } from './client.js';
import { parseCik } from './cik.js';

export const TICKERS_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** A ticker as users type it: letters first, then letters, digits, dots or dashes (BRK.B, BRK-B). */
export function looksLikeTicker(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9.-]{0,9}$/.test(text.trim()) && !/^CIK\d/i.test(text.trim());
}

export interface TickerEntry {
  cik: string;
  ticker: string;
  title: string;
}

/** Read the tickers file's rows; unknown shapes are skipped (the SEC may add fields). */
export function parseTickers(json: unknown): TickerEntry[] {
  if (json === null || typeof json !== 'object') return [];
  const rows = Array.isArray(json) ? json : Object.values(json as Record<string, unknown>);
  const out: TickerEntry[] = [];
  for (const row of rows) {
    const r = row as { cik_str?: unknown; ticker?: unknown; title?: unknown } | null;
    if (!r || (typeof r.cik_str !== 'number' && typeof r.cik_str !== 'string') || typeof r.ticker !== 'string') continue;
    out.push({ cik: String(r.cik_str), ticker: r.ticker, title: typeof r.title === 'string' ? r.title : '' });
  }
  return out;
}

function tickerKey(ticker: string): string {
  return ticker.trim().toUpperCase().replace(/\./g, '-');
}

async function loadTickers(client: EdgarClient, cacheDir: string, options: RequestOptions): Promise<unknown> {
  const path = join(cacheDir, 'company_tickers.json');
  try {
    const info = await stat(path);
    if (Date.now() - info.mtimeMs < TICKERS_MAX_AGE_MS) return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    // missing or unreadable: fetch it
  }
  const json = await client.getJson(`${client.hosts.baseUrl}/files/company_tickers.json`, options);
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(json));
  await rename(tmp, path);
  return json;
}

/**
 * A CIK as typed (`320193`, `CIK0000320193`) → its unpadded digits; a ticker (`AAPL`, `brk.b`) → the CIK EDGAR lists
 * for it. Throws ValidationError for neither, NotFoundError for an unknown ticker, FetchError when the list cannot be
 * fetched. The client is only asked for when a ticker needs looking up.
 */
export async function resolveCikOrTicker(
  text: string,
  options: { client: () => EdgarClient; cacheDir: string; signal?: AbortSignal },
): Promise<{ cik: string; ticker: string | null; title: string | null }> {
  if (!looksLikeTicker(text)) return { cik: parseCik(text), ticker: null, title: null };
  const json = await loadTickers(options.client(), options.cacheDir, options.signal ? { signal: options.signal } : {});
  const key = tickerKey(text);
  const hit = parseTickers(json).find((t) => tickerKey(t.ticker) === key);
  if (!hit) throw new NotFoundError('ticker', `no company with ticker ${text.trim().toUpperCase()} in EDGAR's company_tickers.json; give its CIK instead`);
  return { cik: parseCik(hit.cik), ticker: hit.ticker, title: hit.title };
}
