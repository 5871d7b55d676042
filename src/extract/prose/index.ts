/**
 * Reads the prose of a schedule's items into records: holdings, notes, options/warrants, transactions and the
 * Item 5 basis, plus the sums the prose asserts ("which is the sum of …") for the checks.
 *
 * Handles: a 13D's Items 3 and 5 and a 13G's Item 4 (where positions are stated); terms and instruments learnt from
 * every item; duplicates (Item 5 restating Item 3's purchases) merged, with the differences kept for the checks;
 * sentences with numbers that no reader could use reported as `PROSE_UNREAD` warnings, and typos such as
 * "$42,478 shares" as `PROSE_TYPO` warnings.
 * Also the trades of the items a 13D's Item 5(c) refers to for its transactions (incorporated-trades.ts), with the trade
 * readers only.
 * Also the issuer's sales to a holder that a later sentence says closed (issuer-sales.ts), as the holder's purchases.
 * Also the exhibit after the items that the position item's (a) or (b) points at ("(a) See Exhibit A hereto",
 * incorporated-positions.ts), read as more of that item.
 * Does not handle: Items 4 and 6 otherwise (intent and agreements: their numbers are mostly conditional), other
 * exhibits, or tables laid out as HTML grids of positions.
 */
import type { ExtractionWarning } from '../types.js';
import { nameKey, type Party } from './parties.js';
import { InstrumentRegistry } from './instruments.js';
import { readHoldings } from './holdings.js';
import { blockHeading, newPositionState } from './position-holders.js';
import { flattenedPairList, flattenedPersonColumns, readTableLines } from './position-tables.js';
import { readPositions } from './positions.js';
import { roleOf } from './position-roles.js';
import { completeNotes, readNotes } from './notes.js';
import { heldOptions, readOptionGrants, tiedOptions } from './options.js';
import { readDivision, readOwnershipBasis } from './ownership-basis.js';
import { MAX_SENTENCE_CHARS } from './sentences.js';
import { appendixLines, itemLines, lineSentence, sentencesOf, type ProseItem } from './item-sentences.js';
import { incorporatedTrades } from './incorporated-trades.js';
import { incorporatedExhibit } from './incorporated-positions.js';
import { applySourceOfFunds, readTransactions } from './transactions.js';
import { readIssuerSales } from './issuer-sales.js';
import { readScheduleTradeLines, readTradeTable } from './trade-tables.js';
import {
  evidence,
  sentenceSpan,
  type Evidence,
  type Found,
  type HoldingRole,
  type HoldingRow,
  type NoteRow,
  type OptionRow,
  type OwnershipBasisRow,
  type ProseContext,
  type ProseSentence,
  type TransactionRow,
} from './types.js';
import { pushAll } from '../../arrays.js';
import { matchesOf } from '../../matches.js';

export { PartyIndex } from './parties.js';
export type { ProseItem } from './item-sentences.js';
export type * from './types.js';

/** An arithmetic statement of the prose: `total (which is the sum of parts…)`. */
export interface StatedSum {
  total: Evidence & { value: number };
  parts: (Evidence & { value: number })[];
  sentence: ProseSentence;
}

/** Two statements of one transaction that disagree (Item 3 and Item 5 giving different conversion shares). */
export interface Restatement {
  field: string;
  first: Found<TransactionRow>;
  second: Found<TransactionRow>;
}

export interface ProseResult {
  holdings: Found<HoldingRow>[];
  notes: Found<NoteRow>[];
  options: Found<OptionRow>[];
  transactions: Found<TransactionRow>[];
  ownershipBasis: Found<OwnershipBasisRow>[];
  sums: StatedSum[];
  restatements: Restatement[];
  typos: { evidence: Evidence; sentence: ProseSentence; message: string }[];
  /** Values read by statements merged into an earlier record (they count as read). */
  merged: Evidence[];
  warnings: ExtractionWarning[];
}

/** Which items state positions. */
export function proseItemNumbers(kind: '13D' | '13G'): number[] {
  return kind === '13D' ? [3, 5] : [4];
}

/**
 * The options and warrants a cover page's footnote says a person holds: "(1) Figure, as referred to throughout,
 * consists of 392,222 shares underlying currently exercisable options held by Jeffrey Klausner and 13,889 shares
 * underlying stock options …" (0001104659-06-013862). Positions in shares underlying them only, never holdings: the
 * cover's own figures are the cover-page reader's. The footnote explains figures that the position item restates, so
 * the caller gives the text that item's number, and reads it only when that item states a position.
 */
function coverNoteOptions(coverNotes: ProseItem | null, ctx: ProseContext): Found<HoldingRow>[] {
  if (!coverNotes) return [];
  const out: Found<HoldingRow>[] = [];
  const mentionsOptions = (raw: string): boolean => /\b(?:options?|warrants?)\b/i.test(raw);
  if (!mentionsOptions(coverNotes.source.text.slice(coverNotes.source.start, coverNotes.source.end))) return [];
  for (const s of sentencesOf(coverNotes, ctx.parties, mentionsOptions)) {
    for (const r of readPositions(s, ctx, newPositionState(), new Map())) if (r.row.role === 'underlying') out.push(r);
  }
  return out;
}

/**
 * @param appendix text after the last item (schedules of trades that Item 5(c) incorporates, "Schedule B"): only its
 *   trade lines are read, one line at a time.
 * @param coverNotes text before the first item (the cover pages and their footnotes): only the options and warrants
 *   a footnote says a person holds are read (`coverNoteOptions`).
 */
export function readProse(items: ProseItem[], kind: '13D' | '13G', ctx: ProseContext, appendix: ProseItem | null = null, coverNotes: ProseItem | null = null): ProseResult {
  const bySection = items.map((item) => ({ item, sentences: sentencesOf(item, ctx.parties) }));
  const proseNumbers = proseItemNumbers(kind);
  const prose = bySection.filter((b) => proseNumbers.includes(b.item.itemNumber));
  const positionItem = kind === '13G' ? 4 : 5;
  // The exhibit after the items that the position item's (a) or (b) answers with ("(a) See Exhibit A hereto") is more
  // of that item: read with it, and among the sentences every item's are (terms learnt, cut sentences reported, notes
  // completed).
  const positionSection = prose.find((b) => b.item.itemNumber === positionItem);
  const exhibit = positionSection ? incorporatedExhibit(positionSection.item, positionSection.sentences, appendix) : null;
  const exhibitSection = exhibit ? { item: exhibit, sentences: sentencesOf(exhibit, ctx.parties) } : null;
  if (exhibitSection) prose.push(exhibitSection);
  const all = [...bySection, ...(exhibitSection ? [exhibitSection] : [])].flatMap((b) => b.sentences);
  const registry = new InstrumentRegistry();
  registry.learn(all);

  // Rows read one table line at a time (a trade each), told apart from sentences' restatements when merging.
  const lineRows = new WeakSet<TransactionRow>();
  const tradeLines = (rows: Found<TransactionRow>[]): Found<TransactionRow>[] => {
    for (const r of rows) lineRows.add(r.row);
    return rows;
  };
  const result: ProseResult = { holdings: [], notes: [], options: [], transactions: [], ownershipBasis: [], sums: [], restatements: [], typos: [], merged: [], warnings: [] };
  for (const s of all) {
    if (!s.cut) continue;
    const span = s.source.toDocument(s.start, s.end);
    result.warnings.push({ code: 'PROSE_SENTENCE_CUT', message: `Item ${s.itemNumber}: ${MAX_SENTENCE_CHARS} characters without a sentence end; read in pieces`, documentSequence: s.documentSequence, span });
  }
  const positions: Found<HoldingRow>[] = [];
  // Options and warrants whose counts the option vocabulary ties to them, with the holders the readers gave.
  const tied: Found<OptionRow>[] = [];
  for (const { item, sentences } of prose) {
    const positionState = newPositionState();
    let lastBasis: Found<OwnershipBasisRow> | null = null;
    let heading: Party[] = [];
    let amountList = false;
    sentences.forEach((s, i) => {
      // A line that only names a party ("A. Tontine Financial Partners, L.P.", "Vertex Opportunities") heads the
      // statements under it.
      const named = blockHeading(s, ctx);
      if (named) heading = named;
      // Under "Amount beneficially owned:" a 13G lists "Name: N" lines; under a power label the same lines are powers.
      // So does a lead ending in a colon: "The Reporting Persons beneficially own the following shares of Class S Units:".
      if (/\bamount\s+beneficially\s+owned\b|\baggregate\s+(?:number|amount)\b/i.test(s.raw) || (/:\s*$/.test(s.raw) && /\bbeneficially\s+own(?:s|ed)?\s+the\s+following\b/i.test(s.raw))) amountList = true;
      else if (/\bpower\b|\bpercent(?:age)?\s+of\s+class\b/i.test(s.raw)) amountList = false;
      const held = readHoldings(s, ctx, sentences.slice(i + 1, i + 6), heading, amountList);
      // Counts the pattern readers used, with their holders (the structural reader continues lists from them).
      const used = new Map<number, { holders: Party[]; role: HoldingRole }>();
      // Tokens by document offset, built once per sentence (a lookup per row would be quadratic in a long sentence).
      const byOffset = held.length ? new Map(s.tokens.map((x) => [sentenceSpan(s, x.start, x.end).start, x])) : null;
      for (const h of held) {
        const t = h.evidence.shares ? byOffset!.get(h.evidence.shares.span.start) : undefined;
        const party = s.mentions.find((m) => m.party.name === h.row.holder)?.party;
        const group = party?.group ?? false;
        h.row.role ??= t ? roleOf(s, h.row, t.start, group) : group ? 'group_total' : 'beneficial';
        if (t) {
          const entry = used.get(t.start) ?? { holders: [], role: h.row.role };
          entry.holders.push(party ?? { name: h.row.holder, coverOrdinal: h.row.reportingPersonOrdinal, group: false, members: [] });
          used.set(t.start, entry);
        }
      }
      pushAll(result.holdings, held);
      // (Person columns of a flattened table first: the counts they read are `used`, no other reader's.)
      const stated = item.itemNumber === positionItem ? [...flattenedPersonColumns(s, ctx, used), ...flattenedPairList(s, used), ...readPositions(s, ctx, positionState, used, sentences.slice(i + 1, i + 3))] : [];
      pushAll(positions, stated);
      pushAll(tied, tiedOptions(s, [...held, ...stated]));
      const notes = readNotes(s, ctx, registry);
      pushAll(result.notes, notes.notes);
      pushAll(result.transactions, notes.transactions);
      const grants = readOptionGrants(s, sentences[i + 1] ?? null, ctx);
      pushAll(result.options, grants.options);
      pushAll(result.transactions, grants.transactions);
      pushAll(result.transactions, readTransactions(s, ctx));
      const basis = readOwnershipBasis(s);
      if (basis) {
        result.ownershipBasis.push(basis);
        lastBasis = basis;
      } else readDivision(s, lastBasis);
      pushAll(result.sums, statedSums(s));
      for (const t of s.tokens) {
        if (t.typo === 'dollar-sign-on-shares') {
          result.typos.push({ evidence: evidence(s, t.start, t.end), sentence: s, message: `"${s.raw.slice(t.start, t.end)} shares": a dollar sign on a share count; the number is not used` });
        }
      }
    });
    pushAll(result.transactions, tradeLines(readTradeTable(sentences, ctx)));
    pushAll(result.transactions, readIssuerSales(sentences, ctx));
    if (item.itemNumber === positionItem) {
      const tableRows = readTableLines(item.source, item.itemNumber, item.documentSequence, ctx, (start, end) => lineSentence(item, ctx, start, end));
      const tableHolders = holdersByCount(tableRows);
      dropOtherHolders(positions, tableHolders);
      dropOtherHolders(result.holdings, tableHolders);
      pushAll(positions, tableRows);
    }
  }
  // The trades of the items a 13D's Item 5(c) refers to for its transactions (never their positions or terms).
  if (kind === '13D') pushAll(result.transactions, incorporatedTrades(prose.filter((p) => p.item.itemNumber === positionItem).flatMap((p) => p.sentences), bySection, proseNumbers, ctx));
  if (appendix && /\b(?:schedule|annex|appendix|exhibit)\s+[A-Z0-9]{1,3}\b/i.test(prose.map((p) => p.item.source.text.slice(p.item.source.start, p.item.source.end)).join(' ').slice(0, 200_000))) {
    const flattenedHeadings = new Set<ProseSentence>();
    const lines = appendixLines(appendix, ctx, flattenedHeadings);
    pushAll(result.transactions, tradeLines(readScheduleTradeLines(lines, ctx, flattenedHeadings)));
  }
  // Trade lines inside Item 5 itself ("Gerald F. Fitzgerald  Purchase  3/22/94  7,000 Class A  $41.50") that the
  // sentence readers did not report (same date and count).
  // Two lines of one day with the same count at different prices are two lots (the price is part of a line's key); a
  // sentence that stated the date and count covers every line of them (a wrapped line of that sentence, "$23.875 per
  // share. On or about December 31, 1993, the Company sold 90,000", is no trade of its own).
  for (const { item } of prose.filter((p) => p.item.itemNumber === positionItem)) {
    const known = new Set(result.transactions.filter((x) => lineRows.has(x.row)).map((x) => `${x.row.transactionDate}|${x.row.shares}|${x.row.pricePerShare}`));
    const stated = new Set(result.transactions.filter((x) => !lineRows.has(x.row)).map((x) => `${x.row.transactionDate}|${x.row.shares}`));
    for (const x of tradeLines(readScheduleTradeLines(itemLines(item, ctx), ctx))) {
      const key = `${x.row.transactionDate}|${x.row.shares}|${x.row.pricePerShare}`;
      if (known.has(key) || stated.has(`${x.row.transactionDate}|${x.row.shares}`)) continue;
      known.add(key);
      result.transactions.push(x);
    }
  }
  pushAll(result.options, completeNotes(result.notes, all, registry));
  applySourceOfFunds(prose.flatMap((p) => p.sentences), result.transactions);

  // A position restated (Item 3 and Item 5, or with and without its conversion) is one row; Item 5's statement,
  // the current one, names it.
  const holdings = dedupe(result.holdings, (h) => [h.holder, h.securityKind, h.shares].join('|'), ['asOfDate', 'percentOfClass', 'security', 'convertibleIntoShares'], (later, kept) => kept.itemNumber === 3 && later.itemNumber !== 3);
  const notes = dedupe(result.notes, (n) => [n.holder, n.definedTerm ?? n.instrument, n.principal].join('|'), []);
  const options = dedupe(result.options, (o) => [o.kind, o.holder, o.security, o.shares, o.grantDate].join('|'), []);
  // A line of a trade table is one trade: lines with the same date, holder and count (lots at different prices) stay
  // apart; the same line read by two table readers has one span and merges.
  // A line that a sentence also states (a bullet list read both ways) merges into the sentence's row.
  const txKey = (t: TransactionRow): string => [t.transactionDate, t.holder, t.action, t.shares, t.principalAmount].join('|');
  const sentenceStated = new Set(result.transactions.filter((x) => !lineRows.has(x.row)).map((x) => txKey(x.row)));
  const tx = dedupe(result.transactions, (t) => (lineRows.has(t) && !sentenceStated.has(txKey(t)) ? `${txKey(t)}|line@${t.spanStart}` : txKey(t)), ['security', 'pricePerShare', 'consideration', 'convertibleIntoShares', 'sourceOfFunds']);
  // The structural reader's positions that no other reader stated: one row per (holder, shares, role), so that a
  // count stated as owned and as a power shows in both roles (item5_vs_cover reads the powers by role).
  const POWERS = new Set(['sole_voting', 'shared_voting', 'sole_dispositive', 'shared_dispositive']);
  const keyOf = (h: HoldingRow): string => `${nameKey(h.holder)}|${h.shares}|${POWERS.has(h.role ?? '') ? h.role : 'owned'}`;
  const stated = new Set(holdings.rows.map((h) => keyOf(h.row)));
  for (const p of positions) {
    const key = keyOf(p.row);
    if (stated.has(key)) {
      holdings.merged.push(...Object.values(p.evidence));
      continue;
    }
    stated.add(key);
    holdings.rows.push(p);
  }
  result.holdings = holdings.rows;
  result.notes = notes.rows;
  // A cover footnote's options explain figures the position item restates; an item that states no figure, only
  // "See Item 9 on the cover page", restates none (0000912282-09-000463), and its options stay the cover's.
  // So do the options another item describes (Item 3's grants): a position item that states no figure of its own
  // (0001144204-13-040868: "Regarding aggregate beneficial ownership, see Row 11 of the cover page …") states none.
  const positionStated = holdings.rows.some((h) => h.row.itemNumber === positionItem);
  const described = options.rows.filter((o) => positionStated || o.row.itemNumber === positionItem);
  result.options = [...described, ...heldOptions([...holdings.rows, ...(holdings.rows.length ? coverNoteOptions(coverNotes, ctx) : [])], described, tied)];
  result.transactions = tx.rows;
  result.restatements = tx.conflicts;
  result.merged = [holdings, notes, options, tx].flatMap((d) => d.merged);
  // (Read, and left out: their sentences are no unread statements.)
  for (const o of options.rows) if (!described.includes(o)) pushAll(result.merged, Object.values(o.evidence));

  for (const t of result.typos) {
    result.warnings.push({ code: 'PROSE_TYPO', message: t.message, documentSequence: t.evidence.documentSequence, span: t.evidence.span });
  }
  pushAll(result.warnings, unreadWarnings(prose.flatMap((p) => p.sentences), result));
  return result;
}

/**
 * Keep the first of rows with the same key, filling its empty fields from later statements; a later statement that
 * disagrees on a field is a restatement for the checks.
 */
function dedupe<Row extends object>(
  list: Found<Row>[],
  key: (r: Row) => string,
  fill: (keyof Row & string)[],
  preferLater?: (later: Row, kept: Row) => boolean,
): { rows: Found<Row>[]; conflicts: { field: string; first: Found<Row>; second: Found<Row> }[]; merged: Evidence[] } {
  const seen = new Map<string, Found<Row>>();
  const rows: Found<Row>[] = [];
  const conflicts: { field: string; first: Found<Row>; second: Found<Row> }[] = [];
  const merged: Evidence[] = [];
  for (const f of list) {
    const k = key(f.row);
    const first = seen.get(k);
    if (!first) {
      seen.set(k, f);
      rows.push(f);
      continue;
    }
    pushAll(merged, Object.values(f.evidence));
    if (preferLater?.(f.row, first.row)) {
      // Keep the later statement's provenance, and the earlier's values where the later has none.
      const keep = { ...first.row };
      Object.assign(first.row, f.row);
      for (const field of fill) if ((first.row as Record<string, unknown>)[field] === null) (first.row as Record<string, unknown>)[field] = (keep as Record<string, unknown>)[field];
      first.evidence = { ...first.evidence, ...f.evidence };
      continue;
    }
    for (const field of fill) {
      const a = first.row[field] as unknown;
      const b = f.row[field] as unknown;
      if ((a === null || a === undefined) && b !== null && b !== undefined) {
        (first.row as Record<string, unknown>)[field] = b;
        const ev = f.evidence[field];
        if (ev) first.evidence[field] = ev;
      } else if (a !== null && b !== null && a !== b && typeof a === 'number' && typeof b === 'number') {
        conflicts.push({ field, first, second: f });
      }
    }
  }
  return { rows, conflicts, merged };
}

/** "5,120,558 (which is the sum of 5,085,558 and 35,000)". */
function statedSums(s: ProseSentence): StatedSum[] {
  const out: StatedSum[] = [];
  for (const m of matchesOf(/\(\s*(?:which\s+is\s+|being\s+)?the\s+sum\s+of\s+([^)]{1,200})\)/gid, s.raw)) {
    const total = [...s.tokens].reverse().find((t) => (t.kind === 'number' || t.kind === 'shares') && t.end <= m.index && t.end >= m.index - 3);
    if (!total) continue;
    const inner = m.indices![1]![0];
    const parts = s.tokens.filter((t) => (t.kind === 'number' || t.kind === 'shares') && t.start >= inner && t.end <= m.index + m[0].length);
    if (parts.length < 2) continue;
    out.push({
      total: { ...evidence(s, total.start, total.end), value: total.value },
      parts: parts.map((p) => ({ ...evidence(s, p.start, p.end), value: p.value })),
      sentence: s,
    });
  }
  return out;
}

/** Sentences with a share count or a dollar amount that no record used. */
function unreadWarnings(sentences: ProseSentence[], r: ProseResult): ExtractionWarning[] {
  const used: Evidence[] = [
    ...[r.holdings, r.notes, r.options, r.transactions, r.ownershipBasis].flatMap((list: Found<object>[]) => list.flatMap((f) => Object.values(f.evidence))),
    ...r.sums.flatMap((s) => [s.total, ...s.parts]),
    ...r.typos.map((t) => t.evidence),
    ...r.merged,
  ];
  // Evidence by document, sorted by start: a sentence is read when some evidence starting inside it also ends inside
  // it. One binary search per sentence and a scan of the evidence starting inside it (a search through all evidence
  // per sentence was quadratic on long items).
  const byDocument = new Map<number | null, { start: number; end: number }[]>();
  for (const e of used) {
    let list = byDocument.get(e.documentSequence);
    if (!list) byDocument.set(e.documentSequence, (list = []));
    list.push(e.span);
  }
  for (const list of byDocument.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  const isRead = (doc: number | null, span: { start: number; end: number }): boolean => {
    const list = byDocument.get(doc);
    if (!list) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start < span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && list[i]!.start < span.end; i++) if (list[i]!.end <= span.end) return true;
    return false;
  };
  const out: ExtractionWarning[] = [];
  for (const s of sentences) {
    const numeric = s.tokens.some((t) => t.kind === 'shares' || (t.kind === 'money' && !t.typo));
    if (!numeric) continue;
    const span = sentenceSpan(s);
    if (isRead(s.documentSequence, span)) continue;
    const preview = s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text;
    out.push({ code: 'PROSE_UNREAD', message: `Item ${s.itemNumber}: a sentence with numbers yielded no record: "${preview}"`, documentSequence: s.documentSequence, span });
  }
  return out;
}

/** The holders (name keys) that table lines give each count, by the count's document offset. */
function holdersByCount(tableRows: readonly Found<HoldingRow>[]): Map<number, Set<string>> {
  const holdersAt = new Map<number, Set<string>>();
  for (const t of tableRows) {
    const at = t.evidence.shares?.span.start;
    if (at === undefined) continue;
    let names = holdersAt.get(at);
    if (!names) holdersAt.set(at, (names = new Set()));
    names.add(nameKey(t.row.holder));
  }
  return holdersAt;
}

/**
 * A count that a table line gives to the holder of its row is that holder's: the rows the sentence readers made of the
 * same count for someone else are removed from `rows` (in place). Flattened, a table's rows run on in one sentence
 * ("… Baker Brothers Life Sciences, L.P. 9,983,274 17,840,603 Total 10,885,357 19,437,944 …"), and the sentence
 * reader gave the Total row's count to the name before it (go-edgar__13d_2024_1 flattened); the table reader gives it
 * to the funds together.
 */
function dropOtherHolders(rows: Found<HoldingRow>[], holdersAt: ReadonlyMap<number, ReadonlySet<string>>): void {
  if (holdersAt.size === 0) return;
  let kept = 0;
  for (const r of rows) {
    const at = r.evidence.shares?.span.start;
    const names = at === undefined ? undefined : holdersAt.get(at);
    if (names && !names.has(nameKey(r.row.holder))) continue;
    rows[kept++] = r;
  }
  rows.length = kept;
}
