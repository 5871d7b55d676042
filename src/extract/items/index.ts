/**
 * The items extractor: a Schedule 13D's Items 1–7 or a 13G's Items 1–10 as `items` rows (for full-text search), and
 * the records read from their prose (`holdings`, `notes`, `options`, `transactions`, `ownership_basis`) with the
 * cross-checks against the cover pages (`checks`).
 *
 * Handles: text, HTML and flattened schedules (split-items.ts) and XML-era ones (xml-items.ts), chosen by the
 * document the cover-page extractor reads (find-schedule.ts); defined terms from the schedule document only (an
 * exhibit may define "Discovery" differently); holders resolved to the cover pages' reporting persons.
 * Does not handle: exhibits, and filings that are not Schedule 13D/13G (they yield nothing, silently).
 *
 * Rows carry camelCase keys equal to store/tables/items.ts's columns, without the accession number.
 */
import { documentText } from '../../parse/body.js';
import type { DocumentEnvelope, Submission } from '../../parse/types.js';
import { runChecks } from '../checks.js';
import { extractCoverPages, findSchedule } from '../cover-page/index.js';
import type { CoverPageResult, ReportingPersonRecord } from '../cover-page/types.js';
import { DefinedTerms } from '../defined-terms/index.js';
import type { ExtractedFiling, Extractor, ItemRow, Numbered } from '../extractor.js';
import { PartyIndex, readProse, type ProseItem, type ProseResult } from '../prose/index.js';
import { looksLikeName, type Party } from '../prose/parties.js';
import { readXmlFields } from '../prose/xml-fields.js';
import type { ExtractionWarning } from '../types.js';
import { blankPageFurniture, collapseSpace, identitySource, type ProseSource } from './prose-source.js';
import { CANONICAL_TITLES, splitItems, type ScheduleKind } from './split-items.js';
import { xmlItems } from './xml-items.js';
import { isEntitySuffix } from '../lexicon/index.js';
import { pushAll } from '../../arrays.js';
import { matchesOf } from '../../matches.js';

export { itemTableViews } from './views.js';
export { splitItems, CANONICAL_TITLES, type ItemHeading, type ScheduleKind } from './split-items.js';
export { xmlItems } from './xml-items.js';

/** One item of a schedule, as found: its `items` row plus what the prose readers work on. */
export interface ItemSection extends ItemRow {
  prose: ProseItem;
}

export interface ScheduleItems {
  kind: ScheduleKind;
  doc: DocumentEnvelope;
  items: ItemSection[];
  /** The text the terms are read from (the schedule document, page furniture blanked). */
  termText: string;
}

/** Find and split the schedule document of a submission; null when it is not a 13D/13G. */
export function scheduleItems(submission: Submission, cover: ReportingPersonRecord[] = []): ScheduleItems | null {
  const found = findSchedule(submission);
  if (found.status !== 'found') return null;
  const { doc, kind } = found;
  const text = documentText(submission, doc);
  const seq = doc.sequence;
  if (found.format === 'xml') {
    const items = xmlItems(text, kind).map((x) => ({
      itemNumber: x.itemNumber,
      title: CANONICAL_TITLES[kind][x.itemNumber] ?? null,
      documentSequence: seq,
      spanStart: x.span.start,
      spanEnd: x.span.end,
      text: collapseSpace(x.source.text),
      prose: { itemNumber: x.itemNumber, documentSequence: seq, source: x.source, leaves: x.leaves },
    }));
    return { kind, doc, items, termText: items.map((i) => i.prose.source.text).join('\n') };
  }
  const clean = blankPageFurniture(text);
  const flattened = submission.format.startsWith('flattened') || lineCount(text) * 400 < text.length;
  // Cover pages mention "Item 2(d)" and "See Item 5": start after the last cover page when it is known.
  const coverEnd = cover.filter((p) => p.documentSequence === seq && p.spanEnd !== null).reduce((max, p) => Math.max(max, p.spanEnd!), 0);
  const headings = splitItems(clean, { kind, flattened, startAt: coverEnd });
  const linesAreBlocks = doc.bodyFormat === 'html';
  const items = headings.map((h) => ({
    itemNumber: h.itemNumber,
    title: h.title,
    documentSequence: seq,
    spanStart: h.span.start,
    spanEnd: h.span.end,
    text: collapseSpace(clean.slice(h.bodySpan.start, h.bodySpan.end)),
    prose: { itemNumber: h.itemNumber, documentSequence: seq, source: identitySource(clean, h.bodySpan.start, h.bodySpan.end, linesAreBlocks) },
  }));
  return { kind, doc, items, termText: clean };
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Items, prose records and checks of one submission. Never throws: a defect becomes a warning. */
export const extractItemsAndProse: Extractor = (submission) => extractItemsAndProseWithCover(submission);

/**
 * The same, reusing cover pages already extracted (the pipeline runs the cover-page extractor anyway; passing its
 * result here saves reading the cover pages twice).
 */
export function extractItemsAndProseWithCover(submission: Submission, coverResult?: CoverPageResult): ExtractedFiling {
  try {
    return extract(submission, coverResult ?? extractCoverPages(submission));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { tables: {}, warnings: [{ code: 'ITEMS_EXTRACTOR_FAILED', message: `items extractor failed: ${message}`, documentSequence: null, span: null }] };
  }
}

/** A schedule's items and what the prose readers made of them (the survey tool reads the evidence too). */
export interface ScheduleProse {
  found: ScheduleItems;
  prose: ProseResult;
  warnings: ExtractionWarning[];
}

/** Split the schedule and read its prose; null when the submission is not a 13D/13G. */
export function readScheduleProse(submission: Submission, coverResult: CoverPageResult): ScheduleProse | null {
  const warnings: ExtractionWarning[] = [];
  const cover = coverResult.reportingPersons;
  const found = scheduleItems(submission, cover);
  if (!found) return null;
  const { kind, doc, items } = found;
  if (!items.length) {
    warnings.push({ code: 'ITEMS_NOT_FOUND', message: `no Item headings found in the ${kind} document (sequence ${doc.sequence ?? '?'})`, documentSequence: doc.sequence, span: null });
  }
  const terms = DefinedTerms.fromText(found.termText, doc.sequence, { acronyms: true });
  const item2 = items.map((i) => ({ itemNumber: i.itemNumber, title: i.title, source: i.prose.source }));
  const named = cover.filter((p) => p.name).map((p) => ({ ordinal: p.ordinal, name: p.name! }));
  // Cover pages that could not be read (a two-column cover in a <pre> rendered with its padding collapsed gives no name,
  // or the form's instructions above it as one: "Check the appropriate box to designate the rule …"): a 13G's Item 2(a)
  // names the person filing, whom its Item 4 calls "such person". No reporting-person row is theirs to join.
  const filing = kind === '13G' && !named.some((p) => looksLikeName(p.name)) ? namesFiling(item2) : [];
  const persons = filing.length ? filing.map((name) => ({ ordinal: null, name })) : named;
  const parties = PartyIndex.build(persons, terms, found.termText);
  // The cover pages' values per person: a count in Item 5 equal to one of them is evidence of its holder and role.
  // One cover page that names no one, for persons Item 2(a) names, is their joint cover page (0001004680-99-000001:
  // "Eurocredit Investments, Ltd. and Richard C.W. Mauran" typed above the name row, Item 2(a) "filed on behalf of"
  // both): its values are each person's.
  const joint = filing.length && cover.length === 1 ? cover[0]! : null;
  const anchors = parties.coverParties.flatMap((party) => {
    const p = joint ?? cover.find((c) => c.ordinal === party.coverOrdinal);
    return p ? [{ party, aggregateAmount: p.aggregateAmount, percentOfClass: p.percentOfClass, soleVotingPower: p.soleVotingPower, sharedVotingPower: p.sharedVotingPower, soleDispositivePower: p.soleDispositivePower, sharedDispositivePower: p.sharedDispositivePower }] : [];
  });
  const filers = kind === '13G' ? personsFiling(item2, parties) : null;
  const ctx = { parties, terms, filedAt: submission.header?.filedAt ?? null, coverParties: parties.coverParties, cover: anchors, ...(filers ? { filers } : {}) };
  // The text after the last item: schedules of trades that Item 5(c) incorporates ("Schedule B").
  const lastEnd = Math.max(0, ...items.map((i) => i.prose.source.end));
  const tail = found.doc.bodyFormat !== 'xml' && items.length && lastEnd < found.termText.length ? { itemNumber: kind === '13G' ? 4 : 5, documentSequence: doc.sequence, source: identitySource(found.termText, lastEnd, found.termText.length, doc.bodyFormat === 'html') } : null;
  // The text before the first item: the cover pages, whose footnotes may say what their figures consist of.
  const firstStart = Math.min(...items.map((i) => i.prose.source.start));
  const head = found.doc.bodyFormat !== 'xml' && items.length && firstStart > 0 ? { itemNumber: kind === '13G' ? 4 : 5, documentSequence: doc.sequence, source: identitySource(found.termText, 0, firstStart, doc.bodyFormat === 'html') } : null;
  const prose = readProse(
    items.map((i) => i.prose),
    kind,
    ctx,
    tail,
    head,
  );
  // XML schedules may state the position as an element value rather than a sentence.
  // When the prose read the item's elements, only the powers it cannot read (a bare count or zero) are added.
  if (found.doc.bodyFormat === 'xml') {
    const read = prose.holdings.filter((h) => h.row.itemNumber === (kind === '13G' ? 4 : 5));
    pushAll(prose.holdings, readXmlFields(items.map((i) => ({ itemNumber: i.itemNumber, documentSequence: i.documentSequence, leaves: i.prose.leaves ?? [] })), kind, ctx, read));
  }
  return { found, prose, warnings };
}

type ItemText = { itemNumber: number; title: string | null; source: ProseSource };

/**
 * The answers of a 13G's Item 2(a), "Name of Person Filing": each runs from the label (or the item's start, when the
 * label is the item's heading) to the next sub-item. Item 2 may repeat its (a)–(e) once per person
 * (0001085601-10-000011), and its heading may run into the first answer when a paragraph holds both ("Item 2. LaSalle
 * Investment Management, Inc. provides the following information: (a) Name of Person Filing LaSalle Investment
 * Management, Inc." in one <p>), so the heading's title is read with the body.
 */
function filingAnswers(items: ItemText[]): string[] {
  const item = items.find((i) => i.itemNumber === 2);
  if (!item) return [];
  const body = `${item.title ?? ''}\n${item.source.text.slice(item.source.start, Math.min(item.source.end, item.source.start + 20_000))}`;
  const starts = [...matchesOf(/\bname\s+of\s+(?:the\s+)?persons?\s+filing\b\s*:?/gi, body)].map((m) => m.index + m[0].length);
  if (!starts.length) starts.push(0);
  return starts.map((from) => {
    const rest = body.slice(from, from + 600);
    const next = /\bitem\s*2\s*\(\s*b\s*\)|(?:^|\s)\(b\)\s|\baddress\b/i.exec(rest);
    return next ? rest.slice(0, next.index) : rest;
  });
}

/**
 * The cover persons a 13G's Item 2(a) names as the persons filing, when they are some of the cover persons but not
 * all (0000315066-17-001861: "FMR LLC" under the covers of FMR LLC and Abigail P. Johnson); null otherwise.
 */
function personsFiling(items: ItemText[], parties: PartyIndex): Party[] | null {
  if (parties.coverParties.length < 2) return null;
  const named = new Set<Party>();
  for (const answer of filingAnswers(items)) for (const m of parties.mentions(answer)) if (m.party.coverOrdinal !== null && !m.party.group) named.add(m.party);
  return named.size && named.size < parties.coverParties.length ? [...named] : null;
}

/**
 * The names a 13G's Item 2(a) gives, for a filing whose cover pages name no one: each answer is one name alone
 * ("Pioneer Global Asset Management S.P.A.") or one sentence saying on whose behalf the statement is filed
 * (`filedOnBehalfOf`). Empty when an answer is anything else (a description, a list in prose).
 */
function namesFiling(items: ItemText[]): string[] {
  const names: string[] = [];
  for (const answer of filingAnswers(items)) {
    // A rule line under the answer ("_____") closes it on a form drawn with lines between the sub-items.
    const text = answer.replace(/[\s_=-]{3,}$/, '').replace(/^[\s:.-]+|[\s;,]+$/g, '').replace(/\s+/g, ' ');
    if (!text) continue;
    const listed = filedOnBehalfOf(text) ?? [text];
    for (const name of listed) {
      if (!looksLikeName(name) || !/[A-Za-z]{2}/.test(name) || /\b(?:Item|See|Not|None|N\/A)\b/i.test(name)) return [];
      if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
    }
  }
  return names;
}

/** "This statement is (being) filed (jointly) on behalf of / by <list>." as the whole answer; group 1 the list. */
const FILED_ON_BEHALF = /^(?:this|the)\s+(?:statement|schedule|amendment|report)\b[^.;:]{0,60}?\bis\s+(?:being\s+)?filed\s+(?:jointly\s+)?(?:on\s+behalf\s+of|by)\s+(?:each\s+of\s+)?(.+?)\.?$/i;

/**
 * The names of an Item 2(a) answer that says on whose behalf the statement is filed (0001004680-99-000001: "This
 * statement is filed on behalf of Eurocredit Investments, Ltd. and Richard C.W. Mauran."), split at commas and
 * "and" (a comma before a legal form or "Jr." stays in its name); null when the answer is not that sentence, or a
 * piece is a single word (a firm called "Smith and Wesson" is not two persons).
 */
function filedOnBehalfOf(answer: string): string[] | null {
  const list = FILED_ON_BEHALF.exec(answer)?.[1];
  if (!list) return null;
  const names: string[] = [];
  for (const piece of list.split(/\s*;\s*(?:and\s+)?|\s*,\s*(?:and\s+)?|\s+and\s+/)) {
    if (names.length && (isEntitySuffix(piece) || /^(?:Jr|Sr|II|III|IV)\.?$/.test(piece))) names[names.length - 1] += `, ${piece}`;
    else names.push(piece);
  }
  return names.every((n) => n.split(/\s+/).length >= 2) ? names : null;
}

function extract(submission: Submission, coverResult: CoverPageResult): ExtractedFiling {
  const cover = coverResult.reportingPersons;
  const read = readScheduleProse(submission, coverResult);
  if (!read) return { tables: {}, warnings: [] };
  const { found, prose, warnings } = read;
  const { items } = found;
  // The XML element values are the amount beneficially owned.
  for (const h of prose.holdings) h.row.role ??= 'beneficial';
  pushAll(warnings, prose.warnings);
  const checks = runChecks(cover, prose);
  const ordinal = <T extends object>(rows: T[]): Numbered<T>[] => rows.map((r, i) => ({ ordinal: i + 1, ...r }));
  return {
    tables: {
      items: ordinal(items.map(({ prose: _p, ...row }) => row)),
      holdings: ordinal(prose.holdings.map((f) => f.row)),
      notes: ordinal(prose.notes.map((f) => f.row)),
      options: ordinal(prose.options.map((f) => f.row)),
      transactions: ordinal(prose.transactions.map((f) => f.row)),
      ownership_basis: ordinal(prose.ownershipBasis.map((f) => f.row)),
      checks: ordinal(checks),
    },
    warnings,
  };
}
