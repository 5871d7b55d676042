/**
 * One accession number to bytes, cheapest source first: the bundled `samples/` (files named `<accession>.txt`, so
 * the founding sample works offline and without a User-Agent), then the on-disk cache, and only then EDGAR, whose
 * answer is cached for next time. `refresh` skips both local sources and refetches. A client is created only when
 * the network is needed, so a missing User-Agent is an error only then.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeAccessionNumber } from './accession.js';
import { SubmissionCache, defaultCacheDir } from './cache.js';
import { EdgarClient, type EdgarClientOptions } from './client.js';
import { headerAccession } from './submission-check.js';

export interface ResolveOptions {
  /** Folder of bundled filings named `<accession>.txt`. */
  samplesDir?: string;
  /** Cache root; default `EDGAR_CACHE_DIR` or the user cache directory. */
  cacheDir?: string;
  /** Client to use on a miss; default a new EdgarClient from `clientOptions` and the environment. */
  client?: EdgarClient;
  clientOptions?: EdgarClientOptions;
  /** Ignore samples and cache; fetch and re-cache. */
  refresh?: boolean;
  /** A CIK the filing is listed under, if known (gives the exact archive folder). */
  cik?: string | number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

export interface ResolvedSubmission {
  accessionNumber: string;
  bytes: Uint8Array;
  origin: 'samples' | 'cache' | 'fetched';
  /** The file the bytes are in (the sample, or the cache entry, also after a fetch). */
  path: string;
}

/**
 * Get one submission's bytes. Throws ValidationError for a malformed accession number or (when the network is
 * needed) a missing User-Agent, NotFoundError when EDGAR does not have it, FetchError on network failure.
 */
export async function resolveAccession(accession: string, options: ResolveOptions = {}): Promise<ResolvedSubmission> {
  const accessionNumber = normalizeAccessionNumber(accession);
  const env = options.env ?? process.env;
  const cache = new SubmissionCache(options.cacheDir ?? defaultCacheDir(env));
  if (!options.refresh) {
    if (options.samplesDir !== undefined) {
      const path = join(options.samplesDir, `${accessionNumber}.txt`);
      const bytes = await readIfPresent(path);
      if (bytes) return { accessionNumber, bytes, origin: 'samples', path };
    }
    const cached = await cache.read(accessionNumber);
    // A cache entry holding another submission (written before the fetcher checked) is not this filing: refetch.
    const declared = cached ? headerAccession(cached) : null;
    if (cached && (declared === null || declared === accessionNumber)) return { accessionNumber, bytes: cached, origin: 'cache', path: cache.pathFor(accessionNumber) };
  }
  const client = options.client ?? new EdgarClient({ env, ...options.clientOptions });
  const fetched = await client.fetchSubmission(accessionNumber, {
    ...(options.cik !== undefined ? { cik: options.cik } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const path = await cache.write(accessionNumber, fetched.bytes);
  return { accessionNumber, bytes: fetched.bytes, origin: 'fetched', path };
}

async function readIfPresent(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}
