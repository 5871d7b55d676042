/**
 * The provenance columns every extracted row carries, declared once: `document_sequence`, `span_start`, `span_end`
 * (character offsets into that document's decoded text, `documentText` of parse/body.ts, end exclusive) and, for rows
 * read from prose, the `sentence`. Each table says only what the span covers ("the cover page", "the sentence");
 * names, types, constraints and the wording of the docs come from here.
 *
 * The constraints differ by table because the schema's history does (migrations are frozen SQL): rows read from
 * prose always have a span (`required`), exhibit rows may lack one but never a negative one (`checked`), cover pages
 * and checks state no constraint (`unchecked`).
 */
import type { ColumnModel } from '../model.js';
import { nonNegativeCheck } from './common.js';

export type SpanConstraint = 'required' | 'checked' | 'unchecked';

export interface ProvenanceOptions {
  /** What the span covers, as a noun phrase: "the sentence", "the cover page", "the words this row came from". */
  covers: string;
  /** The document the row was read from, as a noun phrase: "the schedule document", "the exhibit". */
  document: string;
  constraint: SpanConstraint;
  /** An example SEQUENCE for the docs. */
  example?: string;
}

/** `document_sequence`: the SEQUENCE of the document the row was read from. */
export function documentSequenceColumn(options: Pick<ProvenanceOptions, 'document' | 'example'>): ColumnModel {
  return { name: 'document_sequence', type: 'INTEGER', doc: `SEQUENCE of ${options.document} the row was read from (NULL for a bare document without envelope)`, ...(options.example ? { example: options.example } : {}) };
}

/** `span_start` and `span_end`: where in that document's decoded text what the row was read from starts and ends. */
export function spanColumns(options: Pick<ProvenanceOptions, 'covers' | 'constraint'>): ColumnModel[] {
  const start = `character offset in the document's decoded text where ${options.covers} starts`;
  const end = `character offset just after ${options.covers} (end exclusive)`;
  switch (options.constraint) {
    case 'required':
      return [
        { name: 'span_start', type: 'INTEGER', notNull: true, check: 'span_start >= 0', doc: start },
        { name: 'span_end', type: 'INTEGER', notNull: true, check: 'span_end >= span_start', doc: end },
      ];
    case 'checked':
      return [
        { name: 'span_start', type: 'INTEGER', check: nonNegativeCheck('span_start'), doc: start },
        { name: 'span_end', type: 'INTEGER', check: 'span_end IS NULL OR span_end >= span_start', doc: end },
      ];
    case 'unchecked':
      return [
        { name: 'span_start', type: 'INTEGER', doc: start },
        { name: 'span_end', type: 'INTEGER', doc: end },
      ];
  }
}

/** `document_sequence`, `span_start`, `span_end`, in that order. */
export function provenanceColumns(options: ProvenanceOptions): ColumnModel[] {
  return [documentSequenceColumn(options), ...spanColumns(options)];
}

/** `sentence`: the sentence a prose row was read from, white space collapsed (the text of its span). */
export const sentenceColumn: ColumnModel = { name: 'sentence', type: 'TEXT', notNull: true, doc: 'the sentence the row was read from, white space collapsed' };

/** `spans`: where each value of the row was printed, one span per field (JSON, extract/span-json.ts). */
export function valueSpansColumn(what: string): ColumnModel {
  return { name: 'spans', type: 'TEXT', encoding: 'spans', doc: `JSON object: field name (camelCase) → {"start":…,"end":…} of ${what}` };
}

/** `spans` of a check: every span it read, possibly in several documents (JSON, extract/span-json.ts). */
export const evidenceSpansColumn: ColumnModel = {
  name: 'spans',
  type: 'TEXT',
  notNull: true,
  encoding: 'spans',
  doc: 'every span read, JSON `[{"documentSequence":1,"start":…,"end":…}]`',
};
