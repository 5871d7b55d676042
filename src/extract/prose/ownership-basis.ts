/**
 * The basis of Item 5's percentages: the percent of class, the shares outstanding it was computed on, the date of
 * that count and the document it was taken from, and an explicit numerator/denominator when the prose gives one.
 *
 * Handles: "… 49.8% of the outstanding Common Stock …, which percentage is calculated based upon (i) 5,165,020
 * shares of Common Stock reported outstanding as of April 15, 2003 by the Issuer on its Annual Report on Form 10-QSB
 * filed with the SEC on May 15, 2003, …"; "based on 3,185,100 shares of Common Stock outstanding as of January 31,
 * 1999"; "based on the number of shares … outstanding on March 13, 2000 as provided by the Company in its Form 10-K
 * filed on March 30, 2000" (no count); "The percentage is calculated by dividing 5,120,558 (…) by 10,285,578 (…)",
 * which completes the basis before it.
 * Does not handle: bases stated only on the cover pages (cover-page/ reads rows 11 and 13).
 */
import { holderColumns, holdersOf, subjectBefore } from './clauses.js';
import type { Token } from './tokens.js';
import { evidence, provenance, type Found, type OwnershipBasisRow, type ProseSentence } from './types.js';

const OUTSTANDING = /\b(?:issued\s+and\s+)?outstanding\b/i;
const BASED = /\b(?:based\s+(?:up)?on|calculated|computed|percentages?\s+(?:set\s+forth|reported|used|herein)|is\s+based|are\s+based|were\s+based)\b/i;
const DOCUMENT = /\b((?:Annual|Quarterly|Current|Transition)\s+Report\s+on\s+Form\s+[\w-]+(?:\/A)?|(?:Form\s+)?(?:10-?K(?:SB|405)?|10-?Q(?:SB)?|8-?K|20-?F|6-?K)(?:\/A)?\b|Form\s+(?:S-\d|SB-2|DEF\s*14A|10)(?:\/A)?|(?:definitive\s+)?proxy\s+statement|prospectus(?:\s+supplement)?|registration\s+statement(?:\s+on\s+Form\s+[\w-]+(?:\/A)?)?|(?:annual|quarterly)\s+report)/i;

export function readOwnershipBasis(s: ProseSentence): Found<OwnershipBasisRow> | null {
  if (!OUTSTANDING.test(s.raw) || !BASED.test(s.raw)) return null;
  // The shares-outstanding count: the number directly before "… (shares …) (reported) outstanding".
  let outstanding: Token | null = null;
  for (const t of s.tokens) {
    if (t.kind !== 'shares' && t.kind !== 'number') continue;
    const after = s.raw.slice(t.end, t.end + 90);
    if (/^\s*(?:\([^)]*\)\s*)?(?:shares?|Shares|units|Units|ordinary\s+shares)?(?:\s+of\s+(?:the\s+)?(?:Issuer['\u2019]s\s+|Company['\u2019]s\s+)?[A-Z][\w\s,.$]{0,40}?)?\s+(?:(?:reported|reportedly|issued\s+and|then|currently|which\s+were)\s+)*outstanding\b/.test(after)) {
      outstanding = t;
      break;
    }
  }
  const percent = s.tokens.find((t) => t.kind === 'percent' && /^\s*of\s+(?:the\s+)?(?:outstanding|issued|class|shares|Common|Shares|total)/i.test(s.raw.slice(t.end, t.end + 30)))
    ?? s.tokens.find((t) => t.kind === 'percent' && /:\s*$/.test(s.raw.slice(Math.max(0, t.start - 3), t.start)));
  const anchor = outstanding ? outstanding.end : (OUTSTANDING.exec(s.raw)?.index ?? 0);
  const asOf = s.tokens.find((t) => t.kind === 'date' && t.start >= anchor && t.start <= anchor + 140 && /\b(?:as\s+of|on|at)\s+(?:the\s+close\s+of\s+business\s+on\s+)?$/i.test(s.raw.slice(Math.max(0, t.start - 40), t.start)));
  const doc = DOCUMENT.exec(s.raw.slice(anchor));
  const docAt = doc ? anchor + doc.index + doc[0].length : -1;
  const filed = docAt >= 0 ? s.tokens.find((t) => t.kind === 'date' && t.start > docAt && t.start <= docAt + 120 && /\bfiled\b[^.;]{0,60}?\bon\s+$/i.test(s.raw.slice(docAt, t.start))) : undefined;
  if (!outstanding && !asOf && !doc) return null;
  if (!outstanding && !percent && !doc) return null;
  // Whose percentage: a single subject of "beneficially own(ed)", else the reporting persons together (null).
  let holder: string | null = null;
  let reportingPersonOrdinal: number | null = null;
  const own = /\bbeneficially\s+own/i.exec(s.raw);
  if (own) {
    const subject = holdersOf(s, subjectBefore(s, own.index, 0));
    if (subject.length === 1 && !subject[0]!.group) ({ holder, reportingPersonOrdinal } = holderColumns(subject[0]!));
  }
  const ev: Found<OwnershipBasisRow>['evidence'] = {};
  if (percent) ev.percent = evidence(s, percent.start, percent.end);
  if (outstanding) ev.sharesOutstanding = evidence(s, outstanding.start, outstanding.end);
  return {
    row: {
      holder,
      reportingPersonOrdinal,
      percentOfClass: percent ? percent.value : null,
      sharesOutstanding: outstanding ? outstanding.value : null,
      sharesOutstandingAsOf: asOf?.iso ?? null,
      sourceDocument: doc ? doc[1]!.replace(/\s+/g, ' ') : null,
      sourceFiledDate: filed?.iso ?? null,
      numerator: null,
      denominator: null,
      ...provenance(s),
    },
    evidence: ev,
  };
}

/** "calculated by dividing 5,120,558 (which is …) by 10,285,578 (…)": completes the latest basis. */
export function readDivision(s: ProseSentence, basis: Found<OwnershipBasisRow> | null): boolean {
  if (!basis) return false;
  const m = /\bdividing\s+(?:\([^)]*\)\s*)?/i.exec(s.raw);
  if (!m) return false;
  const at = m.index + m[0].length;
  const num = s.tokens.find((t) => (t.kind === 'number' || t.kind === 'shares') && t.start >= at && t.start <= at + 3);
  if (!num) return false;
  const by = /^\s*(?:\([^)]*\)\s*)?(?:shares?\s+)?(?:\([^)]*\)\s*)?by\s+/i.exec(s.raw.slice(num.end));
  if (!by) return false;
  const den = s.tokens.find((t) => (t.kind === 'number' || t.kind === 'shares') && t.start >= num.end + by[0].length && t.start <= num.end + by[0].length + 3);
  if (!den) return false;
  basis.row.numerator = num.value;
  basis.row.denominator = den.value;
  basis.evidence.numerator = evidence(s, num.start, num.end);
  basis.evidence.denominator = evidence(s, den.start, den.end);
  return true;
}

