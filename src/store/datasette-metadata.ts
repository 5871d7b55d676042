/**
 * A Datasette `metadata.json` for an edgar-extract database, generated from the same models as docs/schema.md: each
 * table, view and full-text table gets a title, a description ("One row per …") and a description per column, so
 * Datasette shows what every column means. FTS5's shadow tables are hidden; `items` names its FTS table.
 */
import { amendmentChainsTable } from './chains.js';
import { openDatabase } from './database.js';
import { documentTextFts } from './document-text.js';
import { FTS5_SHADOW_SUFFIXES, listSchemaObjects } from './docs.js';
import { itemsFtsModel } from './item-text.js';
import { allTables } from './migrations.js';
import { allViewModels } from './views.js';

export interface DatasetteTableMetadata {
  title?: string;
  description?: string;
  columns?: Record<string, string>;
  hidden?: boolean;
  fts_table?: string;
  fts_pk?: string;
}

export interface DatasetteMetadata {
  title: string;
  description: string;
  source: string;
  source_url: string;
  databases: Record<string, { description: string; tables: Record<string, DatasetteTableMetadata> }>;
}

function title(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function onePer(doc: string): string {
  const text = `One row per ${doc}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Metadata for a database named `databaseName` (Datasette's name for a file is its base name without `.db`). */
export function datasetteMetadata(databaseName = 'edgar'): DatasetteMetadata {
  const db = openDatabase(':memory:');
  let objects: { name: string; kind: string }[];
  try {
    objects = listSchemaObjects(db.sqlite).objects;
  } finally {
    db.close();
  }
  const docs = new Map<string, { doc: string; columns: { name: string; doc: string }[] }>();
  for (const m of [...allTables(), amendmentChainsTable, documentTextFts, itemsFtsModel]) docs.set(m.name, m);
  for (const v of allViewModels(objects.map((o) => o.name))) docs.set(v.name, v);
  const tables: Record<string, DatasetteTableMetadata> = {};
  for (const object of objects) {
    const model = docs.get(object.name);
    if (!model) continue;
    const entry: DatasetteTableMetadata = {
      title: title(object.name),
      description: onePer(model.doc),
      columns: Object.fromEntries(model.columns.map((c) => [c.name, c.doc])),
    };
    if (object.name === 'items') {
      entry.fts_table = 'items_fts';
      entry.fts_pk = 'rowid';
    }
    tables[object.name] = entry;
    if (object.kind === 'fts') for (const suffix of FTS5_SHADOW_SUFFIXES) tables[`${object.name}${suffix}`] = { hidden: true };
  }
  return {
    title: 'edgar-extract: Schedule 13D/13G filings',
    description: 'SEC EDGAR Schedule 13D/13G filings and their exhibits, parsed and extracted; every value carries the span it was read from.',
    source: 'SEC EDGAR',
    source_url: 'https://www.sec.gov/edgar/search/',
    databases: { [databaseName]: { description: 'Filings, cover pages, Items, exhibits and their full text.', tables } },
  };
}
