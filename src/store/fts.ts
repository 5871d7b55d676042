/**
 * Full-text search, one design for every index: an FTS5 table over the text of an ordinary table (external content:
 * the text is stored once, in that table), kept in step by three triggers, joined back by rowid. `document_text`
 * indexes `document_texts`, `items_fts` indexes `items`.
 *
 * `externalContentFtsSql` gives the statements of that design for a model; migrations hold them as frozen text, and
 * test/store/fts.test.ts checks that a fresh database's full-text tables and triggers are exactly these statements.
 * `toFtsQuery` turns a user's words into a query, the same way for every index.
 */
import type { SqlType } from './model.js';

export interface FtsColumnDoc {
  name: string;
  type: SqlType;
  doc: string;
  example?: string;
  /** UNINDEXED: stored, not searchable. */
  unindexed?: boolean;
}

export interface FtsModel {
  name: string;
  doc: string;
  /** The ordinary table holding the rows and their text (the FTS5 `content` table), joined back by rowid. */
  content: string;
  tokenize: string;
  /** Columns of the content table the index reads, in order; the searchable text is among them. */
  columns: FtsColumnDoc[];
}

/**
 * The external-content design for `model`: the FTS5 table, the triggers that keep it in step with every insert,
 * delete and update of the content table, and a rebuild that indexes the rows the content table already holds.
 */
export function externalContentFtsSql(model: FtsModel): string[] {
  const names = model.columns.map((c) => c.name);
  const declared = model.columns.map((c) => (c.unindexed ? `${c.name} UNINDEXED` : c.name));
  const values = (row: 'new' | 'old') => names.map((n) => `${row}.${n}`).join(', ');
  const insert = `INSERT INTO ${model.name} (rowid, ${names.join(', ')}) VALUES (new.rowid, ${values('new')});`;
  const remove = `INSERT INTO ${model.name} (${model.name}, rowid, ${names.join(', ')}) VALUES ('delete', old.rowid, ${values('old')});`;
  return [
    `CREATE VIRTUAL TABLE ${model.name} USING fts5(${declared.join(', ')}, content="${model.content}", content_rowid="rowid", tokenize='${model.tokenize}')`,
    `CREATE TRIGGER ${model.name}_insert AFTER INSERT ON ${model.content} BEGIN\n  ${insert}\nEND`,
    `CREATE TRIGGER ${model.name}_delete AFTER DELETE ON ${model.content} BEGIN\n  ${remove}\nEND`,
    `CREATE TRIGGER ${model.name}_update AFTER UPDATE ON ${model.content} BEGIN\n  ${remove}\n  ${insert}\nEND`,
    `INSERT INTO ${model.name} (${model.name}) VALUES ('rebuild')`,
  ];
}

/** An FTS5 phrase matching exactly the tokens of `value` (double quotes doubled). */
export function ftsPhrase(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * A user's words → an FTS5 query on the text column. Words and "quoted phrases" must all occur (AND); a hyphenated
 * word is a phrase (`anti-dilution` = "anti dilution"); `word*` is a prefix; upper-case OR, AND, NOT are operators.
 * Anything else FTS5 would read as syntax (`-`, `:`, `^`, parentheses) is taken literally.
 */
export function toFtsQuery(input: string): string {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[1] !== undefined) {
      if (m[1].trim()) parts.push(ftsPhrase(m[1]));
      continue;
    }
    const word = m[2]!;
    if (word === 'OR' || word === 'AND' || word === 'NOT') {
      parts.push(word);
      continue;
    }
    const prefix = word.length > 1 && word.endsWith('*');
    const body = prefix ? word.slice(0, -1) : word;
    // A token of punctuation only would be an empty phrase, which FTS5 rejects.
    if (!/[\p{L}\p{N}]/u.test(body)) continue;
    parts.push(prefix ? `${ftsPhrase(body)}*` : ftsPhrase(body));
  }
  // Operators need operands on both sides: drop dangling ones.
  while (parts.length && /^(OR|AND|NOT)$/.test(parts[0]!)) parts.shift();
  while (parts.length && /^(OR|AND|NOT)$/.test(parts[parts.length - 1]!)) parts.pop();
  if (parts.length === 0) return '';
  return `text : (${parts.join(' ')})`;
}

export interface SearchOptions {
  limit?: number;
  /** Pass the query to FTS5 as written (its own syntax: NEAR, column filters, …). */
  raw?: boolean;
  /** Strings around each match in the snippet. */
  mark?: [string, string];
  /** Tokens of context in a snippet (FTS5 allows up to 64). */
  snippetTokens?: number;
}

/** The FTS5 MATCH expression and snippet settings of a search; `match` is empty when the words give no query. */
export function searchParameters(query: string, options: SearchOptions): { match: string; open: string; close: string; tokens: number; limit: number } {
  const [open, close] = options.mark ?? ['**', '**'];
  return {
    match: options.raw ? query : toFtsQuery(query),
    open,
    close,
    tokens: Math.min(64, Math.max(1, options.snippetTokens ?? 24)),
    limit: options.limit ?? 20,
  };
}
