/**
 * Offset → 1-based line and column, for warnings and errors. Line starts are found lazily and only as far as the
 * offsets asked about, with indexOf, so a clean parse pays nothing and a warning near the top of a 50 MB file does
 * not scan all of it. CR, LF and CRLF all end a line (some `.nc` files use bare CR).
 */
/** What LineIndex reads of the text: a string, or the parse stage's SourceText. */
export type LineSource = Pick<string, 'length' | 'charCodeAt' | 'indexOf' | 'slice'>;

export class LineIndex {
  private readonly text: LineSource;
  private readonly starts: number[] = [0];
  /** Every line start at or before this offset is in `starts`. */
  private scannedTo = 0;
  private nextLf = -2;
  private nextCr = -2;

  constructor(text: LineSource) {
    this.text = text;
  }

  locate(offset: number): { line: number; column: number } {
    this.scanTo(offset);
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /** The text of the line holding `offset`, without its terminator. */
  lineText(offset: number): string {
    const { line } = this.locate(offset);
    const start = this.starts[line - 1]!;
    let end = start;
    while (end < this.text.length && this.text.charCodeAt(end) !== 10 && this.text.charCodeAt(end) !== 13) end += 1;
    return this.text.slice(start, end);
  }

  private scanTo(offset: number): void {
    const t = this.text;
    while (this.scannedTo <= offset && this.scannedTo < t.length) {
      const from = this.scannedTo;
      if (this.nextLf !== -1 && this.nextLf < from) this.nextLf = t.indexOf('\n', from);
      if (this.nextCr !== -1 && this.nextCr < from) this.nextCr = t.indexOf('\r', from);
      const lf = this.nextLf;
      const cr = this.nextCr;
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) {
        this.scannedTo = t.length;
        return;
      }
      const next = t.charCodeAt(end) === 13 && t.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      this.starts.push(next);
      this.scannedTo = next;
    }
  }
}
