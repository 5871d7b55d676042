/**
 * EDGAR PDS Feed archives (reference §2.5): `Feed/{YYYY}/QTR{n}/{YYYYMMDD}.nc.tar.gz`, a gzipped tar of one
 * `{accession}.nc` file per submission disseminated that day (0.1–2.6 GB a day). Read as a stream: the archive
 * is gunzipped and untarred as it arrives (tar-stream, the streaming tar parser behind tar-fs), and each member is
 * handed on as `{name, bytes}` before the next is read, so nothing is extracted to disk and memory is bounded by
 * the largest member (plus the gunzip window). A member's `.nc` header is read first: a caller that only wants some
 * forms says so in `select`, and a member it does not want is drained without being kept.
 * Also reads plain `.tar` and `.tar.gz` / `.tgz` archives of `.nc` or `.txt` submissions (gzip is recognised by
 * its magic bytes, not the name).
 *
 * PDS dissemination notices (PDS specification §3.5; reference §1.2 marks the details unverified, and no live
 * notice is in the corpus, so this follows the documented shape): a submission header flagged `<DELETION>` says a
 * previously disseminated submission (its `<ACCESSION-NUMBER>`) was deleted, one flagged `<CORRECTION>` re-sends a
 * corrected submission in full; both carry `<TIMESTAMP>YYYYMMDD:HHMMSS` (Eastern). They are reported in the header
 * peek as `notice`, for the caller to record rather than drop.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { ParseError } from '../errors/index.js';

/** `.tar`, `.tar.gz`, `.tgz` (so also `.nc.tar.gz`): a path the main command reads as an archive of submissions. */
export function isArchivePath(path: string): boolean {
  return /\.(tar|tar\.gz|tgz)$/i.test(path);
}

export type FeedNoticeKind = 'DELETION' | 'CORRECTION';

export interface FeedNotice {
  kind: FeedNoticeKind;
  /** The submission the notice is about. */
  accessionNumber: string | null;
  /** `<TIMESTAMP>` as ISO local Eastern time `YYYY-MM-DDTHH:MM:SS`, or as given when it has another shape. */
  timestamp: string | null;
}

/** What the header of a member says, read before the member is kept or skipped. */
export interface MemberHeader {
  /** The member's path inside the archive. */
  name: string;
  accessionNumber: string | null;
  /** The submission's `<TYPE>` (tag form) or CONFORMED SUBMISSION TYPE (tab form). */
  formType: string | null;
  notice: FeedNotice | null;
}

export interface ArchiveMember {
  name: string;
  bytes: Uint8Array;
  header: MemberHeader;
}

export interface ReadArchiveOptions {
  /** Name of the archive for messages (default: the path, or `<archive>`). */
  archiveName?: string;
  /** Keep this member? Called once its header is read; a member not kept is drained unbuffered. Default: all. */
  select?: (header: MemberHeader) => boolean;
  /** Told about members passed over: not a submission file (`not-a-submission`) or not selected (`not-selected`). */
  onSkip?: (header: MemberHeader, why: 'not-a-submission' | 'not-selected') => void;
}

/** Enough bytes to hold any submission header's first lines; the header peek never buffers more than this. */
const HEADER_PEEK_BYTES = 64 * 1024;

/**
 * The submissions in an archive, one at a time, as the archive streams. `source` is a path or a byte stream.
 * Throws ParseError `BAD_ARCHIVE` (file = archive name, with the member being read) when the bytes are not a
 * (gzipped) tar or end early.
 */
export async function* readArchiveMembers(source: string | Readable | AsyncIterable<Uint8Array>, options: ReadArchiveOptions = {}): AsyncGenerator<ArchiveMember> {
  const archiveName = options.archiveName ?? (typeof source === 'string' ? source : '<archive>');
  const input = typeof source === 'string' ? createReadStream(source) : source;
  const untar = extract();
  let current = '';
  const fail = (error: unknown): ParseError =>
    error instanceof ParseError
      ? error
      : new ParseError(
          'BAD_ARCHIVE',
          `not a readable tar${/\.t?gz$/i.test(archiveName) ? '.gz' : ''} archive${current ? ` (while reading member ${current})` : ''}: ${(error as Error).message}`,
          { file: archiveName, offset: 0, line: 1, column: 1 },
          '',
          { cause: error },
        );
  let raw: { stream: Readable; gzip: boolean } | undefined;
  try {
    raw = await sniffGzip(input);
    // Errors anywhere on the way in (file read, gunzip, tar) destroy the tar stream, so the one loop below sees them.
    if (raw.gzip) pipeline(raw.stream, createGunzip(), untar, () => {});
    else pipeline(raw.stream, untar, () => {});
    for await (const entry of untar) {
      current = entry.header.name;
      const isFile = entry.header.type === 'file' || entry.header.type === 'contiguous-file';
      if (!isFile || !/\.(nc|txt)$/i.test(entry.header.name)) {
        entry.resume();
        if (isFile) options.onSkip?.({ name: entry.header.name, accessionNumber: null, formType: null, notice: null }, 'not-a-submission');
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let header: MemberHeader | null = null;
      let keep = true;
      let peek = '';
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        if (!keep) continue; // drained, not kept
        chunks.push(chunk);
        size += chunk.length;
        if (header === null) peek += chunk.subarray(0, HEADER_PEEK_BYTES - peek.length).toString('latin1');
        if (header === null && (peek.length >= HEADER_PEEK_BYTES || headerComplete(peek))) {
          header = readMemberHeader(entry.header.name, Buffer.concat(chunks).subarray(0, HEADER_PEEK_BYTES));
          keep = options.select ? options.select(header) : true;
          if (!keep) {
            chunks.length = 0;
            options.onSkip?.(header, 'not-selected');
          }
        }
      }
      if (header === null) {
        header = readMemberHeader(entry.header.name, Buffer.concat(chunks));
        keep = options.select ? options.select(header) : true;
        if (!keep) options.onSkip?.(header, 'not-selected');
      }
      if (!keep) continue;
      const whole = Buffer.concat(chunks, size);
      chunks.length = 0;
      yield { name: entry.header.name, bytes: new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength), header };
    }
  } catch (error) {
    throw fail(error);
  } finally {
    untar.destroy();
    raw?.stream.destroy();
  }
}

/** The bytes as a stream, and whether they start with gzip's magic bytes (read from the first chunks, then replayed). */
async function sniffGzip(input: Readable | AsyncIterable<Uint8Array>): Promise<{ stream: Readable; gzip: boolean }> {
  const iterator = (input as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headSize = 0;
  while (headSize < 2) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = Buffer.from(next.value);
    head.push(chunk);
    headSize += chunk.length;
  }
  const first = Buffer.concat(head);
  async function* replay(): AsyncGenerator<Buffer> {
    if (first.length) yield first;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield Buffer.from(next.value);
    }
  }
  return { stream: Readable.from(replay()), gzip: first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b };
}

/** True once the accumulated start of a member holds the end of its header (its first document). */
function headerComplete(peek: string): boolean {
  return peek.includes('<DOCUMENT>');
}

/**
 * Accession number, form type and any dissemination notice from the header lines of a submission (tag form as in
 * `.nc` files, or tab form as in `.txt` files), reading no further than its first `<DOCUMENT>`.
 */
export function readMemberHeader(name: string, bytes: Uint8Array): MemberHeader {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const end = text.indexOf('<DOCUMENT>');
  const lines = (end >= 0 ? text.slice(0, end) : text).split(/\r\n|\r|\n/);
  let accessionNumber: string | null = null;
  let formType: string | null = null;
  let kind: FeedNoticeKind | null = null;
  let timestamp: string | null = null;
  for (const line of lines) {
    const tag = /^<([A-Z][A-Z0-9-]*)>\s*(.*?)\s*$/.exec(line);
    const tab = tag ? null : /^(ACCESSION NUMBER|CONFORMED SUBMISSION TYPE):\s*(.*?)\s*$/.exec(line);
    const key = tag?.[1] ?? tab?.[1];
    const value = tag?.[2] ?? tab?.[2] ?? '';
    if (key === undefined) continue;
    if ((key === 'ACCESSION-NUMBER' || key === 'ACCESSION NUMBER') && accessionNumber === null && value) accessionNumber = value;
    else if ((key === 'TYPE' || key === 'CONFORMED SUBMISSION TYPE') && formType === null && value) formType = value;
    else if (key === 'DELETION' || key === 'CORRECTION') kind = key;
    else if (key === 'TIMESTAMP' && value) timestamp = isoTimestamp(value);
  }
  accessionNumber ??= /(\d{10}-\d{2}-\d{6})/.exec(basename(name))?.[1] ?? null;
  return { name, accessionNumber, formType, notice: kind ? { kind, accessionNumber, timestamp } : null };
}

/** `YYYYMMDD:HHMMSS` → `YYYY-MM-DDTHH:MM:SS`; anything else is kept as given. */
function isoTimestamp(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2}):?(\d{2})(\d{2})(\d{2})$/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : value;
}
