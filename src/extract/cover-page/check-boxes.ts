import { matchesOf } from '../../matches.js';
/**
 * Check boxes as cover pages print them: every glyph in a piece of text and whether it is checked, and the box rows
 * (13D rows 5 and 12, 13G row 10) read as checked or not.
 *
 * Handles: the glyphs of every era (`þ`, `ý`, `☒`, `[X]`, `|X|`, `(X)`, Wingdings `x`/`o`/`q`, `¨`, drawn underscores).
 * Does not handle: which label a glyph belongs to (`(a) [ ] (b) [X]`, `[X] Rule 13d-1(b)`: layout.ts).
 */

export interface Glyph {
  checked: boolean;
  start: number;
  end: number;
}

// Checked: Wingdings þ (&#254;) and ý (&#253;), ballot boxes ☒ ☑, ticks, filled squares.
const CHECKED_CHARS = '\u00fe\u00fd\u2612\u2611\u2713\u2714\u2717\u2718\u25a0\u2327\u22a0\u25aa';
// Unchecked: Wingdings ¨ (&#168;, renders as a diaeresis), ☐, □, ❑, ❒, ○.
const UNCHECKED_CHARS = '\u00a8\u2610\u25a1\u2751\u2752\u25cb\u2022';

const GLYPH_RE = new RegExp(
  [
    // Bracketed boxes: [X] [x ] [ X] |X| (X) /X/ /X / and the empty [ ] [_] |_| ( ) / /
    String.raw`\[\s*[xX\u2713\u2714]?\s*_?\s*\]`,
    String.raw`\|\s*[xX_]?\s*\|`,
    String.raw`\(\s*[xX]?\s*\)`,
    String.raw`/\s*[xX]?\s*/`,
    // Single glyph characters.
    `[${CHECKED_CHARS}${UNCHECKED_CHARS}]`,
    // A lone letter: Wingdings x (checked) / o and q (empty) in HTML, or a typed X.
    String.raw`(?<![A-Za-z0-9'’])[xXoq](?![A-Za-z0-9'’])`,
    // Blank underscores drawn as a box.
    String.raw`_{3,}`,
  ].join('|'),
  'g',
);

/** Every check-box glyph in a piece of text, in order, with whether it is checked. */
export function findGlyphs(text: string): Glyph[] {
  const out: Glyph[] = [];
  for (const m of matchesOf(GLYPH_RE, text)) {
    const g = m[0];
    out.push({ checked: isCheckedGlyph(g), start: m.index, end: m.index + g.length });
  }
  return out;
}

/** Whether one glyph (as matched by `findGlyphs`) is a checked box. */
export function isCheckedGlyph(glyph: string): boolean {
  if (/[xX\u2713\u2714]/.test(glyph)) return true;
  for (const ch of glyph) if (CHECKED_CHARS.includes(ch)) return true;
  return false;
}

/** A box row (13D rows 5 and 12, 13G row 10): true when a checked glyph is printed, false otherwise. */
export function parseBox(text: string): { checked: boolean; start: number | null; end: number | null } {
  const glyphs = findGlyphs(text);
  const hit = glyphs.find((g) => g.checked);
  if (hit) return { checked: true, start: hit.start, end: hit.end };
  const first = glyphs[0];
  return { checked: false, start: first ? first.start : null, end: first ? first.end : null };
}
