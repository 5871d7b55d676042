/**
 * Row 1: the reporting person's name as printed, without the I.R.S./S.S. caption or number printed with it.
 *
 * Handles: "NAME OF REPORTING PERSON / S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSON" captions, IDs after the name
 * on its line or the next ("- ###-##-####", "-I.D. No. 84-0513668", ", 943112180", "(Tax ID: 30-0447847)",
 * "(22-3463202)", "TIN 47-4067697"), names that wrap onto following lines, footnote marks and bracketed notes after a
 * name, list markers before it ("(a) Jeffrey Klausner").
 * Does not handle: defined-term suffixes ("(“SVP VI”)" stays, as printed) or resolving names to CIKs.
 */
import { mask, needsWord, VALUE_NOISE } from './captions.js';
import { logicalLines, trimLine } from './layout.js';
import { collapse } from './values.js';

/** The IRS/SS caption that older templates print under "NAME OF REPORTING PERSON". */
export const ID_CAPTIONS: RegExp[] = [
  // "No SS or IRS Identification Number": a clause saying there is none.
  /\bNo\s+(?:S\.?\s*S\.?|I\.?\s*R\.?\s*S\.?)\b[^\n]*/gi,
  /(?:S\.?\s*S\.?\s*(?:OR|\/|AND)\s*)?I\.?\s*R\.?\s*S\.?\s*(?:IDENTIFICATION|I\.?\s*D\.?)\s*(?:NOS?\.?|NUMBERS?)?(?:\s*\(?\s*S\s*\)?)?(?:\s+OF\s+(?:THE\s+)?ABOVE\s+PERSONS?)?(?:\s*\(\s*ENTITIES\s+ONLY\s*\))?\s*:?/gi,
  /\bS\.?\s*S\.?\s+OR\s+I\.?\s*R\.?\s*S\.?\s+NOS?\.?(?:\s+OF\s+(?:THE\s+)?ABOVE\s+PERSONS?)?\s*:?/gi,
  needsWord(/\(?\s*ENTITIES\s+ONLY\s*\)?\s*:?/gi, /ENTITIES/i),
];

/** A line that is only an identification number or clause, not a name. */
const ID_LINE =
  /^(?:\(?\s*(?:S\.?\s*S\.?\s*N?|I\.?\s*R\.?\s*S\.?|TAX\s*I\.?\s*D|E\.?I\.?N|F\.?E\.?I\.?N|I\.?\s*D\.?|SOCIAL\s+SECURITY|EMPLOYER)\b|NO\s+S\.?\s*S\.?|N\/?A\b|NOT\s+APPLICABLE|NONE\b|[\d#][\d#\- ]{6,}$)/i;

const ID_SUFFIXES: RegExp[] = [
  // "(22-3463202)", "( 68-0438710)": an EIN in parentheses.
  /\s*\(\s*#?\s*\d{2}-\d{7}\s*\)\s*$/,
  /\s*\(\s*(?:Tax\s*I\.?\s*D|I\.?\s*R\.?\s*S|E\.?I\.?N|F\.?E\.?I\.?N|S\.?S\.?N?|I\.?\s*D)\b[^)]*\)\s*$/i,
  /[\s,;:]*(?:[-\u2013\u2014]\s*)?(?:(?<![A-Za-z])(?:Tax\s*I\.?\s*D\.?|TIN|I\.?\s*R\.?\s*S\.?|E\.?I\.?N\.?|F\.?E\.?I\.?N\.?|S\.?S\.?N?\.?|I\.?\s?D\.?)(?:\s*(?:Identification|No\.?|Number|#))*\s*[:#.]?\s*)?(?:[\d#]{2,3}-[\d#]{2,7}(?:-[\d#]{1,4})?|\d{9})\s*$/i,
  /[\s,;:]*[-\u2013\u2014]?\s*(?<![A-Za-z])(?:Tax\s*I\.?\s*D|I\.?\s*R\.?\s*S\.?|E\.?I\.?N|F\.?E\.?I\.?N)\.?\s*(?:Identification\s*)?(?:No\.?|Number|#)?\s*[:#.]?\s*$/i,
];

/**
 * Row 1: the name as printed, without the IRS/SS caption or number. A name that wraps onto following lines is joined
 * (up to three lines, until a blank line, separator or identification line). With `fromEnd` (values printed above
 * captions) the last block of lines is read instead of the first.
 */
export function readName(raw: string, fromEnd = false): { value: string; start: number; end: number } | null {
  const masked = mask(raw, [...VALUE_NOISE, ...ID_CAPTIONS]);
  const lines = logicalLines(masked);
  const nameLine = (l: { text: string; start: number }): { text: string; start: number; end: number } | null => {
    const t = trimLine(l);
    if (!t || !/[A-Za-z0-9]/.test(t.text) || isIdLine(t.text)) return null;
    return t;
  };
  let first = -1;
  if (fromEnd) {
    for (let k = lines.length - 1; k >= 0 && first < 0; k -= 1) if (nameLine(lines[k]!)) first = k;
  } else {
    for (let k = 0; k < lines.length && first < 0; k += 1) if (nameLine(lines[k]!)) first = k;
  }
  if (first < 0) return null;
  const parts: { text: string; start: number; end: number }[] = [];
  for (let k = first; k < lines.length && parts.length < 3 && !(fromEnd && parts.length > 0); k += 1) {
    const t = nameLine(lines[k]!);
    if (!t) break;
    const prev = parts[parts.length - 1];
    if (prev) {
      // Join only when the name plainly goes on: the line before ends mid-phrase, this one starts in lower case,
      // or (typed layouts) it is indented exactly like the line before.
      const goesOn = /[,&]$|\b(?:of|for|and|the|as|de|du|la|von|van)$/i.test(prev.text) || /^[a-z]/.test(t.text) || sameIndent(lines[k - 1]!, lines[k]!);
      if (!goesOn || /^\(|^\d+\.?$/.test(t.text)) break;
    }
    parts.push(t);
  }
  const joined = parts.map((p) => p.text).join(' ');
  let name = joined;
  for (let k = 0; k < 3; k += 1) {
    const before = name;
    for (const re of ID_SUFFIXES) name = name.replace(re, '');
    if (name === before) break;
  }
  // Footnote marks and bracketed notes after the name ("Capital World Investors **", "[See Item 2]"), and a list
  // marker before it ("(a) Jeffrey Klausner").
  name = name.replace(/\s*\[\s*(?:see|refer)[^\]]*\]\s*$/i, '').replace(/[\s*\u2020\u2021]+$/, '').replace(/[\s:|,;\-\u2013\u2014]+$/, '');
  name = name.replace(/^\(\s*(?:[a-h]|[ivx]{1,4})\s*\)\s+/i, '');
  // An identification number before the name on its line ("56-6394187 Wachovia Bank …": flattened, the number's own
  // line runs into the name's).
  const id = /^#?\s*(?:\d{2}-\d{7}|\d{3}-\d{2}-\d{4})\s+(?=[A-Za-z])/.exec(name)?.[0].length ?? 0;
  name = name.slice(id);
  if (!name) return null;
  const last = parts[parts.length - 1]!;
  const removed = joined.length - name.length - id;
  return { value: collapse(name), start: parts[0]!.start + id, end: Math.max(last.start, last.end - removed) };
}

function sameIndent(a: { text: string }, b: { text: string }): boolean {
  const ia = a.text.length - a.text.trimStart().length;
  const ib = b.text.length - b.text.trimStart().length;
  return ia > 0 && ia === ib;
}

function isIdLine(t: string): boolean {
  if (ID_LINE.test(t)) return true;
  // Mostly digits: an EIN or SSN printed alone ("# 02-0712418.", "13-2625764").
  const digits = (t.match(/\d/g) ?? []).length;
  const letters = (t.match(/[A-Za-z]/g) ?? []).length;
  return digits >= 7 && letters <= 3;
}
