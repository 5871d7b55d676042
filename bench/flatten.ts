/**
 * A submission in the flattened shape corpora distribute (samples/0001125282-03-003998.txt): every SGML and HTML tag
 * stripped, every run of white space collapsed to one space, no line breaks, the PEM wrapper kept as text.
 *
 * Used by bench/flattened-survey.ts (which corpus filings still parse once flattened), the `flattened` family of
 * bench/paraphrase-robustness.ts and the parse tests, so that the flattened inputs they read are real filings
 * rewritten, not made-up strings. A tag is `<` a letter (or `/`, `!`, `?`) and the rest up to the next `>` with no `<`
 * in between, so a bare "<" in prose ("less than <5%") stays text. Character references are decoded after the tags
 * are gone (a text extractor renders `&nbsp;` as a space and `&amp;` as "&"), then white space is collapsed the way
 * `" ".join(text.split())` does it (NBSP included). Linear in the input.
 */

const TAG = /<[A-Za-z/!?][^<>]*>/g;
/** Named references, as latin-1 characters or their ASCII stand-ins (curly quotes and dashes have no latin-1 byte). */
const NAMED: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", rsquo: "'", lsquo: "'", rdquo: '"', ldquo: '"', ndash: '-', mdash: '--', sect: '\u00a7', para: '\u00b6' };
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));/g;

function decodeEntity(whole: string, dec: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  // The text is latin-1 (one character per byte): past U+00FF quotes and dashes get ASCII stand-ins, the rest a space.
  if (code === 160) return ' ';
  if (code === 8216 || code === 8217) return "'";
  if (code === 8220 || code === 8221) return '"';
  if (code === 8211) return '-';
  if (code === 8212) return '--';
  return code > 0 && code < 256 ? String.fromCharCode(code) : ' ';
}

/** The flattened form of a submission read as latin-1 text (one character per byte, as the parse stage reads it). */
export function flattenSubmission(text: string): string {
  return text
    .replace(TAG, ' ')
    .replace(ENTITY, decodeEntity)
    .replace(/\s+/g, ' ')
    .trim();
}
