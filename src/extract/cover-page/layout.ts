/**
 * Layout helpers shared by the text readers: logical lines (line breaks and separator runs, since the flattened
 * sample has no line breaks) and check boxes next to labels (`(a) [ ] (b) [X]`, `[X] Rule 13d-1(b)`).
 *
 * Handles: boxes printed before or after their labels, on the label's line or (rendered table cells) the line above.
 * Does not handle: what a row means (text-reader.ts, cover-header.ts).
 */
import { findGlyphs } from './check-boxes.js';

/** Split a row's text into logical lines: line breaks and separator runs (the flattened sample has no breaks). */
export function logicalLines(raw: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let lineStart = 0;
  for (const line of raw.split('\n')) {
    let pos = lineStart;
    lineStart += line.length + 1;
    // Empty lines are kept: a blank line ends a value block in typed layouts.
    if (line === '') {
      out.push({ text: '', start: pos });
      continue;
    }
    for (const part of line.split(/(\s-\s(?=-)|[-_=]{3,}|\u2014{2,})/)) {
      if (part === undefined) continue;
      if (!/^(?:\s-\s|[-_=]{3,}|\u2014{2,})$/.test(part)) out.push({ text: part, start: pos });
      pos += part.length;
    }
  }
  return out;
}

/** A logical line without its leading/trailing separators, colons and white space; null when nothing is left. */
export function trimLine(line: { text: string; start: number }): { text: string; start: number; end: number } | null {
  const lead = /^[\s:|*\-\u2013\u2014_=]*/.exec(line.text)![0].length;
  const body = line.text.slice(lead).replace(/[\s:|\-\u2013\u2014_=]+$/, '');
  if (!body) return null;
  return { text: body, start: line.start + lead, end: line.start + lead + body.length };
}

export interface Label<K extends string> {
  key: K;
  start: number;
  end: number;
}

/**
 * Which labelled boxes are checked. Boxes are printed either before their labels (`[X] Rule 13d-1(b)`) or after them
 * (`(a) [ ]  (b) [X]`): a glyph before the first label means "before". Each label owns the stretch between it and its
 * neighbour on that side.
 */
export function checkedLabels<K extends string>(text: string, labels: Label<K>[], from = 0, to = text.length): { key: K; start: number; end: number }[] {
  if (labels.length === 0) return [];
  const glyphs = findGlyphs(text.slice(from, to)).map((g) => ({ ...g, start: g.start + from, end: g.end + from }));
  // Glyphs before the first label and none after the last one: boxes precede labels (a box may sit on the line
  // above its label when each table cell renders as a line). Both present: decide by the first label's line.
  const first = labels[0]!;
  const last = labels[labels.length - 1]!;
  const lineStart = Math.max(from, text.lastIndexOf('\n', first.start - 1) + 1);
  const beforeFirst = glyphs.filter((g) => g.end <= first.start);
  const afterLast = glyphs.filter((g) => g.start >= last.end);
  const before =
    beforeFirst.length > 0 && (afterLast.length === 0 || beforeFirst.some((g) => g.start >= lineStart));
  const out: { key: K; start: number; end: number }[] = [];
  labels.forEach((label, i) => {
    const zoneStart = before ? (i > 0 ? labels[i - 1]!.end : from) : label.end;
    const zoneEnd = before ? label.start : i + 1 < labels.length ? labels[i + 1]!.start : to;
    const hit = glyphs.find((g) => g.checked && g.start >= zoneStart && g.end <= zoneEnd);
    if (hit) out.push({ key: label.key, start: hit.start, end: hit.end });
  });
  return out;
}

