/**
 * Exhibit references of a schedule (or any primary document): the cross-references in its prose (`see Exhibits 12
 * and 13 hereto`) and the entries of its exhibit list (`Exhibit 12 - Waiver Letter, dated as of …`), each linked to
 * the attached document that carries that exhibit number.
 *
 * Handles: lists and ranges of numbers (`Exhibits 6 and 7`, `Exhibit 8 and 9`, `Exhibits 10 through 13`), the Item
 * each reference sits in, exhibits incorporated by reference to another filing (`(incorporated by reference to
 * Exhibit 3.8 to Form 10-KSB …)`: not attached, so not linked, and that other filing's exhibit number is not a
 * reference of this one).
 * Does not handle: references inside the exhibits themselves (`Exhibit A hereto` of an agreement).
 */
import type { Span } from '../../parse/types.js';
import type { ExtractionWarning } from '../types.js';
import type { ExhibitReferenceRecord } from './types.js';
import { exhibitKey } from './classify.js';
import { squash } from './values.js';
import { matchesOf } from '../../matches.js';

export interface AttachedExhibit {
  exhibitNumber: string;
  /** Other numbers the document answers to (its heading's `Exhibit 3` under TYPE `EX-99`). */
  aliases?: string[];
  documentSequence: number | null;
}

const NUMBER = String.raw`\d{1,3}(?:\.\d{1,3}|\.[A-Z]\d*|-[A-Z\d]+|\([a-zA-Z\d]\))*`;
const SINGLE_NUMBER = new RegExp(String.raw`^${NUMBER}$`);
const EXTERNAL_AFTER = /^\s*\)?\s*(?:to|of|in|from)\s+(?:the\s+|our\s+|its\s+|their\s+|(?:[A-Z][\w.,&'\u2019-]*\s+){1,8}?)?(?:[\w.,&'\u2019-]+\s+){0,5}?(?:Form|Registration|Annual|Quarterly|Current|Report|Schedule|Statement|Amendment|Proxy|Post-Effective|filing|10-K|10-Q|8-K|S-\d|F-\d)\b/i;
/**
 * Every EXTERNAL_BEFORE wording ends in `to`, `from`, `the` or `as` and white space, or in `(`: a test of the last
 * characters first, since an end-anchored regex is tried at every position of its window (a document may hold tens of
 * thousands of references).
 */
const EXTERNAL_BEFORE_END = /(?:\b(?:to|from|the|as)\s+|\(\s*)$/i;
const EXTERNAL_BEFORE = /(?:incorporated\s+(?:herein\s+)?by\s+reference\s+(?:to|from)\s+(?:the\s+)?|filed\s+as\s+|previously\s+filed\s+as\s+|\b(?:Form\s+)?[A-Z0-9]{1,4}-[A-Z0-9]{1,4}\s*\(\s*)$/i;
/** Words after a reference that say the exhibit is attached to this filing. */
const ATTACHED_AFTER = /^[^.;]{0,20}?\b(?:hereto|attached|herewith|filed\s+with\s+this|to\s+this\s+(?:Schedule|Statement|Amendment))\b/i;

export function extractExhibitReferences(
  text: string,
  documentSequence: number | null,
  attached: AttachedExhibit[],
  firstOrdinal: number,
): { references: ExhibitReferenceRecord[]; warnings: ExtractionWarning[] } {
  const warnings: ExtractionWarning[] = [];
  const items = itemRegions(text);
  // Items and list entries are in document order, so the one around an offset is found by binary search (a scan per
  // reference was quadratic: 160,000 "Exhibit 99.1" mentions took minutes).
  const itemAt = (at: number): string | null => items[lastStartingAtOrBefore(items, at)]?.item ?? null;
  const references: ExhibitReferenceRecord[] = [];
  // The attached document of each exhibit number, looked up once per number (a document may mention one exhibit
  // tens of thousands of times).
  const links = new Map<string, number | null>();
  const link = (number: string): number | null => {
    const key = exhibitKey(number);
    let found = links.get(key);
    if (found === undefined) {
      found = attached.find((a) => [a.exhibitNumber, ...(a.aliases ?? [])].some((n) => exhibitKey(n) === key))?.documentSequence ?? null;
      links.set(key, found);
    }
    return found;
  };
  const expectAttached = new Set<number>();

  // 1. Exhibit-list entries (`Exhibit 12 - Waiver Letter, …`), in the last Item that has them (Item 7 of a 13D).
  const entryRe = new RegExp(String.raw`\bExhibit\s+(${NUMBER})\s*(?:[-\u2013\u2014:]|\.(?=\s+[A-Z]))\s+`, 'g');
  const entries: { number: string; start: number; titleStart: number }[] = [];
  for (const m of matchesOf(entryRe, text)) {
    if (externalBefore(text, m.index)) continue;
    entries.push({ number: m[1]!, start: m.index, titleStart: m.index + m[0].length });
  }
  const entrySpans: (Span & { number: string; title: string; external: boolean })[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const limit = i + 1 < entries.length ? entries[i + 1]!.start : Math.min(text.length, e.titleStart + 600);
    const rest = text.slice(e.titleStart, limit);
    const stop = rest.search(/\s(?:Appendix\s+\d|SIGNATURE\b|Item\s+\d+\.)/);
    const end = e.titleStart + (stop >= 0 ? stop : rest.length);
    const title = squash(text.slice(e.titleStart, end)).replace(/\s*-\d+-$/, '').replace(/(?<![A-Z])[.;]$/, '');
    entrySpans.push({ start: e.start, end, number: e.number, title, external: /incorporated\s+(?:herein\s+)?by\s+reference\s+(?:to|from)\b|previously\s+filed\b/i.test(title) });
  }
  const listed = new Map(entrySpans.map((e) => [exhibitKey(e.number), e]));

  // 2. Cross-references in the prose (outside the list entries).
  const seeRe = new RegExp(String.raw`\bExhibits?\s+(${NUMBER}(?:\s*(?:,|and|&|or|through|to|-)\s*(?:Exhibit\s+)?${NUMBER})*)`, 'gi');
  for (const m of matchesOf(seeRe, text)) {
    const around = entrySpans[lastStartingAtOrBefore(entrySpans, m.index)];
    if (around && m.index < around.end) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    if (EXTERNAL_AFTER.test(after) || externalBefore(text, m.index)) continue;
    const saysAttached = ATTACHED_AFTER.test(after);
    for (const number of expandNumbers(m[1]!)) {
      const entry = listed.get(exhibitKey(number));
      if (saysAttached && !entry?.external) expectAttached.add(m.index);
      references.push({
        ordinal: 0,
        documentSequence,
        item: itemAt(m.index),
        referenceKind: 'see',
        exhibitNumber: number,
        exhibitTitle: null,
        incorporatedByReference: entry?.external ? 1 : 0,
        toDocumentSequence: entry?.external ? null : link(number),
        spanStart: m.index,
        spanEnd: m.index + m[0].length,
      });
    }
  }
  for (const e of entrySpans) {
    references.push({
      ordinal: 0,
      documentSequence,
      item: itemAt(e.start),
      referenceKind: 'exhibit_list',
      exhibitNumber: e.number,
      exhibitTitle: e.title || null,
      incorporatedByReference: e.external ? 1 : 0,
      toDocumentSequence: e.external ? null : link(e.number),
      spanStart: e.start,
      spanEnd: e.end,
    });
  }
  references.sort((a, b) => a.spanStart - b.spanStart || a.exhibitNumber.localeCompare(b.exhibitNumber, 'en', { numeric: true }));
  references.forEach((r, i) => (r.ordinal = firstOrdinal + i));
  const missing = new Set<string>();
  for (const r of references) {
    // Only a reference that says the exhibit is attached (a list entry, `hereto`, `attached`) expects a document.
    const expected = r.referenceKind === 'exhibit_list' || expectAttached.has(r.spanStart);
    if (expected && r.toDocumentSequence === null && !r.incorporatedByReference && !missing.has(exhibitKey(r.exhibitNumber))) {
      missing.add(exhibitKey(r.exhibitNumber));
      warnings.push({
        code: 'EXHIBIT_NOT_ATTACHED',
        message: `Exhibit ${r.exhibitNumber} is referred to but no document of this submission carries that number, and it is not said to be incorporated by reference`,
        documentSequence,
        span: { start: r.spanStart, end: r.spanEnd },
      });
    }
  }
  return { references, warnings };
}

/** Do the 60 characters before `at` say that what follows is another filing's exhibit? */
function externalBefore(text: string, at: number): boolean {
  if (!EXTERNAL_BEFORE_END.test(text.slice(Math.max(0, at - 16), at))) return false;
  return EXTERNAL_BEFORE.test(text.slice(Math.max(0, at - 60), at));
}

/** Index of the last of `sorted` (ascending starts) that starts at or before `at`; -1 when none does. */
function lastStartingAtOrBefore(sorted: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** `12 and 13` → [12, 13]; `10 through 13` → [10, 11, 12, 13]; `8, 9 and 10.1` → [8, 9, 10.1]. */
const NUMBER_OR_RANGE = new RegExp(String.raw`(${NUMBER})(?:\s*(?:through|to|-)\s*(?:Exhibit\s+)?(${NUMBER}))?`, 'g');

export function expandNumbers(list: string): string[] {
  const out: string[] = [];
  // A single number (`99.1`, the common case) needs no scan.
  if (SINGLE_NUMBER.test(list)) return [list];
  for (const m of matchesOf(NUMBER_OR_RANGE, list)) {
    const a = m[1]!;
    const b = m[2];
    if (b && /^\d+$/.test(a) && /^\d+$/.test(b) && Number(b) > Number(a) && Number(b) - Number(a) < 50) {
      for (let n = Number(a); n <= Number(b); n++) out.push(String(n));
    } else {
      out.push(a);
      if (b) out.push(b);
    }
  }
  return out;
}

/** `Item 6.` headings, in order: each Item runs to the next. */
function itemRegions(text: string): { item: string; start: number }[] {
  const out: { item: string; start: number }[] = [];
  for (const m of matchesOf(/\bItem\s+(\d{1,2})\s*[.:]\s/gi, text)) {
    const n = Number(m[1]);
    const last = out[out.length - 1];
    if (!last || n > Number(last.item)) out.push({ item: String(n), start: m.index });
  }
  return out;
}
