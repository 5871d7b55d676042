/**
 * HTML rendered to readable lines, in one pass over htmlparser2's tokenizer (html-tokenizer.ts) — no DOM, no recursion, so the time is
 * linear in the input and the nesting depth costs nothing but an array slot (40,000 nested `<div>`s, or tables nested
 * 1,200 deep, used to take seconds in cheerio and then overflow the stack of a recursive walk).
 *
 * The output must stay what the previous renderer (cheerio/parse5 tree, walked in document order) gave, because every
 * stored span is an offset into it. So the tree builder below keeps the parts of the HTML5 tree-construction rules that
 * change the text, and only those:
 *   - content before `<body>` (title, style, script…) is head content and not rendered; any other tag or text starts
 *     the body; `</body>` and `</html>` close nothing;
 *   - table structure: `<td>`/`<tr>` outside a table are ignored, a cell or row implies the missing `<tr>`, and
 *     a new cell or row closes the open one; text and elements placed directly in a table (not in a cell) are
 *     "foster-parented": rendered before the table;
 *   - an end tag closes its element only when no "special" element (block, cell, …) was opened inside it — otherwise
 *     it is ignored, or for formatting elements (`</font>` across a `<p>`) removes just that element;
 *   - `</p>` without an open `<p>` and `</br>` act as an empty paragraph and a line break.
 * Rendering: block elements and `<br>` end lines, table cells are separated by a tab, runs of white space inside a
 * line collapse to one space, `<pre>` keeps its lines, character references are decoded (`&#254;` → `þ`).
 *   - A cell whose content is one line stays on its row's line even when a block holds that line
 *     (`<td><p>May 6, 2010</p></td>`, `<td><div>1,250</div></td>`): such a block only styles the cell, so the row
 *     reads "May 6, 2010	1,250	$	16.2848" as it would with plain cells. A cell with two lines or more of its own
 *     (`<div>Shares of Common</div><div>Stock Purchased</div>`, "SOLE VOTING POWER<br>1,000") or a table inside keeps
 *     its lines, as before.
 *   - `<sup>` and `<sub>` text is set off from the text before it by a space: in filings it is a footnote marker, and
 *     glued to a number it changed the number (`$22.00<sup>1</sup>` read "$22.001", `1,000<sup>2</sup>` "1,0002";
 *     a name "Smith1"). An ordinal suffix after a digit (`1<sup>st</sup>`) is part of its word and stays glued.
 */
import { SkippingTokenizer } from './html-tokenizer.js';
import {
  BLOCK_TAGS,
  SKIP_TAGS,
  VOID_TAGS,
  HEAD_TAGS,
  SPECIAL_TAGS,
  FORMATTING_TAGS,
  BLOCK_END_TAGS,
  CLOSES_P,
  HEADINGS,
  SCOPE_TAGS,
  SECTION_TAGS,
  CELL_TAGS,
  TABLE_PARTS,
  FOSTERING_PARTS,
} from './html-elements.js';
import { flatten, Sink } from './html-sink.js';
import { collapseRuns } from '../white-space.js';

/** A table's two sinks: `before` continues the line the table interrupted and takes foster-parented content. */
interface TableSinks {
  before: Sink;
  inside: Sink;
}

interface OpenElement {
  name: string;
  /** Where this element's own content is rendered. */
  sink: Sink;
  /** The table this element is a structural part of (table, section, row), for foster-parenting. */
  table: TableSinks | null;
  /** Removed by a formatting end tag while blocks opened inside it stay open. */
  closed: boolean;
  /** A table cell: `sink` is its own, `outer` the row's (see `closeCell`). */
  outer: Sink | null;
  /** `<sup>`/`<sub>`: where its text starts on `sink.line`, and `sink.flushes` then (a flush since moves the text). */
  mark: { at: number; flushes: number } | null;
}

/** An ordinal suffix, superscript after a digit in "1<sup>st</sup>". */
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;

/**
 * A cell's lines were held back on its own sink (`raw`) and are written now as they would have been without it: the
 * first one continues the row's line. Done when the cell turns out to have several lines, or a table inside.
 */
function releaseCell(inner: Sink): void {
  const outer = inner.cellOuter;
  const raw = inner.raw;
  if (!outer || !raw) return;
  for (const line of raw) {
    outer.append(line);
    outer.flush();
  }
  // The line in progress continues on the cell's sink (its elements write there), after the lines just written.
  inner.line = outer.line + inner.line;
  inner.lineHasText = outer.lineHasText || inner.lineHasText;
  outer.line = '';
  outer.lineHasText = false;
  inner.out.length = 0;
  outer.out.push(inner);
  inner.raw = null;
  inner.cellOuter = null;
  // A `<sup>` open in the cell measured its text on the line, which just moved.
  inner.flushes += 1;
}

/** A cell ends: one line of its own joins its row's line; several are released as lines (`releaseCell`). */
function closeCell(inner: Sink, outer: Sink): void {
  const raw = inner.raw;
  if (raw) {
    let lines = inner.lineHasText ? 1 : 0;
    for (const line of raw) if (/\S/.test(line)) lines += 1;
    if (lines <= 1) {
      for (const line of raw) outer.append(line + ' ');
      outer.append(inner.line);
      inner.raw = null;
      inner.cellOuter = null;
      return;
    }
    releaseCell(inner);
  }
  outer.line = inner.line;
  outer.lineHasText = inner.lineHasText;
  inner.line = '';
  inner.lineHasText = false;
}

export function htmlToText(html: string): string {
  return new HtmlTextRenderer(html).run();
}

/**
 * The renderer of one HTML string: its state and steps are fields and methods rather than closures made per call, and
 * it is its own tokenizer callback object. With closures, V8 compiled the hot steps (openTag, insert, render…) for
 * one call's closure objects and threw the code away for the next document's ("wrong call target"): openTag alone
 * was compiled twelve times in a worker's first thousand filings, five times since.
 */
class HtmlTextRenderer {
  private readonly html: string;
  private readonly root = new Sink();
  private readonly stack: OpenElement[] = [];
  // Counts and positions kept alongside the stack so that every question below ("is a <p> open?", "is there a
  // special element above it?", "what is the innermost table part?") is answered without walking the stack.
  private readonly positions = new Map<string, number[]>();
  private readonly specialPositions: number[] = [];
  private readonly tablePartPositions: number[] = [];
  private readonly scopePositions: number[] = [];
  private skipDepth = 0;
  private preDepth = 0;
  private inBody = false;
  private pendingText = '';
  private tagName = '';

  constructor(html: string) {
    this.html = html;
  }

  run(): string {
    const tokenizer = new SkippingTokenizer({ xmlMode: false, decodeEntities: true }, this);
    tokenizer.write(this.html);
    tokenizer.end();
    this.flushText();
    this.popTo(0);
    this.root.flush();
    return flatten(this.root).join('\n');
  }

  // Tokenizer callbacks.
  onattribdata(): void {}
  onattribentity(): void {}
  onattribend(): void {}
  onattribname(): void {}
  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}
  ontext(start: number, end: number): void {
    this.pendingText += this.html.slice(start, end);
  }
  ontextentity(codepoint: number): void {
    this.pendingText += String.fromCodePoint(codepoint);
  }
  onopentagname(start: number, end: number): void {
    this.flushText();
    this.tagName = this.html.slice(start, end).toLowerCase();
  }
  onopentagend(): void {
    this.openTag(this.tagName);
  }
  onselfclosingtag(): void {
    this.openTag(this.tagName);
  }
  onclosetag(start: number, end: number): void {
    this.flushText();
    this.closeTag(this.html.slice(start, end).toLowerCase());
  }

  private top(): OpenElement | undefined {
    return this.stack[this.stack.length - 1];
  }
  private lastPosition(name: string): number {
    const list = this.positions.get(name);
    return list && list.length > 0 ? list[list.length - 1]! : -1;
  }
  private last(list: number[]): number {
    return (list.length > 0 ? list[list.length - 1]! : -1);
  }
  private currentSink(): Sink {
    return this.top()?.sink ?? this.root;
  }

  private render(open: boolean, el: OpenElement): void {
    if (el.closed) return;
    const name = el.name;
    if (open) {
      if (name === 'br') {
        if (this.skipDepth === 0) el.sink.flush();
        return;
      }
      if (this.skipDepth === 0) {
        if (BLOCK_TAGS.has(name)) el.sink.flush();
        if (el.outer && el.outer.lineHasText) el.outer.line += '\t';
        if (name === 'sup' || name === 'sub') el.mark = { at: el.sink.line.length, flushes: el.sink.flushes };
      }
      if (SKIP_TAGS.has(name)) this.skipDepth += 1;
      if (name === 'pre') this.preDepth += 1;
      return;
    }
    if (name === 'br' || VOID_TAGS.has(name)) return;
    if (SKIP_TAGS.has(name)) this.skipDepth -= 1;
    if (name === 'pre') this.preDepth -= 1;
    if (name === 'table' && el.table) {
      // The table ends its line: what was written before it (and fostered into it) comes first, then its rows.
      el.table.before.flush();
      el.table.inside.flush();
      return;
    }
    if (this.skipDepth > 0) {
      if (el.outer) closeCell(el.sink, el.outer);
      return;
    }
    if (el.outer) {
      el.sink.line += ' ';
      closeCell(el.sink, el.outer);
    }
    if (el.mark) this.setOffMarker(el.sink, el.mark);
    if (BLOCK_TAGS.has(name)) el.sink.flush();
  }

  /** A `<sup>`/`<sub>`'s text, still on the line where it started, set off from a word or number before it. */
  private setOffMarker(sink: Sink, mark: { at: number; flushes: number }): void {
    if (sink.flushes !== mark.flushes || mark.at === 0) return;
    const line = sink.line;
    const before = line[mark.at - 1]!;
    const text = line.slice(mark.at);
    if (!/^\S/.test(text) || /\s/.test(before)) return;
    if (/\d/.test(before) && ORDINAL_SUFFIX.test(text.trim())) return;
    sink.line = `${line.slice(0, mark.at)} ${text}`;
  }

  private push(name: string, sink: Sink, table: TableSinks | null): OpenElement {
    // Every field set here, null or not: elements of one shape keep V8's code for them monomorphic.
    const el: OpenElement = { name, sink, table, closed: false, outer: null, mark: null };
    if (CELL_TAGS.has(name)) {
      // The cell writes on a sink of its own, holding back the lines it flushes until it ends (`closeCell`).
      el.outer = sink;
      el.sink = new Sink();
      el.sink.raw = [];
      el.sink.cellOuter = sink;
    }
    const index = this.stack.length;
    this.stack.push(el);
    let list = this.positions.get(name);
    if (!list) this.positions.set(name, (list = []));
    list.push(index);
    if (SPECIAL_TAGS.has(name)) this.specialPositions.push(index);
    if (TABLE_PARTS.has(name)) this.tablePartPositions.push(index);
    if (SCOPE_TAGS.has(name)) this.scopePositions.push(index);
    return el;
  }

  private pop(): void {
    const el = this.stack.pop()!;
    const index = this.stack.length;
    if (!el.closed) this.positions.get(el.name)!.pop();
    if (this.last(this.specialPositions) === index) this.specialPositions.pop();
    if (this.last(this.tablePartPositions) === index) this.tablePartPositions.pop();
    if (this.last(this.scopePositions) === index) this.scopePositions.pop();
    this.render(false, el);
  }

  /** Pop elements until the one at `index` is popped too. */
  private popTo(index: number): void {
    while (this.stack.length > index) this.pop();
  }

  private innermostTablePart(): OpenElement | undefined {
    const i = this.last(this.tablePartPositions);
    return i >= 0 ? this.stack[i] : undefined;
  }

  /** Where a new element or text goes: into the table's `before` sink when it would be foster-parented. */
  private fosterTarget(): { sink: Sink; fostered: boolean } {
    const current = this.top();
    if (current && !current.closed && FOSTERING_PARTS.has(current.name) && current.table) {
      return { sink: current.table.before, fostered: true };
    }
    return { sink: this.currentSink(), fostered: false };
  }

  private emitText(text: string): void {
    if (text === '') return;
    if (text.includes('\0')) text = text.replace(/\0/g, '');
    if (!this.inBody) {
      // Text inside a head element (a title) is not rendered; white space between them neither.
      if (this.stack.length > 0 || /^[\t\n\f\r ]*$/.test(text)) return;
      this.startBody();
    }
    if (this.skipDepth > 0) return;
    let sink: Sink;
    if (/[^\t\n\f\r ]/.test(text)) sink = this.fosterTarget().sink;
    else sink = this.currentSink();
    if (this.preDepth > 0) {
      const parts = text.split(/\r\n|\r|\n/);
      parts.forEach((part, i) => {
        if (i > 0) sink.flush();
        sink.append(part);
      });
    } else {
      sink.append(collapseRuns(text));
    }
  }

  private flushText(): void {
    const text = this.pendingText;
    this.pendingText = '';
    this.emitText(text);
  }

  /** The head ends: its elements are closed silently (their content was never rendered). */
  private startBody(): void {
    this.inBody = true;
    while (this.stack.length > 0) {
      const el = this.stack.pop()!;
      if (SKIP_TAGS.has(el.name)) this.skipDepth -= 1;
    }
    this.positions.clear();
    this.specialPositions.length = 0;
    this.tablePartPositions.length = 0;
    this.scopePositions.length = 0;
  }

  /** Open an element where HTML5 would put it. */
  private insert(name: string): OpenElement {
    let sink: Sink;
    let table: TableSinks | null = null;
    const structural = TABLE_PARTS.has(name);
    const parentPart = this.innermostTablePart();
    if (structural && name !== 'table') {
      // A section, row, cell or caption renders inside its table.
      sink = parentPart?.table?.inside ?? this.currentSink();
      table = parentPart?.table ?? null;
    } else {
      sink = this.fosterTarget().sink;
    }
    if (name === 'table') {
      // A table in a cell: the cell's lines are written as they come (it has more than one).
      if (sink.cellOuter) releaseCell(sink);
      // The line in progress continues in `before` (foster-parented content joins it); the rows go to `inside`.
      const outer = sink;
      const before = new Sink();
      before.line = outer.line;
      before.lineHasText = outer.lineHasText;
      outer.line = '';
      outer.lineHasText = false;
      const inside = new Sink();
      outer.out.push(before, inside);
      table = { before, inside };
      sink = inside;
    }
    const el = this.push(name, sink, table);
    this.render(true, el);
    if (VOID_TAGS.has(name)) this.pop();
    return el;
  }

  /** Close the innermost open table part named `name` and everything inside it. */
  private closeTablePart(names: Set<string>): void {
    while (this.tablePartPositions.length > 0) {
      const part = this.innermostTablePart()!;
      this.popTo(this.last(this.tablePartPositions));
      if (names.has(part.name)) return;
    }
  }
  /** Pop what is above the innermost table part (elements left open inside a row, a table…). */
  private clearToTablePart(): void {
    this.popTo(this.last(this.tablePartPositions) + 1);
  }

  private inScope(i: number): boolean {
    return i >= 0 && i > this.last(this.scopePositions);
  }

  /**
   * A new list item closes the open one of its kind, unless a special element other than address, div or p was
   * opened inside it (HTML5's `li`/`dd`/`dt` start tag steps).
   */
  private closeListItem(names: string[]): void {
    let at = -1;
    for (const n of names) at = Math.max(at, this.lastPosition(n));
    if (at < 0) return;
    // The special elements above it must all be address, div or p (checked from the innermost down; the walk stops
    // at the first other one, so it is bounded by what it would pop).
    for (let i = this.last(this.specialPositions), k = this.specialPositions.length - 1; i > at; i = this.specialPositions[--k] ?? -1) {
      const n = this.stack[i]!.name;
      if (n !== 'address' && n !== 'div' && n !== 'p') return;
    }
    this.popTo(at);
  }

  private openTag(name: string): void {
    if (!this.inBody) {
      if (name === 'html') return;
      if (HEAD_TAGS.has(name)) {
        this.render(true, this.push(name, this.root, null));
        if (VOID_TAGS.has(name)) this.pop();
        return;
      }
      this.startBody();
    }
    if (name === 'html' || name === 'body' || name === 'head') return;
    if (name === 'image') name = 'img';
    const part = this.innermostTablePart();
    const partName = part?.name;
    if (CELL_TAGS.has(name) || name === 'tr' || SECTION_TAGS.has(name) || name === 'caption' || name === 'col' || name === 'colgroup') {
      // Table structure outside a table is ignored, as HTML5 does.
      if (!part) return;
      if (partName === 'td' || partName === 'th' || partName === 'caption') this.closeTablePart(new Set([partName]));
      const now = this.innermostTablePart();
      if (!now) return;
      if (name === 'col' || name === 'colgroup') return;
      if (name === 'caption' || SECTION_TAGS.has(name)) {
        if (now.name === 'tr') this.closeTablePart(new Set(['tr']));
        const section = this.innermostTablePart();
        if (section && SECTION_TAGS.has(section.name)) this.closeTablePart(SECTION_TAGS);
        this.clearToTablePart();
        this.insert(name);
        return;
      }
      if (name === 'tr') {
        if (now.name === 'tr') this.closeTablePart(new Set(['tr']));
        this.clearToTablePart();
        if (this.innermostTablePart()?.name === 'table') this.insert('tbody');
        this.insert('tr');
        return;
      }
      // A cell.
      this.clearToTablePart();
      if (this.innermostTablePart()?.name === 'table') this.insert('tbody');
      if (this.innermostTablePart() && SECTION_TAGS.has(this.innermostTablePart()!.name)) this.insert('tr');
      this.insert(name);
      return;
    }
    if (CLOSES_P.has(name)) {
      const p = this.lastPosition('p');
      if (this.inScope(p) && p > this.lastPosition('button')) this.popTo(p);
      if (name === 'li' || name === 'dd' || name === 'dt') this.closeListItem(name === 'li' ? ['li'] : ['dd', 'dt']);
      if (HEADINGS.has(name) && this.top() && HEADINGS.has(this.top()!.name)) this.pop();
    }
    if (name === 'table' && part && FOSTERING_PARTS.has(part.name)) {
      // A table started directly in a table ends the first one.
      this.closeTablePart(new Set(['table']));
    }
    this.insert(name);
  }

  private closeTag(name: string): void {
    if (!this.inBody) {
      if (name === 'html' || name === 'body') return;
      if (name !== 'br') {
        // The end of a head element (or of the head itself); anything else is ignored, as HTML5 does.
        const i = this.lastPosition(name);
        if (i >= 0) this.popTo(i);
        return;
      }
      this.startBody();
    }
    if (name === 'body' || name === 'html' || name === 'head') return;
    if (name === 'br') {
      this.insert('br');
      return;
    }
    // Any heading end tag closes the innermost open heading (`<h2>…</h1>`).
    const i = HEADINGS.has(name) ? Math.max(...[...HEADINGS].map((h) => this.lastPosition(h))) : this.lastPosition(name);
    if (name === 'p' && !(this.inScope(i) && i > this.lastPosition('button'))) {
      this.insert('p');
      this.pop();
      return;
    }
    if (i < 0) return;
    if (TABLE_PARTS.has(name)) {
      // Table end tags close through their own table only.
      if (name !== 'table' && i < this.lastPosition('table')) return;
      this.popTo(i);
      return;
    }
    if (BLOCK_END_TAGS.has(name)) {
      if (this.inScope(i)) this.popTo(i);
      return;
    }
    if (this.last(this.specialPositions) > i) {
      if (!FORMATTING_TAGS.has(name) || !this.inScope(i)) return;
      // The formatting element ends but the blocks opened inside it stay open.
      this.stack[i]!.closed = true;
      this.positions.get(name)!.pop();
      return;
    }
    this.popTo(i);
  }
}
