/**
 * Shared shapes of the extract stage. Every extractor takes a parsed Submission and returns typed records plus
 * warnings; it never throws on odd prose and never guesses: a value it cannot find is null with a warning.
 * Records name their source: the document's SEQUENCE and a character span into that document's decoded text
 * (`documentText` in parse/body.ts), end exclusive.
 */
import type { WarningCode } from '../errors/codes.js';
import type { Span } from '../parse/types.js';

export interface ExtractionWarning {
  /** Stable, SCREAMING_SNAKE code (`COVER_VALUE_MISSING`, …), registered in src/errors/codes.ts. */
  code: WarningCode;
  message: string;
  documentSequence: number | null;
  /** Where in the document's decoded text the problem is, when known. */
  span: Span | null;
}

/** Where an extracted row came from. */
export interface Provenance {
  documentSequence: number | null;
  spanStart: number | null;
  spanEnd: number | null;
}

/**
 * How the CLI summary shows one extracted table: a title and `[header, record key]` columns. Declared here, with
 * the records, so each extractor describes its own tables without the extract stage importing the CLI.
 */
export interface TableView {
  title: string;
  columns: [header: string, key: string][];
}
