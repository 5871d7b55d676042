/**
 * The parse stage's output: a Submission tree with typed header and document envelopes. Every node carries a span
 * `{ start, end }` (end exclusive) into the submission's source bytes; bodies are not decoded here (see body.ts).
 */
import type { WarningCode } from '../errors/codes.js';

export interface Span {
  start: number;
  end: number;
}

/** Which container shape the input had (docs/design.md §2). */
export type SourceFormat =
  | 'full-submission'
  | 'ims-submission'
  | 'pds-submission'
  | 'header-only'
  | 'index-headers-html'
  | 'documents-only'
  | 'flattened-submission'
  | 'flattened-document'
  | 'bare-document';

/** A generic header node as the grammar builds it (kept in the tree so unknown keys are never lost). */
export type HeaderNode = HeaderFieldNode | HeaderSectionNode | HeaderStrayNode;

export interface HeaderFieldNode {
  kind: 'field';
  /** Tab-form key (`COMPANY CONFORMED NAME`), tag names already mapped (see header-keys.ts). */
  key: string;
  /** Key exactly as filed (`CONFORMED-NAME` in tag form). */
  rawKey: string;
  value: string;
  form: 'tab' | 'tag' | 'flat';
  span: Span;
  valueSpan: Span;
}

export interface HeaderSectionNode {
  kind: 'section';
  key: string;
  rawKey: string;
  form: 'tab' | 'tag' | 'flat';
  children: HeaderNode[];
  closed: boolean;
  span: Span;
}

export interface HeaderStrayNode {
  kind: 'stray';
  text: string;
  span: Span;
}

export interface Address {
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  phone: string | null;
}

export interface CompanyData {
  conformedName: string | null;
  cik: string | null;
  /** SIC code (`2911`), from `PETROLEUM REFINING [2911]` or the tag form's bare code. */
  sic: string | null;
  sicDescription: string | null;
  organizationName: string | null;
  irsNumber: string | null;
  stateOfIncorporation: string | null;
  /** `MMDD`, as filed. */
  fiscalYearEnd: string | null;
}

export interface FilingValues {
  formType: string | null;
  secAct: string | null;
  fileNumber: string | null;
  filmNumber: string | null;
}

export interface FormerName {
  formerConformedName: string | null;
  /** ISO date. */
  dateChanged: string | null;
}

/** One entity block of the header (FILER, SUBJECT COMPANY, FILED BY, REPORTING-OWNER, ISSUER, or any other). */
export interface HeaderEntity {
  /** `filer`, `subject_company`, `filed_by`, `reporting_owner`, `issuer`, or the block name in snake_case. */
  role: string;
  /** The block's name as filed (`SUBJECT COMPANY`, `SUBJECT-COMPANY`). */
  blockName: string;
  /** Position among the header's entity blocks, 0-based, in filing order. */
  ordinal: number;
  companyData: CompanyData;
  filingValues: FilingValues | null;
  businessAddress: Address | null;
  mailAddress: Address | null;
  /** Newest first, as filed. */
  formerNames: FormerName[];
  /** Fields of the block that the typed properties above do not cover (key → values), so nothing is lost. */
  otherFields: Record<string, string[]>;
  span: Span;
}

export interface SubmissionHeader {
  accessionNumber: string | null;
  /** CONFORMED SUBMISSION TYPE. */
  formType: string | null;
  publicDocumentCount: number | null;
  /** CONFORMED PERIOD OF REPORT, ISO date. */
  period: string | null;
  /** FILED AS OF DATE, ISO date. */
  filedAt: string | null;
  dateAsOfChange: string | null;
  effectivenessDate: string | null;
  /** `<ACCEPTANCE-DATETIME>` as an ISO local (Eastern) date-time `YYYY-MM-DDTHH:MM:SS`. */
  acceptanceDatetime: string | null;
  items: string[];
  groupMembers: string[];
  sros: string[];
  /** Valueless markers: CONFIRMING COPY, PAPER, PRIVATE-TO-PUBLIC, DELETION, CORRECTION, … */
  flags: string[];
  entities: HeaderEntity[];
  /** Top-level fields the typed properties do not cover (key → values). */
  otherFields: Record<string, string[]>;
  /** The generic tree, for anything a user needs beyond the typed view. */
  nodes: HeaderNode[];
  /** `tab`, `tag`, `flat`, or `mixed` (tab form with tag lines). */
  dialect: 'tab' | 'tag' | 'flat' | 'mixed';
  span: Span;
}

export type BodyFormat = 'text' | 'html' | 'xml' | 'xbrl' | 'pdf' | 'uuencoded' | 'empty';

/** One `<DOCUMENT>`: its envelope fields and where its body lies. */
export interface DocumentEnvelope {
  /** TYPE as filed (`SC 13D/A`, `EX-10`, `EX-99.1`, `GRAPHIC`); null only for a bare document with no clue. */
  type: string | null;
  sequence: number | null;
  filename: string | null;
  description: string | null;
  /** Other envelope tags (key → value). */
  otherFields: Record<string, string>;
  /** The whole `<DOCUMENT>` block. */
  span: Span;
  /** The content of `<TEXT>` (empty span when a document has no TEXT). */
  bodySpan: Span;
  bodyFormat: BodyFormat;
  /** Byte length of the body. */
  bytes: number;
}

export interface ParseWarning {
  /** Registered in src/errors/codes.ts. */
  code: WarningCode;
  message: string;
  /** Offset into the source, with the 1-based line and column it falls on. */
  offset: number;
  line: number;
  column: number;
  documentSequence: number | null;
}

export interface Submission {
  /** A name for the source (file path, or `<accession>` when fetched) used in messages. */
  sourceName: string;
  /** The bytes parsed; spans index into these. */
  bytes: Uint8Array;
  format: SourceFormat;
  /** Stamp dates of the `<SEC-DOCUMENT>`/`<SEC-HEADER>` lines (file build dates, not filing dates), ISO. */
  stamps: { document: string | null; header: string | null };
  pemWrapped: boolean;
  header: SubmissionHeader | null;
  documents: DocumentEnvelope[];
  warnings: ParseWarning[];
  /** The accession number from the header, else from the source name, else null. */
  accessionNumber: string | null;
}
