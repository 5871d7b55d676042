/**
 * The trade rows and trade tables of a filing's text, for the trade paraphrases (bench/trade-paraphrases.ts,
 * bench/trade-layouts.ts): a trade row is a line (or an HTML `<tr>`) of three or more cells with exactly one date,
 * alone in its cell, and another number; a text trade table is a run of table lines with at least one trade row.
 */
import { findDates } from '../src/extract/lexicon/index.js';

/** The cells of a row: `<td>`/`<th>` texts of an HTML row, else the runs a tab or two spaces separate. */
export function cellsOf(row: string): string[] {
  if (/<t[dh]\b/i.test(row)) {
    return [...row.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)(?=<t[dh]\b|<\/tr>|$)/gi)].map((m) => m[1]!.replace(/<[^>]*>/g, ' ').replace(/&nbsp;|&#160;/gi, ' ').trim()).filter(Boolean);
  }
  return row.trim().split(/\t+| {2,}/).filter(Boolean);
}

/** Is this line or `<tr>` a trade row (see the header)? */
export function isTradeRow(row: string): boolean {
  const cells = cellsOf(row);
  if (cells.length < 3 || cells.join(' ').length > 300) return false;
  const dated = cells.filter((c) => findDates(c).length > 0);
  if (dated.length !== 1 || findDates(dated[0]!).length !== 1) return false;
  const date = findDates(dated[0]!)[0]!;
  if (dated[0]!.length > date.end - date.start + 3) return false;
  return cells.some((c) => c !== dated[0] && /\d/.test(c));
}

/** Apply `fn` to each trade row of `text`: each `<tr>` when the text has HTML rows, else each line. */
export function inTradeRows(fn: (row: string) => string): (text: string) => string {
  return (text) => {
    if (/<tr\b/i.test(text)) return text.replace(/<tr\b[\s\S]*?<\/tr>/gi, (row) => (isTradeRow(row) ? fn(row) : row));
    return text
      .split('\n')
      .map((line) => (isTradeRow(line) ? fn(line) : line))
      .join('\n');
  };
}

/** Apply `fn` to the text of a row outside its HTML tags and outside its dates. */
export function outsideDatesAndTags(fn: (text: string) => string): (row: string) => string {
  return (row) =>
    row
      .split(/(<[^>]*>)/)
      .map((part) => {
        if (part.startsWith('<')) return part;
        let out = '';
        let at = 0;
        for (const d of findDates(part)) {
          out += fn(part.slice(at, d.start)) + part.slice(d.start, d.end);
          at = d.end;
        }
        return out + fn(part.slice(at));
      })
      .join('');
}
/** A price of a row: a decimal amount, with or without a dollar sign (a count never has decimals in these tables). */
export const PRICE = /(\$\s*)?(?<![\d.,'])(\d{1,3}(?:,\d{3})*|\d+)?\.(\d{1,6})(?![\d.,]|\w)/g;
/**
 * A line of a text table: a trade row, or a line of three or more short cells and no run of three lowercase words
 * (the column headings, "Number of Shares Sold"; not a justified paragraph's line).
 */
export function tableLine(line: string): boolean {
  if (isTradeRow(line)) return true;
  const cells = line.trim().split(/\t+| {2,}/);
  return cells.length >= 3 && line.length <= 160 && cells.every((c) => c.length <= 30) && !/\b[a-z]+,?\s+[a-z]+,?\s+[a-z]+\b/.test(line);
}

/**
 * The trade tables of plain-text lines, as [first, end) line ranges: runs of table lines (blank lines between them
 * allowed) with at least one trade row.
 */
export function tradeTables(lines: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && (tableLine(lines[j]!) || (j > i && !lines[j]!.trim() && j + 1 < lines.length && tableLine(lines[j + 1]!)))) j++;
    if (j > i && lines.slice(i, j).some(isTradeRow)) out.push([i, j]);
    i = Math.max(j, i + 1);
  }
  return out;
}

/**
 * The cells of each line of a text table, placed in the table's columns: a column starts where a cell of the line with
 * the most cells starts, and a cell belongs to the last column starting at or before it (so an indented row keeps its
 * empty first cells). Tab-separated lines keep their cells in order.
 */
export function placedCells(lines: string[]): string[][] {
  const runs = lines.map((l) => [...l.matchAll(/[^\s\t]+(?: [^\s\t]+)*/g)].map((m) => ({ at: m.index, text: m[0] })));
  const widest = runs.reduce((w, r) => (r.length > w.length ? r : w), [] as { at: number; text: string }[]);
  const starts = widest.map((c) => c.at);
  return lines.map((line, k) => {
    if (line.includes('\t')) return line.trim().split(/\t+/);
    const row: string[] = starts.map(() => '');
    for (const c of runs[k]!) {
      let col = starts.length - 1;
      while (col > 0 && starts[col]! > c.at + 1) col--;
      row[col] = row[col] ? `${row[col]}  ${c.text}` : c.text;
    }
    return row;
  });
}

