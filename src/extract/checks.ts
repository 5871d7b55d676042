/**
 * Cross-checks between what a filing says in different places, stored so a user can see which numbers agree.
 *
 * Handles:
 *   - `cover_vs_item5`: each reporting person's cover-page voting power against the Item 5 positions attributed to
 *     it, counted as shares of the class (a convertible position by its conversion shares, an option by the shares
 *     it covers): sole voting power first, then the aggregate amount, sole + shared, and shared voting power;
 *   - `item5_percent`: a stated percent against its stated numerator and denominator (5,120,558 / 10,285,578 =
 *     49.78…% → 49.8%), compared at the precision printed;
 *   - `holding_percent`: a holding's percent against the shares outstanding of the Item 5 basis (with and without the
 *     holding's own conversion shares added to the denominator, as Rule 13d-3 does);
 *   - `stated_sum`: "X (which is the sum of A, B and C)";
 *   - `note_conversion`: a note's principal / conversion price against the shares it is said to convert into;
 *   - `restatement`: one transaction stated twice with different numbers;
 *   - `typo`: obvious typos the readers refused to trust ("$42,478 shares");
 *   - `cover_field_vs_item5`: each of the cover's five figures (aggregate, percent, sole and shared voting, sole and
 *     shared dispositive power) against the count Item 5 states for the same person in the same role (a pass when
 *     Item 5 states the cover's number in that role, a warning naming both numbers otherwise).
 * Does not handle: reading values (cover-page/ and prose/ do); a check is only made when both sides were read.
 */
import type { Span } from '../parse/types.js';
import type { ReportingPersonRecord, ShareField } from './cover-page/types.js';
import type { ProseResult } from './prose/index.js';
import { printedDecimals } from './prose/tokens.js';
import type { CheckRow, CheckStatus, Evidence, Found, HoldingRow } from './prose/types.js';
import { encodeDocumentSpans, type DocumentSpan } from './span-json.js';

type SpanRef = DocumentSpan;

export function runChecks(cover: ReportingPersonRecord[], prose: ProseResult): CheckRow[] {
  return [
    ...coverVsItem5(cover, prose.holdings),
    ...coverFieldsVsItem5(cover, prose.holdings),
    ...percentChecks(prose),
    ...sumChecks(prose),
    ...noteConversionChecks(prose),
    ...restatementChecks(prose),
    ...typoChecks(prose),
  ];
}

function check(kind: string, subject: string, expected: number | null, actual: number | null, status: CheckStatus, message: string, refs: SpanRef[]): CheckRow {
  const main = refs.find((r) => r.documentSequence !== null) ?? refs[0] ?? null;
  return {
    kind,
    subject,
    expected,
    actual,
    status,
    message,
    documentSequence: main?.documentSequence ?? null,
    spanStart: main?.start ?? null,
    spanEnd: main?.end ?? null,
    spans: encodeDocumentSpans(refs),
  };
}

function ref(e: Evidence | undefined): SpanRef[] {
  return e ? [{ documentSequence: e.documentSequence, start: e.span.start, end: e.span.end }] : [];
}

// One formatter for every call: `toLocaleString` with options builds a new Intl.NumberFormat each time (it showed in
// profiles); the result is the same by definition.
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

function fmt(n: number): string {
  return NUMBER_FORMAT.format(n);
}

/** Shares of the class a position amounts to. */
function classShares(h: HoldingRow): number | null {
  if (h.securityKind === 'note') return null;
  return h.convertibleIntoShares ?? h.shares;
}

const OWNED_ROLES = new Set(['beneficial', 'direct', 'underlying', 'group_total']);

function coverVsItem5(cover: ReportingPersonRecord[], holdings: Found<HoldingRow>[]): CheckRow[] {
  const out: CheckRow[] = [...groupVsCover(cover, holdings)];
  for (const person of cover) {
    // Positions owned (a power alone or a part is compared field by field in coverFieldsVsItem5).
    const all = holdings.filter((h) => h.row.reportingPersonOrdinal === person.ordinal && classShares(h.row) !== null && OWNED_ROLES.has(h.row.role ?? 'beneficial'));
    if (!all.length) continue;
    // Item 5 (13G: Item 4) states the current interest; Item 3 tells how it was built and may describe the past.
    const current5 = all.filter((h) => h.row.itemNumber !== 3);
    const historyOnly = current5.length === 0;
    const mine = historyOnly ? all : current5;
    // Positions as of the latest date stated (an amendment may also restate older positions).
    const dated = mine.filter((h) => h.row.asOfDate);
    const latest = dated.length ? dated.map((h) => h.row.asOfDate!).sort().pop()! : null;
    const current = latest ? mine.filter((h) => h.row.asOfDate === latest || !h.row.asOfDate) : mine;
    const subject = current[0]!.row.holder;
    const item = current[0]!.row.itemNumber;
    const rows: [string, number | null, ShareField][] = [
      ['sole voting power', person.soleVotingPower, 'soleVotingPower'],
      ['aggregate amount', person.aggregateAmount, 'aggregateAmount'],
      ['sole + shared voting power', person.soleVotingPower !== null && person.sharedVotingPower !== null ? person.soleVotingPower + person.sharedVotingPower : null, 'soleVotingPower'],
      ['shared voting power', person.sharedVotingPower, 'sharedVotingPower'],
    ];
    const describe = (list: Found<HoldingRow>[]): string =>
      list.map((h) => `${fmt(classShares(h.row)!)} (${h.row.security ?? 'shares'}${h.row.convertibleIntoShares !== null ? ', as converted' : ''})`).join(' + ');
    const refs = (list: Found<HoldingRow>[], field: ShareField = 'soleVotingPower'): SpanRef[] => [...coverRef(person, field), ...list.flatMap((h) => ref(h.evidence.convertibleIntoShares ?? h.evidence.shares))];
    let done = false;
    for (const [label, value, field] of rows) {
      if (value === null || (value === 0 && current.some((h) => classShares(h.row) !== 0))) continue;
      // All positions together, one stated total, or the parts a total is made of.
      const parts = matchingPositions(current, value);
      if (!parts) continue;
      out.push(check('cover_vs_item5', subject, value, value, 'pass', `cover ${label} ${fmt(value)} = Item ${item} position${parts.length > 1 ? 's' : ''} ${describe(parts)}`, refs(parts, field)));
      done = true;
      break;
    }
    if (done) continue;
    const total = current.reduce((sum, h) => sum + classShares(h.row)!, 0);
    const expected = rows.find(([label, v]) => label === 'aggregate amount' && v !== null) ?? rows.find(([, v]) => v !== null) ?? null;
    if (!expected) {
      out.push(check('cover_vs_item5', subject, null, total, 'warning', `cover page gives no share count to compare with Item ${item} positions ${describe(current)}`, refs(current)));
      continue;
    }
    // Item 3 alone may describe positions before the event, and a convertible security whose conversion shares the
    // prose does not give cannot be counted: a mismatch then is doubtful, not a contradiction.
    const unconverted = current.some((h) => (h.row.securityKind === 'preferred' || h.row.securityKind === 'other') && h.row.convertibleIntoShares === null);
    const why = historyOnly ? ' (Item 3 may describe positions before the event)' : unconverted ? ' (a convertible position is counted without its conversion shares)' : '';
    out.push(
      check('cover_vs_item5', subject, expected[1], total, historyOnly || unconverted ? 'warning' : 'fail', `cover ${expected[0]} ${fmt(expected[1]!)} matches no combination of Item ${item} positions ${describe(current)}${why}`, refs(current, expected[2])),
    );
  }
  return out;
}

/**
 * A position stated for the reporting persons together ("322,100 Shares beneficially owned by the Reporting
 * Persons") against the cover pages, when every cover page gives the same aggregate amount (a group filing).
 */
function groupVsCover(cover: ReportingPersonRecord[], holdings: Found<HoldingRow>[]): CheckRow[] {
  const amounts = cover.map((p) => p.aggregateAmount);
  if (cover.length < 2 || amounts.some((a) => a === null) || new Set(amounts).size !== 1) return [];
  const amount = amounts[0]!;
  const group = holdings.filter((h) => h.row.reportingPersonOrdinal === null && /^reporting persons$/i.test(h.row.holder) && classShares(h.row) !== null);
  if (!group.length) return [];
  const parts = matchingPositions(group, amount);
  const refs = (list: Found<HoldingRow>[]): SpanRef[] => [...coverRef(cover[0]!, 'aggregateAmount'), ...list.flatMap((h) => ref(h.evidence.shares))];
  const shown = (list: Found<HoldingRow>[]): string => list.map((h) => fmt(classShares(h.row)!)).join(' + ');
  if (parts) return [check('cover_vs_item5', 'Reporting Persons', amount, amount, 'pass', `every cover page's aggregate amount ${fmt(amount)} = Item ${parts[0]!.row.itemNumber} position of the Reporting Persons ${shown(parts)}`, refs(parts))];
  const total = classShares(group[0]!.row)!;
  return [check('cover_vs_item5', 'Reporting Persons', amount, total, 'fail', `every cover page's aggregate amount ${fmt(amount)} ≠ Item ${group[0]!.row.itemNumber} position of the Reporting Persons ${shown(group)}`, refs(group))];
}

/** The positions whose class shares add up to `target`: all of them, a single one, or a subset (at most 14 tried). */
function matchingPositions(list: Found<HoldingRow>[], target: number): Found<HoldingRow>[] | null {
  const values = list.map((h) => classShares(h.row)!);
  if (values.reduce((a, b) => a + b, 0) === target) return list;
  const single = list.find((_, i) => values[i] === target);
  if (single) return [single];
  const n = Math.min(list.length, 14);
  for (let mask = 1; mask < 1 << n; mask++) {
    let sum = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) sum += values[i]!;
    if (sum === target) return list.filter((_, i) => i < n && mask & (1 << i));
  }
  return null;
}

function coverRef(person: ReportingPersonRecord, field: ShareField): SpanRef[] {
  const span: Span | undefined = person.spans[field];
  return span ? [{ documentSequence: person.documentSequence, start: span.start, end: span.end }] : [];
}

/** Does `computed` print as `stated` at the stated precision (rounded, or truncated as some filers do)? */
function agrees(stated: number, computed: number, decimals: number): boolean {
  const scale = 10 ** decimals;
  const rounded = Math.round(computed * scale) / scale;
  const truncated = Math.floor(computed * scale + 1e-9) / scale;
  return Math.abs(rounded - stated) < 1e-9 || Math.abs(truncated - stated) < 1e-9;
}

function percentChecks(prose: ProseResult): CheckRow[] {
  const out: CheckRow[] = [];
  for (const b of prose.ownershipBasis) {
    const { percentOfClass: p, numerator, denominator } = b.row;
    if (p === null || numerator === null || denominator === null || denominator === 0) continue;
    const computed = (numerator / denominator) * 100;
    const decimals = printedDecimals(b.evidence.percent?.raw ?? String(p));
    const ok = agrees(p, computed, decimals);
    out.push(
      check('item5_percent', b.row.holder ?? 'Reporting Persons', p, round(computed, 4), ok ? 'pass' : 'fail', `${fmt(numerator)} / ${fmt(denominator)} = ${computed.toFixed(decimals + 2)}% ${ok ? '=' : '≠'} ${p}% as stated`, [
        ...ref(b.evidence.percent),
        ...ref(b.evidence.numerator),
        ...ref(b.evidence.denominator),
      ]),
    );
  }
  const outstanding = prose.ownershipBasis.find((b) => b.row.sharesOutstanding !== null);
  if (!outstanding) return out;
  const base = outstanding.row.sharesOutstanding!;
  for (const h of prose.holdings) {
    const p = h.row.percentOfClass;
    const n = classShares(h.row);
    if (p === null || n === null || base === 0) continue;
    const decimals = printedDecimals(h.evidence.percent?.raw ?? String(p));
    const candidates = [(n / base) * 100, (n / (base + n)) * 100];
    const hit = candidates.find((c) => agrees(p, c, decimals));
    const computed = hit ?? candidates[0]!;
    out.push(
      check('holding_percent', h.row.holder, p, round(computed, 4), hit !== undefined ? 'pass' : 'warning', `${fmt(n)} of ${fmt(base)} shares outstanding${hit !== undefined && hit === candidates[1] ? ' (plus its own conversion shares)' : ''} = ${computed.toFixed(decimals + 2)}% ${hit !== undefined ? '=' : '≠'} ${p}% as stated${hit === undefined ? ' (the filing may use another denominator)' : ''}`, [
        ...ref(h.evidence.percent),
        ...ref(h.evidence.shares),
        ...ref(outstanding.evidence.sharesOutstanding),
      ]),
    );
  }
  return out;
}

function sumChecks(prose: ProseResult): CheckRow[] {
  return prose.sums.map((s) => {
    const total = s.parts.reduce((a, p) => a + p.value, 0);
    const ok = Math.abs(total - s.total.value) < 1e-6;
    return check('stated_sum', `Item ${s.sentence.itemNumber}: ${s.total.raw}`, s.total.value, total, ok ? 'pass' : 'fail', `${s.parts.map((p) => p.raw).join(' + ')} = ${fmt(total)} ${ok ? '=' : '≠'} ${s.total.raw} as stated`, [
      ...ref(s.total),
      ...s.parts.flatMap((p) => ref(p)),
    ]);
  });
}

function noteConversionChecks(prose: ProseResult): CheckRow[] {
  const out: CheckRow[] = [];
  for (const n of prose.notes) {
    const { principal, conversionPrice, convertibleIntoShares } = n.row;
    if (principal === null || !conversionPrice || convertibleIntoShares === null) continue;
    const computed = principal / conversionPrice;
    const ok = Math.floor(computed + 1e-9) === convertibleIntoShares || Math.round(computed) === convertibleIntoShares;
    out.push(
      check('note_conversion', `${n.row.holder}: ${n.row.definedTerm ?? n.row.instrument}`, convertibleIntoShares, Math.floor(computed + 1e-9), ok ? 'pass' : 'warning', `$${fmt(principal)} / $${conversionPrice} = ${fmt(round(computed, 2))} shares ${ok ? '=' : '≠'} ${fmt(convertibleIntoShares)} as stated${ok ? '' : ' (accrued interest or a changed price may explain it)'}`, [
        ...ref(n.evidence.convertibleIntoShares),
        ...ref(n.evidence.principal),
        ...ref(n.evidence.conversionPrice),
      ]),
    );
  }
  return out;
}

function restatementChecks(prose: ProseResult): CheckRow[] {
  return prose.restatements.map(({ field, first, second }) => {
    const a = first.row[field as keyof typeof first.row] as number;
    const b = second.row[field as keyof typeof second.row] as number;
    const what = `${first.row.holder}: ${first.row.action} of ${first.row.shares !== null ? fmt(first.row.shares) : ''} ${first.row.security ?? ''} on ${first.row.transactionDate ?? '?'}`.replace(/\s+/g, ' ');
    return check('restatement', what, a, b, 'warning', `Item ${first.row.itemNumber} gives ${field} ${fmt(a)}, Item ${second.row.itemNumber} gives ${fmt(b)}; the first is kept`, [
      ...ref(first.evidence[field]),
      ...ref(second.evidence[field]),
    ]);
  });
}

function typoChecks(prose: ProseResult): CheckRow[] {
  return prose.typos.map((t) => {
    const value = Number(t.evidence.raw.replace(/[^\d.]/g, ''));
    return check('typo', `Item ${t.sentence.itemNumber}: "${t.evidence.raw} shares"`, null, Number.isFinite(value) ? value : null, 'warning', t.message, ref(t.evidence));
  });
}

function round(n: number, d: number): number {
  return Number(n.toFixed(d));
}

const FIELD_ROLES: [ShareField | 'percentOfClass', string, string[]][] = [
  ['aggregateAmount', 'aggregate amount', ['beneficial', 'direct']],
  ['percentOfClass', 'percent of class', ['beneficial', 'direct']],
  ['soleVotingPower', 'sole voting power', ['sole_voting']],
  ['sharedVotingPower', 'shared voting power', ['shared_voting']],
  ['soleDispositivePower', 'sole dispositive power', ['sole_dispositive']],
  ['sharedDispositivePower', 'shared dispositive power', ['shared_dispositive']],
];

/** The cover's five figures, one by one, against Item 5's statements of the same role for the same person. */
function coverFieldsVsItem5(cover: ReportingPersonRecord[], holdings: Found<HoldingRow>[]): CheckRow[] {
  const out: CheckRow[] = [];
  for (const person of cover) {
    const mine = holdings.filter((h) => h.row.reportingPersonOrdinal === person.ordinal && h.row.itemNumber !== 3);
    for (const [field, label, roles] of FIELD_ROLES) {
      const coverValue = person[field] as number | null;
      const stated = mine.filter((h) => h.row.role !== undefined && roles.includes(h.row.role));
      if (coverValue === null || coverValue === undefined || !stated.length) continue;
      const values = field === 'percentOfClass' ? stated.filter((h) => h.row.percentOfClass !== null) : stated;
      if (!values.length) continue;
      const get = (h: Found<HoldingRow>): number => (field === 'percentOfClass' ? h.row.percentOfClass! : h.row.shares ?? NaN);
      const same = values.find((h) => get(h) === coverValue);
      const shown = same ?? values.reduce((a, b) => (get(b) > get(a) ? b : a));
      const refs = [...(field === 'percentOfClass' ? [] : coverRef(person, field)), ...ref(field === 'percentOfClass' ? shown.evidence.percent : shown.evidence.shares)];
      out.push(
        check(
          'cover_field_vs_item5',
          shown.row.holder,
          coverValue,
          get(shown),
          same ? 'pass' : 'warning',
          same ? `cover ${label} ${fmt(coverValue)} = Item ${shown.row.itemNumber} ${shown.row.role} ${fmt(get(shown))}` : `cover ${label} ${fmt(coverValue)}, Item ${shown.row.itemNumber} states ${values.map((h) => fmt(get(h))).join(', ')} (${shown.row.role})`,
          refs,
        ),
      );
    }
  }
  return out;
}
