/**
 * `edgar-extract search "anti-dilution waiver" [--db FILE] [--limit N] [--raw] [--json]`: full-text search over the
 * documents of every stored filing, best matches first, listing filing, document and a snippet around the words.
 * All words must occur in one document; "quoted words" are a phrase; `word*` is a prefix; OR and NOT work.
 * Nothing found is exit 1 (as grep). Matches are shown in bold on a terminal only; piped text and JSON carry no
 * marks. A --raw query FTS5 cannot read is explained, not echoed as SQLite's bare "syntax error".
 */
import { Option } from 'commander';
import type Database from 'better-sqlite3';
import { hasDocumentText, searchDocuments, type SearchHit } from '../store/document-text.js';
import { hasItemText, searchItems, type ItemSearchHit } from '../store/item-text.js';
import { EXIT, UsageError, wholeNumberOption, type CliIo, type ParsedCommand } from './command-registry.js';
import { runProgram } from './program.js';
import { openReadOnly } from './query-output.js';
import { snakeCaseKeys } from './summary.js';

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

/** Bold on a terminal (unless NO_COLOR), nothing elsewhere: marks must never leak into piped text or JSON. */
function marksFor(io: CliIo, json: boolean): [string, string] {
  if (json || io.stdout.isTTY !== true || io.env.NO_COLOR !== undefined) return ['', ''];
  return ['\u001b[1m', '\u001b[22m'];
}

/** SQLite's FTS5 error → what the user can do about it. */
function explainFtsError(message: string, raw: boolean): string {
  const near = /syntax error near "([^"]*)"/.exec(message)?.[1];
  const what = near !== undefined ? `FTS5 cannot read the query near "${near}"` : `FTS5 cannot read the query (${message.replace(/^fts5: /, '')})`;
  return raw
    ? `${what}. With --raw the query is FTS5 syntax: put phrases and words with punctuation in double quotes ("AT&T"), write AND, OR, NOT, NEAR in capitals, and give every operator two sides. Without --raw, words are searched as written.`
    : `${what}. Put words with punctuation in double quotes, e.g. "AT&T".`;
}

export const searchCommand: ParsedCommand<{ limit?: number; items?: boolean; raw?: boolean }> = {
  name: 'search',
  summary: 'full-text search over stored documents (or with --items, the Items of 13D/13G filings)',
  description:
    'Full-text search over the text of every stored document (exhibits included), or with --items over the\n' +
    'Items of the 13D/13G filings, best matches first. All words must occur in one document; "quoted words" form a\n' +
    'phrase; word* matches a prefix; OR and NOT work; words are stemmed ("waivers" finds "waiver"). Punctuation is\n' +
    'part of the words (AT&T finds "AT&T"). Exit 1 when nothing matches.',
  arguments: ['<words...>'],
  shared: ['db', 'json'],
  configure: (cmd) => {
    cmd.addOption(new Option('--limit <n>', 'at most N results').default(20).argParser(wholeNumberOption('--limit', 1)));
    cmd.addOption(new Option('--items', 'search the Items (1–7 of a 13D, 1–10 of a 13G) instead of whole documents'));
    cmd.addOption(new Option('--raw', 'pass the query to SQLite FTS5 as written (NEAR, column filters, …)'));
  },
  examples: ['edgar-extract search "anti-dilution waiver"', 'edgar-extract search convertible notes --items --limit 5 --json'],
  run: (words, options, io) => {
    const query = words.join(' ');
    const db = options.db ?? 'edgar.db';
    const limit = options.limit ?? 20;
    const json = Boolean(options.json);
    let sqlite: Database.Database | null = null;
    try {
      sqlite = openReadOnly(db);
      const items = Boolean(options.items);
      if (items && !hasItemText(sqlite)) throw new UsageError(`${db} has no full-text index of Items (table items_fts): the Items of filings are not stored in it`);
      if (!items && !hasDocumentText(sqlite)) throw new UsageError(`${db} has no full-text index (table document_text): it was made by an older edgar-extract; store the filings again to build it`);
      const mark = marksFor(io, json);
      let hits: (SearchHit | ItemSearchHit)[];
      let text: string;
      try {
        const searchOptions = { limit, raw: Boolean(options.raw), mark };
        if (items) {
          const found = searchItems(sqlite, query, searchOptions);
          hits = found;
          text = formatItemHits(found);
        } else {
          const found = searchDocuments(sqlite, query, searchOptions);
          hits = found;
          text = formatSearchHits(found);
        }
      } catch (error) {
        const message = (error as Error).message;
        if (/fts5|syntax|no such column/i.test(message)) throw new UsageError(explainFtsError(message, Boolean(options.raw)));
        throw error;
      }
      if (json) io.stdout.write(`${JSON.stringify(hits.map((h) => snakeCaseKeys({ ...h, snippet: cleanSnippet(h.snippet) })), null, 2)}\n`);
      else if (hits.length) io.stdout.write(`${text}\n`);
      if (hits.length === 0) {
        io.stderr.write(`no ${items ? 'Item' : 'document'} matches ${JSON.stringify(query)}\n`);
        return EXIT.inputFailed;
      }
      if (!json) io.stderr.write(`${hits.length} result${hits.length === 1 ? '' : 's'}${hits.length === limit ? ` (the first ${limit}; --limit N for more)` : ''}\n`);
      return EXIT.ok;
    } finally {
      sqlite?.close();
    }
  },
};

/** `search`'s argument list (after the word `search`) → exit code; the same as `edgar-extract search …`. */
export async function runSearchCommand(argv: readonly string[], io: Partial<CliIo> & Pick<CliIo, 'stdout' | 'stderr'>): Promise<number> {
  return runProgram([searchCommand], ['search', ...argv], { env: process.env, ...io });
}
