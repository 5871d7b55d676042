/**
 * Full-text search over the Items of 13D/13G filings: `items_fts`, FTS5 over `items.text` in the external-content
 * design of fts.ts (triggers keep it in step), described here for docs/schema.md and searched with the same query
 * rules and snippets as documents.
 */
import type Database from 'better-sqlite3';
import { searchParameters, type FtsModel, type SearchOptions } from './fts.js';

/** The items' full-text index. */
export const itemsFtsModel: FtsModel = {
  name: 'items_fts',
  content: 'items',
  doc:
    'Item of a 13D/13G (a row of `items`), indexed for full-text search: FTS5 over `items.text` itself (external content, kept in step by triggers), ' +
    "joined back by rowid: `SELECT i.* FROM items_fts JOIN items i ON i.rowid = items_fts.rowid WHERE items_fts MATCH 'anti-dilution'`",
  tokenize: 'porter unicode61',
  columns: [{ name: 'text', type: 'TEXT', doc: 'the Item\'s text (items.text), searchable; read the other columns from `items` through the rowid' }],
};

export interface ItemSearchHit {
  accessionNumber: string;
  itemNumber: string | null;
  title: string | null;
  formType: string | null;
  filedAt: string | null;
  subjectCompany: string | null;
  snippet: string;
  score: number;
}

export function hasItemText(sqlite: Database.Database): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'items_fts'").get() !== undefined;
}

/** Search the Items' text; best matches first. */
export function searchItems(sqlite: Database.Database, query: string, options: SearchOptions = {}): ItemSearchHit[] {
  const { match, open, close, tokens, limit } = searchParameters(query, options);
  if (!match.trim()) return [];
  const rows = sqlite
    .prepare(
      `SELECT i.accession_number AS accessionNumber, i.item_number AS itemNumber, i.title AS title,
         f.form_type AS formType, f.filed_at AS filedAt,
         (SELECT e.name FROM filing_entities e WHERE e.accession_number = i.accession_number AND e.role = 'subject_company' ORDER BY e.ordinal LIMIT 1) AS subjectCompany,
         snippet(items_fts, 0, @open, @close, '…', @tokens) AS snippet,
         bm25(items_fts) AS score
       FROM items_fts JOIN items i ON i.rowid = items_fts.rowid
       LEFT JOIN filings f ON f.accession_number = i.accession_number
       WHERE items_fts MATCH @match
       ORDER BY items_fts.rank
       LIMIT @limit`,
    )
    .all({ open, close, tokens, match, limit }) as ItemSearchHit[];
  return rows.map((r) => ({ ...r, itemNumber: r.itemNumber === null ? null : String(r.itemNumber) }));
}
