/**
 * White space as `\s` has it, for the readers that collapse it or walk it by char code.
 * - `collapseRuns(text)`: every run replaced by one space, as `text.replace(/\s+/g, ' ')` gives, without rewriting the
 *   single spaces between words (each of them a match of `\s+`, and most of the runs in prose).
 * - `COLLAPSIBLE_SPACE`: the runs collapseRuns changes, for a caller that maps offsets across them (parties.ts).
 * - `isWhiteSpace(c)`: what `/\s/` matches, for loops that walk a string by char code instead of running a regex per
 *   word (test: white-space.test.ts, every code unit).
 */

/** A run of two or more white-space characters, or one that is not a space. Global: an exec loop sets lastIndex first. */
export const COLLAPSIBLE_SPACE = /\s{2,}|[^\S ]/g;

export function collapseRuns(text: string): string {
  return text.replace(COLLAPSIBLE_SPACE, ' ');
}

export function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
