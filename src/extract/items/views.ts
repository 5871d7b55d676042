/**
 * How the CLI summary shows the items extractor's tables (`TableView`, extract/types.ts): holdings,
 * notes and checks, with columns named by their camelCase record keys.
 * Does not handle: formatting values (cli/table.ts does).
 */
import type { TableView } from '../types.js';

export type ItemTableView = TableView;

export const itemTableViews: Record<string, ItemTableView> = {
  holdings: {
    title: 'holdings (Item 5)',
    columns: [
      ['holder', 'holder'],
      ['security', 'security'],
      ['shares', 'shares'],
      ['converts into', 'convertibleIntoShares'],
      ['as of', 'asOfDate'],
      ['%', 'percentOfClass'],
    ],
  },
  notes: {
    title: 'notes',
    columns: [
      ['holder', 'holder'],
      ['instrument', 'instrument'],
      ['principal', 'principal'],
      ['rate %', 'interestRate'],
      ['issued', 'issueDate'],
      ['matures', 'maturityDate'],
      ['conv. price', 'conversionPrice'],
      ['conv. shares', 'convertibleIntoShares'],
      ['warrants', 'warrantShares'],
    ],
  },
  checks: {
    title: 'checks',
    columns: [
      ['status', 'status'],
      ['kind', 'kind'],
      ['subject', 'subject'],
      ['expected', 'expected'],
      ['actual', 'actual'],
      ['message', 'message'],
    ],
  },
};
