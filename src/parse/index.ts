/**
 * The parse stage: bytes in, Submission tree out.
 *
 * The input is read as latin-1 (source-text.ts) so that every character offset is also a byte offset; the grammar
 * (grammars/submission.pegjs) finds the structure; this module turns its nodes into the typed tree and checks what
 * the grammar tolerated (missing closing tags, stray lines, document counts), reporting each as a warning with a
 * location. Input that is not a submission at all (empty, binary) is a ParseError. Bodies stay bytes (see body.ts).
 */
import type { ErrorCode, WarningCode } from '../errors/codes.js';
import { isAscii } from 'node:buffer';
import { ParseError } from '../errors/index.js';
import { parse as parseGrammar, SyntaxError as GrammarSyntaxError } from './generated/submission-parser.js';
import type { RawDocument, RawTree } from './grammar-types.js';
import { buildHeader, inspectHeaderNodes } from './header.js';
import { findDocumentStart } from './body-bounds.js';
import { MAX_HEADER_NESTING, SubmissionLexer } from './lexer.js';
import { LineIndex } from './line-index.js';
import { SourceText } from './source-text.js';
import type { BodyFormat, DocumentEnvelope, HeaderNode, ParseWarning, SourceFormat, Span, Submission } from './types.js';
import { compactDate } from './values.js';
import { decodeText } from './text-decoding.js';

export type * from './types.js';

export interface ParseOptions {
  /** Name used in warnings and errors (a path or an accession number). Default `<input>`. */
  sourceName?: string;
}

const ACCESSION_IN_NAME = /(\d{10})-?(\d{2})-?(\d{6})/;

/** How many warnings of one code a submission lists before it only counts them (see `warn` below). */
export const MAX_WARNINGS_PER_CODE = 1000;

/**
 * Parse one EDGAR submission (any shape of docs/design.md §2) from its bytes.
 * Never returns a silently shortened document: damage is reported in `warnings`; unreadable input throws ParseError.
 */
export function parseSubmission(input: Uint8Array | string, options: ParseOptions = {}): Submission {
  const sourceName = options.sourceName ?? '<input>';
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Only the header region is decoded up front; document bodies are read as text later, and only when asked for.
  const firstDocument = findDocumentStart(buffer, 0);
  const text = new SourceText(buffer, firstDocument < 0 ? buffer.length : firstDocument);
  const lines = new LineIndex(text);
  rejectUnreadable(text, sourceName, lines);

  let tree: RawTree;
  const lexer = new SubmissionLexer(text);
  try {
    // The generated parser reads its input only through String methods that SourceText implements.
    tree = parseGrammar(text as unknown as string, { lexer, grammarSource: sourceName });
  } catch (error) {
    // The grammar ends in a catch-all alternative, so this is a defect, but it still gets a location.
    if (error instanceof GrammarSyntaxError) {
      const at = error.location.start.offset;
      throw parseErrorAt('GRAMMAR_MISMATCH', `no rule of the submission grammar matches here: ${error.message}`, at, sourceName, lines, error);
    }
    throw error;
  }

  const warnings: ParseWarning[] = [];
  // Each code is listed at most MAX_WARNINGS_PER_CODE times, then counted: 200,000 empty <DOCUMENT> lines gave 600,000
  // warnings (and rows), most of the 873 MB that input used.
  const perCode = new Map<WarningCode, { count: number; firstUnlisted: number }>();
  const warn = (code: WarningCode, message: string, offset: number, documentSequence: number | null = null): void => {
    const seen = perCode.get(code) ?? { count: 0, firstUnlisted: -1 };
    perCode.set(code, seen);
    seen.count += 1;
    if (seen.count > MAX_WARNINGS_PER_CODE) {
      if (seen.firstUnlisted < 0) seen.firstUnlisted = offset;
      return;
    }
    const { line, column } = lines.locate(offset);
    warnings.push({ code, message, offset, line, column, documentSequence });
  };
  const summariseUnlisted = (): void => {
    for (const [code, seen] of perCode) {
      if (seen.count <= MAX_WARNINGS_PER_CODE) continue;
      const { line, column } = lines.locate(seen.firstUnlisted);
      warnings.push({ code: 'WARNINGS_NOT_LISTED', message: `${seen.count - MAX_WARNINGS_PER_CODE} more ${code} warnings are not listed (the first of them is here)`, offset: seen.firstUnlisted, line, column, documentSequence: null });
    }
  };

  const decode = (s: string): string => (/[\x80-\xff]/.test(s) ? decodeText(Buffer.from(s, 'latin1')) : s);
  // Most headers are pure ASCII: one SIMD check over the header bytes spares a test of every value.
  const headerIsAscii = (span: Span): boolean => isAscii(bytes.subarray(span.start, span.end));
  let header = null;
  if (tree.header) {
    const nodes = tree.header.items;
    const inspection = inspectHeaderNodes(nodes, headerIsAscii(tree.header.span) ? null : decode);
    header = buildHeader(nodes, tree.header.span, tree.flatStamp?.acceptanceDatetime ?? null, inspection.dialect);
    if (!tree.header.closed && tree.header.tag) warn('HEADER_NOT_CLOSED', `<${tree.header.tag}> has no closing tag`, tree.header.span.end);
    for (const n of inspection.strays) warn('HEADER_STRAY_LINE', `header line that is neither a field nor a tag it can place: ${clip(n.text)}`, n.span.start);
    for (const n of inspection.unclosed) warn('HEADER_TAG_NOT_CLOSED', `<${n.rawKey}> is never closed`, n.span.start);
    for (const n of inspection.badCiks) warn('CIK_INVALID', `CENTRAL INDEX KEY "${clip(n.value)}" is not 1-10 digits: kept as text, not as the CIK`, n.span.start);
    const tooDeep = lexer.firstTooDeep();
    if (tooDeep >= 0) warn('HEADER_TOO_DEEP', `header tags nested more than ${MAX_HEADER_NESTING} deep: the deeper ones are read as fields`, tooDeep);
  }

  const documents = tree.documents.map((d) => buildDocument(d, bytes, decode));
  tree.documents.forEach((d, i) => checkDocument(d, documents[i]!, tree.shape, warn));
  for (const stray of tree.strays) warn('STRAY_LINE', `line outside any document: ${clip(stray.text)}`, stray.span.start);
  if (tree.root && !tree.root.closed) warn('ROOT_NOT_CLOSED', `<${tree.root.tag}> has no closing tag (truncated file?)`, text.length);
  // An index-headers page goes on with HTML after the header comment; that is the page, not damage.
  if (tree.shape !== 'index-headers-html') checkTrailer(text, tree.trailer, warn);

  if (header && header.publicDocumentCount !== null && tree.shape !== 'header-only' && tree.shape !== 'index-headers-html') {
    if (header.publicDocumentCount !== documents.length) {
      warn('DOCUMENT_COUNT_MISMATCH', `PUBLIC DOCUMENT COUNT is ${header.publicDocumentCount} but ${documents.length} documents were found`, header.span.start);
    }
  }
  if (tree.shape === 'bare-document' && documents[0]) {
    documents[0].type = inferBareDocumentType(text);
    if (!documents[0].type) warn('DOCUMENT_TYPE_UNKNOWN', 'a bare document with no envelope and no "Exhibit N" heading: type unknown', 0);
  }

  const stampMatch = (s: string | null | undefined): string | null => {
    const m = s ? /:\s*(\d{8})/.exec(s) : null;
    return m ? compactDate(m[1]!) : null;
  };
  summariseUnlisted();
  const accessionFromName = ACCESSION_IN_NAME.exec(sourceName);
  return {
    sourceName,
    bytes,
    format: tree.shape,
    stamps: {
      document: tree.flatStamp ? (tree.flatStamp.documentStamp ? compactDate(tree.flatStamp.documentStamp) : null) : stampMatch(tree.root?.stamp),
      header: tree.flatStamp ? (tree.flatStamp.headerStamp ? compactDate(tree.flatStamp.headerStamp) : null) : stampMatch(tree.header?.stamp),
    },
    pemWrapped: tree.preamble?.kind === 'pem',
    header,
    documents,
    warnings,
    accessionNumber: header?.accessionNumber ?? (accessionFromName ? `${accessionFromName[1]}-${accessionFromName[2]}-${accessionFromName[3]}` : null),
  };
}

function rejectUnreadable(text: SourceText, sourceName: string, lines: LineIndex): void {
  if (isAllWhiteSpace(text.bytes)) {
    throw parseErrorAt('EMPTY_INPUT', text.length === 0 ? 'the input is empty' : 'the input holds only white space', 0, sourceName, lines);
  }
  // Real submissions are text; uuencoding keeps even their binaries printable. NUL bytes near the top mean binary.
  const head = text.slice(0, 4096);
  const nul = head.indexOf('\u0000');
  let control = 0;
  for (let i = 0; i < head.length; i += 1) {
    const c = head.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control += 1;
  }
  if (nul >= 0 || control > head.length * 0.05) {
    const at = nul >= 0 ? nul : firstControl(head);
    throw parseErrorAt('BINARY_INPUT', 'the input is binary data, not an EDGAR submission (NUL or control bytes)', at, sourceName, lines);
  }
}

/** Would the latin-1 text be empty after String#trim? (Its white space in latin-1: TAB, LF, VT, FF, CR, space, NBSP.) */
function isAllWhiteSpace(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) {
    const c = bytes[i]!;
    if (c !== 32 && (c < 9 || c > 13) && c !== 160) return false;
  }
  return true;
}

function firstControl(s: string): number {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) return i;
  }
  return 0;
}

function parseErrorAt(code: ErrorCode, message: string, offset: number, file: string, lines: LineIndex, cause?: unknown): ParseError {
  const { line, column } = lines.locate(offset);
  return new ParseError(code, message, { file, offset, line, column }, lines.lineText(offset), { cause });
}

function metaValue(meta: HeaderNode[], key: string): string | null {
  for (const n of meta) if (n.kind === 'field' && n.rawKey.toUpperCase() === key) return n.value.trim() || null;
  return null;
}

function buildDocument(d: RawDocument, bytes: Uint8Array, decode: (s: string) => string): DocumentEnvelope {
  const known = new Set(['TYPE', 'SEQUENCE', 'FILENAME', 'DESCRIPTION']);
  const otherFields: Record<string, string> = {};
  for (const m of d.meta) if (m.kind === 'field' && !known.has(m.rawKey.toUpperCase())) otherFields[m.rawKey] = decode(m.value);
  const seqText = metaValue(d.meta, 'SEQUENCE');
  const sequence = seqText && /^\d+$/.test(seqText) ? Number(seqText) : null;
  const bodySpan = d.body ?? { start: d.span.end, end: d.span.end };
  const filename = metaValue(d.meta, 'FILENAME');
  const description = metaValue(d.meta, 'DESCRIPTION');
  return {
    type: metaValue(d.meta, 'TYPE'),
    sequence,
    filename,
    description: description ? decode(description) : null,
    otherFields,
    span: d.span,
    bodySpan,
    bodyFormat: detectBodyFormat(bytes, bodySpan, filename),
    bytes: bodySpan.end - bodySpan.start,
  };
}

type Warn = (code: WarningCode, message: string, offset: number, documentSequence?: number | null) => void;

function checkDocument(d: RawDocument, doc: DocumentEnvelope, shape: SourceFormat, warn: Warn): void {
  if (shape === 'bare-document') return;
  const seq = doc.sequence;
  const label = `document ${seq ?? '?'} (${doc.type ?? 'no TYPE'})`;
  if (!doc.type) warn('DOCUMENT_TYPE_MISSING', `${label} has no <TYPE>`, d.span.start, seq);
  if (!d.textOpened) warn('TEXT_MISSING', `${label} has no <TEXT> block`, d.span.start, seq);
  else if (!d.textClosed) warn('TEXT_NOT_CLOSED', `${label}: no </TEXT>; body runs to the next document or the end of input (truncated?)`, doc.bodySpan.end, seq);
  if (!d.documentClosed && shape !== 'flattened-submission' && shape !== 'flattened-document') {
    warn('DOCUMENT_NOT_CLOSED', `${label} has no </DOCUMENT>`, d.span.end, seq);
  } else if (!d.documentClosed) {
    warn('DOCUMENT_TRUNCATED', `${label}: the flattened text ends inside this document (no PEM trailer)`, d.span.end, seq);
  }
  if ((shape === 'flattened-submission' || shape === 'flattened-document') && !doc.description && seq !== null) {
    warn('FLAT_DESCRIPTION_UNRESOLVED', `${label}: where the DESCRIPTION ends and the body begins could not be told apart; the body includes it`, doc.bodySpan.start, seq);
  }
}

function checkTrailer(text: SourceText, trailer: Span, warn: Warn): void {
  const rest = text.slice(trailer.start, trailer.end).trim();
  if (!rest) return;
  if (rest === '-----END PRIVACY-ENHANCED MESSAGE-----') return;
  warn('TRAILING_CONTENT', `content after the end of the submission structure: ${clip(rest)}`, trailer.start + text.slice(trailer.start).search(/\S/));
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 77)}...` : one;
}

/** Cheap look at the first bytes of a body; full decoding waits until someone asks (body.ts). */
function detectBodyFormat(bytes: Uint8Array, span: Span, filename: string | null): BodyFormat {
  let i = span.start;
  while (i < span.end && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 10 || bytes[i] === 13)) i += 1;
  if (i >= span.end) return 'empty';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(512, span.end - i)).toString('latin1');
  const upper = head.slice(0, 16).toUpperCase();
  if (upper.startsWith('<XML>')) return 'xml';
  if (upper.startsWith('<XBRL>')) return 'xbrl';
  if (upper.startsWith('<PDF>')) return 'pdf';
  if (/^begin [0-7]{3,4} /.test(head)) return 'uuencoded';
  const lower = head.toLowerCase();
  if (lower.startsWith('<?xml') && !/<html/.test(lower)) return 'xml';
  if (/^<edgarsubmission/.test(lower)) return 'xml';
  // Legacy text uses <TABLE>, <PAGE>, <S>, <C>, <CAPTION>, <FN> as markup of its own; only real HTML elements count.
  const wider = Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(4096, span.end - i)).toString('latin1').toLowerCase();
  if (/<(html|body|head|div|p|font|br|tr|td|center|title|meta|span|b|i|!doctype)[\s>/]/.test(wider)) return 'html';
  if (filename && /\.html?$/i.test(filename)) return 'html';
  return 'text';
}

/** A bare exhibit names itself in its first lines ("Exhibit 10.20", "EXHIBIT 13"): use that as its TYPE. */
function inferBareDocumentType(text: SourceText): string | null {
  const head = text.slice(0, 2000);
  if (/^\s*(<\?xml[^>]*>\s*)?<edgarSubmission/i.test(head)) {
    const m = /<submissionType>\s*([^<]+?)\s*<\/submissionType>/i.exec(text.slice(0, 4000));
    return m ? m[1]! : null;
  }
  const ex = /^\s*(?:<[^>]*>\s*)*EXHIBIT\s+(\d+(?:\.\d+)?[A-Z]?)\b/im.exec(head.slice(0, 400));
  if (ex) return `EX-${ex[1]}`;
  const sched = /SCHEDULE\s+13([DG])(\/A)?/i.exec(head.replace(/<[^>]*>/g, ' '));
  if (sched) return `SC 13${sched[1]!.toUpperCase()}${/AMENDMENT\s+NO/i.test(head) ? '/A' : ''}`;
  return null;
}
