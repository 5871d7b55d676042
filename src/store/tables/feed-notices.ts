/**
 * PDS Feed dissemination notices (src/input/feed-archive.ts): a DELETION says EDGAR withdrew a submission it had
 * already disseminated, a CORRECTION re-sends one in full. They are recorded here, one row per notice, instead of
 * being dropped. Not keyed to `filings`: the submission a notice names may never have been stored, and storing a
 * filing again must not erase the notices about it (so the table is not per-filing).
 */
import type { TableModel } from '../model.js';
import { isoDateCheck } from './common.js';

export const feedNoticesTable: TableModel = {
  name: 'feed_notices',
  doc: 'DELETION or CORRECTION notice read from a PDS Feed archive (`edgar-extract feed`, or a `.nc.tar.gz` input)',
  perFiling: false,
  primaryKey: ['source_archive', 'member_name'],
  columns: [
    { name: 'source_archive', type: 'TEXT', notNull: true, doc: 'file name of the Feed archive the notice came in', example: '20241213.nc.tar.gz' },
    { name: 'member_name', type: 'TEXT', notNull: true, doc: 'the notice\'s file inside the archive', example: '0001076809-24-000144.nc' },
    { name: 'accession_number', type: 'TEXT', doc: 'the submission the notice is about (`<ACCESSION-NUMBER>`)', example: '0001076809-24-000144' },
    { name: 'kind', type: 'TEXT', notNull: true, check: "kind IN ('DELETION', 'CORRECTION')", doc: 'DELETION (the submission was withdrawn; its stored rows, if any, are kept) or CORRECTION (the corrected submission, stored again)', example: 'DELETION' },
    { name: 'form_type', type: 'TEXT', doc: 'the submission type the notice carries (`<TYPE>`), when it has one', example: 'SC 13G' },
    { name: 'notice_timestamp', type: 'TEXT', doc: '`<TIMESTAMP>` as ISO local Eastern time `YYYY-MM-DDTHH:MM:SS`', example: '2024-12-13T17:02:11' },
    { name: 'feed_date', type: 'TEXT', check: isoDateCheck('feed_date'), doc: 'the dissemination day the archive is named after, ISO date', example: '2024-12-13' },
    { name: 'recorded_at', type: 'TEXT', notNull: true, doc: 'when the notice was written (UTC ISO time)' },
  ],
  indexes: [{ name: 'feed_notices_accession', columns: ['accession_number'] }],
};
