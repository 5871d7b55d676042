/**
 * Schedule 13D/13G cover pages: `extractCoverPages(submission)` → the `schedule13` record, one reporting-person record
 * per cover page (in filing order), and warnings.
 *
 * Pipeline: find-schedule.ts picks the schedule document and its kind; the XML reader (XML era) or the text reader
 * (plain text, flattened, and rendered HTML via html-reader.ts) reads it; the issuer CIK comes from the SEC header's
 * subject company; consistency.ts adds warnings for self-contradicting pages.
 *
 * Contract: never throws. A non-13D/13G submission gives `schedule13: null` and no warnings. A 13D/13G filing always
 * gives a record (values it cannot find are null, each with a warning) and, when no cover page is found, a
 * `COVER_NOT_FOUND` warning that says why. Does not handle: the Items of the schedule or its exhibits.
 */
import type { Submission } from '../../parse/types.js';
import type { ExtractionWarning } from '../types.js';
import { checkCoverPage, checkSchedule } from './consistency.js';
import { findSchedule, scheduleKindOf } from './find-schedule.js';
import { readRenderedCoverPages } from './html-reader.js';
import { documentSource } from '../../parse/body.js';
import type {
  CoverFormat,
  CoverPageResult,
  HeaderDraft,
  PersonDraft,
  ReportingPersonRecord,
  Schedule13Record,
  ScheduleKind,
} from './types.js';
import { readXmlCoverPages } from './xml-reader.js';
import { pushAll } from '../../arrays.js';

export type * from './types.js';
export { findSchedule, scheduleKindOf } from './find-schedule.js';

/** Extract the cover header and every cover page of a Schedule 13D/13G submission. */
export function extractCoverPages(submission: Submission): CoverPageResult {
  try {
    return extract(submission);
  } catch (error) {
    // A defect, not bad input: report it as a warning so one odd filing never stops a batch.
    const message = error instanceof Error ? error.message : String(error);
    return {
      schedule13: null,
      reportingPersons: [],
      warnings: [{ code: 'COVER_EXTRACTOR_FAILED', message: `cover-page extractor failed: ${message}`, documentSequence: null, span: null }],
    };
  }
}

function issuerCikFromHeader(submission: Submission): string | null {
  const subjects = submission.header?.entities.filter((e) => e.role === 'subject_company') ?? [];
  // A combined filing (SC TO-T/A also filed as SC 13D/A) can name two subject companies: take the one filed as 13D/G.
  const subject = subjects.find((e) => scheduleKindOf(e.filingValues?.formType)) ?? subjects[0];
  return subject?.companyData.cik ?? null;
}

function emptyRecord(submission: Submission, formType: string, kind: ScheduleKind, format: CoverFormat, documentSequence: number | null): Schedule13Record {
  return {
    accessionNumber: submission.accessionNumber,
    formType,
    kind,
    format,
    issuerName: null,
    issuerCik: issuerCikFromHeader(submission),
    classTitle: null,
    cusip: null,
    cusips: [],
    eventDate: null,
    amendmentNumber: null,
    ruleBoxes: kind === '13G' ? [] : null,
    documentSequence,
    spanStart: null,
    spanEnd: null,
    spans: {},
  };
}

function extract(submission: Submission): CoverPageResult {
  const found = findSchedule(submission);
  if (found.status === 'not-schedule') return { schedule13: null, reportingPersons: [], warnings: [] };
  const warnings: ExtractionWarning[] = [];
  if (found.status === 'missing') {
    const schedule13 = emptyRecord(submission, found.formType, found.kind, 'text', null);
    warnings.push({ code: 'COVER_NOT_FOUND', message: `no cover page: ${found.reason}`, documentSequence: null, span: null });
    return { schedule13, reportingPersons: [], warnings };
  }

  const { doc, kind, formType, format } = found;
  const seq = doc.sequence;
  const schedule13 = emptyRecord(submission, formType, kind, format, seq);
  let header: HeaderDraft;
  let persons: PersonDraft[];
  let region: { start: number; end: number } | null;
  let why: string;

  if (format === 'xml') {
    const xml = readXmlCoverPages(documentSource(submission, doc), kind, seq);
    header = xml.header;
    persons = xml.persons;
    pushAll(warnings, xml.warnings);
    region = xml.region;
    if (!schedule13.issuerCik && xml.header.issuerCik) schedule13.issuerCik = xml.header.issuerCik;
    if (xml.kind && xml.kind !== kind) {
      warnings.push({ code: 'COVER_KIND_MISMATCH', message: `filed as ${formType} but the XML holds ${xml.kind} cover pages`, documentSequence: seq, span: null });
    }
    why = 'the XML has no reportingPersonInfo / coverPageHeaderReportingPersonDetails elements';
  } else {
    const read = readRenderedCoverPages(submission, doc, kind);
    header = read.header;
    persons = read.persons;
    pushAll(warnings, read.warnings);
    const first = read.regions[0];
    const last = read.regions[read.regions.length - 1];
    region = first && last ? { start: 0, end: last.end } : null;
    why = explainNoCover(read.text, kind);
  }

  schedule13.issuerName = header.issuerName;
  schedule13.classTitle = header.classTitle;
  schedule13.cusips = header.cusips;
  // The CUSIP: the first nine-character one (a 10-character typo or 6-character issuer number only when alone).
  schedule13.cusip = header.cusips.find((c) => c.length === 9) ?? header.cusips[0] ?? null;
  schedule13.eventDate = header.eventDate;
  schedule13.amendmentNumber = header.amendmentNumber;
  schedule13.ruleBoxes = kind === '13G' ? (header.ruleBoxes ?? []) : null;
  schedule13.spans = header.spans;
  if (region) {
    schedule13.spanStart = region.start;
    schedule13.spanEnd = region.end;
  }

  const missing = (field: string, what: string): void => {
    warnings.push({ code: 'COVER_HEADER_VALUE_MISSING', message: `${what} not found on the cover (${field} is null)`, documentSequence: seq, span: null });
  };
  if (!schedule13.issuerName) missing('issuerName', 'name of issuer');
  if (!schedule13.issuerCik) missing('issuerCik', 'issuer CIK (no SUBJECT COMPANY in the SEC header)');
  if (!schedule13.classTitle) missing('classTitle', 'title of class of securities');
  if (schedule13.cusips.length === 0) missing('cusip', 'CUSIP number');
  if (!schedule13.eventDate) missing('eventDate', 'date of event which requires filing');

  const reportingPersons: ReportingPersonRecord[] = persons.map((p, i) => ({ ordinal: i + 1, ...p, documentSequence: seq }));
  if (reportingPersons.length === 0) {
    warnings.push({ code: 'COVER_NOT_FOUND', message: `no cover page found in document ${seq ?? '?'} (${doc.type ?? 'untyped'}, ${format}): ${why}`, documentSequence: seq, span: null });
  }
  for (const p of reportingPersons) pushAll(warnings, checkCoverPage(p));
  pushAll(warnings, checkSchedule(schedule13));
  return { schedule13, reportingPersons, warnings };
}

/** Why a text schedule yielded no cover page, in words a user can act on. */
function explainNoCover(text: string, kind: ScheduleKind): string {
  if (text.trim() === '') return 'the document is empty';
  const hasName = /NAMES?\s+OF\s+(?:THE\s+)?REPORTING\s+PERSONS?/i.test(text);
  const hasRows = /SOLE\s+VOTING|SOLE\s+DISPOSITIVE|AGGREGATE\s+AMOUNT\s+BENEFICIALLY/i.test(text);
  if (!hasName && !hasRows) {
    return `the ${kind} has no reporting-person rows (no "Name of Reporting Person" or "Sole Voting Power" caption); amendments that restate only Items often omit the cover pages`;
  }
  if (!hasName) return 'power rows are printed but no "Name of Reporting Person" row opens a cover page';
  return 'a "Name of Reporting Person" caption is printed but is not followed by the cover-page rows in order';
}
