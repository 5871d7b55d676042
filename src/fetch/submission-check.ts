/**
 * Is this answer a filing? EDGAR (and the S3 bucket behind it) sometimes answers 200 with something else: the
 * SEC's HTML rate-limit or error page, an S3 `NoSuchKey` XML, an empty body, or a download cut short. A complete
 * submission text file starts at a known root (`<SEC-DOCUMENT>`, `<IMS-DOCUMENT>`, `<SUBMISSION>`, a PEM wrapper,
 * a bare `<SEC-HEADER>` or `<DOCUMENT>`) and ends with that root's closing tag, so a missing closing tag is the
 * signature of truncation (reference §1.3). This is a cheap envelope check on the raw bytes, not a parse.
 */
import { escapeRegExp } from '../regexp-escape.js';

export type SubmissionProblem = 'EMPTY_BODY' | 'NOT_A_FILING' | 'TRUNCATED_SUBMISSION';

export type SubmissionCheck =
  | { ok: true; root: string }
  | { ok: false; code: SubmissionProblem; reason: string };

const PEM_BEGIN = '-----BEGIN PRIVACY-ENHANCED MESSAGE-----';
/** Roots in the order they are looked for, each with the tag that must close a complete file. */
const ROOTS: ReadonlyArray<{ open: string; close: string }> = [
  { open: '<SEC-DOCUMENT>', close: '</SEC-DOCUMENT>' },
  { open: '<IMS-DOCUMENT>', close: '</IMS-DOCUMENT>' },
  { open: '<SUBMISSION>', close: '</SUBMISSION>' },
  { open: '<SEC-HEADER>', close: '</SEC-HEADER>' },
  { open: '<DOCUMENT>', close: '</DOCUMENT>' },
];
/** How far into the file the root may start (a PEM preamble is a few hundred bytes) and how near the end it closes. */
const HEAD_BYTES = 8192;
const TAIL_BYTES = 65536;

/** Check raw bytes of a full submission (`{accession}.txt`). */
export function checkSubmission(bytes: Uint8Array): SubmissionCheck {
  // latin-1 maps every byte to one character, so offsets stay byte offsets and no input can fail to decode.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD_BYTES)).toString('latin1');
  const trimmed = head.replace(/^[\s\uFEFF\u00EF\u00BB\u00BF]+/, '');
  if (trimmed.length === 0) {
    return { ok: false, code: 'EMPTY_BODY', reason: bytes.byteLength === 0 ? 'the body is empty' : 'the body is only white space' };
  }
  const start = trimmed.startsWith(PEM_BEGIN) ? trimmed.slice(PEM_BEGIN.length) : trimmed;
  const root = ROOTS.find((r) => startsWithRoot(start, r.open, trimmed !== start));
  if (!root) {
    return { ok: false, code: 'NOT_A_FILING', reason: describeForeign(trimmed) };
  }
  const tailStart = Math.max(0, bytes.byteLength - TAIL_BYTES);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, bytes.byteLength - tailStart).toString('latin1');
  if (!tail.toUpperCase().includes(root.close)) {
    return { ok: false, code: 'TRUNCATED_SUBMISSION', reason: `the body starts with ${root.open} but has no ${root.close} near its end` };
  }
  return { ok: true, root: root.open };
}

function startsWithRoot(text: string, open: string, afterPem: boolean): boolean {
  // Inside a PEM wrapper the root follows the key and MIC lines, so look for it on any line of the head.
  if (afterPem) return new RegExp(`(^|\\n)\\s*${escapeRegExp(open)}`, 'i').test(text);
  return text.slice(0, open.length).toUpperCase() === open;
}

/** Name what arrived instead of a filing, so the report tells the user something useful. */
function describeForeign(text: string): string {
  const lower = text.slice(0, 2048).toLowerCase();
  if (lower.includes('request rate threshold exceeded')) return 'the SEC answered with its rate-limit page';
  if (lower.includes('nosuchkey')) return 'the archive answered NoSuchKey (no such file)';
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html') || lower.includes('<html')) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return title ? `an HTML page ("${title}") arrived instead of a filing` : 'an HTML page arrived instead of a filing';
  }
  if (lower.startsWith('<?xml')) return 'an XML document arrived instead of a submission text file';
  return `the body does not start with a submission root (first bytes: ${JSON.stringify(text.slice(0, 40))})`;
}

/**
 * The SEC's block answer: a 403 whose page is titled "Request Rate Threshold Exceeded", or the undeclared-tool page
 * that asks automated tools to declare their traffic. Either means every worker must stop (reference §3).
 */
export function isSecBlockPage(body: string): boolean {
  const lower = body.toLowerCase();
  return lower.includes('request rate threshold exceeded') || lower.includes('automated tools');
}

/**
 * The accession number a submission declares in its header (`ACCESSION NUMBER:` or `<ACCESSION-NUMBER>`), dashed;
 * null when the head has none (a bare document). Only the first 8 KB are read: the header comes first.
 */
export function headerAccession(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD_BYTES)).toString('latin1');
  const m = /(?:ACCESSION NUMBER:|<ACCESSION-NUMBER>)[ \t]*(\d{10})-?(\d{2})-?(\d{6})/i.exec(head);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
