/**
 * The sentences and lines of an item, each with its readings (tokens and party mentions, read once per distinct text):
 * the item's sentences, every line of an item (a row wrapped at the page width joined to its continuation), and the
 * lines of an appendix from its first schedule heading on (a flattened appendix cut at its trade rows). Apart from
 * index.ts, which runs the record readers over these and merges what they find.
 * Does not handle: reading records from them.
 */
import { collapseSpace, type ProseSource } from '../items/prose-source.js';
import type { XmlLeaf } from '../items/xml-items.js';
import type { PartyIndex, PartyMention } from './parties.js';
import { splitSentences } from './sentences.js';
import { scanTokens, type Token } from './tokens.js';
import { flattenedScheduleLines } from './flattened-trade-rows.js';
import type { ProseContext, ProseSentence } from './types.js';

export interface ProseItem {
  itemNumber: number;
  documentSequence: number | null;
  source: ProseSource;
  /** XML schedules: the item's leaf elements (see xml-fields.ts). */
  leaves?: XmlLeaf[];
}

/**
 * The tokens and party mentions of a sentence's text, read once per distinct text: every line is read as a sentence,
 * then again as a table line and a trade line, and a document may repeat one line tens of thousands of times
 * ("See Exhibit 99.1."). Both readers are pure functions of the text (and of the filing's parties, hence one cache
 * per PartyIndex); the arrays are shared between sentences, which only read them. Each is read when first asked for.
 */
class Reading {
  private tokenList: Token[] | null = null;
  private mentionList: PartyMention[] | null = null;
  constructor(
    private readonly raw: string,
    private readonly parties: PartyIndex,
  ) {}

  get tokens(): Token[] {
    return (this.tokenList ??= scanTokens(this.raw));
  }

  get mentions(): PartyMention[] {
    return (this.mentionList ??= this.parties.mentions(this.raw));
  }
}

const readingsByParties = new WeakMap<PartyIndex, Map<string, Reading>>();

function readingOf(raw: string, parties: PartyIndex): Reading {
  let cache = readingsByParties.get(parties);
  if (!cache) {
    cache = new Map();
    readingsByParties.set(parties, cache);
  }
  let reading = cache.get(raw);
  if (!reading) {
    reading = new Reading(raw, parties);
    cache.set(raw, reading);
  }
  return reading;
}

/**
 * A sentence or line of an item. Its tokens and party mentions are read on first use, not when it is made: the
 * sentences of every item are made (instrument terms are learnt from all of them), but only the position items' are
 * read through: reading the others' too was about 3% of a batch worker's time (cpuprofile over 600 filings). Its
 * collapsed text, too, is made only for the sentences a record quotes.
 */
class ItemSentence implements ProseSentence {
  private collapsed: string | null = null;
  constructor(
    readonly itemNumber: number,
    readonly documentSequence: number | null,
    readonly source: ProseSource,
    readonly start: number,
    readonly end: number,
    readonly raw: string,
    readonly index: number,
    readonly cut: boolean,
    private readonly reading: Reading,
  ) {}

  get text(): string {
    return (this.collapsed ??= collapseSpace(this.raw));
  }

  get tokens(): Token[] {
    return this.reading.tokens;
  }

  get mentions(): PartyMention[] {
    return this.reading.mentions;
  }
}

/**
 * The sentences of an item with their readings. `keep`, when given, tests a sentence's raw text before it is read:
 * the cover notes' reader wants only the few sentences about options, and reading every sentence of every cover page
 * (tokens, party mentions) was a twelfth of a filing's extraction time.
 */
export function sentencesOf(item: ProseItem, parties: PartyIndex, keep?: (raw: string) => boolean): ProseSentence[] {
  const src = item.source;
  const out: ProseSentence[] = [];
  splitSentences(src.text, src.start, src.end, src.linesAreBlocks).forEach((sn, index) => {
    const raw = src.text.slice(sn.start, sn.end);
    if (keep && !keep(raw)) return;
    out.push(new ItemSentence(item.itemNumber, item.documentSequence, src, sn.start, sn.end, raw, index, sn.cut === true, readingOf(raw, parties)));
  });
  return out;
}

/** Every line of an item, as sentences (a row wrapped at the page width with its continuation). */
export function itemLines(item: ProseItem, ctx: ProseContext): ProseSentence[] {
  const { text, start, end } = item.source;
  const out: ProseSentence[] = [];
  let at = start;
  while (at < end) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    lineEnd = wrappedRowEnd(text, at, lineEnd, end);
    if (lineEnd - at > 0 && lineEnd - at <= 400) out.push(lineSentence(item, ctx, at, lineEnd));
    at = lineEnd + 1;
  }
  return out;
}

/** The rest of an indented table row pushed to the left margin of the next line: a number, perhaps a word or letter. */
const WRAPPED_REST = /^\d[\d,]*(?:\.\d+)?(?:[ \t]+[A-Za-z]{1,12})?[ \t]*$/;

/**
 * Where a row wrapped at the page width ends (0000950142-96-000297's Exhibit B: "            4/18/96
 * 84,500                            " / "14.4380                          P"): a line that is indented and ends in its
 * padding, followed by a line that starts at the left margin and holds only the row's last cells; else `lineEnd`.
 */
function wrappedRowEnd(text: string, lineStart: number, lineEnd: number, end: number): number {
  if (lineEnd >= end || !/^[ \t]/.test(text.charAt(lineStart)) || !/[ \t]{2}$/.test(text.slice(Math.max(lineStart, lineEnd - 2), lineEnd))) return lineEnd;
  let nextEnd = text.indexOf('\n', lineEnd + 1);
  if (nextEnd < 0 || nextEnd > end) nextEnd = end;
  return nextEnd - lineEnd <= 40 && WRAPPED_REST.test(text.slice(lineEnd + 1, nextEnd)) ? nextEnd : lineEnd;
}

/** A schedule heading ("SCHEDULE B", "Annex A", "EXHIBIT B"): anywhere (a flattened appendix), or starting a line (as filed). */
const SCHEDULE_HEADING_SOURCE = String.raw`(?:SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|Appendix|EXHIBIT|Exhibit)\s+[A-Z0-9]{1,3}\b`;
const SCHEDULE_HEADING = new RegExp(String.raw`\b${SCHEDULE_HEADING_SOURCE}`);
const SCHEDULE_HEADING_AT_LINE_START = new RegExp(String.raw`^[ \t]*${SCHEDULE_HEADING_SOURCE}`, 'm');

/**
 * The lines of the appendix from its first schedule heading on ("SCHEDULE B", "Annex A"), as sentences. A line too
 * long to be a row is the appendix flattened (its line breaks gone): its sentences, cut at the trade rows they hold
 * (`flattenedScheduleLines`), the pieces between rows in `flattenedHeadings`; a flattened appendix's heading need not
 * start a line.
 */
export function appendixLines(appendix: ProseItem, ctx: ProseContext, flattenedHeadings: Set<ProseSentence>): ProseSentence[] {
  const { text, start, end } = appendix.source;
  const heading = SCHEDULE_HEADING_AT_LINE_START.exec(text.slice(start, end));
  const out: ProseSentence[] = [];
  let at = heading ? start + heading.index : start;
  while (at < end) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (heading) lineEnd = wrappedRowEnd(text, at, lineEnd, end);
    if (lineEnd - at > 0 && lineEnd - at <= 400) {
      if (heading) out.push(lineSentence(appendix, ctx, at, lineEnd));
    } else if (lineEnd - at > 400) {
      const flat = flattenedLine(appendix, ctx, at, lineEnd, heading !== null);
      for (const p of flat ?? []) {
        out.push(p.sentence);
        if (!p.row) flattenedHeadings.add(p.sentence);
      }
    }
    at = lineEnd + 1;
  }
  return out;
}

/** A flattened line's sentences cut at their trade rows, from its first schedule heading on (unless `headed` already). */
function flattenedLine(item: ProseItem, ctx: ProseContext, start: number, end: number, headed: boolean): { sentence: ProseSentence; row: boolean }[] | null {
  const text = item.source.text;
  let from = start;
  if (!headed) {
    const h = SCHEDULE_HEADING.exec(text.slice(start, end));
    if (!h) return null;
    from = start + h.index;
  }
  const sentences = splitSentences(text, from, end, false).map((sn) => lineSentence(item, ctx, sn.start, sn.end));
  return flattenedScheduleLines(sentences);
}

/** One line of an item as a sentence (table rows: their provenance is the line). */
export function lineSentence(item: ProseItem, ctx: ProseContext, start: number, end: number): ProseSentence {
  const raw = item.source.text.slice(start, end);
  return new ItemSentence(item.itemNumber, item.documentSequence, item.source, start, end, raw, -1, false, readingOf(raw, ctx.parties));
}
