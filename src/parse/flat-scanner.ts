/**
 * Lexical help for the flattened shape: the text some corpora distribute, with SGML tags stripped and every run of
 * white space collapsed to one space (samples/0001125282-03-003998.txt). With no line breaks and no tags left,
 * structure has to be recovered from vocabulary:
 *   - header keys are the SEC's known `KEY:` names; a value runs to the next known key;
 *   - a document starts at `TYPE SEQUENCE FILENAME` (`EX-13 7 b325596_ex13.txt`), then its DESCRIPTION, then body;
 *   - the PEM wrapper survives as text (`-----BEGIN PRIVACY-ENHANCED MESSAGE----- … -----END …-----`).
 * What it cannot know for sure (where a DESCRIPTION ends) it reports as uncertain instead of guessing silently.
 */
import { BLOCK_NAMES, ENTITY_ROLES, FLAT_HEADER_KEYS, TOP_LEVEL_KEYS } from './header-keys.js';
import type { SourceText } from './source-text.js';

export interface FlatField {
  key: string;
  value: string;
  start: number;
  valueStart: number;
  end: number;
}

export interface FlatPreambleInfo {
  pem: boolean;
  span: { start: number; end: number };
  documentStamp: string | null;
  headerStamp: string | null;
  acceptanceDatetime: string | null;
}

export interface FlatMeta {
  key: string;
  value: string;
  span: { start: number; end: number };
}

export interface FlatDocument {
  span: { start: number; end: number };
  body: { start: number; end: number };
  meta: FlatMeta[];
  sequence: number;
  closed: boolean;
  descriptionResolved: boolean;
}

const PEM_BEGIN = '-----BEGIN PRIVACY-ENHANCED MESSAGE-----';
const PEM_END = '-----END PRIVACY-ENHANCED MESSAGE-----';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const KEY_ALTERNATION = FLAT_HEADER_KEYS.map(escapeRegExp).join('|');
/** A known key at an exact position (sticky), or anywhere after a space (global). */
const KEY_AT = new RegExp(`(${KEY_ALTERNATION}):`, 'y');
const NEXT_KEY = new RegExp(`\\s(?:${KEY_ALTERNATION}):`, 'g');

const TYPE_PATTERN = String.raw`(?:SC|SCHEDULE) 1[34][A-Z0-9\-]*(?:/A)?|[A-Z0-9][A-Za-z0-9.()\-/]*`;
const FILENAME_PATTERN = String.raw`[A-Za-z0-9_\-.]+\.(?:txt|htm|html|xml|pdf|jpe?g|gif|png|xsd|js|css|json|zip|xlsx?|paper)`;
const DOC_START_AT = new RegExp(`(${TYPE_PATTERN}) (\\d{1,5}) (${FILENAME_PATTERN})(?=\\s|$)`, 'y');
const NEXT_DOC_START = new RegExp(`(?<=^|\\s)(${TYPE_PATTERN}) (\\d{1,5}) (${FILENAME_PATTERN})(?=\\s|$)`, 'g');

/** Where a document body visibly begins after its DESCRIPTION in the flattened founding filings and their kin. */
const BODY_START_MARKERS = /\b(?:Exhibit|EXHIBIT) [0-9]|SECURITIES AND EXCHANGE COMMISSION|UNITED STATES/g;
const MAX_DESCRIPTION = 255;

export class FlatScanner {
  private readonly source: SourceText;
  private fieldCache = new Map<number, FlatField | null>();
  private documentCache = new Map<number, FlatDocument | null>();
  private headerEndCache: number | null = null;
  private preambleCache: FlatPreambleInfo | null = null;

  constructor(source: SourceText) {
    this.source = source;
  }

  /** The whole input as one string: the flattened shape is searched with regular expressions (decoded on first use). */
  private get input(): string {
    return this.source.full();
  }

  /** Flattened text has (almost) no line breaks, and either a header key or a document start near the top. */
  looksFlattened(): boolean {
    const head = this.source.slice(0, 16384);
    if (head.length < 40) return false;
    let breaks = 0;
    for (let i = 0; i < head.length; i += 1) {
      const c = head.charCodeAt(i);
      if (c === 10 || c === 13) breaks += 1;
    }
    if (breaks > 2) return false;
    if (head.includes('ACCESSION NUMBER:')) return true;
    DOC_START_AT.lastIndex = 0;
    return DOC_START_AT.test(head);
  }

  preamble(): FlatPreambleInfo {
    if (this.preambleCache) return this.preambleCache;
    const input = this.input;
    const pem = input.startsWith(PEM_BEGIN);
    const acc = input.indexOf('ACCESSION NUMBER:');
    let end = 0;
    if (acc >= 0 && acc < 8192) end = acc;
    else if (pem) end = this.firstDocumentStart(0) ?? input.length;
    const text = input.slice(0, end);
    const docStamp = /\d{10}-\d{2}-\d{6}\.txt : (\d{8})/.exec(text);
    const hdrStamp = /\.hdr\.sgml : (\d{8})(?: (\d{14}))?/.exec(text);
    this.preambleCache = {
      pem,
      span: { start: 0, end },
      documentStamp: docStamp?.[1] ?? null,
      headerStamp: hdrStamp?.[1] ?? null,
      acceptanceDatetime: hdrStamp?.[2] ?? null,
    };
    return this.preambleCache;
  }

  /** End of the header: the first document start after the preamble. */
  headerEnd(): number {
    if (this.headerEndCache === null) {
      this.headerEndCache = this.firstDocumentStart(this.preamble().span.end) ?? this.input.length;
    }
    return this.headerEndCache;
  }

  field(pos: number): FlatField | null {
    if (this.fieldCache.has(pos)) return this.fieldCache.get(pos) ?? null;
    const result = this.readField(pos);
    this.fieldCache.set(pos, result);
    return result;
  }

  private readField(pos: number): FlatField | null {
    const input = this.input;
    const limit = this.headerEnd();
    let start = pos;
    while (start < limit && isSpace(input.charCodeAt(start))) start += 1;
    if (start >= limit) return null;
    KEY_AT.lastIndex = start;
    const m = KEY_AT.exec(input);
    if (!m) return null;
    const key = m[1]!;
    let valueStart = start + m[0].length;
    while (valueStart < limit && isSpace(input.charCodeAt(valueStart))) valueStart += 1;
    NEXT_KEY.lastIndex = valueStart - 1;
    const next = NEXT_KEY.exec(input);
    let end = next && next.index < limit ? next.index : limit;
    if (end < valueStart) end = valueStart;
    const value = input.slice(valueStart, end).trim();
    // A section (`FILED BY:`) has no value: the next key follows at once.
    return { key, value, start, valueStart: value === '' ? end : valueStart, end };
  }

  document(pos: number): FlatDocument | null {
    if (this.documentCache.has(pos)) return this.documentCache.get(pos) ?? null;
    const result = this.readDocument(pos);
    this.documentCache.set(pos, result);
    return result;
  }

  private readDocument(pos: number): FlatDocument | null {
    const input = this.input;
    let start = pos;
    while (start < input.length && isSpace(input.charCodeAt(start))) start += 1;
    if (start >= input.length || input.startsWith(PEM_END, start)) return null;
    DOC_START_AT.lastIndex = start;
    const m = DOC_START_AT.exec(input);
    if (!m) return null;
    const [whole, type, seq, filename] = m as unknown as [string, string, string, string];
    const sequence = Number(seq);
    const afterFilename = start + whole.length;
    const typeSpan = { start, end: start + type.length };
    const seqStart = typeSpan.end + 1;
    const fileStart = seqStart + seq.length + 1;

    const { bodyEnd, closed } = this.bodyEnd(afterFilename, sequence);
    const descStart = afterFilename + 1;
    const bodyStartMarker = this.bodyStartMarker(descStart, Math.min(bodyEnd, descStart + MAX_DESCRIPTION + 1));
    const descriptionResolved = bodyStartMarker !== null;
    const bodyStart = Math.min(bodyStartMarker ?? descStart, bodyEnd);
    const meta: FlatMeta[] = [
      { key: 'TYPE', value: type, span: typeSpan },
      { key: 'SEQUENCE', value: seq, span: { start: seqStart, end: seqStart + seq.length } },
      { key: 'FILENAME', value: filename, span: { start: fileStart, end: fileStart + filename.length } },
    ];
    if (bodyStartMarker !== null && bodyStartMarker > descStart) {
      const description = input.slice(descStart, bodyStartMarker).trim();
      if (description) meta.push({ key: 'DESCRIPTION', value: description, span: { start: descStart, end: descStart + description.length } });
    }
    return { span: { start, end: bodyEnd }, body: { start: bodyStart, end: trimEndSpaces(input, bodyStart, bodyEnd) }, meta, sequence, closed, descriptionResolved };
  }

  /** The body runs to the next document start with a higher sequence number, the PEM trailer, or the end. */
  private bodyEnd(from: number, sequence: number): { bodyEnd: number; closed: boolean } {
    const input = this.input;
    const pemEnd = input.indexOf(PEM_END, from);
    const limit = pemEnd < 0 ? input.length : pemEnd;
    NEXT_DOC_START.lastIndex = from;
    for (let m = NEXT_DOC_START.exec(input); m && m.index < limit; m = NEXT_DOC_START.exec(input)) {
      if (Number(m[2]) > sequence) {
        return { bodyEnd: m.index, closed: true };
      }
    }
    // At the end of input the last document is complete unless a PEM wrapper was opened and never closed.
    return { bodyEnd: limit, closed: pemEnd >= 0 || !this.preamble().pem };
  }

  private bodyStartMarker(from: number, limit: number): number | null {
    BODY_START_MARKERS.lastIndex = from;
    const m = BODY_START_MARKERS.exec(this.input);
    return m && m.index < limit ? m.index : null;
  }

  private firstDocumentStart(from: number): number | null {
    NEXT_DOC_START.lastIndex = from;
    const m = NEXT_DOC_START.exec(this.input);
    return m ? m.index : null;
  }

  isEntityName(key: string): boolean {
    return key in ENTITY_ROLES;
  }

  isBlockName(key: string): boolean {
    return BLOCK_NAMES.has(key);
  }

  isTopLevelKey(key: string): boolean {
    return TOP_LEVEL_KEYS.has(key);
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function trimEndSpaces(input: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(input.charCodeAt(e - 1))) e -= 1;
  return e;
}
