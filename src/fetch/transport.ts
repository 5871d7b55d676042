/**
 * The wire under EdgarClient: streaming a body to a file that appears only when complete, reading Retry-After, and
 * telling connection failures apart (unreachable host vs a dropped connection), with short descriptions for messages.
 * No policy here: when to retry, wait or give up is the client's (client.ts).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FetchError } from '../errors/index.js';

/** Stream a body to `path` via a temporary file renamed into place when complete; aborts after `idleMs` without data. */
export async function streamToFile(body: NodeJS.ReadableStream, path: string, idleMs: number, onIdle: () => void): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  let written = 0;
  let idle = setTimeout(onIdle, idleMs);
  try {
    await mkdir(dirname(path), { recursive: true });
    await pipeline(
      body,
      new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          clearTimeout(idle);
          idle = setTimeout(onIdle, idleMs);
          written += chunk.length;
          callback(null, chunk);
        },
      }),
      createWriteStream(temp),
    );
    if (written === 0) throw new FetchError('EMPTY_BODY', 'EDGAR sent an empty body', { url: path });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    clearTimeout(idle);
  }
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Connection errors that mean the host cannot be reached at all (name lookup failed, nothing listening). */
export const UNREACHABLE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function isSystemError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

export function describeBody(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  if (title) return `an HTML page titled "${title}"`;
  if (text.trim() === '') return 'an empty body';
  return JSON.stringify(text.slice(0, 60));
}

export function formatDuration(ms: number): string {
  if (ms >= 60_000) return `${Math.round(ms / 6000) / 10} min`;
  if (ms >= 1000) return `${Math.round(ms / 100) / 10} s`;
  return `${ms} ms`;
}
