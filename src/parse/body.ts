/**
 * Document bodies, decoded on demand. The parse tree only holds spans; extractors ask here for what they need:
 *   - `documentSource`: the body as text (UTF-8, windows-1252 fallback), `<XML>`/`<XBRL>` wrappers removed;
 *   - `documentText`: readable text — HTML rendered to lines (blocks and table rows break lines, cells are separated
 *     by a tab), plain text as is. Extracted records' spans are offsets into this string;
 *   - `documentBinary`: uuencoded attachments (`begin 644 name.pdf`, also inside `<PDF>`) decoded to bytes.
 * Results are memoised per document, so several extractors can share one decoding.
 */
import { ParseError } from '../errors/index.js';
import type { DocumentEnvelope, Submission } from './types.js';
import { decodeText } from './text-decoding.js';
import { htmlToText } from './html-text.js';

export { htmlToText };

const sourceCache = new WeakMap<DocumentEnvelope, string>();
const textCache = new WeakMap<DocumentEnvelope, string>();

/** The raw bytes of a document's body. */
export function documentBytes(submission: Submission, doc: DocumentEnvelope): Uint8Array {
  return submission.bytes.subarray(doc.bodySpan.start, doc.bodySpan.end);
}

/** The body as a string, with the `<XML>`, `<XBRL>` or `<PDF>` wrapper removed. */
export function documentSource(submission: Submission, doc: DocumentEnvelope): string {
  const cached = sourceCache.get(doc);
  if (cached !== undefined) return cached;
  let text = decodeText(documentBytes(submission, doc));
  if (doc.bodyFormat === 'xml' || doc.bodyFormat === 'xbrl' || doc.bodyFormat === 'pdf') {
    text = stripClosingWrapper(text.replace(/^\s*<(XML|XBRL|PDF)>\s*/i, ''));
  }
  sourceCache.set(doc, text);
  return text;
}

/**
 * The body without its closing `</XML>`, `</XBRL>` or `</PDF>` and the white space around it. Done by hand: the
 * regex `\s*<\/(XML|XBRL|PDF)>\s*$` was tried from every blank of a run and scanned the rest of it (quadratic).
 */
function stripClosingWrapper(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end -= 1;
  const close = /<\/(?:XML|XBRL|PDF)>$/i.exec(text.slice(Math.max(0, end - 7), end));
  if (!close) return text;
  end -= close[0].length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/** Readable text of the body: HTML rendered to lines, text as is, XML as its source. */
export function documentText(submission: Submission, doc: DocumentEnvelope): string {
  const cached = textCache.get(doc);
  if (cached !== undefined) return cached;
  const source = documentSource(submission, doc);
  const text = doc.bodyFormat === 'html' ? htmlToText(source) : source;
  textCache.set(doc, text);
  return text;
}

export interface DecodedBinary {
  filename: string;
  mode: string;
  bytes: Uint8Array;
}

/**
 * Decode a uuencoded body (`begin 644 name`, lines of `M…`, a backtick or empty line, `end`). Throws ParseError
 * with the offending line when the data is damaged, since a silently short binary would be worse than none.
 */
export function documentBinary(submission: Submission, doc: DocumentEnvelope): DecodedBinary | null {
  const text = Buffer.from(documentBytes(submission, doc)).toString('latin1');
  const begin = /^[ \t]*begin ([0-7]{3,4}) (.+?)[ \t]*$/m.exec(text);
  if (!begin) return null;
  const lines = text.slice(begin.index + begin[0].length).split(/\r\n|\r|\n/);
  const chunks: Buffer[] = [];
  let lineNo = 0;
  for (const raw of lines) {
    lineNo += 1;
    const line = raw.trimEnd();
    if (line === '') continue;
    if (line === 'end') return { filename: begin[2]!, mode: begin[1]!, bytes: Buffer.concat(chunks) };
    const n = (line.charCodeAt(0) - 32) & 63;
    if (n === 0) continue;
    const out = Buffer.alloc(n);
    let o = 0;
    for (let i = 1; o < n; i += 4) {
      const c = [0, 1, 2, 3].map((k) => ((line.charCodeAt(i + k) || 32) - 32) & 63);
      const bytes = [(c[0]! << 2) | (c[1]! >> 4), ((c[1]! & 15) << 4) | (c[2]! >> 2), ((c[2]! & 3) << 6) | c[3]!];
      for (const b of bytes) if (o < n) out[o++] = b & 255;
    }
    chunks.push(out);
  }
  const offset = doc.bodySpan.start + begin.index;
  throw new ParseError('UUENCODE_TRUNCATED', `uuencoded ${begin[2]} has no "end" line (after ${lineNo} lines)`, { file: submission.sourceName, offset, line: 0, column: 0 }, begin[0]);
}
