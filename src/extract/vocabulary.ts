/**
 * The closed sets of words extracted rows use for their enumerated fields, as tuples: the store generates each
 * column's CHECK and the list in its docs from these (store/tables/), and test/extract/vocabulary.test-d.ts checks
 * that each record type's field is exactly the tuple's union, so the type, the constraint and the docs cannot drift.
 * Words are the SEC's or the filings' own where they have one, snake_case otherwise.
 */
export { DOCUMENT_CLASSES } from './exhibits/classify.js';

/** schedule13.kind */
export const SCHEDULE_KINDS = ['13D', '13G'] as const;
/** schedule13.format: the cover page's layout. */
export const COVER_FORMATS = ['text', 'html', 'xml'] as const;
/** reporting_persons.member_of_group: row 2's box (a) or (b). */
export const GROUP_BOXES = ['a', 'b'] as const;

/** documents.class_basis: what decided the document's class. */
export const CLASS_BASES = ['text', 'description', 'type'] as const;
/** waivers.kind */
export const WAIVER_KINDS = ['waiver_letter', 'agreement_waiver_consent'] as const;
/** waiver_items.kind */
export const WAIVER_ITEM_KINDS = ['consent', 'waiver', 'partial_waiver'] as const;
/** conversion_price_rules.price_basis */
export const PRICE_BASES = ['fixed', 'lower_of', 'higher_of'] as const;
/** amendment_changes.change_kind */
export const AMENDMENT_CHANGE_KINDS = ['replace', 'delete', 'insert', 'amend'] as const;
/** amendment_amounts.role */
export const AMENDMENT_AMOUNT_ROLES = ['principal', 'maximum', 'minimum', 'threshold', 'target', 'amount'] as const;
/** exhibit_references.reference_kind */
export const REFERENCE_KINDS = ['see', 'exhibit_list'] as const;

/** holdings.security_kind */
export const SECURITY_KINDS = ['common', 'preferred', 'option', 'warrant', 'unit', 'note', 'other'] as const;
/** holdings.role */
export const HOLDING_ROLES = ['beneficial', 'sole_voting', 'shared_voting', 'sole_dispositive', 'shared_dispositive', 'direct', 'group_total', 'part_of', 'underlying'] as const;
/** options.kind */
export const OPTION_KINDS = ['option', 'warrant'] as const;
/** options.status */
export const OPTION_STATUSES = ['granted', 'issued', 'issuable'] as const;
/** transactions.action */
export const TRANSACTION_ACTIONS = ['purchase', 'sale', 'dividend', 'exchange', 'grant', 'conversion'] as const;
/** checks.status */
export const CHECK_STATUSES = ['pass', 'fail', 'warning'] as const;
