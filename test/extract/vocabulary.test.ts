/**
 * Enumerated fields are declared once, as tuples (src/extract/vocabulary.ts): the record types must hold exactly the
 * tuple's words (checked at compile time by `npm run typecheck`), and every enumerated column's CHECK and docs come
 * from the tuple (checked at run time over the table models).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ReportingPersonRecord, Schedule13Record } from '../../src/extract/cover-page/types.js';
import type { DocumentClassification } from '../../src/extract/exhibits/classify.js';
import type {
  AmendmentAmountRecord,
  AmendmentChangeRecord,
  ConversionPriceRuleRecord,
  ExhibitReferenceRecord,
  WaiverItemRecord,
  WaiverRecord,
} from '../../src/extract/exhibits/types.js';
import type { CheckRow, HoldingRow, OptionRow, TransactionRow } from '../../src/extract/prose/types.js';
import * as V from '../../src/extract/vocabulary.js';
import { openDatabase } from '../../src/store/database.js';
import { allTables } from '../../src/store/migrations.js';
import { allViewModels } from '../../src/store/views.js';

type Words<T extends readonly string[]> = T[number];

describe('vocabulary', () => {
  it('each record field holds exactly the words of its tuple', () => {
    expectTypeOf<Schedule13Record['kind']>().toEqualTypeOf<Words<typeof V.SCHEDULE_KINDS>>();
    expectTypeOf<Schedule13Record['format']>().toEqualTypeOf<Words<typeof V.COVER_FORMATS>>();
    expectTypeOf<ReportingPersonRecord['memberOfGroup']>().toEqualTypeOf<Words<typeof V.GROUP_BOXES> | null>();
    expectTypeOf<DocumentClassification['documentClass']>().toEqualTypeOf<Words<typeof V.DOCUMENT_CLASSES>>();
    expectTypeOf<DocumentClassification['basis']>().toEqualTypeOf<Words<typeof V.CLASS_BASES>>();
    expectTypeOf<WaiverRecord['kind']>().toEqualTypeOf<Words<typeof V.WAIVER_KINDS>>();
    expectTypeOf<WaiverItemRecord['kind']>().toEqualTypeOf<Words<typeof V.WAIVER_ITEM_KINDS>>();
    expectTypeOf<ConversionPriceRuleRecord['priceBasis']>().toEqualTypeOf<Words<typeof V.PRICE_BASES>>();
    expectTypeOf<AmendmentChangeRecord['changeKind']>().toEqualTypeOf<Words<typeof V.AMENDMENT_CHANGE_KINDS>>();
    expectTypeOf<AmendmentAmountRecord['role']>().toEqualTypeOf<Words<typeof V.AMENDMENT_AMOUNT_ROLES>>();
    expectTypeOf<ExhibitReferenceRecord['referenceKind']>().toEqualTypeOf<Words<typeof V.REFERENCE_KINDS>>();
    expectTypeOf<HoldingRow['securityKind']>().toEqualTypeOf<Words<typeof V.SECURITY_KINDS>>();
    expectTypeOf<NonNullable<HoldingRow['role']>>().toEqualTypeOf<Words<typeof V.HOLDING_ROLES>>();
    expectTypeOf<OptionRow['kind']>().toEqualTypeOf<Words<typeof V.OPTION_KINDS>>();
    expectTypeOf<OptionRow['status']>().toEqualTypeOf<Words<typeof V.OPTION_STATUSES>>();
    expectTypeOf<TransactionRow['action']>().toEqualTypeOf<Words<typeof V.TRANSACTION_ACTIONS>>();
    expectTypeOf<CheckRow['status']>().toEqualTypeOf<Words<typeof V.CHECK_STATUSES>>();
  });

  it('every column whose CHECK lists words documents each of them', () => {
    const columns = allTables().flatMap((t) => t.columns.map((c) => ({ where: `${t.name}.${c.name}`, ...c })));
    let enumerated = 0;
    for (const c of columns) {
      const list = c.check?.match(/\bIN \(('[^)]*)\)/)?.[1];
      if (!list) continue;
      enumerated += 1;
      for (const word of list.split(', ').map((w) => w.replace(/^'|'$/g, ''))) expect(c.doc, c.where).toMatch(new RegExp(`(^|[^a-z_])${word}([^a-z_]|$)`));
    }
    expect(enumerated).toBeGreaterThanOrEqual(18);
  });

  it('the waivers_by_issuer view documents waivers.kind with its words (the docs once said "waiver, consent or amendment")', () => {
    const kind = allViewModels(['waivers', 'filings', 'filing_entities']).find((v) => v.name === 'waivers_by_issuer')!.columns.find((c) => c.name === 'kind')!;
    expect(kind.doc).toContain(V.WAIVER_KINDS.join(' or '));
  });
});

describe('ordinals', () => {
  it('every ordinal column counts from 1: its CHECK, its docs and the CHECK a fresh database enforces agree', () => {
    const db = openDatabase(':memory:');
    let checked = 0;
    for (const table of allTables()) {
      const ordinal = table.columns.find((c) => c.name === 'ordinal');
      if (!ordinal) continue;
      checked += 1;
      expect(ordinal.check, table.name).toBe('ordinal >= 1');
      expect(ordinal.doc, table.name).toContain('from 1');
      const ddl = db.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table.name) as string;
      expect(ddl, table.name).toContain('ordinal INTEGER NOT NULL CHECK (ordinal >= 1)');
    }
    db.close();
    expect(checked).toBeGreaterThanOrEqual(19);
  });
});
