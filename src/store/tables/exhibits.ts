/**
 * Tables of the exhibits extractor (extract/exhibits/): waiver letters and agreements/waivers/consents (`waivers`),
 * what each waives or consents to (`waiver_items`), conversion prices that depend on an event (`conversion_price_rules`),
 * amendments with their changes and amounts, and the schedule's references to its exhibits. Also the columns the
 * classification adds to `documents` (`documentClassColumns`).
 *
 * Why a child table for items rather than one `waivers` row per item: an Agreement, Waiver and Consent carries ten
 * consents and waivers that share one date, holder, counterparty and instrument; one row per document keeps those
 * facts once (and `waivers` one row per waiver document, as design.md §4 asks), while `waiver_items` lets a user ask
 * "which filings waive Section 9A" with one WHERE clause.
 *
 * Conventions (design.md §4): dates ISO `YYYY-MM-DD`, money REAL in US dollars (cents kept), every row has
 * `document_sequence`, `span_start`, `span_end` (character offsets into that document's decoded text, end exclusive).
 */
import { AMENDMENT_AMOUNT_ROLES, AMENDMENT_CHANGE_KINDS, CLASS_BASES, DOCUMENT_CLASSES, PRICE_BASES, REFERENCE_KINDS, WAIVER_ITEM_KINDS, WAIVER_KINDS } from '../../extract/vocabulary.js';
import type { ColumnModel, TableModel } from '../model.js';
import { isoDateCheck, FILING_FOREIGN_KEY, nonNegativeCheck, inCheck, oneOf } from './common.js';
import { documentSequenceColumn, spanColumns, valueSpansColumn } from './provenance.js';

const SPAN = (): ColumnModel[] => spanColumns({ covers: 'the words this row came from', constraint: 'checked' });
const ACCESSION: ColumnModel = { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the filing' };
const DOCUMENT_SEQUENCE: ColumnModel = documentSequenceColumn({ document: 'the exhibit', example: '6' });

/** Columns of `documents` filled from `classifyDocument` (extract/exhibits/classify.ts). */
export const documentClassColumns: ColumnModel[] = [
  {
    name: 'document_class',
    type: 'TEXT',
    check: inCheck('document_class', DOCUMENT_CLASSES, { nullable: true }),
    doc: 'what the document is: waiver_letter, agreement_waiver_consent, amendment, joint_filing_agreement, form_of_note_or_warrant, other (any other exhibit) or not_exhibit (the primary form, graphics, XBRL)',
    example: 'waiver_letter',
  },
  { name: 'exhibit_number', type: 'TEXT', doc: 'exhibit number from TYPE, or from the document\'s heading when TYPE says less (`EX-10` with heading `EXHIBIT 10.A.3`)', example: '12' },
  { name: 'document_title', type: 'TEXT', doc: 'the document\'s own title or, for a letter, its `Re:` subject', example: 'AGREEMENT, WAIVER AND CONSENT' },
  { name: 'class_basis', type: 'TEXT', check: inCheck('class_basis', CLASS_BASES, { nullable: true }), doc: `what decided document_class: ${oneOf(CLASS_BASES)} (the document's text, its DESCRIPTION or its TYPE)` },
];

export const waiversTable: TableModel = {
  name: 'waivers',
  doc: 'waiver letter or agreement/waiver/consent filed as an exhibit (what it waives or consents to is in `waiver_items`)',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ACCESSION,
    { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position among the filing\'s waivers, from 1' },
    DOCUMENT_SEQUENCE,
    { name: 'document_type', type: 'TEXT', doc: 'TYPE of the exhibit', example: 'EX-12' },
    { name: 'kind', type: 'TEXT', notNull: true, check: inCheck('kind', WAIVER_KINDS), doc: oneOf(WAIVER_KINDS), example: 'waiver_letter' },
    { name: 'title', type: 'TEXT', doc: 'the document\'s title or letter subject', example: 'Convertible Note' },
    { name: 'dated', type: 'TEXT', check: isoDateCheck('dated'), doc: 'date of the letter or agreement; NULL (with a warning) when it states only an effective date', example: '2003-04-10' },
    { name: 'effective_date', type: 'TEXT', check: isoDateCheck('effective_date'), doc: 'date the waiver or consent takes effect ("effective as of …")', example: '2002-12-20' },
    { name: 'holder', type: 'TEXT', doc: 'full legal name of the holder who waives or consents, defined terms resolved', example: 'Fleming US Discovery Fund III, L.P.' },
    { name: 'holder_term', type: 'TEXT', doc: 'the defined term the document uses for the holder', example: 'Payee' },
    { name: 'counterparty', type: 'TEXT', doc: 'full legal name of the other party (maker, company)', example: 'Hudson Technologies, Inc.' },
    { name: 'counterparty_term', type: 'TEXT', doc: 'the defined term the document uses for the counterparty', example: 'Maker' },
    { name: 'instrument', type: 'TEXT', doc: 'the instrument the waiver concerns, as the document names it', example: 'Convertible Note' },
    { name: 'instrument_description', type: 'TEXT', doc: 'what that name is defined as in the document', example: 'Convertible Note due December 20, 2004 in the principal amount of $302,000.00' },
    { name: 'principal', type: 'REAL', check: nonNegativeCheck('principal'), doc: 'principal of a debt instrument, US dollars', example: '302000.0' },
    { name: 'maturity_date', type: 'TEXT', check: isoDateCheck('maturity_date'), doc: 'maturity of a debt instrument', example: '2004-12-20' },
    { name: 'shares', type: 'INTEGER', check: nonNegativeCheck('shares'), doc: 'shares of the instrument the holder is stated to hold', example: '100515' },
    { name: 'old_conversion_price', type: 'REAL', check: nonNegativeCheck('old_conversion_price'), doc: 'conversion price before the waiver, US dollars per share', example: '0.7924' },
    { name: 'new_conversion_price', type: 'REAL', check: nonNegativeCheck('new_conversion_price'), doc: 'the fixed price every branch of the new conversion-price rule names (a cap or the fallback), US dollars per share; NULL when the branches differ (see conversion_price_rules)', example: '1.13' },
    { name: 'conditions', type: 'TEXT', doc: 'qualifications of the whole document (outside its items), one sentence per line', example: 'The Initial Conversion Price is subject to the anti-dilution adjustments set forth in the Convertible Note.' },
    { name: 'summary', type: 'TEXT', doc: 'one sentence built from the columns (computed, not quoted)' },
    ...SPAN(),
    valueSpansColumn('the words each value was read from'),
  ],
  indexes: [{ name: 'waivers_holder', columns: ['holder'] }],
};

export const waiverItemsTable: TableModel = {
  name: 'waiver_items',
  doc: 'one thing a waiver document waives or consents to (a section of a purchase agreement, a transaction, an anti-dilution adjustment, a conversion-price calculation)',
  perFiling: true,
  primaryKey: ['accession_number', 'waiver_ordinal', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ACCESSION,
    { name: 'waiver_ordinal', type: 'INTEGER', notNull: true, check: 'waiver_ordinal >= 1', doc: 'waivers.ordinal of the document' },
    { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position within the document, from 1' },
    DOCUMENT_SEQUENCE,
    { name: 'kind', type: 'TEXT', notNull: true, check: inCheck('kind', WAIVER_ITEM_KINDS), doc: 'consent, waiver, or partial_waiver (a waiver its section calls partial)', example: 'partial_waiver' },
    { name: 'section', type: 'TEXT', doc: 'section number in the agreement; NULL in a letter', example: '4(a)' },
    { name: 'heading', type: 'TEXT', doc: 'section and subsection headings', example: 'Partial Waiver of the Anti-Dilution Adjustment — Convertible Notes' },
    { name: 'subject', type: 'TEXT', doc: 'what is waived or consented to', example: 'Section 9A of the Purchase Agreements' },
    { name: 'provision', type: 'TEXT', doc: 'the provision the waiver is under or of', example: 'Section 5(d) of Article 5 of the Certificate of Incorporation' },
    { name: 'transaction_name', type: 'TEXT', doc: 'the defined transaction concerned (`transaction` is an SQL keyword)', example: 'Convertible Debt Financing' },
    { name: 'instruments', type: 'TEXT', doc: 'defined instruments concerned, `; `-separated', example: 'Convertible Notes; Convertible Note Warrants' },
    { name: 'conditions', type: 'TEXT', doc: 'limits and exceptions of this item, one per line', example: 'solely with respect to the issuance by the Company of the Convertible Notes …' },
    { name: 'text', type: 'TEXT', notNull: true, doc: 'the operative sentence, white space collapsed' },
    ...SPAN(),
  ],
  indexes: [{ name: 'waiver_items_subject', columns: ['subject'] }],
};

export const conversionPriceRulesTable: TableModel = {
  name: 'conversion_price_rules',
  doc: 'one branch of a conversion price that depends on an event: `(i) if an Equity Offering of at least $2 million happens before 2003-12-20, the lower of the offering price and $1.13; (ii) otherwise $1.13`',
  perFiling: true,
  primaryKey: ['accession_number', 'waiver_ordinal', 'branch'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ACCESSION,
    { name: 'waiver_ordinal', type: 'INTEGER', notNull: true, check: 'waiver_ordinal >= 1', doc: 'waivers.ordinal of the document setting the rule' },
    { name: 'branch', type: 'INTEGER', notNull: true, check: 'branch >= 1', doc: 'branch number as printed: 1 for (i), 2 for (ii)', example: '1' },
    DOCUMENT_SEQUENCE,
    { name: 'price_basis', type: 'TEXT', notNull: true, check: inCheck('price_basis', PRICE_BASES), doc: 'fixed, lower_of (the lower of `alternative` and `price`) or higher_of', example: 'lower_of' },
    { name: 'price', type: 'REAL', check: nonNegativeCheck('price'), doc: 'the fixed price of the branch (the cap of a lower_of), US dollars per share', example: '1.13' },
    { name: 'alternative', type: 'TEXT', doc: 'the other term of a lower_of / higher_of', example: 'the conversion price of the equity securities in the Equity Offering' },
    { name: 'condition', type: 'TEXT', doc: 'the condition of the branch as written' },
    { name: 'event', type: 'TEXT', doc: 'the defined event the condition names', example: 'Equity Offering' },
    { name: 'event_occurs', type: 'INTEGER', check: 'event_occurs IS NULL OR event_occurs IN (0, 1)', doc: '1: the branch applies if the event happens; 0: if it does not', example: '1' },
    { name: 'min_gross_proceeds', type: 'REAL', check: nonNegativeCheck('min_gross_proceeds'), doc: 'minimum gross proceeds of the event stated in the branch, US dollars', example: '2000000.0' },
    { name: 'deadline', type: 'TEXT', check: isoDateCheck('deadline'), doc: 'the event must happen before this date', example: '2003-12-20' },
    ...SPAN(),
  ],
};

export const amendmentsTable: TableModel = {
  name: 'amendments',
  doc: 'amendment filed as an exhibit (an amendment to a letter agreement, a loan agreement, a plan …)',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ACCESSION,
    { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position among the filing\'s amendments, from 1' },
    DOCUMENT_SEQUENCE,
    { name: 'document_type', type: 'TEXT', doc: 'TYPE of the exhibit (from its heading for a bare document)', example: 'EX-10.20' },
    { name: 'title', type: 'TEXT', doc: 'title or letter subject', example: 'First Amendment to Letter Agreement Regarding New Notes' },
    { name: 'amendment_number', type: 'INTEGER', check: 'amendment_number IS NULL OR amendment_number >= 1', doc: '`First` → 1, `Amendment No. 2` → 2', example: '1' },
    { name: 'dated', type: 'TEXT', check: isoDateCheck('dated'), doc: 'date of the amendment', example: '2003-08-22' },
    { name: 'effective_date', type: 'TEXT', check: isoDateCheck('effective_date'), doc: 'effective date (`effective as of the date hereof` resolved to `dated`)', example: '2003-08-22' },
    { name: 'amended_document', type: 'TEXT', doc: 'the document amended, as the amendment names it', example: 'Letter Agreement' },
    { name: 'amended_document_date', type: 'TEXT', check: isoDateCheck('amended_document_date'), doc: 'date of the amended document', example: '2003-05-30' },
    { name: 'parties', type: 'TEXT', doc: 'parties, full legal names, `; `-separated' },
    { name: 'replaced', type: 'TEXT', doc: 'what is changed, `; `-separated (details in amendment_changes)', example: 'first paragraph; second paragraph' },
    { name: 'summary', type: 'TEXT', doc: 'one sentence built from the columns (computed, not quoted)' },
    ...SPAN(),
    valueSpansColumn('the words each value was read from'),
  ],
};

export const amendmentChangesTable: TableModel = {
  name: 'amendment_changes',
  doc: 'one part of a document an amendment replaces, deletes, inserts or amends',
  perFiling: true,
  primaryKey: ['accession_number', 'amendment_ordinal', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ACCESSION,
    { name: 'amendment_ordinal', type: 'INTEGER', notNull: true, check: 'amendment_ordinal >= 1', doc: 'amendments.ordinal' },
    { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position within the amendment, from 1' },
    DOCUMENT_SEQUENCE,
    { name: 'change_kind', type: 'TEXT', notNull: true, check: inCheck('change_kind', AMENDMENT_CHANGE_KINDS), doc: oneOf(AMENDMENT_CHANGE_KINDS), example: 'replace' },
    { name: 'target', type: 'TEXT', notNull: true, doc: 'the part changed', example: 'second paragraph' },
    { name: 'new_text', type: 'TEXT', doc: 'the new wording when the amendment quotes it, white space collapsed' },
    ...SPAN(),
  ],
};

export const amendmentAmountsTable: TableModel = {
  name: 'amendment_amounts',
  doc: 'dollar amount stated in an amendment\'s new wording, with the role its words give it',
  perFiling: true,
  primaryKey: ['accession_number', 'amendment_ordinal', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ACCESSION,
    { name: 'amendment_ordinal', type: 'INTEGER', notNull: true, check: 'amendment_ordinal >= 1', doc: 'amendments.ordinal' },
    { name: 'change_ordinal', type: 'INTEGER', check: 'change_ordinal IS NULL OR change_ordinal >= 1', doc: 'amendment_changes.ordinal of the change the amount is in (NULL: outside any change)' },
    { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position within the amendment, from 1' },
    DOCUMENT_SEQUENCE,
    { name: 'amount', type: 'REAL', notNull: true, check: 'amount >= 0', doc: 'US dollars', example: '925000.0' },
    { name: 'role', type: 'TEXT', notNull: true, check: inCheck('role', AMENDMENT_AMOUNT_ROLES), doc: 'principal (of `instrument`), maximum (`not to exceed`), minimum (`at least`), threshold (`less than`), target (`reach the … level`), or amount', example: 'maximum' },
    { name: 'instrument', type: 'TEXT', doc: 'the instrument of a principal amount', example: 'Convertible Notes' },
    { name: 'term', type: 'TEXT', doc: 'the defined term the amount belongs to', example: 'Top-Off Amount' },
    { name: 'context', type: 'TEXT', notNull: true, doc: 'the words around the amount, white space collapsed' },
    ...SPAN(),
  ],
};

export const exhibitReferencesTable: TableModel = {
  name: 'exhibit_references',
  doc: 'reference from the schedule (or other primary document) to an exhibit: a `see Exhibits 12 and 13` in the prose or an entry of the Item 7 list, linked to the attached document',
  perFiling: true,
  primaryKey: ['accession_number', 'ordinal'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    ACCESSION,
    { name: 'ordinal', type: 'INTEGER', notNull: true, check: 'ordinal >= 1', doc: 'position, from 1, in order of appearance' },
    documentSequenceColumn({ document: 'the referring document', example: '1' }),
    { name: 'item', type: 'TEXT', doc: 'the Item the reference is in', example: '6' },
    { name: 'reference_kind', type: 'TEXT', notNull: true, check: inCheck('reference_kind', REFERENCE_KINDS), doc: 'see (a cross-reference in the prose) or exhibit_list (an entry of the exhibit list)' },
    { name: 'exhibit_number', type: 'TEXT', notNull: true, doc: 'the exhibit number referred to', example: '12' },
    { name: 'exhibit_title', type: 'TEXT', doc: 'the list entry\'s description', example: 'Waiver Letter, dated as of April 10, 2003, by and between Hudson Technologies, Inc. and Fleming US Discovery Fund, III, L.P.' },
    { name: 'incorporated_by_reference', type: 'INTEGER', notNull: true, check: 'incorporated_by_reference IN (0, 1)', doc: '1 when the exhibit is incorporated by reference to another filing, not attached' },
    { name: 'to_document_sequence', type: 'INTEGER', doc: 'SEQUENCE of the attached document carrying that exhibit number; NULL when not attached', example: '6' },
    ...SPAN(),
  ],
  indexes: [{ name: 'exhibit_references_to', columns: ['accession_number', 'to_document_sequence'] }],
};

export const exhibitTables: TableModel[] = [
  waiversTable,
  waiverItemsTable,
  conversionPriceRulesTable,
  amendmentsTable,
  amendmentChangesTable,
  amendmentAmountsTable,
  exhibitReferencesTable,
];
