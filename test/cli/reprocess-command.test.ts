/**
 * Upgrades. PIPELINE_VERSION never changed although stored output had, and identical bytes were skipped, so users
 * who upgraded kept the old, wrong rows. Now the same input given again after an upgrade is re-extracted, and
 * `edgar-extract reprocess` re-extracts every filing an older pipeline stored, from the input kept in `sources`
 * (no files, no network), or for a 0.1.0 database from its recorded file, else says "cannot reprocess".
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/database.js';
import { PIPELINE_VERSION } from '../../src/version.js';
import { io } from '../helpers/cli-output.js';

const dir = mkdtempSync(join(tmpdir(), 'edgar-reprocess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SAMPLE = 'samples/0001125282-03-003998.txt';

function madeBy010(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, gunzipSync(readFileSync('test/databases/made-by-0.1.0.db.gz')));
  return path;
}

async function reprocess(db: string) {
  const out = io();
  const code = await runCli(['reprocess', '--db', db], { ...out, env: {} });
  return { code, stdout: out.stdout.text, stderr: out.stderr.text };
}

describe('same input after an upgrade', () => {
  it('giving the same input again after an upgrade re-extracts it ("refreshed"), not "already stored"', () => {
    const db = openDatabase(madeBy010('same-input.db'));
    expect(db.sqlite.prepare('SELECT pipeline_version FROM filings').pluck().get()).toBe('0.1.0');
    const result = ingestSubmission(db, new Uint8Array(readFileSync(SAMPLE)), { sourceName: SAMPLE });
    expect(result.store).toMatchObject({ action: 'refreshed', changed: true });
    expect(db.sqlite.prepare('SELECT pipeline_version FROM filings').pluck().get()).toBe(PIPELINE_VERSION);
    // Re-extracted rows now have their source kept too.
    expect(db.readSource('0001125282-03-003998')).toEqual(new Uint8Array(readFileSync(SAMPLE)));
    expect(ingestSubmission(db, new Uint8Array(readFileSync(SAMPLE)), { sourceName: SAMPLE }).store.action).toBe('unchanged');
    db.close();
  });
});

describe('edgar-extract reprocess', () => {
  it('re-extracts filings stored by an older pipeline from the source kept in the database, with the input file gone', async () => {
    const input = join(dir, 'input.txt');
    copyFileSync('test/fixtures/sc13/0000902664-04-001527.txt', input);
    const path = join(dir, 'kept.db');
    const db = openDatabase(path);
    ingestSubmission(db, new Uint8Array(readFileSync(input)), { sourceName: input });
    ingestSubmission(db, new Uint8Array(readFileSync(SAMPLE)), { sourceName: SAMPLE });
    const good = db.sqlite.prepare('SELECT name, aggregate_amount FROM reporting_persons ORDER BY accession_number, ordinal').all();
    // What an older pipeline left: other rows, an older version.
    db.sqlite.exec("UPDATE filings SET pipeline_version = '0.1.0'; DELETE FROM reporting_persons");
    db.close();
    rmSync(input);

    const run = await reprocess(path);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stderr).toContain('reprocess: 2/2 (100%)');
    expect(run.stdout).toBe(`reprocessed 2 of 2 filing(s) stored by an older pipeline version (now ${PIPELINE_VERSION})\n`);
    const after = openDatabase(path, { readonly: true });
    expect(after.sqlite.prepare('SELECT name, aggregate_amount FROM reporting_persons ORDER BY accession_number, ordinal').all()).toEqual(good);
    expect(after.sqlite.prepare('SELECT DISTINCT pipeline_version FROM filings').pluck().all()).toEqual([PIPELINE_VERSION]);
    after.close();
    expect(await reprocess(path)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^nothing to reprocess/) });
  });

  it('a database made by 0.1.0 (which kept no sources) is reprocessed from the recorded file, else "cannot reprocess: source not kept"', async () => {
    const path = madeBy010('old.db');
    // 0.1.0 recorded the path it read, relative to where it ran: samples/… exists here with the same bytes.
    const first = await reprocess(path);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('reprocessed 1 of 1');

    const gone = madeBy010('gone.db');
    const db = openDatabase(gone);
    db.sqlite.exec("UPDATE filings SET source_name = 'no/longer/here.txt'");
    db.close();
    const second = await reprocess(gone);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('edgar-extract reprocess: 0001125282-03-003998: cannot reprocess: source not kept');
    expect(second.stdout).toContain('reprocessed 0 of 1 filing(s) stored by an older pipeline version');
    expect(second.stdout).toContain('1 cannot be reprocessed');
  });

  it('leaves filings stored by a newer pipeline alone', async () => {
    const path = join(dir, 'newer.db');
    const db = openDatabase(path);
    ingestSubmission(db, new Uint8Array(readFileSync(SAMPLE)), { sourceName: SAMPLE });
    db.sqlite.exec("UPDATE filings SET pipeline_version = '99.0.0'");
    db.close();
    expect(await reprocess(path)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^nothing to reprocess/) });
  });
});
