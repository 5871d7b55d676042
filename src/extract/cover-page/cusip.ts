import { matchesOf } from '../../matches.js';
/**
 * CUSIPs as cover pages print them: the check digit, normalising one printed CUSIP, and finding every CUSIP-like run
 * in a piece of text with its offsets.
 *
 * Handles: 8-character CUSIPs (check digit computed), groups printed with spaces or dashes, 6-character issuer numbers
 * and the odd 10-character typo (kept as printed), page headers printed right after the number.
 * Does not handle: choosing which of several CUSIPs is the filing's (cover-page/index.ts) or checking one against the
 * issuer (consistency.ts).
 */

const CUSIP_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*@#';

/** The CUSIP check digit of the first 8 characters (modulus 10 "double-add-double"), or null for invalid input. */
export function cusipCheckDigit(first8: string): string | null {
  const s = first8.toUpperCase();
  if (s.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const v0 = CUSIP_CHARS.indexOf(s[i]!);
    if (v0 < 0) return null;
    const v = i % 2 === 1 ? v0 * 2 : v0;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return String((10 - (sum % 10)) % 10);
}

/** Whether a 9-character CUSIP's last character is its check digit. */
export function isValidCusip(cusip: string): boolean {
  return cusip.length === 9 && cusipCheckDigit(cusip.slice(0, 8)) === cusip[8];
}

/**
 * Normalise a printed CUSIP: spaces and dashes removed, upper case; 8 characters get their check digit appended;
 * other lengths (6-character issuer numbers, the odd 10-character typo) are kept as printed. Null when the text is
 * not CUSIP-like (must hold at least three digits, so words such as "NONE" are never taken).
 */
export function normalizeCusip(raw: string): string | null {
  const s = raw.replace(/[\s\-\u2010-\u2014.]/g, '').toUpperCase();
  if (!/^[0-9A-Z*@#]{6,10}$/.test(s)) return null;
  if ((s.match(/\d/g) ?? []).length < 3) return null;
  if (s.length === 8) {
    const check = cusipCheckDigit(s);
    return check === null ? s : s + check;
  }
  return s;
}

/**
 * Every CUSIP-like run in a piece of text, normalised, with its offsets. Groups printed with spaces or dashes
 * (`957 550 106`, `G6420H 11 2`, `228569-10-9`) are joined until they make nine characters, so a page header after
 * the number (`444144109 13D Page 2`) is not glued on. An 8-character run gets its check digit; a lone 6- or
 * 10-character run is kept as printed.
 */
export function findCusips(text: string): { cusip: string; start: number; end: number }[] {
  const tokens = [...matchesOf(/[0-9A-Za-z*@#]+/g, text)].map((m) => ({ s: m[0], start: m.index, end: m.index + m[0].length }));
  const out: { cusip: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    let compact = '';
    let j = i;
    let taken = -1;
    for (; j < tokens.length; j += 1) {
      if (j > i && !/^[ \t]?-?[ \t]?$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
      // Lower-case or purely alphabetic tokens ("Page", "PAGE", "OF") are page furniture, never part of a CUSIP.
      if (/[a-z]/.test(tokens[j]!.s) || /^[A-Z]{2,}$/.test(tokens[j]!.s)) break;
      compact += tokens[j]!.s;
      if (compact.length > 10) break;
      if (compact.length === 9) {
        taken = j;
        break;
      }
    }
    if (taken < 0) {
      // No nine-character run: accept an 8-character run (check digit appended) or a lone 6/10-character token.
      let acc = '';
      for (let k = i; k < tokens.length && k <= j; k += 1) {
        if (k > i && !/^[ \t]?-?[ \t]?$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) break;
        if (/[a-z]/.test(tokens[k]!.s) || /^[A-Z]{2,}$/.test(tokens[k]!.s)) break;
        if ((acc + tokens[k]!.s).length > 8) break;
        acc += tokens[k]!.s;
        if (acc.length === 8) taken = k;
      }
      if (taken < 0 && [6, 10].includes(tokens[i]!.s.length) && /^[0-9A-Z*@#]+$/.test(tokens[i]!.s)) taken = i;
    }
    if (taken >= 0) {
      const raw = text.slice(tokens[i]!.start, tokens[taken]!.end);
      const c = normalizeCusip(raw);
      if (c) {
        out.push({ cusip: c, start: tokens[i]!.start, end: tokens[taken]!.end });
        i = taken + 1;
        continue;
      }
    }
    i += 1;
  }
  return out;
}
