/**
 * Put a database back the way an earlier release left it, for tests of the migrations after that release: each
 * function undoes one migration's schema change (the data they rewrote is left as it is).
 */
import type Database from 'better-sqlite3';
import { schemaV1 } from '../../src/store/schema-history/v1-schema-0.1.0.js';

/** Undo migration 7: document_text holds its own text again, without document_texts (their text is kept). */
export function undoDocumentTexts(sqlite: Database.Database): void {
  const create = schemaV1.find((s) => s.startsWith('CREATE VIRTUAL TABLE document_text '))!;
  sqlite.exec('CREATE TEMP TABLE kept_texts AS SELECT accession_number, document_sequence, type, text FROM document_texts ORDER BY rowid');
  sqlite.exec('DROP TABLE document_text');
  sqlite.exec('DROP TABLE document_texts');
  sqlite.exec(create);
  sqlite.exec('INSERT INTO document_text (accession_number, document_sequence, type, text) SELECT accession_number, document_sequence, type, text FROM kept_texts');
  sqlite.exec('DROP TABLE kept_texts');
}
