/**
 * Full-text search over Items: the items module's `items_fts` follows `items` through inserts, replacements and
 * deletions; searchItems and `edgar-extract search --items` query it with the same rules and snippets as documents.
 */
import { describe, expect, it } from 'vitest';
import { runSearchCommand } from '../../src/cli/search-command.js';
import { searchItems } from '../../src/store/item-text.js';
import { io } from '../helpers/cli-output.js';
import { addFiling, insertRow, openProductDatabase } from '../helpers/product-database.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ACCESSION = '0001125282-03-003998';
const ITEM4 = 'The Reporting Persons agreed to waive the anti-dilution adjustment of the Conversion Price of the Convertible Notes.';
const ITEM5 = 'US Fund beneficially owns 4,413,110 shares, or 49.8% of the class.';

function fill(db: ReturnType<typeof openProductDatabase>) {
  addFiling(db, { accession: ACCESSION, formType: 'SC 13D/A', filedAt: '2003-06-25' });
  insertRow(db.sqlite, 'items', { accession_number: ACCESSION, ordinal: 1, item_number: 4, title: 'Purpose of Transaction', text: ITEM4 });
  insertRow(db.sqlite, 'items', { accession_number: ACCESSION, ordinal: 2, item_number: 5, title: 'Interest in Securities of the Issuer', text: ITEM5 });
}

describe('items_fts', () => {
  it('finds Items by their words and follows changes to items', () => {
    const db = openProductDatabase();
    fill(db);
    const hits = searchItems(db.sqlite, 'anti-dilution');
    expect(hits).toEqual([
      expect.objectContaining({ accessionNumber: ACCESSION, itemNumber: '4', title: 'Purpose of Transaction', formType: 'SC 13D/A', filedAt: '2003-06-25' }),
    ]);
    expect(hits[0]!.snippet).toContain('**anti-dilution**');
    expect(searchItems(db.sqlite, 'beneficially owns').map((h) => h.itemNumber)).toEqual(['5']);

    db.sqlite.prepare("UPDATE items SET text = 'replaced words' WHERE item_number = 4").run();
    expect(searchItems(db.sqlite, 'anti-dilution')).toEqual([]);
    expect(searchItems(db.sqlite, 'replaced').map((h) => h.itemNumber)).toEqual(['4']);
    db.sqlite.prepare('DELETE FROM items').run();
    expect(searchItems(db.sqlite, 'replaced')).toEqual([]);
  });

  it('edgar-extract search --items lists filing, Item and snippet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edgar-items-'));
    try {
      const path = join(dir, 'edgar.db');
      const db = openProductDatabase(path);
      fill(db);
      db.close();
      const out = io();
      expect(await runSearchCommand(['anti-dilution', '--items', '--db', path], out)).toBe(0);
      expect(out.stdout.text).toBe(`${ACCESSION}  SC 13D/A  2003-06-25  HUDSON TECHNOLOGIES INC /NY\n  Item 4 (Purpose of Transaction): The Reporting Persons agreed to waive the anti-dilution adjustment of the Conversion Price of the Convertible Notes.\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
