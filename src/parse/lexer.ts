/**
 * The scanner behind grammars/submission.pegjs.
 *
 * Why a scanner at all: a PEG rule such as `[^\n]*` makes peggy test one character per call, which runs at about
 * 14 MB/s here; EDGAR submissions are mostly document bodies (hundreds of MB in a batch) and headers of 1–2 MB. So the
 * grammar decides *structure* (which line is an entity, a block, a field, a document envelope, where a shape starts)
 * while this module answers the lexical questions with `indexOf` over the whole input: where does this line end,
 * what key and value does it hold, where does this document body end. The grammar calls these through
 * `options.lexer` and moves its cursor past what they measured; it never walks a body character by character.
 *
 * Offsets are character offsets into the latin-1 reading of the input bytes (source-text.ts), so they are also byte
 * offsets: a body span can be cut from the original bytes and decoded as UTF-8 later, on demand. Where bodies end is
 * found by byte searches (body-bounds.ts); this module classifies the lines around them.
 */
import { BodyBounds, findDocumentStart, type BodyEnd } from './body-bounds.js';
import { BLOCK_NAMES, tabKeyOf } from './header-keys.js';
import { FlatScanner, type FlatDocument, type FlatField, type FlatPreambleInfo } from './flat-scanner.js';
import type { SourceText } from './source-text.js';

export type { BodyEnd } from './body-bounds.js';

/** One header line, classified. `depth` counts leading TABs (the tab-form header's nesting). */
export interface HeaderLineToken {
  start: number;
  /** End of the line's content (before the line terminator). */
  contentEnd: number;
  /** Start of the next line. */
  next: number;
  kind: 'field' | 'section' | 'open' | 'close' | 'blank' | 'text';
  depth: number;
  /** Tab form: the text before the first colon, trimmed. Tag form: the tag name. */
  key: string;
  /** Tab form: the text after the first colon, trimmed. Tag form (open): the rest of the line after `>`. */
  value: string;
  /** Start offset of `value` within the input, for spans. */
  valueStart: number;
}

/** Tags that frame the structure; they are never header leaves. */
const STRUCTURAL_TAGS = new Set([
  'SEC-DOCUMENT',
  'IMS-DOCUMENT',
  'SEC-HEADER',
  'IMS-HEADER',
  'SUBMISSION',
  'DOCUMENT',
  'TEXT',
]);

const TAG_NAME = /^[A-Za-z][A-Za-z0-9_.\-]*$/;

/** First tags that open a tagged shape (full submission, `.nc`, `.hdr.sgml`, loose header, bare documents). */
const TAGGED_OPENERS = new Set([
  'SEC-DOCUMENT',
  'IMS-DOCUMENT',
  'SUBMISSION',
  'SEC-HEADER',
  'IMS-HEADER',
  'ACCEPTANCE-DATETIME',
  'PRIVATE-TO-PUBLIC',
  'DOCUMENT',
]);

/** How deep tag-form header containers may nest (real headers use three or four levels). */
export const MAX_HEADER_NESTING = 100;

export class SubmissionLexer {
  readonly input: SourceText;
  private readonly bodies: BodyBounds;
  readonly flat: FlatScanner;
  private containerTags: Set<string> | null = null;
  /** Line starts of container tags nested deeper than MAX_HEADER_NESTING (read as fields), found on first use. */
  private tooDeep: Set<number> | null = null;
  // PEG alternatives re-ask about the few lines around the cursor; a small direct-mapped cache answers them without
  // the cost of a Map that would grow to one entry per line of a 40,000-line header.
  private readonly tokenCache: ({ from: number; token: HeaderLineToken | null } | undefined)[] = new Array(256);

  constructor(input: SourceText) {
    this.input = input;
    this.bodies = new BodyBounds(input.bytes);
    this.flat = new FlatScanner(input);
  }

  /** Does a tagged shape start at `pos` (after any PEM preamble)? */
  startsTaggedShape(pos: number): boolean {
    const t = this.headerLine(pos);
    if (!t) return false;
    if (t.kind === 'open') return TAGGED_OPENERS.has(t.key) || this.isIndexHeadersHtml(pos);
    return t.kind === 'field' && t.key === 'ACCESSION NUMBER';
  }

  /** An EDGAR `-index-headers.html` page: `<HTML>` with a tag-form `<SEC-HEADER>` in a comment near the top. */
  isIndexHeadersHtml(pos: number): boolean {
    const head = this.input.slice(pos, pos + 4096);
    return /^<html/i.test(head) && head.includes('<!--') && head.includes('<SEC-HEADER>');
  }

  isBlockName(key: string): boolean {
    return this.flat.isBlockName(key);
  }

  isEntityName(key: string): boolean {
    return this.flat.isEntityName(key);
  }

  isTopLevelKey(key: string): boolean {
    return this.flat.isTopLevelKey(key);
  }

  looksFlattened(): boolean {
    return this.flat.looksFlattened();
  }

  flatPreamble(): FlatPreambleInfo {
    return this.flat.preamble();
  }

  flatField(pos: number): FlatField | null {
    return this.flat.field(pos);
  }

  flatDocument(pos: number): FlatDocument | null {
    return this.flat.document(pos);
  }

  /** End of the line content starting at `pos` (before CR, LF or CRLF). */
  lineEnd(pos: number): number {
    const lf = this.nextIndexOf(this.lf, pos);
    const cr = this.nextIndexOf(this.cr, pos);
    const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    return end < 0 ? this.input.length : end;
  }

  /** Start of the line after the one starting at `pos`. */
  nextLine(pos: number): number {
    const end = this.lineEnd(pos);
    if (end >= this.input.length) return this.input.length;
    return this.input.charCodeAt(end) === 13 && this.input.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }

  // Files mix terminators (a bare-CR `.nc` whose first line ends in LF; CRLF bodies), so a line ends at the nearer of
  // CR and LF. Each search result is remembered: the parser moves forward, so the next question is usually answered
  // without searching again, and an LF-only file never rescans its whole tail looking for a CR.
  private readonly lf = { char: '\n', from: 0, at: -2 };
  private readonly cr = { char: '\r', from: 0, at: -2 };

  private nextIndexOf(memo: { char: string; from: number; at: number }, pos: number): number {
    if (memo.at !== -2 && memo.from <= pos && (memo.at >= pos || memo.at === -1)) return memo.at;
    memo.from = pos;
    memo.at = this.input.indexOf(memo.char, pos);
    return memo.at;
  }

  /**
   * The first non-blank line at or after `pos`, classified; null at the end of input. Blank lines mean nothing in
   * any envelope (some files double every newline), so the grammar never sees them. Cached: PEG alternatives ask
   * about the same line several times.
   */
  headerLine(pos: number): HeaderLineToken | null {
    const slot = pos & 255;
    const cached = this.tokenCache[slot];
    if (cached && cached.from === pos) return cached.token;
    let at = pos;
    let token: HeaderLineToken | null = null;
    while (at < this.input.length) {
      const t = this.classifyLine(at);
      if (t.kind !== 'blank') {
        token = t;
        break;
      }
      at = t.next;
    }
    this.tokenCache[slot] = { from: pos, token };
    return token;
  }

  private classifyLine(pos: number): HeaderLineToken {
    const input = this.input;
    const contentEnd = this.lineEnd(pos);
    const next = this.nextLine(pos);
    let i = pos;
    let depth = 0;
    while (i < contentEnd && input.charCodeAt(i) === 9) {
      depth += 1;
      i += 1;
    }
    let j = i;
    while (j < contentEnd && isBlank(input.charCodeAt(j))) j += 1;
    if (j >= contentEnd) return token(pos, contentEnd, next, 'blank', depth, '', '', contentEnd);

    if (input.charCodeAt(j) === 60 /* < */) {
      const close = input.indexOf('>', j);
      if (close > 0 && close < contentEnd) {
        const isClose = input.charCodeAt(j + 1) === 47; /* / */
        const name = input.slice(j + (isClose ? 2 : 1), close);
        if (TAG_NAME.test(name)) {
          if (isClose) return token(pos, contentEnd, next, 'close', depth, name.toUpperCase(), '', contentEnd);
          // 1995 files run the root and header tags together on one line
          // (`<IMS-DOCUMENT>….txt : 19950719<IMS-HEADER>….hdr.sgml : 19950719`): end this token where the header
          // tag starts, so the next line token begins there.
          const upper = name.toUpperCase();
          if (upper === 'SEC-DOCUMENT' || upper === 'IMS-DOCUMENT') {
            const inner = input.slice(close + 1, contentEnd).search(/<(SEC|IMS)-HEADER>/i);
            if (inner >= 0) {
              const innerAt = close + 1 + inner;
              const valueStart = skipBlanks(input, close + 1, innerAt);
              return token(pos, innerAt, innerAt, 'open', depth, upper, input.slice(valueStart, trimBlanksEnd(input, valueStart, innerAt)), valueStart);
            }
          }
          const valueStart = skipBlanks(input, close + 1, contentEnd);
          const value = input.slice(valueStart, trimBlanksEnd(input, valueStart, contentEnd));
          return token(pos, contentEnd, next, 'open', depth, name.toUpperCase(), value, valueStart);
        }
      }
    }

    const colon = input.indexOf(':', j);
    if (colon > j && colon < contentEnd) {
      // A line broken inside a value (`[3571` / `]<TAB>IRS NUMBER:`) leaves debris before the key: skip it.
      // Its TABs still give the depth.
      let k = j;
      while (k < colon && !isKeyStart(input.charCodeAt(k))) {
        if (input.charCodeAt(k) === 9) depth += 1;
        k += 1;
      }
      const key = input.slice(k, trimBlanksEnd(input, k, colon));
      const valueStart = skipBlanks(input, colon + 1, contentEnd);
      const value = input.slice(valueStart, trimBlanksEnd(input, valueStart, contentEnd));
      // Only the top two levels have sections; deeper, an empty value is an empty field (`SEC ACT:` with no value) —
      // unless it names a block (some filers indent each block one TAB deeper than the last).
      const kind = value === '' && (depth < 2 || BLOCK_NAMES.has(key)) ? 'section' : 'field';
      return token(pos, contentEnd, next, kind, depth, key, value, valueStart);
    }
    return token(pos, contentEnd, next, 'text', depth, '', input.slice(j, contentEnd), j);
  }

  /**
   * Tag-form headers close containers (`</FILER>`) but not leaves (`<CIK>0000…`): a name is a container when its
   * closing tag occurs anywhere in the header region (the approach of the secsgml parser, see edgar-reference §1.2).
   */
  isContainer(tag: string): boolean {
    if (!this.containerTags) {
      this.containerTags = new Set();
      const headerEnd = this.headerRegionEnd();
      const closing = /<\/([A-Za-z][A-Za-z0-9_.\-]*)>/g;
      const region = this.input.slice(0, headerEnd);
      for (let m = closing.exec(region); m; m = closing.exec(region)) this.containerTags.add(m[1]!.toUpperCase());
    }
    return this.containerTags.has(tag);
  }

  /**
   * May the container tag on the line starting at `start` open a nested section? Not beyond MAX_HEADER_NESTING levels:
   * the grammar nests one rule call per level, and unknown tags nested 2,600 deep overflowed the stack. Deeper tags
   * become fields (their closing tags stray lines), and `firstTooDeep` says where, for a warning.
   */
  nestingAllowed(start: number): boolean {
    return !this.tooDeepLines().has(start);
  }

  /** Offset of the first container tag nested too deep, or -1. */
  firstTooDeep(): number {
    if (!this.tooDeep) return -1;
    let first = -1;
    for (const at of this.tooDeep) if (first < 0 || at < first) first = at;
    return first;
  }

  private tooDeepLines(): Set<number> {
    if (this.tooDeep) return this.tooDeep;
    this.tooDeep = new Set();
    const region = this.input.slice(0, this.headerRegionEnd());
    const stack: string[] = [];
    const open = new Map<string, number>();
    const tagLine = /^[ \t]*<(\/?)([A-Za-z][A-Za-z0-9_.\-]*)>[ \t]*\r?$/gm;
    for (let m = tagLine.exec(region); m; m = tagLine.exec(region)) {
      const name = m[2]!.toUpperCase();
      if (this.isStructural(name) || !this.isContainer(name)) continue;
      if (m[1] === '') {
        stack.push(name);
        open.set(name, (open.get(name) ?? 0) + 1);
        if (stack.length > MAX_HEADER_NESTING) this.tooDeep.add(m.index);
      } else if ((open.get(name) ?? 0) > 0) {
        for (;;) {
          const top = stack.pop()!;
          open.set(top, open.get(top)! - 1);
          if (top === name) break;
        }
      }
    }
    return this.tooDeep;
  }

  /** A header key in the tab-form vocabulary: tag names are mapped (`CONFORMED-NAME` → `COMPANY CONFORMED NAME`). */
  tabKey(key: string, form: 'tab' | 'tag'): string {
    return form === 'tag' ? tabKeyOf(key) : key;
  }

  isStructural(tag: string): boolean {
    return STRUCTURAL_TAGS.has(tag);
  }

  private headerRegionEnd(): number {
    const doc = this.findDocumentStart(0);
    return doc < 0 ? this.input.length : doc;
  }

  /** Offset of the next line that is exactly a `<DOCUMENT>` opening tag, in [pos, limit); -1 if none. */
  findDocumentStart(pos: number, limit = this.input.length): number {
    return findDocumentStart(this.input.bytes, pos, limit);
  }

  /** Where the body that starts at `pos` ends (see BodyBounds#bodyEnd). */
  bodyEnd(pos: number): BodyEnd {
    return this.bodies.bodyEnd(pos);
  }

  /** Offset of the first line starting with `<` at or after `pos` (skips a PEM preamble or leading noise). */
  firstTagLine(pos: number): number {
    const input = this.input;
    if (input.charCodeAt(pos) === 60) return pos;
    let at = input.indexOf('\n<', pos);
    const atCr = input.indexOf('\r<', pos);
    if (at < 0 || (atCr >= 0 && atCr < at)) at = atCr;
    return at < 0 ? -1 : at + 1;
  }
}

// One constructor call site keeps every token the same hidden class (the lexer makes one per header line).
function token(
  start: number,
  contentEnd: number,
  next: number,
  kind: HeaderLineToken['kind'],
  depth: number,
  key: string,
  value: string,
  valueStart: number,
): HeaderLineToken {
  return { start, contentEnd, next, kind, depth, key, value, valueStart };
}

function trimBlanksEnd(input: SourceText, start: number, end: number): number {
  let e = end;
  while (e > start && isBlank(input.charCodeAt(e - 1))) e -= 1;
  return e;
}

function isKeyStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function skipBlanks(input: SourceText, pos: number, end: number): number {
  let i = pos;
  while (i < end && isBlank(input.charCodeAt(i))) i += 1;
  return i;
}
