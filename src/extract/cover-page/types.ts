/**
 * Records of the Schedule 13D/13G cover-page extractor: one `Schedule13Record` per filing (the cover header) and one
 * `ReportingPersonRecord` per cover page, in filing order. Field names are the SEC's words (design.md §4).
 *
 * Handles: the shapes shared by the three readers (text, HTML, XML) so they feed one model.
 * Does not handle: storage (store/ maps these to `schedule13` / `reporting_persons` rows) or the schedule's Items.
 *
 * Offsets: every span is `{ start, end }` (end exclusive) into `documentText(submission, doc)` of the document named
 * by `documentSequence` (for an XML schedule that string is the XML source itself).
 */
import type { Span } from '../../parse/types.js';
import type { ExtractionWarning } from '../types.js';

/** Which schedule a filing is. Legacy `SC 13D/A` and XML-era `SCHEDULE 13D/A` are both `13D`. */
export type ScheduleKind = '13D' | '13G';

/** How the schedule document was read. */
export type CoverFormat = 'text' | 'html' | 'xml';

export type RuleBox = '13d-1(b)' | '13d-1(c)' | '13d-1(d)';

export interface Schedule13Record {
  accessionNumber: string | null;
  /** The submission type (`SC 13D/A`, `SCHEDULE 13G`), or for a combined filing the subject company's FORM TYPE. */
  formType: string | null;
  kind: ScheduleKind;
  format: CoverFormat;
  issuerName: string | null;
  /** From the SEC header's SUBJECT COMPANY (10 digits); the schedule's own issuer CIK only when there is no header. */
  issuerCik: string | null;
  classTitle: string | null;
  /** The first CUSIP (normally 9 characters), or null when none is printed. */
  cusip: string | null;
  /** Every distinct CUSIP given, normalised (see values.ts `normalizeCusip`), in order of appearance. */
  cusips: string[];
  /** Date of Event Which Requires Filing, ISO `YYYY-MM-DD`. */
  eventDate: string | null;
  /** Null for an original. */
  amendmentNumber: number | null;
  /** 13G: the checked Rule 13d-1 boxes (`[]` when none is checked or none printed). 13D: null. */
  ruleBoxes: RuleBox[] | null;
  documentSequence: number | null;
  /** The cover header: from the start of the schedule to the end of the last cover page. */
  spanStart: number | null;
  spanEnd: number | null;
  /** Per-value spans where the layout allows. */
  spans: Partial<Record<Schedule13Field, Span>>;
}

export type Schedule13Field = 'issuerName' | 'classTitle' | 'cusips' | 'eventDate' | 'amendmentNumber' | 'ruleBoxes';

/** The numeric rows of a cover page (13D rows 7–11, 13G rows 5–9). */
export type ShareField =
  | 'soleVotingPower'
  | 'sharedVotingPower'
  | 'soleDispositivePower'
  | 'sharedDispositivePower'
  | 'aggregateAmount';

export const SHARE_FIELDS: readonly ShareField[] = [
  'soleVotingPower',
  'sharedVotingPower',
  'soleDispositivePower',
  'sharedDispositivePower',
  'aggregateAmount',
];

export type ReportingPersonField =
  | 'name'
  | 'cik'
  | 'memberOfGroup'
  | 'sourceOfFunds'
  | 'legalProceedings'
  | 'citizenship'
  | ShareField
  | 'excludesCertainShares'
  | 'percentOfClass'
  | 'typeOfReportingPerson';

export interface ReportingPersonRecord {
  /** 1-based position of the cover page in the filing. */
  ordinal: number;
  /** Row 1, without the I.R.S./S.S. number or ID clause. */
  name: string | null;
  /** Only where the cover page gives it (XML `reportingPersonCIK` / `reportingCik`), 10 digits. */
  cik: string | null;
  /** Row 2: which box is checked; null when neither is. */
  memberOfGroup: 'a' | 'b' | null;
  /** 13D row 4 codes in order (`WC`, `OO`, …); null for a 13G, a blank row or prose ("N/A"). */
  sourceOfFunds: string[] | null;
  /** 13D row 5 box; null for a 13G. */
  legalProceedings: boolean | null;
  /** Row 6 (13G row 4) as printed; XML: the EDGAR code (`DE`, `X1`). */
  citizenship: string | null;
  /**
   * Share counts. Integers, except where the filing prints fractional units (`31,797.3`), which stay fractional.
   * Null when the row is blank or prose; the printed prose is then in the matching `…Text` field.
   */
  soleVotingPower: number | null;
  soleVotingPowerText: string | null;
  sharedVotingPower: number | null;
  sharedVotingPowerText: string | null;
  soleDispositivePower: number | null;
  soleDispositivePowerText: string | null;
  sharedDispositivePower: number | null;
  sharedDispositivePowerText: string | null;
  aggregateAmount: number | null;
  aggregateAmountText: string | null;
  /** Row 12 (13G row 10) box; false when no box is printed or the row says "Not applicable". */
  excludesCertainShares: boolean | null;
  /** 49.8 for 49.8%; null for prose ("Less than 1%", "SEE ITEM 5") with the text in `percentOfClassText`. */
  percentOfClass: number | null;
  percentOfClassText: string | null;
  /** Row 14 (13G row 12) codes in order. */
  typeOfReportingPerson: string[];
  documentSequence: number | null;
  /** The whole cover page (row 1 caption to the end of the type row). */
  spanStart: number | null;
  spanEnd: number | null;
  /** Where each value was printed. */
  spans: Partial<Record<ReportingPersonField, Span>>;
}

/** A reporting person as a reader returns it: the record without the filing-level fields index.ts adds. */
export type PersonDraft = Omit<ReportingPersonRecord, 'ordinal' | 'documentSequence'>;

/** The cover header as a reader returns it. */
export interface HeaderDraft {
  issuerName: string | null;
  classTitle: string | null;
  cusips: string[];
  eventDate: string | null;
  amendmentNumber: number | null;
  ruleBoxes: RuleBox[] | null;
  spans: Partial<Record<Schedule13Field, Span>>;
}

/** Where one cover page lies in the text a reader read: `{ start, end }`, end exclusive. */
export interface CoverPageRegion {
  start: number;
  end: number;
}

/** What the text readers (text-reader.ts and its numbered-layout.ts fallback) return. */
export interface TextCoverResult {
  persons: PersonDraft[];
  /** Where each cover page lies, in the same order as `persons`. */
  regions: CoverPageRegion[];
  warnings: ExtractionWarning[];
}

export interface CoverPageResult {
  schedule13: Schedule13Record | null;
  reportingPersons: ReportingPersonRecord[];
  warnings: ExtractionWarning[];
}

/** Every warning code the cover-page extractor emits, with what it means (for the CLI and the docs). */
export const COVER_WARNING_CODES = {
  COVER_NOT_FOUND: 'a 13D/13G filing in which no cover page could be read; the message says why',
  COVER_ROW_MISSING: 'a cover page lacks a row caption (the value is null)',
  COVER_VALUE_MISSING: 'a row (or XML element) is present but blank or absent (the value is null)',
  COVER_VALUE_TEXT: 'a numeric row holds prose ("SEE ITEM 5"): null, with the text in the …Text field',
  COVER_VALUE_UNREADABLE: 'a value could not be normalised (an XML date that is not a date, an unknown type code)',
  COVER_HEADER_VALUE_MISSING: 'issuer name, issuer CIK, class title, CUSIP or event date not found',
  COVER_INCONSISTENT: 'a cover page contradicts itself (a power above the aggregate, a percent outside 0–100)',
  COVER_AMENDMENT_MISMATCH: 'the amendment number on the cover disagrees with the form type',
  CUSIP_CHECK_DIGIT: 'a 9-character CUSIP whose check digit is wrong (kept as printed)',
  CUSIP_LENGTH: 'a CUSIP that is not 9 characters (kept as printed)',
  COVER_KIND_MISMATCH: 'the form type says 13D but the XML holds 13G cover pages, or the reverse',
  XML_REPAIRED: 'malformed XML (an end tag missing ">", an unclosed element) was repaired to read it',
  COVER_NUMBERED_LAYOUT: 'cover pages labelled only by row number ("Item 5: 0") were read by number',
  COVER_VALUES_ABOVE_CAPTIONS: 'a cover page prints each value above its caption and was read that way',
  COVER_TWO_COLUMN_LAYOUT: 'typed two-column cover pages whose captions and values wrap were read column by column',
  COVER_COMBINED_PERSONS: 'one cover page enumerates several persons; names read, values not split per person',
  COVER_EXTRACTOR_FAILED: 'a defect in the extractor (never bad input); the filing yields no cover-page rows',
} as const;

export type CoverWarningCode = keyof typeof COVER_WARNING_CODES;
