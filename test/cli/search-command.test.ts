/**
 * `edgar-extract search`: finds the founding sample's waiver letters by "anti-dilution", listing filing, document
 * and snippet; --limit, --json and --raw; clear usage errors for a database without the full-text table.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSearchCommand } from '../../src/cli/search-command.js';
import { documentTextRows, ingestSubmission } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/database.js';
import { writeDocumentText } from '../../src/store/document-text.js';
import { io } from '../helpers/cli-output.js';
import { openProductDatabase } from '../helpers/product-database.js';

const sample = new Uint8Array(readFileSync(new URL('../../samples/0001125282-03-003998.txt', import.meta.url)));
let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edgar-search-'));
  dbPath = join(dir, 'edgar.db');
  const db = openProductDatabase(dbPath);
  const result = ingestSubmission(db, sample, { sourceName: 'samples/0001125282-03-003998.txt' });
  writeDocumentText(db, result.accessionNumber, documentTextRows(result.submission));
  db.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function search(...argv: string[]) {
  const out = io();
  const code = await runSearchCommand([...argv, '--db', dbPath], out);
  return { code, stdout: out.stdout.text, stderr: out.stderr.text };
}

describe('search', () => {
  it('finds the waiver letters by "anti-dilution" and lists filing, document and snippet', async () => {
    const r = await search('anti-dilution');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^0001125282-03-003998 {2}SC 13D\/A {2}\d{4}-\d{2}-\d{2} {2}HUDSON TECHNOLOGIES INC \/NY\n/);
    for (const type of ['EX-12', 'EX-13', 'EX-10', 'EX-11']) expect(r.stdout).toMatch(new RegExp(`^  document \\d+ ${type}: .*anti-dilution`, 'im'));
    // Piped output carries no highlighting marks.
    expect(r.stdout).not.toContain('**');
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toMatch(/^\d+ results?\n$/);
  });

  it('ANDs several words and honours --limit', async () => {
    const r = await search('anti-dilution waiver', '--limit', '2');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^ {2}document /gm)).toHaveLength(2);
    expect(r.stderr).toMatch(/the first 2; --limit N for more/);
  });

  it('prints JSON with --json', async () => {
    const r = await search('"initial conversion price"', '--json');
    expect(r.code).toBe(0);
    // The database's vocabulary (snake_case), and no highlighting marks inside JSON.
    const hits = JSON.parse(r.stdout) as { accession_number: string; document_type: string; snippet: string }[];
    expect(hits.map((h) => h.document_type)).toEqual(expect.arrayContaining(['EX-12', 'EX-13']));
    expect(hits[0]!.snippet).toMatch(/Initial Conversion Price/i);
    // eslint-disable-next-line no-control-regex -- no ANSI escape may reach a snippet
    expect(hits[0]!.snippet).not.toMatch(/\*\*|\u001b/);
  });

  it('says so when nothing matches, and exits 1 as grep does', async () => {
    const r = await search('zeppelin');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('no document matches "zeppelin"\n');
  });

  it('reports a malformed --raw query as a usage error', async () => {
    const r = await search('text : (', '--raw');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^edgar-extract search: FTS5 cannot read the query .*double quotes/);
  });

  it('rejects a missing query and a bad --limit', async () => {
    expect((await search()).code).toBe(2);
    const bad = await search('x', '--limit', 'ten');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--limit must be a whole number/);
  });

  it('explains a database made before full-text search existed', async () => {
    const old = join(dir, 'old.db');
    openDatabase(old).close();
    const out = io();
    const code = await runSearchCommand(['waiver', '--db', old], out);
    // Only meaningful until document_text is wired into the migrations; afterwards every database has it.
    const hasTable = out.stderr.text === 'no document matches "waiver"\n';
    if (hasTable) expect(code).toBe(1);
    else {
      expect(code).toBe(2);
      expect(out.stderr.text).toMatch(/has no full-text index \(table document_text\)/);
    }
  });
});
