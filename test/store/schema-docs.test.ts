/**
 * docs/schema.md is the contract with users, so it must describe exactly what the database holds: every table, view,
 * full-text table and column a fresh database has is documented, and nothing documented is missing from it.
 *
 * When this fails after a schema change, regenerate and commit docs/schema.md:
 *     npm run build && node scripts/schema-docs.mjs
 * or, without a build:
 *     UPDATE_SCHEMA_DOCS=1 npx vitest run test/store/schema-docs.test.ts
 * A description itself lives next to what it describes: the TableModel (src/store/tables/*.ts, chains.ts), the view
 * models (src/store/views.ts), the FTS models (src/store/document-text.ts), or docs/schema-notes.md for prose.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { generateSchemaDocs, listSchemaObjects, parseSchemaDocs } from '../../src/store/docs.js';
import { STAND_IN_TABLES, openProductDatabase, wiredTables } from '../helpers/product-database.js';

const SCHEMA_MD = new URL('../../docs/schema.md', import.meta.url);
const NOTES_MD = new URL('../../docs/schema-notes.md', import.meta.url);
const HOW = 'regenerate it: `npm run build && node scripts/schema-docs.mjs`, or `UPDATE_SCHEMA_DOCS=1 npx vitest run test/store/schema-docs.test.ts`, and commit docs/schema.md';

const notes = readFileSync(NOTES_MD, 'utf8');
const generated = generateSchemaDocs(notes);
if (process.env.UPDATE_SCHEMA_DOCS && generated.problems.length === 0) writeFileSync(SCHEMA_MD, generated.markdown);

describe('docs/schema.md', () => {
  it('can be generated: every table, view and column of a fresh database has a description', () => {
    expect(generated.problems, 'describe these in their models').toEqual([]);
  });

  it('exists', () => {
    expect(existsSync(SCHEMA_MD), `docs/schema.md is missing; ${HOW}`).toBe(true);
  });

  it('describes every table, view and column of the database, and nothing else', () => {
    const described = parseSchemaDocs(readFileSync(SCHEMA_MD, 'utf8'));
    const db = openDatabase(':memory:');
    const { objects, problems } = listSchemaObjects(db.sqlite);
    db.close();
    expect(problems).toEqual([]);
    const missing: string[] = [];
    for (const o of objects) {
      const cols = described.get(o.name);
      if (!cols) {
        missing.push(`${o.kind} ${o.name} is not described`);
        continue;
      }
      for (const c of o.columns) if (!cols.includes(c)) missing.push(`${o.name}.${c} is not described`);
      for (const c of cols) if (!o.columns.includes(c)) missing.push(`${o.name}.${c} is described but not in the database`);
    }
    for (const name of described.keys()) if (!objects.some((o) => o.name === name)) missing.push(`${name} is described but not in the database`);
    expect(missing, `docs/schema.md disagrees with the database; ${HOW}`).toEqual([]);
  });

  it('is up to date with the models and docs/schema-notes.md', () => {
    const committed = existsSync(SCHEMA_MD) ? readFileSync(SCHEMA_MD, 'utf8') : '';
    expect(committed === generated.markdown, `docs/schema.md is stale; ${HOW}`).toBe(true);
  });

  describe('example queries', () => {
    const db = openDatabase(':memory:');
    const tables = new Set(listSchemaObjects(db.sqlite).objects.map((o) => o.name));
    const queries = [...readFileSync(SCHEMA_MD, 'utf8').matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!.trim()).filter((q) => !/^CREATE VIEW/i.test(q));
    it('there are example queries', () => {
      expect(queries.length).toBeGreaterThanOrEqual(5);
    });
    queries.forEach((sql, i) => {
      const first = sql.split('\n').find((l) => /\bFROM\b/i.test(l))?.trim() ?? sql.slice(0, 40);
      it(`#${i + 1} compiles against the schema (${first})`, (ctx) => {
        try {
          db.sqlite.prepare(sql);
        } catch (error) {
          const missing = /no such table: (\w+)/.exec((error as Error).message)?.[1];
          // A query about a table another module has not wired in yet waits for it.
          if (missing && !tables.has(missing)) ctx.skip();
          throw error;
        }
      });
    });
  });
});

describe('this module\'s schema is fully described (before it is wired into MIGRATIONS)', () => {
  it('amendment_chains, document_text and every view have a description for every column', () => {
    const db = openProductDatabase();
    const { problems } = generateSchemaDocs(notes, db.sqlite);
    db.close();
    const wired = wiredTables();
    const standIns = STAND_IN_TABLES.map((t) => t.name).filter((n) => !wired.has(n));
    // Stand-ins are test doubles for other modules' tables: their real models carry the descriptions.
    const ours = problems.filter((p) => !standIns.some((n) => p.startsWith(`Table ${n} `)));
    expect(ours).toEqual([]);
  });

  it('every example query of docs/schema-notes.md compiles against the full schema', () => {
    const db = openProductDatabase();
    const queries = [...notes.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
    expect(queries.length).toBeGreaterThanOrEqual(5);
    for (const sql of queries) expect(() => db.sqlite.prepare(sql), sql).not.toThrow();
    db.close();
  });
});
