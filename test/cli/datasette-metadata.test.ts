/** `edgar-extract datasette-metadata`: Datasette's metadata.json, from the table models' docs. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { openDatabase } from '../../src/store/database.js';
import { listSchemaObjects } from '../../src/store/docs.js';
import { datasetteMetadata } from '../../src/store/datasette-metadata.js';
import { io } from '../helpers/cli-output.js';

describe('datasette-metadata', () => {
  it('gives every table, view and full-text table of a new database a title, a description and every column a description', () => {
    const metadata = datasetteMetadata();
    const tables = metadata.databases.edgar!.tables;
    const db = openDatabase(':memory:');
    const { objects } = listSchemaObjects(db.sqlite);
    db.close();
    const undocumented: string[] = [];
    for (const object of objects) {
      const entry = tables[object.name];
      if (object.name === 'schema_migrations') continue;
      if (!entry?.title || !entry.description) undocumented.push(object.name);
      for (const column of object.columns) if (!entry?.columns?.[column]) undocumented.push(`${object.name}.${column}`);
    }
    expect(undocumented).toEqual([]);
    expect(tables.reporting_persons!.title).toBe('Reporting persons');
    expect(tables.reporting_persons!.columns!.percent_of_class).toMatch(/49\.8 = 49\.8%/);
    expect(tables.items).toMatchObject({ fts_table: 'items_fts', fts_pk: 'rowid' });
    expect(tables.items_fts_data).toEqual({ hidden: true });
  });

  it('writes metadata.json with --out, named for the database with --name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgar-datasette-'));
    try {
      const out = join(dir, 'metadata.json');
      const streams = io();
      expect(await runCli(['datasette-metadata', '--out', out, '--name', 'filings'], { ...streams, env: {} })).toBe(0);
      const written = JSON.parse(readFileSync(out, 'utf8')) as ReturnType<typeof datasetteMetadata>;
      expect(Object.keys(written.databases)).toEqual(['filings']);
      expect(written.databases.filings!.tables.filings!.columns!.filed_at).toContain('FILED AS OF DATE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
