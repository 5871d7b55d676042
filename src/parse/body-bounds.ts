/**
 * Where documents start and where their bodies end, found by byte searches over the input (for the lexer, lexer.ts).
 *
 * Bodies are most of a submission's bytes and are never read as text while parsing: each byte of a body is searched
 * once for `</TEXT>` and once more, only up to the candidate, for a `<DOCUMENT>` line; nothing here decodes them.
 * `Buffer#indexOf` searches with memchr for the needle's first byte, so the needles start with a byte that is rare
 * in HTML (`UMENT>`, `XT>`), not with `<`, and each hit is checked for the whole tag.
 */

/** Where a document body (the content of `<TEXT>`) ends and how it was closed. */
export interface BodyEnd {
  /** First character after the body (where `</TEXT>` starts, or where the body was cut off). */
  end: number;
  /** Where parsing continues: after `</TEXT>` when it was found, else `end`. */
  resume: number;
  closedByTextTag: boolean;
}

/** What may follow a `</TEXT>` that really closes a body (after white space), besides the end of input. */
const STRUCTURE_AFTER_TEXT = ['</DOCUMENT>', '<DOCUMENT>', '</SEC-DOCUMENT>', '</IMS-DOCUMENT>', '</SUBMISSION>'].map((s) => Buffer.from(s, 'latin1'));
/** Closing tags that end an unclosed body when they start a line. */
const STRUCTURAL_CLOSES = ['</DOCUMENT>', '</SEC-DOCUMENT>', '</IMS-DOCUMENT>', '</SUBMISSION>'].map((s) => Buffer.from(s, 'latin1'));
const PEM_END = Buffer.from('-----END PRIVACY-ENHANCED MESSAGE-----', 'latin1');
const UMENT = Buffer.from('UMENT>', 'latin1');
const XT = Buffer.from('XT>', 'latin1');

/** Offset of the first line that is exactly a `<DOCUMENT>` opening tag in bytes[pos, limit); -1 if none. */
export function findDocumentStart(bytes: Buffer, pos: number, limit = bytes.length): number {
  const window = limit >= bytes.length ? bytes : bytes.subarray(0, limit);
  let at = window.indexOf(UMENT, pos + 4);
  while (at >= 0) {
    const start = at - 4;
    // 60 68 79 67: `<DOC`
    if (window[start] === 60 && window[start + 1] === 68 && window[start + 2] === 79 && window[start + 3] === 67) {
      const lineStart = start === 0 || window[start - 1] === 10 || window[start - 1] === 13;
      if (lineStart) return start;
    }
    at = window.indexOf(UMENT, at + 6);
  }
  return -1;
}

export class BodyBounds {
  private readonly bytes: Buffer;
  // Bodies that never close ask again from each document; searching to the end of the input every time was
  // quadratic in the documents, so the last answer is remembered.
  private textCloseMemo = { from: Number.MAX_SAFE_INTEGER, at: -1 };

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  /**
   * Where the body that starts at `pos` ends. A `</TEXT>` only closes the body when what follows it is document
   * structure (`</DOCUMENT>`, the next `<DOCUMENT>`, the root's closing tag, or the end of input): a literal `</TEXT>`
   * quoted inside a body is content. When no such `</TEXT>` exists before the next `<DOCUMENT>` line, the body ends
   * there (or at the end of input) and the caller reports the missing tag instead of silently shortening anything.
   */
  bodyEnd(pos: number): BodyEnd {
    const bytes = this.bytes;
    let from = pos;
    for (;;) {
      const at = this.nextTextClose(from);
      const candidate = at < 0 ? bytes.length : at;
      const nextDocument = findDocumentStart(bytes, from, candidate);
      if (nextDocument >= 0) {
        // A new document starts before any closing </TEXT>: this body was never closed.
        const end = this.lastStructuralCloseBefore(pos, nextDocument);
        return { end, resume: end, closedByTextTag: false };
      }
      if (at < 0) {
        const end = this.lastStructuralCloseBefore(pos, bytes.length);
        return { end, resume: end, closedByTextTag: false };
      }
      if (this.followedByStructure(at + 7)) return { end: at, resume: at + 7, closedByTextTag: true };
      from = at + 7;
    }
  }

  private followedByStructure(pos: number): boolean {
    const bytes = this.bytes;
    let i = pos;
    while (i < bytes.length && isSpaceOrNewline(bytes[i]!)) i += 1;
    if (i >= bytes.length) return true;
    if (bytes[i] !== 60) return false;
    return STRUCTURE_AFTER_TEXT.some((tag) => startsWithAt(bytes, tag, i));
  }

  /** Offset of the first `</TEXT>` at or after `from`, or -1 (see textCloseMemo). */
  private nextTextClose(from: number): number {
    const memo = this.textCloseMemo;
    if (from >= memo.from && (memo.at < 0 || from <= memo.at)) return memo.at;
    const at = this.indexOfTextClose(from);
    this.textCloseMemo = { from, at };
    return at;
  }

  private indexOfTextClose(from: number): number {
    const bytes = this.bytes;
    let at = bytes.indexOf(XT, from + 4);
    while (at >= 0) {
      const start = at - 4;
      // 60 47 84 69: `</TE`
      if (bytes[start] === 60 && bytes[start + 1] === 47 && bytes[start + 2] === 84 && bytes[start + 3] === 69) return start;
      at = bytes.indexOf(XT, at + 3);
    }
    return -1;
  }

  private lastStructuralCloseBefore(pos: number, limit: number): number {
    const bytes = this.bytes;
    // Searched only up to `limit` (an unbounded search from each unclosed body ran to the end of the input).
    const window = bytes.subarray(0, limit);
    for (const tag of STRUCTURAL_CLOSES) {
      const at = window.indexOf(tag, pos);
      if (at >= 0) {
        const lineStart = bytes[at - 1] === 10 || bytes[at - 1] === 13;
        if (lineStart) return at;
      }
    }
    const pem = window.indexOf(PEM_END, pos);
    if (pem >= 0) return pem;
    return limit;
  }
}

function startsWithAt(bytes: Buffer, needle: Buffer, at: number): boolean {
  if (at + needle.length > bytes.length) return false;
  for (let k = 0; k < needle.length; k += 1) if (bytes[at + k] !== needle[k]) return false;
  return true;
}

function isSpaceOrNewline(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
