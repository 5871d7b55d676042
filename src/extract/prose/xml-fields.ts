/**
 * Positions an XML-era schedule states in elements rather than prose: a 13G's `item4/amountBeneficiallyOwned` (with
 * `classPercent`) and the powers under `numberOfSharesPersonHas` (`solePowerOrDirectToVote` …), and a 13D's `item5/numberOfShares` or `percentageOfClassSecurities` when they hold a bare number
 * instead of a narrative.
 *
 * Handles: decimal share counts as the schema allows (`3026455.00` → 3026455; fractional units stay fractional);
 * the holder is the only reporting person, else the reporting persons together.
 * Does not handle: narratives inside those elements (the prose readers read them) or the cover pages' elements.
 */
import type { XmlLeaf } from '../items/xml-items.js';
import { holderColumns } from './clauses.js';
import { PAIR_LINE } from './holding-rules.js';
import type { Found, HoldingRole, HoldingRow, ProseContext } from './types.js';

export interface XmlFieldsItem {
  itemNumber: number;
  documentSequence: number | null;
  leaves: XmlLeaf[];
}

const NUMBER = /^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

export function readXmlFields(items: XmlFieldsItem[], kind: '13D' | '13G', ctx: ProseContext): Found<HoldingRow>[] {
  const out: Found<HoldingRow>[] = [];
  const itemNumber = kind === '13G' ? 4 : 5;
  const item = items.find((i) => i.itemNumber === itemNumber);
  if (!item) return out;
  const amountLeaf = item.leaves.find((l) => /^(?:amountBeneficiallyOwned|numberOfShares)$/.test(l.name));
  if (!amountLeaf) return out;
  if (!NUMBER.test(amountLeaf.text)) return listedAmounts(amountLeaf, item, ctx);
  const amount = amountLeaf;
  const holder = ctx.parties.reportingPersons();
  if (!holder) return out;
  const percentLeaf = item.leaves.find((l) => /^(?:classPercent|percentageOfClassSecurities)$/.test(l.name) && /^\d{1,3}(?:\.\d+)?%?$/.test(l.text));
  const shares = Number(amount.text.replace(/,/g, ''));
  const ev = { documentSequence: item.documentSequence, span: amount.span, raw: amount.text };
  out.push({
    row: {
      ...holderColumns(holder),
      security: null,
      securityKind: 'common',
      shares,
      convertibleIntoShares: null,
      asOfDate: null,
      percentOfClass: percentLeaf ? Number(percentLeaf.text.replace('%', '')) : null,
      itemNumber,
      documentSequence: item.documentSequence,
      spanStart: amount.span.start,
      spanEnd: amount.span.end,
      sentence: `${amount.name}: ${amount.text}${percentLeaf ? `; ${percentLeaf.name}: ${percentLeaf.text}` : ''}`,
    },
    evidence: { shares: ev, ...(percentLeaf ? { percent: { documentSequence: item.documentSequence, span: percentLeaf.span, raw: percentLeaf.text } } : {}) },
  });
  // The 13G's powers beside the amount (`numberOfSharesPersonHas`): the same holder's, each a position of its role.
  for (const [name, role] of POWER_ELEMENTS) {
    const leaf = item.leaves.find((l) => l.name === name && NUMBER.test(l.text));
    if (!leaf) continue;
    const value = Number(leaf.text.replace(/,/g, ''));
    out.push({
      row: { ...out[0]!.row, role, shares: value, percentOfClass: null, spanStart: leaf.span.start, spanEnd: leaf.span.end, sentence: `${leaf.name}: ${leaf.text}` },
      evidence: { shares: { documentSequence: item.documentSequence, span: leaf.span, raw: leaf.text } },
    });
  }
  return out;
}

/** The XML 13G's power elements and the roles they state. */
const POWER_ELEMENTS: [string, HoldingRole][] = [
  ['solePowerOrDirectToVote', 'sole_voting'],
  ['sharedPowerOrDirectToVote', 'shared_voting'],
  ['solePowerOrDirectToDispose', 'sole_dispositive'],
  ['sharedPowerOrDirectToDispose', 'shared_dispositive'],
];

/** `FJ Capital Management LLC - 807,223 shares` per line of the element: one position per named reporting person. */
function listedAmounts(leaf: XmlLeaf, item: XmlFieldsItem, ctx: ProseContext): Found<HoldingRow>[] {
  const out: Found<HoldingRow>[] = [];
  let at = 0;
  for (const line of leaf.raw.split('\n')) {
    const lineStart = leaf.contentStart + at;
    at += line.length + 1;
    const m = PAIR_LINE.exec(line);
    if (!m) continue;
    const party = ctx.parties.resolve(m[1]!.trim());
    if (!party) continue;
    const numberAt = line.lastIndexOf(m[2]!);
    const trimmed = line.trim();
    const start = lineStart + line.indexOf(trimmed);
    const shares = Number(m[2]!.replace(/,/g, ''));
    out.push({
      row: {
        ...holderColumns(party),
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
