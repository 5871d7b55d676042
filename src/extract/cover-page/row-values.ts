/**
 * Reading one row's value out of its stretch of text, shared by the caption reader (text-reader.ts) and the
 * numbered-row reader (numbered-layout.ts): numbers and percents behind masked caption words, the (a)/(b) group boxes,
 * citizenship, and an empty reporting-person draft.
 *
 * Handles: separators between caption and value (" - ", "--"), footnote marks and person labels before a number
 * ("**", "(1)", "Ariel:"), caption tails ("(see Item 5)"), prose kept as printed.
 * Does not handle: which text belongs to which row (the readers decide).
 */
import { mask, SIDE_WORDS, VALUE_NOISE } from './captions.js';
import { checkedLabels, logicalLines, trimLine, type Label } from './layout.js';
import type { PersonDraft, ShareField } from './types.js';
import { collapse, type ParsedValue } from './values.js';
import { matchesOf } from '../../matches.js';

export const SHARE_ROWS: ShareField[] = [
  'soleVotingPower',
  'sharedVotingPower',
  'soleDispositivePower',
  'sharedDispositivePower',
  'aggregateAmount',
];

export function emptyPerson(): PersonDraft {
  return {
    name: null,
    cik: null,
    memberOfGroup: null,
    sourceOfFunds: null,
    legalProceedings: null,
    citizenship: null,
    soleVotingPower: null,
    soleVotingPowerText: null,
    sharedVotingPower: null,
    sharedVotingPowerText: null,
    soleDispositivePower: null,
    soleDispositivePowerText: null,
    sharedDispositivePower: null,
    sharedDispositivePowerText: null,
    aggregateAmount: null,
    aggregateAmountText: null,
    excludesCertainShares: null,
    percentOfClass: null,
    percentOfClassText: null,
    typeOfReportingPerson: [],
    spanStart: null,
    spanEnd: null,
    spans: {},
  };
}

/**
 * Read a number from a row: mask caption tails and side-caption words, then take the first thing printed. Prose
 * keeps the words as printed (unmasked). A parenthesised note right after a caption (`(see Item 5)`) that is
 * followed by a number is a caption tail, not the value.
 */
export function readNumber(raw: string, parse: (s: string) => ParsedValue, afterColon = false): ParsedValue {
  // A lone dash right after the caption, then a rule across the page ("(6) Shared Voting Power - ------ (7) …", or
  // "- - ------" before a dash-escaped rule): the row flattened from a dash on its own line over the rule, its zero.
  // (Not a separator: nothing follows it in the row. Side words between caption and dash leave it to the reading
  // below: "SHARED DISPOSITIVE POWER REPORTING PERSON WITH - ------" is a blank row over a dash-escaped rule.)
  const dashOverRule = DASH_OVER_RULE.exec(raw);
  if (dashOverRule) {
    const at = dashOverRule[0].indexOf('-');
    const v = parse('-');
    if (v.value !== null) return { value: v.value, text: null, start: at, end: at + 1 };
  }
  // "SOLE VOTING POWER - 189,185": a dash after the caption on its line separates caption and value (1996 layout).
  // After a colon ("SHARED VOTING POWER: -") a lone dash is the value: zero.
  const separator = /^[ \t]+-{1,2}[ \t]+(?=\S|$)|^[ \t]+-{1,2}[ \t]*(?=\n|$)|^[ \t]+[\u2013\u2014][ \t]+/;
  const masked = mask(raw, afterColon ? [...VALUE_NOISE, SIDE_WORDS] : [...VALUE_NOISE, SIDE_WORDS, separator]);
  let parsed = parse(masked);
  if (parsed.value === null && parsed.start !== null) {
    // Things printed before the number that are not the value: a caption tail "(see Item 5)", footnote marks
    // ("**", "†", "(1)"), or a person label ("Ariel: 3,098,947").
    for (const lead of LEADS) {
      // The label pattern needs the colon, which the side-caption mask removes: match it on the printed text.
      const m = lead.exec(lead === LABEL_LEAD ? raw : masked);
      if (!m) continue;
      const again = parse(masked.slice(0, m[0].length).replace(/[^\n]/g, ' ') + masked.slice(m[0].length));
      if (again.value !== null) {
        parsed = again;
        break;
      }
    }
  }
  if (parsed.value === null && parsed.start !== null && parsed.end !== null) {
    // Keep prose as printed, up to the end of its line (the masked words may sit inside it).
    const lineEnd = raw.indexOf('\n', parsed.start);
    const stop = lineEnd < 0 ? parsed.end : Math.min(parsed.end, lineEnd);
    // Drop a separator run the prose runs into ("SEE ITEM 5 OF ATTACHED SCHEDULE - -----" in the flattened sample).
    const piece = raw.slice(parsed.start, stop).replace(/\s*(?:-\s)?[-_=]{3,}[\s\S]*$/, '').replace(/[\s\-\u2013\u2014]+$/, '');
    if (piece) parsed = { ...parsed, end: parsed.start + piece.length, text: collapse(piece) };
  }
  return parsed;
}

/** A caption's row that is a lone dash and then a rule (`readNumber`'s flattened zero); a dash-escaped rule too. */
const DASH_OVER_RULE = /^[ \t]+-[ \t]+(?:-[ \t])?(?:-{10,}|={10,}|_{10,})(?!\S)/;

const LABEL_LEAD = /^\s*[A-Z][\w.&'\u2019-]*(?:[ \t]+[\w.&'\u2019-]+){0,3}[ \t]*:[ \t]*/;
const LEADS: RegExp[] = [
  /^\s*\([^()]{0,60}\)/,
  /^\s*(?:\*+|[\u2020\u2021\u00a7\u00b9\u00b2\u00b3]+|\(\s*[a-z0-9]{1,2}\s*\)|\[\s*\d{1,2}\s*\])\s*/i,
  LABEL_LEAD,
];

export function readGroupBoxes(masked: string): { value: 'a' | 'b' | null; start: number | null; end: number | null } {
  const labels: Label<'a' | 'b'>[] = [];
  // "(a)", "(b.)", "(A)"; also "A." / "b)" at the start of a line (Vanguard's template).
  for (const m of matchesOf(/\(\s*([abAB])\s*\.?\s*\)|(?<=^|\n)[ \t]*([abAB])[.)](?![A-Za-z0-9])/g, masked)) {
    const key = (m[1] ?? m[2])!.toLowerCase() as 'a' | 'b';
    if (labels.some((l) => l.key === key)) continue;
    labels.push({ key, start: m.index, end: m.index + m[0].length });
  }
  if (labels.length === 0) return { value: null, start: null, end: null };
  const checked = checkedLabels(masked, labels);
  // When both are marked (it happens), the first one printed wins; the consistency check does not second-guess.
  const hit = checked[0];
  return hit ? { value: hit.key, start: hit.start, end: hit.end } : { value: null, start: null, end: null };
}

export function readCitizenship(raw: string): { value: string; start: number; end: number } | null {
  const masked = mask(raw, [...VALUE_NOISE, /\bNUMBER\s+OF\b[\s\S]*$/i]);
  for (const line of logicalLines(masked)) {
    const t = trimLine(line);
    if (!t) continue;
    return { value: collapse(t.text), start: t.start, end: t.end };
  }
  return null;
}
