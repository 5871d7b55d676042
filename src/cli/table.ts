/**
 * Plain-text tables for the terminal: left-aligned text, right-aligned numbers. NULL prints as `nullText` (`-` in
 * the filing summary, `NULL` in `sql`, where a stored `-` must stay distinguishable from a missing value).
 */

export type Cell = string | number | null | undefined;

export interface TableOptions {
  /** How NULL prints; default `-`. */
  nullText?: string;
  /** Which columns get thousands separators; default every numeric column. */
  groupDigits?: (header: string) => boolean;
  /** Total width to fit (long text cells are cut with …); default no limit beyond `maxCell`. */
  maxWidth?: number;
  /** Longest text cell before it is cut; default 60; Infinity for none. */
  maxCell?: number;
}

/**
 * Columns that hold share counts or money, where thousands separators help reading. Offsets, ordinals, sequences,
 * years, identifiers and percents are numbers too, but grouping their digits would misstate them.
 */
export function isQuantityColumn(header: string): boolean {
  const h = header.toLowerCase();
  if (/(^|_)(span|offset|start|end|sequence|ordinal|id|cik|year|number|count|rowid|version|bytes|line|percent|pct|rate)($|_)/.test(h)) return false;
  return /(shares|power|amount|aggregate|principal|price|value|usd|money|consideration|cost|proceeds|funds|vote|disp)/.test(h);
}

export function formatTable(headers: string[], rows: Cell[][], options: TableOptions = {}): string {
  const nullText = options.nullText ?? '-';
  const maxCell = options.maxCell ?? 60;
  const group = headers.map((h) => options.groupDigits?.(h) ?? true);
  const text = rows.map((r) => r.map((v, i) => cellText(v, nullText, group[i]!, maxCell)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number'));
  const widths = headers.map((h, i) => text.reduce((max, r) => Math.max(max, [...(r[i] ?? '')].length), h.length));
  if (options.maxWidth !== undefined) fitWidths(widths, headers, numeric, options.maxWidth);
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => {
        const w = widths[i]!;
        const cut = [...c].length > w ? `${[...c].slice(0, Math.max(1, w - 1)).join('')}…` : c;
        return numeric[i] ? cut.padStart(w) : cut.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}

/** Narrow the widest text columns until the table fits `maxWidth` (numbers are never cut; text keeps 8 columns). */
function fitWidths(widths: number[], headers: string[], numeric: boolean[], maxWidth: number): void {
  const total = (): number => widths.reduce((a, b) => a + b, 0) + 2 * Math.max(0, widths.length - 1);
  const floor = (i: number): number => (numeric[i] ? widths[i]! : Math.min(widths[i]!, Math.max(8, Math.min(headers[i]!.length, 12))));
  while (total() > maxWidth) {
    let widest = -1;
    for (let i = 0; i < widths.length; i += 1) if (widths[i]! > floor(i) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) return;
    widths[widest] = Math.max(floor(widest), widths[widest]! - Math.max(1, total() - maxWidth));
  }
}

function cellText(value: Cell, nullText: string, group: boolean, maxCell: number): string {
  if (value === null || value === undefined) return nullText;
  if (typeof value === 'number') return group ? value.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(value);
  const one = value.replace(/\s+/g, ' ');
  return one.length > maxCell ? `${one.slice(0, maxCell - 3)}...` : one;
}
