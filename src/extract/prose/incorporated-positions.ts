/**
 * The exhibit or schedule after the items that a position item's (a) or (b) answers with, as more of that item:
 * "(a) See Exhibit A hereto, which is incorporated herein by reference." and, after the signatures, "EXHIBIT A / Item
 * 5(a)&(b) – Interest in Securities of the Issuer" with the per-person table of amounts and powers (0001140361-17-047815).
 * The position readers read the section as they read the item, and its sentences are the item's wherever every item's
 * sentences are used (instrument terms learnt, cut sentences reported, notes completed).
 *
 * Handles: a sentence that is only the pointer ("See Exhibit A hereto", "See Schedule I attached hereto, which is
 * incorporated herein by reference"), under a sub-item (a) or (b) of the position item (the sub-item's letter opening
 * the sentence or right before it); the section from a line that is only its heading ("EXHIBIT A") to the next such
 * heading line or the end of the text after the items.
 * Does not handle: pointers under (c) (the trades: the appendix reader reads schedules of trades), pointers to other
 * documents of the submission, or a section whose heading shares its line with other words (except in capitals right
 * after a sentence, as flattened text runs it in).
 */
import type { ProseItem } from './item-sentences.js';
import type { ProseSentence } from './types.js';
import { matchesOf } from '../../matches.js';

/** A sentence that only points at an exhibit: group 1 its kind, group 2 its name ("Exhibit", "A"). */
const POINTER = /^\W{0,3}(?:\(\s*[ab]\s*\)\s*)?see\s+(?:the\s+)?(exhibit|schedule|annex|appendix)\s+([A-Z0-9]{1,3})\b(?:\s+(?:attached\s+)?hereto|\s+to\s+this\s+(?:Schedule|Statement|Amendment)[\w\s/.-]{0,20}?)?(?:\s*,?\s*which\s+is\s+(?:hereby\s+)?incorporated\s+(?:herein\s+)?by\s+reference(?:\s+herein)?)?[\s.;]*$/i;

/** Sub-item (a) or (b) opening the sentence or right before it ("(a)", "(b):"). */
const SUB_ITEM_A_OR_B = /\(\s*[ab]\s*\)[\s:.\u2013\u2014-]*$/i;
const OPENS_WITH_A_OR_B = /^\W{0,3}\(\s*[ab]\s*\)/i;

/** A line that is only an exhibit's heading: group 1 its kind, group 2 its name. */
const HEADING_LINE = /^[ \t]*(exhibit|schedule|annex|appendix)[ \t]+([A-Z0-9]{1,3})[ \t.:]*$/gim;

/**
 * The same heading in a flattened text, whose lines are gone: in capitals, right after a sentence's end and before a
 * capital ("… such securities. EXHIBIT A Item 5(a)&(b) - Interest in Securities of the Issuer …", 0001140361-17-047815
 * flattened). Case-sensitive, so that a sentence that merely begins "Exhibit A sets forth …" is no heading.
 */
const RUN_IN_HEADING = /(?<=[.!?]["')\u201d]?[ \t]{1,3})(EXHIBIT|SCHEDULE|ANNEX|APPENDIX)[ \t]+([A-Z0-9]{1,3})(?=[ \t]+[A-Z])/g;

/**
 * The section of `appendix` that a sentence of the position item (`item`) points its (a) or (b) at, as an item of that
 * number; null when no sentence does or the appendix has no line headed with that name.
 */
export function incorporatedExhibit(item: ProseItem, sentences: ProseSentence[], appendix: ProseItem | null): ProseItem | null {
  if (!appendix) return null;
  const { text } = item.source;
  for (const s of sentences) {
    const pointer = POINTER.exec(s.raw);
    if (!pointer) continue;
    if (!OPENS_WITH_A_OR_B.test(s.raw) && !SUB_ITEM_A_OR_B.test(text.slice(Math.max(item.source.start, s.start - 30), s.start))) continue;
    const section = headedSection(appendix, pointer[1]!, pointer[2]!);
    if (section) return { itemNumber: item.itemNumber, documentSequence: appendix.documentSequence, source: { ...appendix.source, ...section } };
  }
  return null;
}

/** The span of the appendix from the line headed `kind name` to the next heading line (or the appendix's end). */
function headedSection(appendix: ProseItem, kind: string, name: string): { start: number; end: number } | null {
  const { text, start, end } = appendix.source;
  const body = text.slice(start, end);
  let from = -1;
  const headings = [...matchesOf(HEADING_LINE, body), ...matchesOf(RUN_IN_HEADING, body)].sort((a, b) => a.index - b.index);
  for (const m of headings) {
    if (from < 0) {
      if (m[1]!.toLowerCase() === kind.toLowerCase() && m[2]!.toLowerCase() === name.toLowerCase()) from = m.index;
      continue;
    }
    return { start: start + from, end: start + m.index };
  }
  return from < 0 ? null : { start: start + from, end };
}
