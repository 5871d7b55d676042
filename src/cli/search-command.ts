/**
 * `edgar-extract search "anti-dilution waiver" [--db FILE] [--limit N] [--raw] [--json]`: full-text search over the
 * documents of every stored filing, best matches first, listing filing, document and a snippet around the words.
 * All words must occur in one document; "quoted words" are a phrase; `word*` is a prefix; OR and NOT work.
 */
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { hasDocumentText, searchDocuments, type SearchHit } from '../store/document-text.js';
import { hasItemText, searchItems, type ItemSearchHit } from '../store/item-text.js';
import { CommandUsageError, openReadOnly, type CommandIo } from './query-output.js';
import { reportCommandError } from './sql-command.js';

export const SEARCH_USAGE = `Usage: edgar-extract search "WORDS" [--db FILE] [--limit N] [--items] [--raw] [--json]

Full-text search over the text of every stored document (exhibits included), or with --items over the
Items of the 13D/13G filings, best matches first.
All words must occur in one document; "quoted words" form a phrase; word* matches a prefix; OR and NOT work;
words are stemmed ("waivers" finds "waiver").

Options:
  --db FILE     SQLite database to read (default ./edgar.db)
  --limit N     at most N results (default 20)
  --items       search the Items (1–7 of a 13D, 1–10 of a 13G) instead of whole documents
  --raw         pass the query to SQLite FTS5 as written (NEAR, column filters, …)
  --json        print the results as JSON
  -h, --help    show this help`;

/** Snippets on one line: white space collapsed, markup of XML documents dropped. */
function cleanSnippet(snippet: string): string {
  return snippet
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Item hits as text: a filing line, then one line per matching Item. */
export function formatItemHits(hits: ItemSearchHit[]): string {
  return formatHits(hits.map((h) => ({ ...h, where: `Item ${h.itemNumber ?? '?'}${h.title ? ` (${h.title})` : ''}` })));
}

/** Hits as text: a filing line (accession, form, date, subject company), then one line per matching document. */
export function formatSearchHits(hits: SearchHit[]): string {
  return formatHits(hits.map((h) => ({ ...h, where: `document ${h.documentSequence ?? '-'}${h.documentType ? ` ${h.documentType}` : ''}` })));
}

function formatHits(hits: { accessionNumber: string; formType: string | null; filedAt: string | null; subjectCompany: string | null; snippet: string; where: string }[]): string {
  const blocks: string[] = [];
  let previous: string | null = null;
  for (const h of hits) {
    const filing = [h.accessionNumber, h.formType, h.filedAt, h.subjectCompany].filter(Boolean).join('  ');
    const line = `  ${h.where}: ${cleanSnippet(h.snippet)}`;
    // Consecutive hits in one filing share its heading line.
    if (filing === previous) blocks[blocks.length - 1] += `\n${line}`;
    else blocks.push(`${filing}\n${line}`);
    previous = filing;
  }
  return blocks.join('\n\n');
}

export async function runSearchCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let sqlite: Database.Database | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        db: { type: 'string', default: 'edgar.db' },
        limit: { type: 'string' },
        raw: { type: 'boolean' },
        items: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout.write(`${SEARCH_USAGE}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new CommandUsageError('search needs words to look for, e.g. edgar-extract search "anti-dilution waiver"');
    const query = positionals.join(' ');
    let limit = 20;
    if (values.limit !== undefined) {
      if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1) throw new CommandUsageError(`--limit must be a whole number above 0 (got "${values.limit}")`);
      limit = Number(values.limit);
    }
    sqlite = openReadOnly(values.db!);
    const items = Boolean(values.items);
    if (items && !hasItemText(sqlite)) {
      throw new CommandUsageError(`${values.db} has no full-text index of Items (table items_fts): the Items of filings are not stored in it`);
    }
    if (!items && !hasDocumentText(sqlite)) {
      throw new CommandUsageError(`${values.db} has no full-text index (table document_text): it was made by an older edgar-extract; store the filings again to build it`);
    }
    let hits: (SearchHit | ItemSearchHit)[];
    let text: string;
    try {
      const options = { limit, raw: Boolean(values.raw) };
      if (items) {
        const found = searchItems(sqlite, query, options);
        hits = found;
        text = formatItemHits(found);
      } else {
        const found = searchDocuments(sqlite, query, options);
        hits = found;
        text = formatSearchHits(found);
      }
    } catch (error) {
      const message = (error as Error).message;
      if (/fts5|syntax/i.test(message)) throw new CommandUsageError(`the search cannot run: ${message}`);
      throw error;
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify(hits.map((h) => ({ ...h, snippet: cleanSnippet(h.snippet) })), null, 2)}\n`);
    } else if (hits.length === 0) {
      io.stderr.write(`no ${items ? 'Item' : 'document'} matches ${JSON.stringify(query)}\n`);
    } else {
      io.stdout.write(`${text}\n`);
      io.stderr.write(`${hits.length} result${hits.length === 1 ? '' : 's'}${hits.length === limit ? ` (the first ${limit}; --limit N for more)` : ''}\n`);
    }
    return 0;
  } catch (error) {
    return reportCommandError('search', error, io, SEARCH_USAGE);
  } finally {
    sqlite?.close();
  }
}
