import { matchesOf } from '../../matches.js';
/**
 * Item 5 holder tables whose line breaks are gone (tags stripped and white space collapsed, the way corpora distribute
 * filings): "… DISPOSITIVE POWER One Liberty Properties, Inc. 30,048/less than 1% Shared (1) The Georgetown Group,
 * Inc. 4,790/less than 1% Shared (2) …" (0000712770-96-000005 flattened), all the rows of a table and its caption on
 * one line. Cut back into the lines the table had, so that the line reader (position-tables.ts) reads them as filed.
 * Does not handle: rows whose name is not printed before their counts, tables of fewer than three rows.
 */

/** A span of a line: a row of the table (`row`), or text that is not one (the caption, prose, a wrapped name cell). */
export interface LinePiece {
  start: number;
  end: number;
  row: boolean;
}

/** Page furniture that a flattened page break leaves inside a table: "Page 9 of 12 Pages", "- 5 -". */
const PAGE_MARK = /\bPage\s+\d{1,3}\s+of\s+\d{1,3}(?:\s+Pages)?\b|(?<=\s)-\s?\d{1,3}\s?-(?=\s)/gi;

/**
 * A row's cell: a count ("1,512,241", "None", "-0-"), a count and its percent ("30,048/less than 1%",
 * "263,546/3.00%"), or a percent or decimal of a percentage table (".4%", "2.4"). Not a footnote mark "(3)", money,
 * nor a number inside a date or a word.
 */
const CELL = /(?<![\w,./$(-])(?:\d{0,3}\.\d{1,2}\s?%|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?%?|None|-0-)(?:\/[^\s/]{1,12}(?:\s+than\s+1%)?)?(?![\w,)/])/g;

/** What may end a row after its cells: the text column of a power ("Shared (1)"), a footnote mark ("(12)"). */
const ROW_TAIL = /^\s*(?:(?:[A-Za-z]{1,12}\s*)?\(\d{1,2}\)|(?:Sole|Shared|SOLE|SHARED)\b)/;

/**
 * Words after a count that make it prose, not a row's cells: a word of shares ("25,565 Beneficial Shares owned by
 * Gould's wife"), a lower-case word ("1,000 of which"), unless they are the row's tail. ("The shares …" after a
 * row starts a sentence: the row ends before it.)
 */
const PROSE_AFTER = /^\s*(?:(?:(?!(?:The|A|An|Such|These|Those|Each|All)\s)[A-Z][\w-]*\s+){0,2}(?:shares?|Shares?|SHARES?)\b|[a-z])/;

/** A name cell filling the whole text between two rows, leaders and a footnote mark at its end (or "Total"). */
const WHOLE_NAME = /^\s*(?:\d{1,4},?\s+)?[A-Z][^\d]{2,90}?[\s.]*(?:(?:\(\d{1,2}\)|\*{1,2})[\s.]*)?$/;

/** Leaders and a footnote mark at the end of a name cell. */
const NAME_END = /[\s.]*(?:(?:\(\d{1,2}\)|\*{1,2})[\s.]*)?$/;

/** Header words: the column headings above a table's first row, never part of its name. */
const HEADER_WORD = /^(?:names?|persons?|owners?|holders?|power|class|shares?|owned|beneficially|beneficial|percent(?:age)?|amount|aggregate|outstanding|vote|voting|dispose|dispositive|number|reporting|registered|stock|common|total|type|nature|%)$/i;

/** Lower-case words a name may hold ("Trust for the Benefit of Relatives"). */
const CONNECTOR = /^(?:of|the|for|and|as|de|von|van|du|la|le|y|e|on|in|&)$/;

/** Fewest rows in a run that make text a flattened holder table (a sentence naming two holders is no table). */
const MIN_ROWS = 3;

/** The longest text between two rows (a tail, a wrapped name and leaders); longer is prose. */
const MAX_GAP = 160;

interface Cluster {
  start: number;
  end: number;
  cells: number;
  /** Where the text after the row starts (past a page number run onto it). */
  next: number;
}

/**
 * The pieces of a line holding a flattened holder table: each row ("Name . . . 7,950 110,872", "Gould Investors L.P.
 * 1,512,241/17.23% Shared (3)") a piece, the text between runs of rows a piece, page furniture left out (a name cell
 * broken by it comes back as two pieces, the line reader joins a wrapped name). Null when the line holds no run of
 * three rows. A row is a name then its cells; in a run, each row's name fills the whole text after the row before it
 * (after that row's tail); the first row's name is the end of the text before it, after the column headings.
 * `isName` is the line reader's test of a name cell. Linear in the line: one pass over its cells, each gap read once.
 */
export function flattenedHolderRows(line: string, isName: (name: string, inTable: boolean) => boolean): LinePiece[] | null {
  const marks: { start: number; end: number }[] = [];
  const text = line.replace(PAGE_MARK, (m: string, at: number) => {
    marks.push({ start: at, end: at + m.length });
    return ' '.repeat(m.length);
  });
  const clusters = cellClusters(text);
  dropPageNumbers(text, clusters);
  const runs: { nameStart: number; cluster: Cluster }[][] = [];
  let run: { nameStart: number; cluster: Cluster }[] = [];
  let prevEnd = 0;
  for (const c of clusters) {
    let from = prevEnd;
    if (run.length) from += rowTail(text, from);
    prevEnd = c.next;
    const gap = text.slice(from, c.start);
    const after = text.slice(c.next, c.next + 40);
    if (PROSE_AFTER.test(after) && !rowTail(text, c.next)) {
      if (run.length >= MIN_ROWS) runs.push(run);
      run = [];
      continue;
    }
    if (run.length && gap.length <= MAX_GAP && WHOLE_NAME.test(gap) && (isName(cleanName(gap), true) || /^\s*Total\b/i.test(gap))) {
      run.push({ nameStart: from + gap.length - gap.trimStart().length, cluster: c });
    } else {
      if (run.length >= MIN_ROWS) runs.push(run);
      const at = firstRowName(text, from, c.start, isName);
      run = at === null ? [] : [{ nameStart: at, cluster: c }];
    }
  }
  if (run.length >= MIN_ROWS) runs.push(run);
  if (!runs.length) return null;
  const pieces: LinePiece[] = [];
  const cursor = { marks, at: 0 };
  let at = 0;
  for (const r of runs) {
    for (const { nameStart, cluster: c } of r) {
      // A row piece runs from its name to the end of its tail; a page number after it is a piece of its own.
      pushPiece(pieces, text, cursor, at, nameStart, false);
      const end = c.next === c.end ? c.end + rowTail(text, c.end) : c.end;
      pushPiece(pieces, text, cursor, nameStart, end, true);
      at = end;
    }
  }
  pushPiece(pieces, text, cursor, at, line.length, false);
  return pieces;
}

/** The length of the tail that ends a row at `at` (0 when none). */
function rowTail(text: string, at: number): number {
  return ROW_TAIL.exec(text.slice(at, at + 40))?.[0].length ?? 0;
}

/** Runs of cells with only blanks between them, in text order. */
function cellClusters(text: string): Cluster[] {
  const out: Cluster[] = [];
  let last: Cluster | null = null;
  for (const m of matchesOf(CELL, text)) {
    const start = m.index;
    const end = start + m[0].length;
    const adjacent = last !== null && /^\s+$/.test(text.slice(last.end, start));
    // A bare number before a capitalised word, not right after a cell, opens a name ("130 Store Company 18,988").
    if (!adjacent && /^\d{1,4}$/.test(m[0]) && /^\s+[A-Z][a-z]/.test(text.slice(end, end + 3))) continue;
    if (adjacent) last!.end = last!.next = end;
    else out.push((last = { start, end, cells: 0, next: end }));
    last!.cells++;
  }
  return out;
}

/**
 * A page number run onto a row ("… 7,950 110,872 18 Majorie G Fitzgerald …"): a bare number of up to three digits
 * ending a row that has one cell more than the row after it. Left out of the row: its cells end before it, the text
 * after it (the next row's name) starts after it.
 */
function dropPageNumbers(text: string, clusters: Cluster[]): void {
  for (let k = 0; k + 1 < clusters.length; k++) {
    const c = clusters[k]!;
    if (c.cells !== clusters[k + 1]!.cells + 1 || c.cells < 2) continue;
    const m = /\s(\d{1,3})$/.exec(text.slice(c.start, c.end));
    if (!m) continue;
    c.end -= m[0].length;
    c.cells--;
  }
}

/** A name cell without its leaders and footnote mark. */
function cleanName(raw: string): string {
  return raw.replace(NAME_END, '').trim();
}

/**
 * Where the first row's name starts in the text before its cells: the words back from the cells while they can be a
 * name's (capitalised, initials, connectors; a number opens it), stopping at a column heading, a word ending in ":" or
 * a lower-case word;
 * column letters right after the headings ("Class A B Gerald F. Fitzgerald") are headings too. Null when no name.
 */
function firstRowName(text: string, from: number, to: number, isName: (name: string, inTable: boolean) => boolean): number | null {
  const lo = Math.max(from, to - MAX_GAP);
  const before = text.slice(lo, to);
  const end = before.length - NAME_END.exec(before)![0].length;
  const words = [...matchesOf(/\S+/g, before.slice(0, end))];
  let first = words.length;
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]![0];
    const bare = w.replace(/[.,:;()*]+/g, '');
    // A number opens a name ("667, L.P. 8,060 254,948"): the first word taken.
    if (/^\d{1,4},?$/.test(w) && k + 1 < words.length && first === k + 1) {
      first = k;
      break;
    }
    if (w.endsWith(':') || HEADER_WORD.test(bare) || /\d/.test(w)) break;
    if (!/^[A-Z&]/.test(w) && !CONNECTOR.test(w)) break;
    first = k;
  }
  while (first < words.length && /^[A-Z]$/.test(words[first]![0])) first++;
  // A name does not start with a connector ("of", "and").
  while (first < words.length && CONNECTOR.test(words[first]![0])) first++;
  if (first >= words.length) return null;
  const start = words[first]!.index;
  return isName(before.slice(start, end).trim(), false) ? lo + start : null;
}

/**
 * Push the piece `start`–`end` of a line (when not blank), cut around the page marks inside it: the part before a mark
 * is no row (a name cell the mark broke). Pieces come in text order, so `cursor` walks the marks once in all.
 */
function pushPiece(pieces: LinePiece[], text: string, cursor: { marks: { start: number; end: number }[]; at: number }, start: number, end: number, row: boolean): void {
  let at = start;
  while (cursor.at < cursor.marks.length && cursor.marks[cursor.at]!.end <= at) cursor.at++;
  while (cursor.at < cursor.marks.length && cursor.marks[cursor.at]!.start < end) {
    const m = cursor.marks[cursor.at]!;
    push(pieces, text, at, m.start, false);
    at = m.end;
    // (A mark running past the piece is the next piece's too.)
    if (m.end > end) break;
    cursor.at++;
  }
  push(pieces, text, at, end, row);
}

/** Push `start`–`end` with the blanks at its ends left out, unless nothing else is left. */
function push(pieces: LinePiece[], text: string, start: number, end: number, row: boolean): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) pieces.push({ start, end, row });
}
