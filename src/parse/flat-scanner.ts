/**
 * Lexical help for the flattened shape: the text some corpora distribute, with SGML tags stripped and every run of
 * white space collapsed to one space (samples/0001125282-03-003998.txt). With no line breaks and no tags left,
 * structure has to be recovered from vocabulary:
 *   - header keys are the SEC's known `KEY:` names; a value runs to the next known key;
 *   - a document starts at `TYPE SEQUENCE FILENAME` (`EX-13 7 b325596_ex13.txt`), then its DESCRIPTION, then body;
 *     documents of before 2001 name no FILENAME: there a document starts at `TYPE SEQUENCE` (`SC 13D/A 1`), the TYPE one
 *     a schedule or exhibit has, and each next document at the next SEQUENCE number (see legacyStarts);
 *   - the PEM wrapper survives as text (`-----BEGIN PRIVACY-ENHANCED MESSAGE----- … -----END …-----`).
 * What it cannot know for sure (where a DESCRIPTION ends) it reports as uncertain instead of guessing silently.
 */
import { BLOCK_NAMES, ENTITY_ROLES, FLAT_HEADER_KEYS, TOP_LEVEL_KEYS } from './header-keys.js';
import type { SourceText } from './source-text.js';
import { escapeRegExp } from '../regexp-escape.js';

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

/** A document's `TYPE SEQUENCE [FILENAME]` prefix: its parts and its length in the input. */
interface DocumentHead {
  type: string;
  seq: string;
  filename?: string;
  length: number;
  /** Without FILENAMEs: where the next document starts (null for the last). */
  next?: number | null;
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

const KEY_ALTERNATION = FLAT_HEADER_KEYS.map(escapeRegExp).join('|');
/** A known key at an exact position (sticky), or anywhere after a space (global). */
const KEY_AT = new RegExp(`(${KEY_ALTERNATION}):`, 'y');
const NEXT_KEY = new RegExp(`\\s(?:${KEY_ALTERNATION}):`, 'g');

const TYPE_PATTERN = String.raw`(?:SC|SCHEDULE) 1[34][A-Z0-9\-]*(?:/A)?|[A-Z0-9][A-Za-z0-9.()\-/]*`;
const FILENAME_PATTERN = String.raw`[A-Za-z0-9_\-.]+\.(?:txt|htm|html|xml|pdf|jpe?g|gif|png|xsd|js|css|json|zip|xlsx?|paper)`;
const DOC_START_AT = new RegExp(`(${TYPE_PATTERN}) (\\d{1,5}) (${FILENAME_PATTERN})(?=\\s|$)`, 'y');
const NEXT_DOC_START = new RegExp(`(?<=^|\\s)(${TYPE_PATTERN}) (\\d{1,5}) (${FILENAME_PATTERN})(?=\\s|$)`, 'g');

/**
 * The TYPEs a document without FILENAME may start with: schedules (`SC 13D/A`, `SCHEDULE 13G`, `SC TO-T/A`) and
 * exhibits (`EX-99.1`). Narrower than TYPE_PATTERN: without a FILENAME after it, any capitalised word and a number
 * ("Item 5", "Rule 13") would do.
 */
const LEGACY_TYPE_PATTERN = String.raw`(?:SC|SCHEDULE) 1[34][A-Z0-9\-]*(?:/A)?|SC [A-Z][A-Z0-9\-]*(?:/A)?|EX-[0-9][A-Za-z0-9.()\-]*`;
const LEGACY_START_AT = new RegExp(`(${LEGACY_TYPE_PATTERN}) (\\d{1,5})(?= )`, 'y');
const NEXT_LEGACY_START = new RegExp(`(?<=^|\\s)(${LEGACY_TYPE_PATTERN}) (\\d{1,5})(?= )`, 'g');

/** Where a document body visibly begins after its DESCRIPTION in the flattened founding filings and their kin. */
const BODY_START_MARKERS = /\b(?:Exhibit|EXHIBIT) [0-9]|SECURITIES AND EXCHANGE COMMISSION|UNITED STATES/g;
const LONGEST_MARKER = 'SECURITIES AND EXCHANGE COMMISSION'.length;
const MAX_DESCRIPTION = 255;

export class FlatScanner {
  private readonly source: SourceText;
  private fieldCache = new Map<number, FlatField | null>();
  private documentCache = new Map<number, FlatDocument | null>();
  private headerEndCache: number | null = null;
  private preambleCache: FlatPreambleInfo | null = null;
  private legacyCache: boolean | null = null;
  private legacyChain: Map<number, DocumentHead> | null = null;

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
    if (DOC_START_AT.test(head)) return true;
    LEGACY_START_AT.lastIndex = 0;
    return LEGACY_START_AT.test(head);
  }

  /** No document names a FILENAME (EDGAR before 2001): documents start at `TYPE SEQUENCE` instead. */
  private legacy(): boolean {
    if (this.legacyCache === null) {
      NEXT_DOC_START.lastIndex = 0;
      this.legacyCache = !NEXT_DOC_START.test(this.input);
    }
    return this.legacyCache;
  }

  /**
   * The document starts of a submission without FILENAMEs, found once, left to right: the first `TYPE SEQUENCE` after
   * the preamble, then each `TYPE SEQUENCE` whose number is the one after the last start's (`EX-2 2`, `EX-3 3`), up to
   * the PEM trailer. A schedule's own "SCHEDULE 13D 1" or an exhibit list's "EX-1" in a body is no start unless it
   * carries the next number. One pass of one regular expression: linear in the input.
   */
  private legacyStarts(): Map<number, DocumentHead> {
    if (this.legacyChain) return this.legacyChain;
    const input = this.input;
    const from = this.preamble().span.end;
    const pemEnd = input.indexOf(PEM_END, from);
    const limit = pemEnd < 0 ? input.length : pemEnd;
    const starts = new Map<number, DocumentHead>();
    let last: DocumentHead | null = null;
    NEXT_LEGACY_START.lastIndex = from;
    for (let m = NEXT_LEGACY_START.exec(input); m && m.index < limit; m = NEXT_LEGACY_START.exec(input)) {
      if (last !== null && Number(m[2]) !== Number(last.seq) + 1) continue;
      if (last) last.next = m.index;
      last = { type: m[1]!, seq: m[2]!, length: m[0].length, next: null };
      starts.set(m.index, last);
    }
    this.legacyChain = starts;
    return starts;
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
    const head = this.legacy() ? this.legacyStarts().get(start) : this.filenameStart(start);
    if (!head) return null;
    const { type, seq } = head;
    const sequence = Number(seq);
    const afterHead = start + head.length;
    const typeSpan = { start, end: start + type.length };
    const seqStart = typeSpan.end + 1;
    const meta: FlatMeta[] = [
      { key: 'TYPE', value: type, span: typeSpan },
      { key: 'SEQUENCE', value: seq, span: { start: seqStart, end: seqStart + seq.length } },
    ];
    if (head.filename !== undefined) {
      const fileStart = seqStart + seq.length + 1;
      meta.push({ key: 'FILENAME', value: head.filename, span: { start: fileStart, end: fileStart + head.filename.length } });
    }

    const { bodyEnd, closed } = head.next !== undefined ? this.legacyBodyEnd(start, head.next) : this.bodyEnd(afterHead, sequence);
    const descStart = afterHead + 1;
    const bodyStartMarker = this.bodyStartMarker(descStart, Math.min(bodyEnd, descStart + MAX_DESCRIPTION + 1));
    const descriptionResolved = bodyStartMarker !== null;
    const bodyStart = Math.min(bodyStartMarker ?? descStart, bodyEnd);
    if (bodyStartMarker !== null && bodyStartMarker > descStart) {
      const description = input.slice(descStart, bodyStartMarker).trim();
      if (description) meta.push({ key: 'DESCRIPTION', value: description, span: { start: descStart, end: descStart + description.length } });
    }
    return { span: { start, end: bodyEnd }, body: { start: bodyStart, end: trimEndSpaces(input, bodyStart, bodyEnd) }, meta, sequence, closed, descriptionResolved };
  }

  /** `TYPE SEQUENCE FILENAME` exactly at `start`. */
  private filenameStart(start: number): DocumentHead | null {
    DOC_START_AT.lastIndex = start;
    const m = DOC_START_AT.exec(this.input);
    return m ? { type: m[1]!, seq: m[2]!, filename: m[3]!, length: m[0].length } : null;
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
    return this.atEnd(limit, pemEnd);
  }

  /** Without FILENAMEs the body runs to the next start of legacyStarts, the PEM trailer, or the end. */
  private legacyBodyEnd(start: number, next: number | null): { bodyEnd: number; closed: boolean } {
    if (next !== null) return { bodyEnd: next, closed: true };
    const pemEnd = this.input.indexOf(PEM_END, start);
    return this.atEnd(pemEnd < 0 ? this.input.length : pemEnd, pemEnd);
  }

  /** At the end of input the last document is complete unless a PEM wrapper was opened and never closed. */
  private atEnd(limit: number, pemEnd: number): { bodyEnd: number; closed: boolean } {
    return { bodyEnd: limit, closed: pemEnd >= 0 || !this.preamble().pem };
  }

  /** The first body-start marker in [from, limit): searched in that window only, so no document scans to the end. */
  private bodyStartMarker(from: number, limit: number): number | null {
    if (limit <= from) return null;
    // A marker that starts before `limit` may end after it: the window runs on by the longest marker's length.
    BODY_START_MARKERS.lastIndex = 0;
    const m = BODY_START_MARKERS.exec(this.input.slice(from, limit + LONGEST_MARKER));
    return m && m.index < limit - from ? from + m.index : null;
  }

  private firstDocumentStart(from: number): number | null {
    NEXT_DOC_START.lastIndex = from;
    const m = NEXT_DOC_START.exec(this.input);
    if (m || !this.legacy()) return m ? m.index : null;
    NEXT_LEGACY_START.lastIndex = from;
    const legacy = NEXT_LEGACY_START.exec(this.input);
    return legacy ? legacy.index : null;
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
