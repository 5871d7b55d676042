/**
 * The input each filing was extracted from, kept compressed so `edgar-extract reprocess` can re-extract a database
 * after an upgrade without the original files or the network. One row per filing. Cost: a text submission compresses
 * to about a fifth of its size (docs/schema-notes.md has the measurement). Brotli since schema version 9, gzip before.
 */
import type { TableModel } from '../model.js';
import { FILING_FOREIGN_KEY } from './common.js';

export const sourcesTable: TableModel = {
  name: 'sources',
  doc: 'input a filing was extracted from, compressed (what `edgar-extract reprocess` re-reads)',
  perFiling: true,
  primaryKey: ['accession_number'],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the filing' },
    { name: 'encoding', type: 'TEXT', notNull: true, check: "encoding IN ('br', 'gzip')", doc: 'how `content` is compressed: br (Brotli, what this version writes) or gzip (rows written before schema version 9)', example: 'br' },
    { name: 'content', type: 'BLOB', notNull: true, doc: 'the input bytes, compressed; `filings.source_bytes` and `source_sha256` describe them uncompressed' },
  ],
};
