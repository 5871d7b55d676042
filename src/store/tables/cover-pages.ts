/**
 * Schedule 13D/13G cover pages (extract/cover-page): one `schedule13` row per filing (the cover header) and one
 * `reporting_persons` row per cover page. Shares INTEGER (a fractional unit count, rare, stays fractional), percent
 * REAL (49.8 = 49.8%), dates ISO. A row printed as prose ("SEE ITEM 5") is NULL with the words in its `_text` column.
 * Spans are character offsets into the schedule document's decoded text (`documentText`), end exclusive.
 */
import { COVER_FORMATS, GROUP_BOXES, SCHEDULE_KINDS } from '../../extract/vocabulary.js';
import type { ColumnModel, TableModel } from '../model.js';
import { isoDateCheck, FILING_FOREIGN_KEY, booleanCheck, inCheck, oneOf } from './common.js';
import { provenanceColumns, valueSpansColumn } from './provenance.js';

const SHARES = (name: string, caption: string, example: string): ColumnModel[] => [
  // INTEGER affinity stores whole counts as integers and keeps the rare fractional unit count (31,797.3) as a real.
  { name, type: 'INTEGER', check: `${name} IS NULL OR ${name} >= 0`, doc: `${caption}, in shares (whole numbers except where the filing prints fractional units); NULL when blank or prose`, example },
  { name: `${name}_text`, type: 'TEXT', doc: `what row "${caption}" printed when it is not a number ("SEE ITEM 5")` },
];
const SPAN: ColumnModel[] = [
  ...provenanceColumns({ document: 'the schedule document', covers: 'the cover page', constraint: 'unchecked', example: '1' }),
  valueSpansColumn('each value as printed, where the layout allows'),
];

export const schedule13Table: TableModel = {
  name: 'schedule13',
  doc: 'Schedule 13D or 13G filing (its cover header); legacy `SC 13D…` and XML-era `SCHEDULE 13D…` alike',
  perFiling: true,
  primaryKey: ['accession_number'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the filing', example: '0001125282-03-003998' },
    { name: 'form_type', type: 'TEXT', doc: 'submission type, or for a combined filing (SC TO-T/A) the subject company\'s FORM TYPE', example: 'SC 13D/A' },
    { name: 'kind', type: 'TEXT', notNull: true, check: inCheck('kind', SCHEDULE_KINDS), doc: oneOf(SCHEDULE_KINDS), example: '13D' },
    { name: 'format', type: 'TEXT', notNull: true, check: inCheck('format', COVER_FORMATS), doc: `how the schedule document was written and read: ${oneOf(COVER_FORMATS)}`, example: 'text' },
    { name: 'issuer_name', type: 'TEXT', doc: 'Name of Issuer as printed on the cover', example: 'HUDSON TECHNOLOGIES, INC.' },
    { name: 'issuer_name_key', type: 'TEXT', doc: 'issuer_name as a matching key (upper case, punctuation removed, spaces collapsed)', example: 'HUDSON TECHNOLOGIES INC' },
    { name: 'issuer_cik', type: 'TEXT', doc: 'issuer CIK (the header\'s SUBJECT COMPANY), 10 digits', example: '0000925528' },
    { name: 'class_title', type: 'TEXT', doc: 'Title of Class of Securities', example: 'Common Stock, par value $.01 per share' },
    { name: 'cusip', type: 'TEXT', doc: 'the first CUSIP, normalised to 9 characters (check digit computed when 8 are printed)', example: '444144109' },
    { name: 'cusips', type: 'TEXT', doc: 'every CUSIP given, comma-separated' },
    { name: 'event_date', type: 'TEXT', check: isoDateCheck('event_date'), doc: 'Date of Event Which Requires Filing, ISO', example: '2001-02-16' },
    { name: 'amendment_number', type: 'INTEGER', check: 'amendment_number IS NULL OR amendment_number >= 0', doc: 'Amendment No.; NULL for an original', example: '2' },
    { name: 'previous_accession_number', type: 'TEXT', doc: 'XML era: the accession number this amendment declares it amends (`previousAccessionNumber`); see amendment_chains for every filing' },
    { name: 'rule_boxes', type: 'TEXT', doc: '13G: checked rule boxes, comma-separated (13d-1(b), 13d-1(c), 13d-1(d)); NULL for 13D or none checked' },
    ...SPAN,
  ],
  indexes: [
    { name: 'schedule13_issuer_cik', columns: ['issuer_cik'] },
    { name: 'schedule13_cusip', columns: ['cusip'] },
    { name: 'schedule13_issuer_name', columns: ['issuer_name'] },
  ],
};

export const reportingPersonsTable: TableModel = {
  name: 'reporting_persons',
  doc: 'cover page: one reporting person\'s rows 1–14 (13G rows 1–12), in filing order',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the filing' },
    { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position of the cover page, from 1', example: '1' },
    { name: 'name', type: 'TEXT', doc: 'NAMES OF REPORTING PERSONS (row 1), without the I.R.S. number clause', example: 'FLEMING US DISCOVERY FUND III, L.P.' },
    { name: 'name_key', type: 'TEXT', doc: 'name as a matching key (upper case, punctuation removed, `&` → AND, spaces collapsed): joins the same person across filings', example: 'FLEMING US DISCOVERY FUND III LP' },
    { name: 'cik', type: 'TEXT', doc: 'reporting person CIK where the cover gives it (XML era), 10 digits' },
    { name: 'member_of_group', type: 'TEXT', check: inCheck('member_of_group', GROUP_BOXES, { nullable: true }), doc: 'row 2: which box is checked, a or b; NULL when neither', example: 'a' },
    { name: 'source_of_funds', type: 'TEXT', doc: '13D row 4 codes, comma-separated (SC, BK, AF, WC, PF, OO)', example: 'WC' },
    { name: 'legal_proceedings', type: 'INTEGER', check: booleanCheck('legal_proceedings'), doc: '13D row 5 box checked (1) or not (0); NULL for 13G' },
    { name: 'citizenship', type: 'TEXT', doc: 'CITIZENSHIP OR PLACE OF ORGANIZATION as printed (XML: EDGAR code)', example: 'DELAWARE' },
    ...SHARES('sole_voting_power', 'SOLE VOTING POWER', '4413110'),
    ...SHARES('shared_voting_power', 'SHARED VOTING POWER', '0'),
    ...SHARES('sole_dispositive_power', 'SOLE DISPOSITIVE POWER', '4413110'),
    ...SHARES('shared_dispositive_power', 'SHARED DISPOSITIVE POWER', '0'),
    ...SHARES('aggregate_amount', 'AGGREGATE AMOUNT BENEFICIALLY OWNED', '3466118'),
    { name: 'excludes_certain_shares', type: 'INTEGER', check: booleanCheck('excludes_certain_shares'), doc: 'row 12 (13G row 10) box checked' },
    { name: 'percent_of_class', type: 'REAL', check: 'percent_of_class IS NULL OR percent_of_class >= 0', doc: 'PERCENT OF CLASS, in percent (49.8 = 49.8%)', example: '5.0' },
    { name: 'percent_of_class_text', type: 'TEXT', doc: 'what the percent row printed when it is not a number ("SEE ITEM 5", "Less than 1%")', example: 'SEE ITEM 5' },
    { name: 'type_of_reporting_person', type: 'TEXT', doc: 'TYPE OF REPORTING PERSON codes, comma-separated (PN, CO, IN, IA, …)', example: 'PN' },
    ...SPAN,
  ],
  indexes: [
    { name: 'reporting_persons_name', columns: ['name'] },
    { name: 'reporting_persons_name_key', columns: ['name_key'] },
    { name: 'reporting_persons_cik', columns: ['cik'] },
  ],
};

export const coverPageTables: TableModel[] = [schedule13Table, reportingPersonsTable];
