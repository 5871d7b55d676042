/**
 * Where html-text.ts writes lines: a Sink collects finished lines and, in their place, nested sinks (a table's rows
 * render after the line the table interrupted, and content foster-parented out of the table before them). `flatten`
 * reads them back in order.
 */
/** Lines being written: finished lines, and nested sinks whose lines come at that point (tables, see below). */
export class Sink {
  readonly out: (string | Sink)[] = [];
  line = '';
  // Whether `line` has a non-blank character: kept as we go, since testing the growing line at every table cell was
  // quadratic in a row's cells.
  lineHasText = false;
  /** How many times `flush` ran: an inline element (`<sup>`) uses it to know its text is still on the open line. */
  flushes = 0;
  /**
   * Set on a table cell's sink (html-text.ts): every line flushed, as written (before white space is collapsed), so
   * that a cell whose blocks hold a single line can be put back on its row's line.
   */
  raw: string[] | null = null;
  /** On a cell's sink while its lines are held back (see `raw`): the sink of the row the cell is in. */
  cellOuter: Sink | null = null;

  append(part: string): void {
    this.line += part;
    if (!this.lineHasText && /\S/.test(part)) this.lineHasText = true;
  }

  flush(): void {
    this.flushes += 1;
    if (this.raw) this.raw.push(this.line);
    if (this.lineHasText) {
      // Most lines have no run of spaces, no NBSP and no tab: testing that is much cheaper than the two replacements,
      // which would leave such a line unchanged.
      let line = this.line;
      if (line.includes('  ') || line.includes('\u00a0')) line = line.replace(/[ \u00a0]+/g, ' ');
      if (line.includes('\t')) line = line.replace(/ ?\t ?/g, '\t');
      const trimmed = line.trim();
      if (trimmed) this.out.push(trimmed);
    }
    this.line = '';
    this.lineHasText = false;
  }
}

/** The lines of a sink and the sinks nested in it, in order, without recursion. */
export function flatten(root: Sink): string[] {
  const lines: string[] = [];
  const work: { sink: Sink; next: number }[] = [{ sink: root, next: 0 }];
  while (work.length > 0) {
    const frame = work[work.length - 1]!;
    if (frame.next >= frame.sink.out.length) {
      work.pop();
      continue;
    }
    const item = frame.sink.out[frame.next++]!;
    if (typeof item === 'string') lines.push(item);
    else work.push({ sink: item, next: 0 });
  }
  return lines;
}
