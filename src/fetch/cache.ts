/**
 * The on-disk cache of raw submissions: `{cacheDir}/filings/{accession}.txt`, the bytes exactly as EDGAR sent them.
 * A cached accession is never fetched again (unless the caller asks for a refresh), so reruns and resumed batches
 * cost no requests. Writes are atomic: bytes go to a uniquely named temporary file in the same directory, are
 * flushed, then renamed over the final name, so a crash or Ctrl-C mid-write leaves at most a stray `.tmp` file
 * (which `sweep()` removes), never a partial `{accession}.txt`.
 * The cache directory is `EDGAR_CACHE_DIR`, else `$XDG_CACHE_HOME/edgar-extract`, else `~/.cache/edgar-extract`.
 * Only complete, checked submissions are written here; deciding that is the client's job.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { normalizeAccessionNumber } from './accession.js';

const TEMP_SUFFIX = '.tmp';

/** The cache directory for this environment (see module header for the order). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.EDGAR_CACHE_DIR?.trim();
  if (explicit) return explicit;
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg) return join(xdg, 'edgar-extract');
  // Windows has no ~/.cache convention; its per-user cache lives under LOCALAPPDATA.
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'edgar-extract', 'Cache');
  return join(env.HOME?.trim() || homedir(), '.cache', 'edgar-extract');
}

export class SubmissionCache {
  /** The cache root; submissions live in its `filings/` folder. */
  readonly dir: string;
  readonly #filingsDir: string;

  constructor(dir: string = defaultCacheDir()) {
    this.dir = dir;
    this.#filingsDir = join(dir, 'filings');
  }

  /** Where an accession's submission is (or would be) stored. Validates the accession number. */
  pathFor(accession: string): string {
    return join(this.#filingsDir, `${normalizeAccessionNumber(accession)}.txt`);
  }

  async has(accession: string): Promise<boolean> {
    try {
      return (await stat(this.pathFor(accession))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** The cached bytes, or null when the accession is not cached. */
  async read(accession: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathFor(accession)));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /**
   * Store bytes atomically and return the final path. Concurrent writers of the same accession are safe: each has
   * its own temporary file and the last rename wins with complete bytes either way.
   */
  async write(accession: string, bytes: Uint8Array): Promise<string> {
    const finalPath = this.pathFor(accession);
    await mkdir(this.#filingsDir, { recursive: true });
    const tempPath = `${finalPath}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
    let renamed = false;
    try {
      const handle = await open(tempPath, 'wx');
      try {
        await handle.writeFile(bytes);
        // Flush before the rename: otherwise a power loss could leave the new name pointing at unwritten blocks.
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tempPath, finalPath);
      renamed = true;
      return finalPath;
    } finally {
      if (!renamed) await rm(tempPath, { force: true }).catch(() => undefined);
    }
  }

  /** Forget one accession (used by refresh paths and tests). */
  async remove(accession: string): Promise<void> {
    await rm(this.pathFor(accession), { force: true });
  }

  /**
   * Delete temporary files left by crashed writers. Only files older than `olderThanMs` (default one hour) are
   * touched, so a writer in another process that is mid-write right now keeps its file.
   */
  async sweep(options: { olderThanMs?: number } = {}): Promise<number> {
    const olderThanMs = options.olderThanMs ?? 3_600_000;
    let names: string[];
    try {
      names = await readdir(this.#filingsDir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      if (!name.endsWith(TEMP_SUFFIX)) continue;
      const path = join(this.#filingsDir, name);
      try {
        const info = await stat(path);
        if (Date.now() - info.mtimeMs >= olderThanMs) {
          await rm(path, { force: true });
          removed += 1;
        }
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return removed;
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
