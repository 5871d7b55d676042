/**
 * How a person reads each extracted table: a title and `[header, camelCase key]` columns per table (`TableView`,
 * types.ts), in the order a filing's summary prints them. The extract stage publishes them here, beside its records,
 * so the CLI prints any table without knowing which extractor module fills it. A key ending in `|Text` shows the
 * value, else its `…Text` prose.
 */
import { exhibitTableViews } from './exhibits/index.js';
import { itemTableViews } from './items/index.js';
import type { TableView } from './types.js';

export const TABLE_VIEWS: Record<string, TableView> = {
  reporting_persons: {
    title: 'cover pages (reporting persons)',
    columns: [
      ['#', 'ordinal'],
      ['name', 'name'],
      ['group', 'memberOfGroup'],
      ['funds', 'sourceOfFunds'],
      ['citizenship', 'citizenship'],
      ['sole vote', 'soleVotingPower|Text'],
      ['shared vote', 'sharedVotingPower|Text'],
      ['sole disp.', 'soleDispositivePower|Text'],
      ['shared disp.', 'sharedDispositivePower|Text'],
      ['aggregate', 'aggregateAmount|Text'],
      ['%', 'percentOfClass|Text'],
      ['type', 'typeOfReportingPerson'],
    ],
  },
  ...itemTableViews,
  ...exhibitTableViews,
};
