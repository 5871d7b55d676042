import { matchesOf } from '../../matches.js';
/**
 * Typed cover pages laid out in two columns whose captions and values both wrap:
 *
 *     1)   Name of Reporting            Pioneer
 *          Person                       Global Asset
 *                                       Management S.p.A.
 *
 * Read line by line, the caption ("Name of Reporting Person") is interrupted by the value. This module rewrites such
 * text block by block (a block is a run of non-blank lines): first the left-hand parts, one per line, then the
 * right-hand parts joined into one line. It keeps a map from every character of the rewritten text back to the
 * original, so spans still point into `documentText`.
 *
 * Handles: caption/value columns separated by three or more spaces or a tab, a third (side-caption) column.
 * Does not handle: proportional-font HTML (rendered tables already separate cells), or deciding when to use it (the
 * text reader tries it only when the ordinary reading finds no cover page).
 */

export interface Remapped {
  text: string;
  /** `map[i]` is the offset in the original text of character `i` of `text`. */
  map: Int32Array;
}

/** Where a line's right-hand column starts (a gap of 3+ spaces or a tab, at column 20 or later), or -1. */
function splitPoint(line: string): { leftEnd: number; rightStart: number } | null {
  const expanded = line.replace(/\t/g, '        ');
  if (expanded.trim() === '') return null;
  for (const m of matchesOf(/(?: {3,}|\t+ *)(?=\S)/g, line)) {
    const rightStart = m.index + m[0].length;
    const col = line.slice(0, rightStart).replace(/\t/g, '        ').length;
    if (col < 20) continue;
    const left = line.slice(0, m.index);
    return { leftEnd: left.trim() === '' ? 0 : m.index, rightStart };
  }
  return null;
}

/**
 * Rewrite two-column text so each block's captions come before its values. Returns null when the text does not look
 * two-column (too few split lines).
 */
export function splitColumns(text: string): Remapped | null {
  const lines: { text: string; start: number }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line, start: pos });
    pos += line.length + 1;
  }
  let splits = 0;
  for (const l of lines) if (splitPoint(l.text)) splits += 1;
  if (splits < 10) return null;

  const out: string[] = [];
  const map: number[] = [];
  const emit = (s: string, origin: number, contiguous: boolean): void => {
    for (let i = 0; i < s.length; i += 1) {
      out.push(s[i]!);
      map.push(contiguous ? origin + i : origin);
    }
  };
  let k = 0;
  while (k < lines.length) {
    if (lines[k]!.text.trim() === '') {
      emit('\n', lines[k]!.start + lines[k]!.text.length, false);
      k += 1;
      continue;
    }
    const block: { text: string; start: number }[] = [];
    while (k < lines.length && lines[k]!.text.trim() !== '') block.push(lines[k++]!);
    const rights: { text: string; start: number }[] = [];
    for (const line of block) {
      const sp = splitPoint(line.text);
      const left = sp ? line.text.slice(0, sp.leftEnd) : line.text;
      if (left.trim() !== '') {
        emit(left, line.start, true);
        emit('\n', line.start + left.length, false);
      }
      if (sp) rights.push({ text: line.text.slice(sp.rightStart), start: line.start + sp.rightStart });
    }
    rights.forEach((r, i) => {
      if (i > 0) emit(' ', r.start, false);
      emit(r.text, r.start, true);
    });
    if (rights.length > 0) emit('\n', rights[rights.length - 1]!.start + rights[rights.length - 1]!.text.length, false);
  }
  return { text: out.join(''), map: Int32Array.from(map) };
}

/** Map a span of the rewritten text back to the original text. */
export function mapSpan(remapped: Remapped, start: number, end: number): { start: number; end: number } {
  const s = remapped.map[Math.min(start, remapped.map.length - 1)] ?? 0;
  const e = end > start ? (remapped.map[Math.min(end - 1, remapped.map.length - 1)] ?? s) + 1 : s;
  return { start: s, end: Math.max(s, e) };
}
