/**
 * Bytes → text for bodies and header values. EDGAR text is UTF-8 in newer filings and windows-1252/latin-1 in older
 * ones, with nothing in the envelope to say which (edgar-reference §1.3): try strict UTF-8, fall back to
 * windows-1252 (a superset of latin-1 for printable characters) when the bytes are not valid UTF-8.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * The windows-1252 characters of bytes 0x80–0x9F (curly quotes, dashes, the euro sign …); the five bytes it leaves
 * undefined stay the C1 control of the same code. Node 20's TextDecoder('windows-1252') decodes those bytes as
 * latin-1 does (to C1 controls), so a “quoted” defined term came out between two control characters.
 */
const CP1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return windows1252.decode(bytes).replace(/[\x80-\x9f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
  }
}
