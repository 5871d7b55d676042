/**
 * Positions an XML-era schedule states in elements rather than prose: a 13G's `item4/amountBeneficiallyOwned` (with
 * `classPercent`) and the powers under `numberOfSharesPersonHas` (`solePowerOrDirectToVote` …), and a 13D's `item5/numberOfShares` or `percentageOfClassSecurities` when they hold a bare number
 * instead of a narrative.
 *
 * Handles: decimal share counts as the schema allows (`3026455.00` → 3026455; fractional units stay fractional);
 * stated zeros ("0", "None.", "-": the shared vocabulary, ../lexicon/zeros.ts); one line per person ("FJ Capital
 * Management LLC - 807,223 shares"); the holder of a bare count is the only reporting person, else each reporting
 * person when every cover gives the same amount (edgartools__schedule13g: Marex's two covers), else the reporting
 * persons together; the powers of a block go to the holders of its amount.
 * Does not handle: narratives inside those elements (the prose readers read them) or the cover pages' elements.
 */
import type { XmlLeaf } from '../items/xml-items.js';
import { holderColumns } from './clauses.js';
import { PAIR_LINE } from './holding-rules.js';
import { eachWhenAllCovers } from './position-holders.js';
import { isStatedZero } from '../lexicon/zeros.js';
import type { Party } from './parties.js';
import type { Found, HoldingRole, HoldingRow, ProseContext } from './types.js';

export interface XmlFieldsItem {
  itemNumber: number;
  documentSequence: number | null;
  leaves: XmlLeaf[];
}

const NUMBER = /^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

/**
 * @param found the rows the prose readers made of the item's elements (`FJ Capital Management LLC - 807,223 shares`
 *   lines): when there are any, only the powers the prose cannot read — a bare count or zero in its element — are
 *   added, for each person the amount element lists.
 */
export function readXmlFields(items: XmlFieldsItem[], kind: '13D' | '13G', ctx: ProseContext, found: Found<HoldingRow>[] = []): Found<HoldingRow>[] {
  const itemNumber = kind === '13G' ? 4 : 5;
  const item = items.find((i) => i.itemNumber === itemNumber);
  if (!item) return [];
  const amountLeaf = item.leaves.find((l) => /^(?:amountBeneficiallyOwned|numberOfShares)$/.test(l.name));
  if (!amountLeaf) return [];
  const amount = countOf(amountLeaf.text);
  // The block's rows for its amount, one per holder: the persons its lines name, else the reporting persons (each of
  // them when every cover gives the amount: a block shared by persons whose figures are the same, not their sum).
  // (A bare amount beside rows the prose read elsewhere is left to the prose, as before.)
  if (found.length && amount !== null) return [];
  const amounts = amount === null ? listedAmounts(amountLeaf, item, ctx, null) : amountRows(amountLeaf, amount, item, ctx);
  const out = found.length ? [] : amounts;
  // (An amount element the prose read as a narrative lists no one: a bare power is then the only reporting person's,
  // 0001193125-26-387853's "<sharedPowerOrDirectToVote>0<…>" under "The Reporting Person is deemed to be the beneficial
  // owner of 2,762,142 shares …".)
  const only = ctx.coverParties.length === 1 ? ctx.coverParties[0]! : null;
  const block = amounts.length || !only ? uniqueHolders(amounts) : found.filter((r) => r.row.holder === only.name).slice(0, 1);
  // The 13G's powers beside the amount (`numberOfSharesPersonHas`): a count (or a stated zero, "None.") is that
  // power of each holder of the block; lines naming persons are each person's.
  for (const [name, role] of POWER_ELEMENTS) {
    const leaf = item.leaves.find((l) => l.name === name);
    if (!leaf) continue;
    const value = countOf(leaf.text);
    if (value === null) {
      // Lines naming persons are each named person's power, which the prose cannot read: the element's name is the
      // only label they have (0001104659-25-045128: "1. Each of Citadel Advisors LLC, … and Citadel GP LLC: 0").
      // A line the prose read too, as the same holder, count and power, is not repeated.
      const have = new Set(found.map((r) => `${r.row.holder}|${r.row.shares}|${r.row.role}`));
      out.push(...listedAmounts(leaf, item, ctx, role).filter((r) => !have.has(`${r.row.holder}|${r.row.shares}|${r.row.role}`)));
      continue;
    }
    for (const r of block) {
      out.push({
        row: { ...r.row, role, shares: value, percentOfClass: null, spanStart: leaf.span.start, spanEnd: leaf.span.end, sentence: `${leaf.name}: ${leaf.text}` },
        evidence: { shares: { documentSequence: item.documentSequence, span: leaf.span, raw: leaf.text } },
      });
    }
  }
  return out;
}

/** An element's count: a number as the schema allows (`3026455.00` → 3026455) or a stated zero ("None.", "-"); else null. */
function countOf(text: string): number | null {
  if (NUMBER.test(text)) return Number(text.replace(/,/g, ''));
  return isStatedZero(text) ? 0 : null;
}

/** The first row of each holder. */
function uniqueHolders(rows: Found<HoldingRow>[]): Found<HoldingRow>[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.row.holder) && Boolean(seen.add(r.row.holder)));
}

/** A bare amount: the only reporting person's, each person's when every cover gives it, else the group's. */
function amountRows(leaf: XmlLeaf, shares: number, item: XmlFieldsItem, ctx: ProseContext): Found<HoldingRow>[] {
  const all = ctx.parties.reportingPersons();
  if (!all) return [];
  const percentLeaf = item.leaves.find((l) => /^(?:classPercent|percentageOfClassSecurities)$/.test(l.name) && /^\d{1,3}(?:\.\d+)?%?$/.test(l.text));
  return eachWhenAllCovers([all], shares, ctx).map((holder) => ({
    row: {
      ...holderColumns(holder),
      security: null,
      securityKind: 'common',
      shares,
      convertibleIntoShares: null,
      asOfDate: null,
      percentOfClass: percentLeaf ? Number(percentLeaf.text.replace('%', '')) : null,
      itemNumber: item.itemNumber,
      documentSequence: item.documentSequence,
      spanStart: leaf.span.start,
      spanEnd: leaf.span.end,
      sentence: `${leaf.name}: ${leaf.text}${percentLeaf ? `; ${percentLeaf.name}: ${percentLeaf.text}` : ''}`,
    },
    evidence: { shares: { documentSequence: item.documentSequence, span: leaf.span, raw: leaf.text }, ...(percentLeaf ? { percent: { documentSequence: item.documentSequence, span: percentLeaf.span, raw: percentLeaf.text } } : {}) },
  }));
}

/** The XML 13G's power elements and the roles they state. */
const POWER_ELEMENTS: [string, HoldingRole][] = [
  ['solePowerOrDirectToVote', 'sole_voting'],
  ['sharedPowerOrDirectToVote', 'shared_voting'],
  ['solePowerOrDirectToDispose', 'sole_dispositive'],
  ['sharedPowerOrDirectToDispose', 'shared_dispositive'],
];

/** `FJ Capital Management LLC - 807,223 shares` per line of the element: one position per named reporting person. */
function listedAmounts(leaf: XmlLeaf, item: XmlFieldsItem, ctx: ProseContext, role: HoldingRole | null): Found<HoldingRow>[] {
  const out: Found<HoldingRow>[] = [];
  let at = 0;
  for (const line of leaf.raw.split('\n')) {
    const lineStart = leaf.contentStart + at;
    at += line.length + 1;
    const m = PAIR_LINE.exec(line);
    if (!m) continue;
    const parties = namedParties(m[1]!, ctx);
    if (!parties.length) continue;
    const numberAt = line.lastIndexOf(m[2]!);
    const trimmed = line.trim();
    const start = lineStart + line.indexOf(trimmed);
    const shares = Number(m[2]!.replace(/,/g, ''));
    for (const party of parties) out.push({
      row: {
        ...holderColumns(party),
        ...(role ? { role } : {}),
        security: null,
        securityKind: 'common',
        shares,
        convertibleIntoShares: null,
        asOfDate: null,
        percentOfClass: null,
        itemNumber: item.itemNumber,
        documentSequence: item.documentSequence,
        spanStart: start,
        spanEnd: start + trimmed.length,
        sentence: trimmed.replace(/\s+/g, ' '),
      },
      evidence: { shares: { documentSequence: item.documentSequence, span: { start: lineStart + numberAt, end: lineStart + numberAt + m[2]!.length }, raw: m[2]! } },
    });
  }
  return out;
}

/** A line's enumerator ("1.", "(a)", "a)") and "Each of" before the names it lists. */
const LINE_LEAD = /^\s*(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:each\s+of\s+)?(?:the\s+)?/i;

/**
 * The persons a line's name part names: one party ("Mr. Griffin"), or a list of them ("Each of Citadel Advisors LLC,
 * Citadel Advisors Holdings LP and Citadel GP LLC"), each holding the line's count. Empty unless the names are all
 * the part holds (a sentence with a number at its end is no such line).
 */
function namedParties(namePart: string, ctx: ProseContext): Party[] {
  const text = namePart.replace(LINE_LEAD, '');
  const one = ctx.parties.resolve(text);
  if (one) return [one];
  const mentions = ctx.parties.mentions(text);
  if (mentions.length < 2) return [];
  let at = 0;
  for (const m of mentions) {
    const gap = text.slice(at, m.start);
    if (at === 0 ? gap.trim() : !/^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$/i.test(gap)) return [];
    at = m.end;
  }
  if (text.slice(at).replace(/[\s.,;]+$/, '')) return [];
  return [...new Set(mentions.flatMap((m) => (m.party.group ? m.party.members : [m.party])))];
}