/**
 * Cover pages from an HTML schedule.
 *
 * Decided by measuring: the HTML is rendered to lines (parse/body.ts `documentText`: block elements and table rows
 * end lines, cells are tab-separated, entities decoded, `<PRE>` kept as typed) and read by the text reader. On the 16
 * HTML filings of the golden set that gets every labelled field right, across tables of every shape, cell-per-line
 * renderings, `<P>`-per-row layouts, "N)CAPTION: value" paragraphs and a `<PRE>` body, so no separate cheerio table
 * walker is kept: one would need its own layout rules for each of those shapes and could not read the `<PRE>` ones.
 * It also makes spans point into the same `documentText` string every other extractor uses.
 *
 * Handles: any HTML layout whose rendered text has the row captions in order, Wingdings glyphs (`&#254;`, `&#168;`,
 * `x`/`o`), Unicode ballot boxes, `<sup>` footnote marks after values.
 * Does not handle: boxes drawn only with CSS borders (nothing to read: they count as unchecked, which is what such
 * filings mean in every case seen) or cover pages embedded as images. */
import { documentText } from '../../parse/body.js';
import type { DocumentEnvelope, Submission } from '../../parse/types.js';
import { readCoverHeader } from './cover-header.js';
import { readTextCoverPages } from './text-reader.js';
import type { HeaderDraft, ScheduleKind, TextCoverResult } from './types.js';

export interface DocumentCoverResult extends TextCoverResult {
  header: HeaderDraft;
  /** The string spans index into. */
  text: string;
}

/** Read a text schedule (also the flattened sample) or, after rendering, an HTML one. */
export function readRenderedCoverPages(submission: Submission, doc: DocumentEnvelope, kind: ScheduleKind): DocumentCoverResult {
  const text = documentText(submission, doc);
  return readCoverPagesFromText(text, kind, doc.sequence);
}

/** The shared path of the text and HTML readers, on an already decoded string. */
export function readCoverPagesFromText(text: string, kind: ScheduleKind, documentSequence: number | null): DocumentCoverResult {
  const covers = readTextCoverPages(text, kind, documentSequence);
  const firstStart = covers.regions[0]?.start ?? firstItemOffset(text);
  const lastEnd = covers.regions[covers.regions.length - 1]?.end ?? firstStart;
  const header = readCoverHeader(text, { kind, headerEnd: firstStart, coversEnd: lastEnd });
  return { ...covers, header, text };
}

/** Without cover pages, the header lies before Item 1 (or is the whole text). */
function firstItemOffset(text: string): number {
  const m = /^[ \t]*Item\s+1\b/im.exec(text);
  return m ? m.index : text.length;
}
