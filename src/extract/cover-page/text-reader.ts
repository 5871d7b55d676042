/**
 * Cover pages from readable text: plain-text schedules of every era, the flattened founding sample (one line, white
 * space collapsed), `<PRE>` bodies inside HTML, and rendered HTML tables (html-reader.ts renders, then reads here).
 *
 * How: every row caption in the document is found (captions.ts); a cover page starts at a row-1 caption and takes
 * the captions that follow in printed order until the type row (or a caption that goes backwards). A row's value is
 * the text between its caption and the next caption, with caption tails, the interleaved side caption and page
 * furniture masked out, so two-column layouts, values printed beside or under captions, and the flattened sample
 * all read the same way. Fallbacks, each reported with its own warning code: values printed above their captions
 * (chosen when that reading finds more values), rows labelled only by number (numbered-layout.ts), typed columns whose
 * captions and values both wrap (columns.ts), and one cover page enumerating several persons (names kept, values not
 * split). Row values are read by row-values.ts and names.ts.
 *
 * Handles: wrapped, truncated and misspelt captions, row numbers before or after captions, IRS/EIN clauses after
 * names, footnote marks, prose values, check boxes before or after their (a)/(b) labels.
 * Does not handle: cover pages printed as one table with a column per person, values split per share class, or images
 * of cover pages. */
import type { WarningCode } from '../../errors/codes.js';
import type { Span } from '../../parse/types.js';
import type { ExtractionWarning } from '../types.js';
import { parseBox } from './check-boxes.js';
import { findCaptions, mask, ROW_NUMBERS, ROW_ORDER, SIDE_WORDS, VALUE_NOISE, type CaptionHit, type RowKey } from './captions.js';
import { mapSpan, splitColumns, type Remapped } from './columns.js';
import { ID_CAPTIONS, readName } from './names.js';
import { readNumberedCovers } from './numbered-layout.js';
import { emptyPerson, readCitizenship, readGroupBoxes, readNumber, SHARE_ROWS } from './row-values.js';
import type { CoverPageRegion, PersonDraft, ReportingPersonField, ScheduleKind, ShareField, TextCoverResult } from './types.js';
import { collapse, FUND_CODES, parseCodes, parsePercent, parseShareCount, PERSON_CODES, type ParsedValue } from './values.js';
import { pushAll } from '../../arrays.js';
import { matchesOf } from '../../matches.js';

interface Cover {
  nameHit: CaptionHit;
  rows: Partial<Record<RowKey, CaptionHit>>;
  last: RowKey;
  closed: boolean;
}

/** Longest stretch of text read as one row's value; a row's words never run this long. */
const MAX_SEGMENT = 1500;

/** Read every cover page of a schedule from its readable text. */
export function readTextCoverPages(text: string, kind: ScheduleKind, documentSequence: number | null): TextCoverResult {
  const direct = readCaptioned(text, kind, documentSequence);
  const numbered = readNumberedCovers(text, kind, documentSequence);
  // Fidelity's numbered rows ("Item 1: Reporting Person - FMR LLC") win when they name more persons: a 13G's Item 4
  // label "(a) Aggregate amount beneficially owned: N" reads as a captioned cover page's row 9 on its own.
  if (direct.persons.length > 0 && numbered.persons.length <= direct.persons.length) return direct;
  if (numbered.persons.length > 0) return numbered;
  // Two typed columns whose captions and values both wrap: rewrite, read, and map every span back.
  const columns = splitColumns(text);
  if (columns) {
    const read = readCaptioned(columns.text, kind, documentSequence);
    if (read.persons.length > 0) return remapResult(read, columns, documentSequence);
  }
  return direct;
}

function remapResult(read: TextCoverResult, columns: Remapped, documentSequence: number | null): TextCoverResult {
  const map = (sp: Span): Span => mapSpan(columns, sp.start, sp.end);
  for (const p of read.persons) {
    if (p.spanStart !== null && p.spanEnd !== null) {
      const sp = map({ start: p.spanStart, end: p.spanEnd });
      p.spanStart = sp.start;
      p.spanEnd = sp.end;
    }
    for (const key of Object.keys(p.spans) as ReportingPersonField[]) {
      const sp = p.spans[key];
      if (sp) p.spans[key] = map(sp);
    }
  }
  const regions = read.regions.map(map);
  const warnings = read.warnings.map((w) => ({ ...w, span: w.span ? map(w.span) : null }));
  warnings.push({
    code: 'COVER_TWO_COLUMN_LAYOUT',
    message: `cover pages typed in two wrapped columns; read ${read.persons.length} after separating the columns`,
    documentSequence,
    span: regions[0] ?? null,
  });
  return { persons: read.persons, regions, warnings };
}

function readCaptioned(text: string, kind: ScheduleKind, documentSequence: number | null): TextCoverResult {
  const hits = findCaptions(text, kind);
  const covers = groupCovers(hits);
  const persons: PersonDraft[] = [];
  const regions: CoverPageRegion[] = [];
  const warnings: ExtractionWarning[] = [];
  for (const cover of covers) {
    const ordinal = persons.length + 1;
    const combined = listedPersons(text, cover, hits);
    if (combined.length >= 2) {
      // One cover page enumerating several persons ("(i) Gerald F. Fitzgerald", "(ii) …"), with per-person values
      // in sub-tables: the names are kept, the values are not split per person.
      const region = { start: cover.nameHit.start, end: cover.nameHit.end };
      for (const name of combined) {
        const p = emptyPerson();
        p.name = name.value;
        p.spans.name = { start: name.start, end: name.end };
        p.spanStart = name.start;
        p.spanEnd = name.end;
        persons.push(p);
        regions.push(region);
      }
      warnings.push({
        code: 'COVER_COMBINED_PERSONS',
        message: `cover page ${ordinal} lists ${combined.length} reporting persons in one set of rows; names read, values not split per person`,
        documentSequence,
        span: region,
      });
      continue;
    }
    // Most layouts print a value under or beside its caption; a few (1998 EquiTrust) print it above. Read both ways
    // and keep the reading that finds more values, preferring the usual one on a tie.
    const below = readCover(text, cover, hits, kind, documentSequence, ordinal, 'below');
    const above = plausibility(below.person) < PLAUSIBLE ? readCover(text, cover, hits, kind, documentSequence, ordinal, 'above') : null;
    const chosen = above && plausibility(above.person) > plausibility(below.person) ? above : below;
    persons.push(chosen.person);
    regions.push(chosen.region);
    pushAll(warnings, chosen.warnings);
    if (chosen === above) {
      warnings.push({ code: 'COVER_VALUES_ABOVE_CAPTIONS', message: `cover page ${ordinal}: values are printed above their captions; read that way`, documentSequence, span: chosen.region });
    }
  }
  return { persons, regions, warnings };
}

/** Names enumerated "(i) Name", "(ii) Name" … in one row-1 value, or [] when the row holds one name. */
function listedPersons(text: string, cover: Cover, hits: CaptionHit[]): { value: string; start: number; end: number }[] {
  const span = segmentOf(hits, cover.nameHit, text.length, 'below');
  const raw = text.slice(span.start, span.end);
  const out: { value: string; start: number; end: number }[] = [];
  for (const m of matchesOf(/^[ \t]*\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)\)[ \t]+(\S[^\n]*?)[ \t]*$/dgm, raw)) {
    const start = span.start + m.indices![1]![0];
    out.push({ value: collapse(m[1]!), start, end: start + m[1]!.length });
  }
  // (Flattened, the one "line" is the whole list: "(i) Gerald F. Fitzgerald (ii) Marjorie G. Fitzgerald …".)
  return out.length > 1 || raw.trim().includes('\n') ? out : inlineListedPersons(raw, span.start);
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv'];

/**
 * The names of a flattened row-1 value ("(i) Gerald F. Fitzgerald (ii) Marjorie G. Fitzgerald … (x) Julie F.
 * Schauer", its line breaks gone): the text after each enumerator, in the order (i), (ii), (iii) …, up to the next one.
 */
function inlineListedPersons(raw: string, base: number): { value: string; start: number; end: number }[] {
  const marks = [...matchesOf(/\((i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)\)\s+/g, raw)];
  if (marks.length < 2 || marks.some((m, k) => m[1] !== ROMAN[k])) return [];
  return marks.map((m, k) => {
    const from = m.index + m[0].length;
    const to = k + 1 < marks.length ? marks[k + 1]!.index : raw.length;
    const value = raw.slice(from, to).trimEnd();
    return { value: collapse(value), start: base + from, end: base + from + value.length };
  });
}

/**
 * Group caption hits into cover pages. A row-1 caption opens a page; later captions join it while they keep the
 * printed order; the type row closes it. A page needs enough rows to be a cover page and not, say, a stray
 * "Name of Reporting Person" in the Items.
 */
function groupCovers(hits: CaptionHit[]): Cover[] {
  const covers: Cover[] = [];
  let cur: Cover | null = null;
  for (const hit of hits) {
    if (hit.row === 'name') {
      cur = { nameHit: hit, rows: { name: hit }, last: 'name', closed: false };
      covers.push(cur);
      continue;
    }
    if (!cur || cur.closed) continue;
    if (ROW_ORDER[hit.row] <= ROW_ORDER[cur.last]) {
      cur.closed = true;
      continue;
    }
    cur.rows[hit.row] = hit;
    cur.last = hit.row;
    if (hit.row === 'typeOfReportingPerson') cur.closed = true;
  }
  return covers.filter((c) => {
    const rows = Object.keys(c.rows).filter((r) => r !== 'side' && r !== 'name');
    const anchored = c.rows.group || c.rows.typeOfReportingPerson || c.rows.aggregateAmount || c.rows.secUse;
    return rows.length >= 3 && Boolean(anchored);
  });
}

type ValuePlacement = 'below' | 'above';

/**
 * The value text of one row: from its caption to the next caption in the document (capped), or, for layouts that
 * print values above captions, from the previous caption to this one.
 */
function segmentOf(hits: CaptionHit[], hit: CaptionHit, textLength: number, placement: ValuePlacement): Span {
  const i = hits.indexOf(hit);
  if (placement === 'above') {
    const prev = hits[i - 1];
    const start = Math.max(prev ? prev.end : 0, hit.start - MAX_SEGMENT);
    return { start, end: Math.max(start, hit.start) };
  }
  const next = hits[i + 1];
  const end = Math.min(next ? next.start : textLength, hit.end + MAX_SEGMENT);
  return { start: hit.end, end: Math.max(hit.end, end) };
}

/** How many of a cover page's telling values a reading found (used to choose between value placements). */
function plausibility(p: PersonDraft): number {
  let n = 0;
  if (p.name) n += 1;
  if (p.citizenship && /[A-Za-z]{2}/.test(p.citizenship)) n += 1;
  if (p.aggregateAmount !== null) n += 1;
  if (p.percentOfClass !== null) n += 1;
  if (p.typeOfReportingPerson.length > 0) n += 2;
  return n;
}
const PLAUSIBLE = 5;

/**
 * A row's own number printed after its caption (`NAME OF REPORTING PERSON` / `1  S.S. OR I.R.S. …`, or beside the
 * value: `EACH   6   0`) is masked when more follows it, so it is never read as the value.
 */
function maskOwnRowNumber(raw: string, n: number | undefined): string {
  if (n === undefined) return raw;
  // Masking the segment is the cost, so first the cheap test that its number is printed in it at all (as "7" or "07";
  // a number with a 1 in it may be printed with an "l" or "I", and is always looked for).
  const digits = String(n);
  if (!digits.includes('1') && !raw.includes(digits)) return raw;
  // Look past the side caption's words and caption tails ("BENEFICIALLY   6", "(See Instructions)  12").
  const probe = mask(raw, [...VALUE_NOISE, SIDE_WORDS, ...ID_CAPTIONS]);
  const m = /^(\s*)[[(]?([0-9lI]{1,2})[\])]?[.)]?(?=[ \t\n])/.exec(probe);
  if (!m || Number(m[2]!.replace(/[lI]/g, '1')) !== n) return raw;
  if (probe.slice(m[0].length).trim() === '') return raw;
  const from = m[1]!.length;
  return raw.slice(0, from) + ' '.repeat(m[0].length - from) + raw.slice(m[0].length);
}

function readCover(
  text: string,
  cover: Cover,
  hits: CaptionHit[],
  kind: ScheduleKind,
  documentSequence: number | null,
  ordinal: number,
  placement: ValuePlacement,
): { person: PersonDraft; region: CoverPageRegion; warnings: ExtractionWarning[] } {
  const person = emptyPerson();
  const warnings: ExtractionWarning[] = [];
  const warn = (code: WarningCode, message: string, span: Span | null): void => {
    warnings.push({ code, message: `cover page ${ordinal}: ${message}`, documentSequence, span });
  };
  const seg = (row: RowKey): { raw: string; start: number; afterColon: boolean } | null => {
    const hit = cover.rows[row];
    if (!hit) return null;
    const span = segmentOf(hits, hit, text.length, placement);
    const afterColon = placement === 'below' && /:\s*$/.test(text.slice(hit.captionStart, hit.end));
    const raw = placement === 'below' ? maskOwnRowNumber(text.slice(span.start, span.end), ROW_NUMBERS[kind][row]) : text.slice(span.start, span.end);
    return { raw, start: span.start, afterColon };
  };
  const setSpan = (field: ReportingPersonField, base: number, start: number | null, end: number | null): void => {
    if (start !== null && end !== null && end > start) person.spans[field] = { start: base + start, end: base + end };
  };
  let end = cover.nameHit.end;
  const extend = (e: number | undefined): void => {
    if (e !== undefined && e > end) end = e;
  };

  // Row 1: name.
  const nameSeg = seg('name');
  if (nameSeg) {
    const name = readName(nameSeg.raw, placement === 'above');
    if (name) {
      person.name = name.value;
      setSpan('name', nameSeg.start, name.start, name.end);
    } else warn('COVER_VALUE_MISSING', 'row 1 (name of reporting person) is blank', { start: cover.nameHit.start, end: cover.nameHit.end });
  }

  // Row 2: member of a group.
  const groupSeg = seg('group');
  if (groupSeg) {
    const group = readGroupBoxes(mask(groupSeg.raw, VALUE_NOISE));
    person.memberOfGroup = group.value;
    setSpan('memberOfGroup', groupSeg.start, group.start, group.end);
  } else warn('COVER_ROW_MISSING', 'no "member of a group" row (2)', null);

  // 13D rows 4 and 5.
  if (kind === '13D') {
    const sourceSeg = seg('source');
    if (sourceSeg) {
      const codes = parseCodes(mask(sourceSeg.raw, VALUE_NOISE), FUND_CODES);
      person.sourceOfFunds = codes.codes.length > 0 ? codes.codes : null;
      setSpan('sourceOfFunds', sourceSeg.start, codes.start, codes.end);
      if (codes.codes.length === 0) {
        const printed = collapse(mask(sourceSeg.raw, VALUE_NOISE).split('\n').find((l) => l.trim() !== '') ?? '');
        if (!printed) warn('COVER_VALUE_MISSING', 'row 4 (source of funds) is blank', { start: sourceSeg.start, end: sourceSeg.start });
      }
    } else warn('COVER_ROW_MISSING', 'no "source of funds" row (4)', null);
    const legalSeg = seg('legal');
    if (legalSeg) {
      const box = parseBox(mask(legalSeg.raw, VALUE_NOISE));
      person.legalProceedings = box.checked;
      setSpan('legalProceedings', legalSeg.start, box.start, box.end);
    } else warn('COVER_ROW_MISSING', 'no "legal proceedings" row (5)', null);
  }

  // Row 6 (13G row 4): citizenship.
  const citSeg = seg('citizenship');
  if (citSeg) {
    const cit = readCitizenship(citSeg.raw);
    if (cit) {
      person.citizenship = cit.value;
      setSpan('citizenship', citSeg.start, cit.start, cit.end);
    } else warn('COVER_VALUE_MISSING', 'citizenship or place of organisation is blank', { start: citSeg.start, end: citSeg.start });
  } else warn('COVER_ROW_MISSING', 'no "citizenship or place of organization" row', null);

  // Share rows.
  for (const field of SHARE_ROWS) {
    const s = seg(field);
    if (!s) {
      warn('COVER_ROW_MISSING', `no ${field} row`, null);
      continue;
    }
    const parsed = readNumber(s.raw, parseShareCount, s.afterColon);
    applyNumber(person, field, parsed, s.start, setSpan);
    if (parsed.value === null && parsed.text === null) warn('COVER_VALUE_MISSING', `${field} is blank`, { start: s.start, end: s.start });
    else if (parsed.value === null) warn('COVER_VALUE_TEXT', `${field} is prose: "${parsed.text}"`, spanOf(s.start, parsed));
  }

  // Row 12 (13G row 10): excludes certain shares. No box printed means not checked.
  const exSeg = seg('excludesCertainShares');
  if (exSeg) {
    const box = parseBox(mask(exSeg.raw, VALUE_NOISE));
    person.excludesCertainShares = box.checked;
    setSpan('excludesCertainShares', exSeg.start, box.start, box.end);
  } else warn('COVER_ROW_MISSING', 'no "excludes certain shares" row', null);

  // Row 13 (13G row 11): percent of class.
  const pctSeg = seg('percentOfClass');
  if (pctSeg) {
    const parsed = readNumber(pctSeg.raw, parsePercent, pctSeg.afterColon);
    person.percentOfClass = parsed.value;
    person.percentOfClassText = parsed.value === null ? parsed.text : null;
    setSpan('percentOfClass', pctSeg.start, parsed.start, parsed.end);
    if (parsed.value === null && parsed.text === null) warn('COVER_VALUE_MISSING', 'percent of class is blank', { start: pctSeg.start, end: pctSeg.start });
    else if (parsed.value === null) warn('COVER_VALUE_TEXT', `percent of class is prose: "${parsed.text}"`, spanOf(pctSeg.start, parsed));
    extend(person.spans.percentOfClass?.end);
  } else warn('COVER_ROW_MISSING', 'no "percent of class" row', null);

  // Row 14 (13G row 12): type of reporting person.
  const typeSeg = seg('typeOfReportingPerson');
  if (typeSeg) {
    const codes = parseCodes(mask(typeSeg.raw, VALUE_NOISE), PERSON_CODES);
    person.typeOfReportingPerson = codes.codes;
    setSpan('typeOfReportingPerson', typeSeg.start, codes.start, codes.end);
    if (codes.codes.length === 0) warn('COVER_VALUE_MISSING', 'type of reporting person has no code', { start: typeSeg.start, end: typeSeg.start });
    extend(cover.rows.typeOfReportingPerson?.end);
  } else warn('COVER_ROW_MISSING', 'no "type of reporting person" row', null);

  for (const span of Object.values(person.spans)) extend(span?.end);
  for (const hit of Object.values(cover.rows)) extend(hit?.end);
  const start = Math.min(cover.nameHit.start, person.spans.name?.start ?? cover.nameHit.start);
  person.spanStart = start;
  person.spanEnd = end;
  return { person, region: { start, end }, warnings };
}

function spanOf(base: number, v: ParsedValue): Span | null {
  return v.start !== null && v.end !== null ? { start: base + v.start, end: base + v.end } : null;
}

function applyNumber(
  person: PersonDraft,
  field: ShareField,
  parsed: ParsedValue,
  base: number,
  setSpan: (f: ReportingPersonField, base: number, s: number | null, e: number | null) => void,
): void {
  const textField = `${field}Text` as const;
  person[field] = parsed.value;
  person[textField] = parsed.value === null ? parsed.text : null;
  setSpan(field, base, parsed.start, parsed.end);
}
