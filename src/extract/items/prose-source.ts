/**
 * The text an item's prose is read from, and the way back from it to the document.
 *
 * Handles: two shapes of source. For text, HTML and flattened bodies the prose is read straight from
 * `documentText` with page furniture (`<PAGE>` lines, running "CUSIP No. … Page 4 of 7" headers, `-5-` page
 * numbers) overwritten by spaces, so every offset into it is already a document offset. For XML the prose is the
 * decoded text of the item's leaf elements joined by newlines, with a map from each character back to the XML
 * source (entities such as `&amp;` make the two lengths differ).
 * Does not handle: finding items (split-items.ts, xml-items.ts) or reading sentences (prose/).
 */

export interface ProseSource {
  /** The string sentences are cut from. */
  text: string;
  /** The item's body inside `text`, end exclusive. */
  start: number;
  end: number;
  /** True when a single line break ends a block (HTML-rendered text, XML leaves); false for wrapped plain text. */
  linesAreBlocks: boolean;
  /** A span of `text` (end exclusive) → the span of the document's decoded text it was read from. */
  toDocument(start: number, end: number): { start: number; end: number };
}

/** Page furniture that interrupts prose in text and flattened bodies; each match is blanked, not removed. */
const PAGE_FURNITURE: RegExp[] = [
  // `<PAGE>   5` on a line of its own.
  /^[ \t]*<PAGE>[^\n]*$/gim,
  // Running headers: `CUSIP No. 444144109   13D   Page 4 of 15 Pages` and `PAGE 3 OF 7 PAGES`.
  /^[^\n]{0,60}CUSIP\s+(?:No\.?|Number)?[^\n]{0,40}Page\s+\d+\s+of\s+\d+(?:\s+Pages)?[^\n]*$/gim,
  /^[ \t]*Page\s+\d+\s+of\s+\d+(?:\s+Pages)?[ \t]*$/gim,
  // A running header that is only the CUSIP (HTML filings): `CUSIP NO. 86858W101`, `CUSIP No. 60688K 108\t13D`.
  /^[ \t]*CUSIP\s+(?:No\.?|Number)?[ \t:]*[0-9A-Z][0-9A-Z \t-]{5,14}(?:[ \t]+13[DG])?[ \t]*$/gm,
  // HTML running headers split into cells: `13D`, `SCHEDULE 13D/A`, `Page 11` each on a line of its own.
  /^[ \t]*(?:SCHEDULE[ \t]+)?13[DG](?:\/A)?[ \t]*$/gim,
  /^[ \t]*Page[ \t]+\d+[ \t]*$/gim,
  // A word processor's document path alone on a line: `NYFS11...:\88\35888\0410\2396\NOT31094.V3A`.
  // (The lookahead finds the two separators once; `[^\s]*[\\/][^\s]*` backtracked over the whole run: quadratic.)
  // A date alone on a line ("6/13/2008", a trade table's cell in HTML) has two slashes too, and is no path.
  /^[ \t]*(?!\d{1,4}\/\d{1,2}\/\d{1,4}[ \t]*$)(?=[^\s\\/]*[\\/][^\s\\/]*[\\/])\S+[ \t]*$/gm,
  // A page number alone on a line: `6`, `- 6 -`, `-6-`. No page is numbered 0: `-0-` and `0` are the nil values of
  // power rows and table cells ("Sole power to vote: -0-").
  // (`[ \t]*-?[ \t]*` split a run of blanks every possible way: 200,000 spaces on a line took 15 s.)
  /^[ \t]*(?:-[ \t]*)?[1-9]\d{0,2}[ \t]*(?:-[ \t]*)?$/gm,
  // Flattened bodies: ` -5- ` between words (always dashes on both sides there, so plain numbers stay).
  /(?<=\s)-[1-9]\d{0,2}-(?=\s)/g,
];

/** Replace page furniture by spaces so offsets do not move. */
export function blankPageFurniture(text: string): string {
  let out = text;
  for (const re of PAGE_FURNITURE) {
    re.lastIndex = 0;
    out = out.replace(re, (m) => m.replace(/[^\n]/g, ' '));
  }
  return out;
}

/** A source whose offsets are document offsets. */
export function identitySource(cleanText: string, start: number, end: number, linesAreBlocks: boolean): ProseSource {
  return { text: cleanText, start, end, linesAreBlocks, toDocument: (s, e) => ({ start: s, end: e }) };
}

/**
 * A source built from pieces of the document (XML leaves): `starts[i]` is the document offset where the source of
 * `text[i]` begins and `ends[i]` where it ends (an entity `&amp;` is five source characters for one of text).
 */
export function mappedSource(text: string, starts: number[], ends: number[]): ProseSource {
  return {
    text,
    start: 0,
    end: text.length,
    linesAreBlocks: true,
    toDocument: (s, e) => {
      if (text.length === 0) return { start: 0, end: 0 };
      const first = Math.min(Math.max(s, 0), text.length - 1);
      const last = Math.min(Math.max(e - 1, first), text.length - 1);
      return { start: starts[first]!, end: ends[last]! };
    },
  };
}

/** White space collapsed, for the readable `text`/`sentence` columns. */
export function collapseSpace(text: string): string {
  // The same as replacing every run of white space by one space, without rewriting the single spaces between words
  // (most of the runs, and each one a match): a run of two or more, or one blank that is not a space.
  return text.replace(COLLAPSIBLE_SPACE, ' ').trim();
}

const COLLAPSIBLE_SPACE = /\s{2,}|[^\S ]/g;
