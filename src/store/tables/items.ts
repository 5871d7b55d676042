/**
 * Tables of the items extractor (extract/items/): the schedule's items (with full-text search), the records read
 * from their prose — holdings, notes, options and warrants, transactions, the Item 5 basis — and the cross-checks.
 * Every extracted row names its source: `item_number`, `document_sequence`, `span_start`/`span_end` (offsets into
 * that document's decoded text, end exclusive) and the `sentence` it was read from.
 *
 * Does not handle: the cover pages (reporting_persons) or exhibits' waivers.
 */
import { CHECK_STATUSES, HOLDING_ROLES, OPTION_KINDS, OPTION_STATUSES, SECURITY_KINDS, TRANSACTION_ACTIONS } from '../../extract/vocabulary.js';
import { externalContentFtsSql } from '../fts.js';
import { itemsFtsModel } from '../item-text.js';
import type { ColumnModel, TableModel } from '../model.js';
import { isoDateCheck, FILING_FOREIGN_KEY, inCheck, oneOf } from './common.js';
import { evidenceSpansColumn, provenanceColumns, sentenceColumn } from './provenance.js';


const key: ColumnModel[] = [
  { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the filing' },
  { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position among this table\'s rows of the filing, from 1, in reading order' },
];

/** Where a row came from (every table read from prose). */
const source: ColumnModel[] = [
  { name: 'item_number', type: 'INTEGER', notNull: true, check: 'item_number BETWEEN 1 AND 10', doc: 'the item the sentence is in', example: '5' },
  ...provenanceColumns({ document: 'the schedule document', covers: 'the sentence', constraint: 'required', example: '1' }),
  sentenceColumn,
];

const holder: ColumnModel[] = [
  { name: 'holder', type: 'TEXT', notNull: true, doc: 'full legal name of the holder, defined terms resolved ("US Fund" → the name it stands for); a group term ("Reporting Persons") when the prose states a position for several persons together', example: 'Fleming US Discovery Fund III, L.P.' },
  { name: 'holder_key', type: 'TEXT', doc: 'the holder\'s name as a matching key (upper case, punctuation removed, spaces collapsed)', example: 'FLEMING US DISCOVERY FUND III LP' },
  { name: 'reporting_person_ordinal', type: 'INTEGER', doc: 'reporting_persons.ordinal of the holder when it is a reporting person (join key to the cover page)', example: '1' },
];

export const itemsTable: TableModel = {
  name: 'items',
  doc: 'item of a Schedule 13D (Items 1–7) or 13G (Items 1–10), as printed; searchable through `items_fts`',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ...key,
    { name: 'item_number', type: 'INTEGER', notNull: true, check: 'item_number BETWEEN 1 AND 10', doc: 'the item\'s number', example: '5' },
    { name: 'title', type: 'TEXT', doc: 'the title as printed (XML schedules: the form\'s title); NULL when the heading has none', example: 'Interest in Securities of the Issuer' },
    { name: 'text', type: 'TEXT', notNull: true, doc: 'the item\'s body, white space collapsed, page headers and page numbers removed' },
    ...provenanceColumns({ document: 'the schedule document', covers: 'the item (its heading; XML: the item element)', constraint: 'required', example: '1' }),
  ],
  indexes: [{ name: 'items_number', columns: ['item_number'] }],
};

/** The role column, added to `holdings` by migration 5 (frozen ALTER TABLE in store/migrations.ts): last in the table. */
const roleColumn: ColumnModel = {
  name: 'role',
  type: 'TEXT',
  check: inCheck('role', HOLDING_ROLES, { nullable: true }),
  doc: 'what the stated number is to the holder, from the first statement giving this (holder, shares): beneficial, sole_voting, shared_voting, sole_dispositive, shared_dispositive (cover rows 7–10), direct (held directly or of record), group_total, part_of ("of which N are held by X"), underlying (shares under options, warrants or convertibles)',
  example: 'sole_voting',
};

/** `holdings` as migration 4 created it (a released migration is never edited). */
export const holdingsTableAsCreated: TableModel = {
  name: 'holdings',
  doc: 'position stated in the prose of Items 3 and 5 (13G: Item 4): who holds how much of what, as of when',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ...key,
    ...holder,
    { name: 'security', type: 'TEXT', doc: 'the security as the prose names it (its defined term where it introduces one)', example: 'Series A Preferred Stock' },
    { name: 'security_kind', type: 'TEXT', notNull: true, check: inCheck('security_kind', SECURITY_KINDS), doc: oneOf(SECURITY_KINDS), example: 'preferred' },
    { name: 'shares', type: 'INTEGER', doc: 'units of the security held (shares, units); for options and warrants, the shares they cover', example: '104095' },
    { name: 'convertible_into_shares', type: 'INTEGER', doc: 'shares of the class the position converts into, where stated', example: '4382947' },
    { name: 'as_of_date', type: 'TEXT', check: isoDateCheck('as_of_date'), doc: 'date the position is stated as of, ISO; "the date hereof" is the filing date', example: '2003-06-25' },
    { name: 'percent_of_class', type: 'REAL', check: 'percent_of_class IS NULL OR percent_of_class BETWEEN 0 AND 100', doc: 'percent of the class stated with the position (49.8 = 49.8%)', example: '63.0' },
    ...source,
  ],
  indexes: [{ name: 'holdings_holder', columns: ['holder'] }],
};

/** `holdings` today: with the role column. */
export const holdingsTable: TableModel = { ...holdingsTableAsCreated, columns: [...holdingsTableAsCreated.columns, roleColumn] };

export const notesTable: TableModel = {
  name: 'notes',
  doc: 'debt instrument held (note, debenture, bond) with its terms as the prose states them',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ...key,
    ...holder,
    { name: 'instrument', type: 'TEXT', notNull: true, doc: 'the instrument as described where introduced', example: '10% Convertible Notes due 12/20/04' },
    { name: 'defined_term', type: 'TEXT', doc: 'the filing\'s defined term for it', example: 'Convertible Notes' },
    { name: 'principal', type: 'REAL', check: 'principal IS NULL OR principal >= 0', doc: 'principal amount in US dollars, cents kept', example: '302000' },
    { name: 'interest_rate', type: 'REAL', check: 'interest_rate IS NULL OR interest_rate BETWEEN 0 AND 100', doc: 'annual interest rate in percent (10 = 10%)', example: '10' },
    { name: 'issue_date', type: 'TEXT', check: isoDateCheck('issue_date'), doc: 'date the holder acquired it (purchase or exchange), ISO', example: '2002-12-20' },
    { name: 'maturity_date', type: 'TEXT', check: isoDateCheck('maturity_date'), doc: 'maturity date, ISO', example: '2004-12-20' },
    { name: 'conversion_price', type: 'REAL', check: 'conversion_price IS NULL OR conversion_price > 0', doc: 'conversion price in dollars per share as stated', example: '0.7924' },
    { name: 'convertible_into_shares', type: 'INTEGER', doc: 'shares it converts into, as stated for this holder', example: '381121' },
    { name: 'warrant_shares', type: 'INTEGER', doc: 'shares of the warrants that come with it, as stated for this holder', example: '38112' },
    ...source,
  ],
  indexes: [{ name: 'notes_holder', columns: ['holder'] }],
};

export const optionsTable: TableModel = {
  name: 'options',
  doc: 'option or warrant granted, issued or to be issued to a holder',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ...key,
    { name: 'kind', type: 'TEXT', notNull: true, check: inCheck('kind', OPTION_KINDS), doc: oneOf(OPTION_KINDS), example: 'option' },
    { name: 'status', type: 'TEXT', notNull: true, check: inCheck('status', OPTION_STATUSES), doc: 'granted (an award), issued (delivered), issuable (the issuer is obliged to issue it)', example: 'granted' },
    ...holder,
    { name: 'security', type: 'TEXT', doc: 'what the prose calls it', example: 'nonqualified options' },
    { name: 'shares', type: 'INTEGER', doc: 'shares it is exercisable for', example: '8618' },
    { name: 'exercise_price', type: 'REAL', check: 'exercise_price IS NULL OR exercise_price >= 0', doc: 'exercise price in dollars per share', example: '2.38' },
    { name: 'grant_date', type: 'TEXT', check: isoDateCheck('grant_date'), doc: 'grant or issue date, ISO', example: '1999-08-31' },
    { name: 'expiry_date', type: 'TEXT', check: isoDateCheck('expiry_date'), doc: 'expiration date, ISO', example: '2004-08-31' },
    ...source,
  ],
};

export const transactionsTable: TableModel = {
  name: 'transactions',
  doc: 'transaction the prose reports: purchase, sale, dividend in kind, exchange, grant or conversion',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ...key,
    { name: 'transaction_date', type: 'TEXT', check: isoDateCheck('transaction_date'), doc: 'date of the transaction, ISO', example: '2001-02-16' },
    ...holder,
    { name: 'action', type: 'TEXT', notNull: true, check: inCheck('action', TRANSACTION_ACTIONS), doc: oneOf(TRANSACTION_ACTIONS), example: 'purchase' },
    { name: 'security', type: 'TEXT', doc: 'the security (its defined term where it has one)', example: 'Series A Preferred Stock' },
    { name: 'shares', type: 'INTEGER', doc: 'shares or units (for a grant, the shares the options cover)', example: '25855' },
    { name: 'principal_amount', type: 'REAL', doc: 'principal in dollars, for debt', example: '302000' },
    { name: 'price_per_share', type: 'REAL', doc: 'price (or exercise price) in dollars per share', example: '2.38' },
    { name: 'consideration', type: 'REAL', doc: 'total paid in dollars', example: '2585500' },
    { name: 'convertible_into_shares', type: 'INTEGER', doc: 'shares of the class the securities converted into on that date, as stated', example: '1088632' },
    { name: 'source_of_funds', type: 'TEXT', doc: 'source of funds as Item 3 words it', example: 'working capital' },
    ...source,
  ],
  indexes: [{ name: 'transactions_date', columns: ['transaction_date'] }],
};

export const ownershipBasisTable: TableModel = {
  name: 'ownership_basis',
  doc: 'basis of an Item 5 percentage: percent of class, shares outstanding used, their date and source document',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ...key,
    { name: 'holder', type: 'TEXT', doc: 'whose percentage; NULL when stated for the reporting persons together' },
    { name: 'reporting_person_ordinal', type: 'INTEGER', doc: 'reporting_persons.ordinal of the holder, when it is one' },
    { name: 'percent_of_class', type: 'REAL', check: 'percent_of_class IS NULL OR percent_of_class BETWEEN 0 AND 100', doc: 'the percent stated (49.8 = 49.8%)', example: '49.8' },
    { name: 'shares_outstanding', type: 'INTEGER', doc: 'shares outstanding the percent is computed on', example: '5165020' },
    { name: 'shares_outstanding_as_of', type: 'TEXT', check: isoDateCheck('shares_outstanding_as_of'), doc: 'date of that count, ISO', example: '2003-04-15' },
    { name: 'source_document', type: 'TEXT', doc: 'the document the count was taken from', example: 'Form 10-QSB' },
    { name: 'source_filed_date', type: 'TEXT', check: isoDateCheck('source_filed_date'), doc: 'when that document was filed, ISO', example: '2003-05-15' },
    { name: 'numerator', type: 'REAL', doc: 'stated numerator of the percent (shares)', example: '5120558' },
    { name: 'denominator', type: 'REAL', doc: 'stated denominator of the percent (shares)', example: '10285578' },
    ...source,
  ],
};

export const checksTable: TableModel = {
  name: 'checks',
  doc: 'cross-check between values the filing states in different places (cover page vs Item 5, percent arithmetic, stated sums, note conversions, restatements, typos)',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ...key,
    { name: 'kind', type: 'TEXT', notNull: true, doc: 'cover_vs_item5, item5_percent, holding_percent, stated_sum, note_conversion, restatement or typo', example: 'cover_vs_item5' },
    { name: 'subject', type: 'TEXT', notNull: true, doc: 'what was checked (a holder, a percent, a sentence\'s number)', example: 'Fleming US Discovery Fund III, L.P.' },
    { name: 'expected', type: 'REAL', doc: 'the value stated in the place checked against (the cover page, the printed percent, the printed total)', example: '4413110' },
    { name: 'actual', type: 'REAL', doc: 'the value computed from the other statements', example: '4413110' },
    { name: 'status', type: 'TEXT', notNull: true, check: inCheck('status', CHECK_STATUSES), doc: 'pass (they agree), fail (they contradict), warning (doubtful: a typo, a restatement, a different denominator)', example: 'pass' },
    { name: 'message', type: 'TEXT', notNull: true, doc: 'the arithmetic in words', example: 'cover sole voting power 4,413,110 = Item 5 positions 4,382,947 (…) + 30,163 (…)' },
    ...provenanceColumns({ document: 'the document of the main evidence', covers: 'the main evidence', constraint: 'unchecked' }),
    evidenceSpansColumn,
  ],
  indexes: [{ name: 'checks_status', columns: ['status', 'kind'] }],
};

/** The item tables today (rows are written with these). */
export const itemTables: TableModel[] = [itemsTable, holdingsTable, notesTable, optionsTable, transactionsTable, ownershipBasisTable, checksTable];

/**
 * Full-text search over the items' text: `items_fts`, the external-content design of store/fts.ts over `items.text`
 * (item-text.ts describes and searches it). For tests that build a partial schema; migrations hold the frozen SQL.
 */
export const itemMigrationSql: string[] = externalContentFtsSql(itemsFtsModel);
