/**
 * The input as the grammar and the lexer read it: latin-1 characters, so that a character offset is a byte offset.
 *
 * Why not simply `bytes.toString('latin1')`: decoding every byte of a submission into one string was the largest cost
 * of a parse (a third of the corpus sweep), yet only the header and the few envelope lines of each document are ever
 * read as text; bodies are skipped by byte searches (body-bounds.ts) and decoded later, on demand (body.ts). So this
 * class decodes the header region once, up to the first `<DOCUMENT>` line (the whole input when there is none), and
 * answers everything else from the bytes: characters one at a time, short slices decoded when asked for.
 *
 * It offers the part of the String interface that peggy's generated parser and the parse stage use (`length`,
 * `charCodeAt`, `charAt`, `codePointAt`, `slice`, `substring`, `substr`, `indexOf`, `startsWith`), with String's
 * semantics for out-of-range and negative arguments, so the grammar runs on it unchanged. Regular expressions need a
 * real string: take a `slice`, or `full()` for the rare shapes (flattened text) that search the whole input.
 */
export class SourceText {
  readonly length: number;
  readonly bytes: Buffer;
  /** bytes[0, headEnd) decoded. */
  private readonly head: string;
  private readonly headEnd: number;
  private fullText: string | null;

  /** `headEnd`: how many leading bytes to decode up front (clamped to the input). */
  constructor(bytes: Uint8Array, headEnd: number) {
    this.bytes = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.length = this.bytes.length;
    this.headEnd = Math.max(0, Math.min(headEnd, this.length));
    this.head = this.bytes.toString('latin1', 0, this.headEnd);
    this.fullText = this.headEnd === this.length ? this.head : null;
  }

  /** The whole input as one string (decoded on first use). */
  full(): string {
    if (this.fullText === null) this.fullText = this.bytes.toString('latin1');
    return this.fullText;
  }

  charCodeAt(index: number): number {
    return index >= 0 && index < this.length ? this.bytes[index]! : NaN;
  }

  codePointAt(index: number): number | undefined {
    return index >= 0 && index < this.length ? this.bytes[index]! : undefined;
  }

  charAt(index: number): string {
    return index >= 0 && index < this.length ? String.fromCharCode(this.bytes[index]!) : '';
  }

  slice(start = 0, end = this.length): string {
    const from = start < 0 ? Math.max(this.length + start, 0) : Math.min(start, this.length);
    const to = end < 0 ? Math.max(this.length + end, 0) : Math.min(end, this.length);
    return this.range(from, to);
  }

  substring(start: number, end = this.length): string {
    const a = clampIndex(start, this.length);
    const b = clampIndex(end, this.length);
    return a <= b ? this.range(a, b) : this.range(b, a);
  }

  substr(start: number, length = this.length): string {
    const from = start < 0 ? Math.max(this.length + start, 0) : Math.min(start, this.length);
    return this.range(from, Math.min(from + Math.max(length, 0), this.length));
  }

  /** First occurrence of `needle` (latin-1) at or after `from`, or -1. */
  indexOf(needle: string, from = 0): number {
    let pos = Math.max(0, Math.trunc(from) || 0);
    if (pos < this.headEnd) {
      const at = this.head.indexOf(needle, pos);
      if (at >= 0) return at;
      // A match that ends past the head starts in its last needle.length - 1 characters at the earliest.
      pos = Math.max(pos, this.headEnd - needle.length + 1);
    }
    if (needle.length === 0) return Math.min(pos, this.length);
    if (pos >= this.length) return -1;
    return needle.length === 1 ? this.bytes.indexOf(needle.charCodeAt(0), pos) : this.bytes.indexOf(needle, pos, 'latin1');
  }

  startsWith(needle: string, position = 0): boolean {
    const pos = clampIndex(position, this.length);
    if (pos + needle.length <= this.headEnd) return this.head.startsWith(needle, pos);
    if (pos + needle.length > this.length) return false;
    for (let i = 0; i < needle.length; i += 1) if (this.bytes[pos + i] !== needle.charCodeAt(i)) return false;
    return true;
  }

  private range(from: number, to: number): string {
    if (from >= to) return '';
    if (to <= this.headEnd) return this.head.slice(from, to);
    if (this.fullText !== null) return this.fullText.slice(from, to);
    return this.bytes.toString('latin1', from, to);
  }
}

function clampIndex(index: number, length: number): number {
  const i = Math.trunc(index) || 0;
  return i < 0 ? 0 : i > length ? length : i;
}
