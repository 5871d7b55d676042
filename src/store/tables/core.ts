/**
 * Tables of the parse stage: one row per submission, per header entity block, per former name, per group member,
 * per document, and per warning (from any stage). Every child table is keyed by `accession_number` and an ordinal.
 */
import type { TableModel } from '../model.js';
import { documentClassColumns } from './exhibits.js';
import { isoDateCheck, FILING_FOREIGN_KEY } from './common.js';


export const filingsTable: TableModel = {
  name: 'filings',
  doc: 'submission (one EDGAR accession number)',
  perFiling: true,
  primaryKey: ['accession_number'],
  columns: [
    { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'EDGAR accession number, `##########-##-######`, from the SEC header; `local-…` (a content hash) for an input without a header', example: '0001125282-03-003998' },
    { name: 'form_type', type: 'TEXT', doc: 'CONFORMED SUBMISSION TYPE as filed', example: 'SC 13D/A' },
    { name: 'filed_at', type: 'TEXT', check: isoDateCheck('filed_at'), doc: 'FILED AS OF DATE, ISO `YYYY-MM-DD`', example: '2003-06-25' },
    { name: 'period', type: 'TEXT', check: isoDateCheck('period'), doc: 'CONFORMED PERIOD OF REPORT, ISO date', example: '2003-03-31' },
    { name: 'date_as_of_change', type: 'TEXT', check: isoDateCheck('date_as_of_change'), doc: 'DATE AS OF CHANGE, ISO date' },
    { name: 'effectiveness_date', type: 'TEXT', check: isoDateCheck('effectiveness_date'), doc: 'EFFECTIVENESS DATE, ISO date' },
    { name: 'acceptance_datetime', type: 'TEXT', doc: 'ACCEPTANCE-DATETIME, ISO local Eastern time `YYYY-MM-DDTHH:MM:SS`', example: '2003-06-25T16:05:02' },
    { name: 'public_document_count', type: 'INTEGER', doc: 'PUBLIC DOCUMENT COUNT as declared in the header', example: '6' },
    { name: 'document_count', type: 'INTEGER', notNull: true, check: 'document_count >= 0', doc: 'documents actually found (a mismatch is also a warning)', example: '6' },
    { name: 'items', type: 'TEXT', doc: 'ITEM INFORMATION entries, comma-separated (8-K items)' },
    { name: 'flags', type: 'TEXT', doc: 'valueless header flags, comma-separated (CONFIRMING COPY, PAPER, PRIVATE-TO-PUBLIC, …)' },
    { name: 'source_format', type: 'TEXT', notNull: true, doc: 'input shape: full-submission, ims-submission, pds-submission, header-only, index-headers-html, documents-only, flattened-submission, flattened-document, bare-document', example: 'flattened-submission' },
    { name: 'pem_wrapped', type: 'INTEGER', notNull: true, check: 'pem_wrapped IN (0, 1)', doc: '1 when the file had the 1990s PRIVACY-ENHANCED MESSAGE wrapper' },
    { name: 'header_dialect', type: 'TEXT', doc: 'tab, tag, flat or mixed' },
    { name: 'source_name', type: 'TEXT', doc: 'the path or accession the input was read from' },
    { name: 'named_accession_number', type: 'TEXT', doc: 'for an input without an SEC header (a single document cut from a submission): the accession number its file name gives; the row is then keyed `local-…` so it never replaces the whole filing', example: '0001125282-03-003998' },
    { name: 'source_bytes', type: 'INTEGER', notNull: true, doc: 'size of the input in bytes' },
    { name: 'source_sha256', type: 'TEXT', notNull: true, doc: 'SHA-256 of the input bytes (hex): re-running on identical input changes nothing' },
    { name: 'pipeline_version', type: 'TEXT', notNull: true, doc: 'version of edgar-extract\'s parse and extract output that produced the rows (src/version.ts)', example: '0.1.0' },
    { name: 'stored_at', type: 'TEXT', notNull: true, doc: 'when these rows were written (UTC ISO time); a re-run over the same bytes with the same pipeline version writes nothing' },
  ],
  indexes: [
    { name: 'filings_form_type', columns: ['form_type'] },
    { name: 'filings_filed_at', columns: ['filed_at'] },
  ],
};

export const filingEntitiesTable: TableModel = {
  name: 'filing_entities',
  doc: 'entity block of the SEC header (FILER, SUBJECT COMPANY, FILED BY, REPORTING-OWNER, ISSUER, …), in filing order',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the filing' },
    { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position among the header\'s entity blocks, from 1' },
    { name: 'role', type: 'TEXT', notNull: true, doc: 'filer, subject_company, filed_by, reporting_owner, issuer, or the block name in snake_case', example: 'subject_company' },
    { name: 'block_name', type: 'TEXT', notNull: true, doc: 'the block name as filed', example: 'SUBJECT COMPANY' },
    { name: 'cik', type: 'TEXT', check: "cik IS NULL OR length(cik) = 10", doc: 'CENTRAL INDEX KEY, 10 digits zero-padded', example: '0000925528' },
    { name: 'name', type: 'TEXT', doc: 'COMPANY CONFORMED NAME', example: 'HUDSON TECHNOLOGIES INC /NY' },
    { name: 'irs_number', type: 'TEXT', doc: 'IRS NUMBER (or EIN)' },
    { name: 'state_of_incorporation', type: 'TEXT', doc: 'STATE OF INCORPORATION, two letters' },
    { name: 'fiscal_year_end', type: 'TEXT', doc: 'FISCAL YEAR END, `MMDD`' },
    { name: 'sic', type: 'TEXT', doc: 'STANDARD INDUSTRIAL CLASSIFICATION code', example: '5080' },
    { name: 'sic_description', type: 'TEXT', doc: 'SIC description where the tab-form header gives it' },
    { name: 'organization_name', type: 'TEXT', doc: 'ORGANIZATION NAME (SEC office)' },
    { name: 'form_type', type: 'TEXT', doc: 'FILING VALUES / FORM TYPE for this entity (can differ per subject in combined filings)' },
    { name: 'sec_act', type: 'TEXT', doc: 'FILING VALUES / SEC ACT' },
    { name: 'file_number', type: 'TEXT', doc: 'FILING VALUES / SEC FILE NUMBER', example: '005-48038' },
    { name: 'film_number', type: 'TEXT', doc: 'FILING VALUES / FILM NUMBER' },
    { name: 'business_street1', type: 'TEXT', doc: 'BUSINESS ADDRESS / STREET 1' },
    { name: 'business_street2', type: 'TEXT', doc: 'BUSINESS ADDRESS / STREET 2' },
    { name: 'business_city', type: 'TEXT', doc: 'BUSINESS ADDRESS / CITY' },
    { name: 'business_state', type: 'TEXT', doc: 'BUSINESS ADDRESS / STATE' },
    { name: 'business_zip', type: 'TEXT', doc: 'BUSINESS ADDRESS / ZIP' },
    { name: 'business_phone', type: 'TEXT', doc: 'BUSINESS ADDRESS / BUSINESS PHONE' },
    { name: 'mail_street1', type: 'TEXT', doc: 'MAIL ADDRESS / STREET 1' },
    { name: 'mail_street2', type: 'TEXT', doc: 'MAIL ADDRESS / STREET 2' },
    { name: 'mail_city', type: 'TEXT', doc: 'MAIL ADDRESS / CITY' },
    { name: 'mail_state', type: 'TEXT', doc: 'MAIL ADDRESS / STATE' },
    { name: 'mail_zip', type: 'TEXT', doc: 'MAIL ADDRESS / ZIP' },
  ],
  indexes: [
    { name: 'filing_entities_cik', columns: ['cik'] },
    { name: 'filing_entities_role', columns: ['role', 'accession_number'] },
  ],
};

export const formerNamesTable: TableModel = {
  name: 'former_names',
  doc: 'FORMER COMPANY entry of a header entity (newest first, as filed)',
  perFiling: true,
  primaryKey: ['accession_number', 'entity_ordinal', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the filing' },
    { name: 'entity_ordinal', type: 'INTEGER', notNull: true, check: 'entity_ordinal >= 1', doc: 'filing_entities.ordinal of the entity' },
    { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position in the entity\'s list, from 1' },
    { name: 'former_conformed_name', type: 'TEXT', doc: 'FORMER CONFORMED NAME', example: 'REFRIGERANT RECLAMATION INDUSTRIES INC' },
    { name: 'date_changed', type: 'TEXT', check: isoDateCheck('date_changed'), doc: 'DATE OF NAME CHANGE, ISO date', example: '1994-06-17' },
  ],
};

export const groupMembersTable: TableModel = {
  name: 'group_members',
  doc: 'GROUP MEMBERS entry of the header (13D/13G, tender offers): names only, no CIK',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the filing' },
    { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position, from 1' },
    { name: 'name', type: 'TEXT', notNull: true, doc: 'member name as filed', example: 'FLEMING US DISCOVERY OFFSHORE FUND III, L.P.' },
  ],
};

export const documentsTable: TableModel = {
  name: 'documents',
  doc: '`<DOCUMENT>` of a submission (the primary form and each exhibit, graphic, XBRL part, …)',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the filing' },
    { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position in the file, from 1' },
    { name: 'sequence', type: 'INTEGER', doc: 'SEQUENCE as filed (1-based; may skip numbers)', example: '6' },
    { name: 'type', type: 'TEXT', doc: 'TYPE as filed', example: 'EX-12' },
    { name: 'filename', type: 'TEXT', doc: 'FILENAME (absent in the oldest filings)', example: 'b325596_ex12.txt' },
    { name: 'description', type: 'TEXT', doc: 'DESCRIPTION', example: 'CONVERTIBLE NOTE' },
    { name: 'format', type: 'TEXT', notNull: true, doc: 'body format: text, html, xml, xbrl, pdf, uuencoded, empty' },
    { name: 'bytes', type: 'INTEGER', notNull: true, check: 'bytes >= 0', doc: 'body size in bytes' },
    { name: 'span_start', type: 'INTEGER', notNull: true, doc: 'byte offset where the body starts in the source file' },
    { name: 'span_end', type: 'INTEGER', notNull: true, doc: 'byte offset just after the body' },
    ...documentClassColumns,
  ],
  indexes: [
    { name: 'documents_type', columns: ['type'] },
    { name: 'documents_class', columns: ['document_class'] },
  ],
};

export const warningsTable: TableModel = {
  name: 'warnings',
  doc: 'problem found while parsing or extracting a filing (the value concerned is NULL, never guessed)',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the filing' },
    { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position, from 1' },
    { name: 'stage', type: 'TEXT', notNull: true, check: "stage IN ('parse', 'extract')", doc: 'parse or extract' },
    { name: 'code', type: 'TEXT', notNull: true, doc: 'stable warning code, one of the warning codes listed below (src/errors/codes.ts)', example: 'DOCUMENT_COUNT_MISMATCH' },
    { name: 'message', type: 'TEXT', notNull: true, doc: 'what happened, in words' },
    { name: 'document_sequence', type: 'INTEGER', doc: 'the document concerned, when there is one' },
    { name: 'source_offset', type: 'INTEGER', doc: 'parse warnings: byte offset in the source file' },
    { name: 'source_line', type: 'INTEGER', doc: 'parse warnings: 1-based line in the source file' },
    { name: 'source_column', type: 'INTEGER', doc: 'parse warnings: 1-based column in the source file' },
    { name: 'span_start', type: 'INTEGER', doc: 'extract warnings: character offset in the document\'s decoded text' },
    { name: 'span_end', type: 'INTEGER', doc: 'extract warnings: end of that span (exclusive)' },
  ],
  indexes: [{ name: 'warnings_code', columns: ['code'] }],
};

export const coreTables: TableModel[] = [filingsTable, filingEntitiesTable, formerNamesTable, groupMembersTable, documentsTable, warningsTable];
