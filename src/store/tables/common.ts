/**
 * Column and constraint pieces every table model shares, so that a date CHECK or the filing foreign key is written
 * once: ISO dates, 0/1 flags, non-negative numbers, and the foreign key that ties a child row to its filing.
 */
import type { ColumnModel } from '../model.js';

/** `YYYY-MM-DD` or NULL. */
export const isoDateCheck = (col: string): string => `${col} IS NULL OR ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;

/** 0, 1 or NULL (SQLite has no boolean). */
export const booleanCheck = (col: string): string => `${col} IS NULL OR ${col} IN (0, 1)`;

export const nonNegativeCheck = (col: string): string => `${col} IS NULL OR ${col} >= 0`;

/** Child rows go with their filing (storing a filing again replaces them). */
export const FILING_FOREIGN_KEY = 'FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE';

export const accessionColumn: ColumnModel = { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the filing' };

/** `col IN ('a', 'b')` (with `col IS NULL OR` in front when NULL is allowed): the CHECK of an enumerated column. */
export const inCheck = (col: string, values: readonly string[], options: { nullable?: boolean } = {}): string =>
  `${options.nullable ? `${col} IS NULL OR ` : ''}${col} IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;

/** "a, b or c": the values of an enumerated column for its docs. */
export const oneOf = (values: readonly string[]): string =>
  values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
