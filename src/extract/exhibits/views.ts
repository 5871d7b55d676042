/**
 * How the CLI summary shows the exhibits tables: a title and `[header, camelCase key]` columns per table, the shape
 * of `TableView` (extract/types.ts).
 */
import type { TableView } from '../types.js';
export type ExhibitTableView = TableView;

export const exhibitTableViews: Record<string, ExhibitTableView> = {
  waivers: {
    title: 'waivers and consents (exhibits)',
    columns: [
      ['doc', 'documentSequence'],
      ['type', 'documentType'],
      ['kind', 'kind'],
      ['dated', 'dated'],
      ['effective', 'effectiveDate'],
      ['holder', 'holder'],
      ['counterparty', 'counterparty'],
      ['instrument', 'instrument'],
      ['principal', 'principal'],
      ['maturity', 'maturityDate'],
      ['old price', 'oldConversionPrice'],
      ['new price', 'newConversionPrice'],
    ],
  },
  waiver_items: {
    title: 'what is waived or consented to',
    columns: [
      ['waiver', 'waiverOrdinal'],
      ['doc', 'documentSequence'],
      ['section', 'section'],
      ['kind', 'kind'],
      ['subject', 'subject'],
      ['transaction', 'transactionName'],
      ['instruments', 'instruments'],
    ],
  },
  conversion_price_rules: {
    title: 'conversion price rules',
    columns: [
      ['waiver', 'waiverOrdinal'],
      ['branch', 'branch'],
      ['basis', 'priceBasis'],
      ['price', 'price'],
      ['or', 'alternative'],
      ['event', 'event'],
      ['occurs', 'eventOccurs'],
      ['min proceeds', 'minGrossProceeds'],
      ['before', 'deadline'],
    ],
  },
  amendments: {
    title: 'amendments (exhibits)',
    columns: [
      ['doc', 'documentSequence'],
      ['title', 'title'],
      ['dated', 'dated'],
      ['amends', 'amendedDocument'],
      ['of', 'amendedDocumentDate'],
      ['replaced', 'replaced'],
    ],
  },
  amendment_amounts: {
    title: 'amounts in amendments',
    columns: [
      ['amendment', 'amendmentOrdinal'],
      ['amount', 'amount'],
      ['role', 'role'],
      ['instrument', 'instrument'],
      ['term', 'term'],
    ],
  },
  exhibit_references: {
    title: 'exhibit references',
    columns: [
      ['item', 'item'],
      ['kind', 'referenceKind'],
      ['exhibit', 'exhibitNumber'],
      ['document', 'toDocumentSequence'],
      ['by reference', 'incorporatedByReference'],
      ['title', 'exhibitTitle'],
    ],
  },
};
