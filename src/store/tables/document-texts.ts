/**
 * The readable text of each text, HTML and XML document of a filing: the string every extracted row's span indexes
 * (`documentText` of parse/body.ts), stored once here and searched through the FTS5 table `document_text`
 * (store/document-text.ts, the external-content design of store/fts.ts). Binaries and empty bodies have no row.
 * A rowid table without a declared key: a malformed submission may repeat a SEQUENCE, and each document keeps its row.
 */
import type { TableModel } from '../model.js';
import { FILING_FOREIGN_KEY } from './common.js';

export const documentTextsTable: TableModel = {
  name: 'document_texts',
  doc: 'text, HTML or XML document of a filing as readable text (the text extracted spans index); searchable through `document_text`',
  perFiling: true,
  primaryKey: [],
  constraints: [FILING_FOREIGN_KEY],
  columns: [
    { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the filing', example: '0001125282-03-003998' },
    { name: 'document_sequence', type: 'INTEGER', doc: 'the document\'s SEQUENCE (documents.sequence); NULL for a bare document', example: '6' },
    { name: 'type', type: 'TEXT', doc: 'the document\'s TYPE (documents.type)', example: 'EX-12' },
    {
      name: 'text',
      type: 'TEXT',
      notNull: true,
      doc: 'readable text of the body (HTML rendered to lines, XML as its source); extracted rows\' span_start/span_end are offsets into it: `substr(text, span_start + 1, span_end - span_start)`',
    },
  ],
  indexes: [{ name: 'document_texts_accession', columns: ['accession_number'] }],
};
