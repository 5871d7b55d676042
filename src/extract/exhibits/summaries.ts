/**
 * The one-sentence `summary` of a waiver and of an amendment, computed from the record's fields (never quoted from
 * the document, so it never claims more than was read).
 *
 * Handles: waiver letters, agreements with consents, waivers and partial waivers, conversion-price rules with
 * branches; amendments with their changes and amounts.
 * Does not handle: reading anything from the document (waivers.ts and amendments.ts do).
 */
import type { AmendmentAmountRecord, AmendmentChangeRecord, AmendmentRecord, ConversionPriceRuleRecord, WaiverItemRecord, WaiverRecord } from './types.js';

/**
 * Dollars in a waiver's summary: whole-cent amounts of $100 or more with cents (`$302,000.00`), smaller amounts and
 * per-share prices with up to four decimals (`$0.7924`, `$1.13`, `$2`).
 */
function dollars(n: number): string {
  return n >= 1 && Number.isInteger(n * 100) && n >= 100
    ? `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
    : `$${n.toLocaleString('en-US', { maximumFractionDigits: 4 })}`;
}

/** One sentence from the record's fields (computed, so it never quotes more than was read). */
export function summarizeWaiver(w: WaiverRecord, items: WaiverItemRecord[], rules: ConversionPriceRuleRecord[]): string | null {
  const who = w.holder ?? 'The holder';
  const parts: string[] = [];
  if (w.kind === 'waiver_letter' && items.length) {
    const inst = w.instrument
      ? ` of the ${w.instrument}${w.principal !== null || w.maturityDate ? ` (${[w.principal !== null ? dollars(w.principal) : null, w.maturityDate ? `due ${w.maturityDate}` : null].filter(Boolean).join(', ')})` : ''}`
      : '';
    parts.push(`${who} waives ${items.map((i) => i.subject ?? 'a right').join('; ')}${inst}${w.counterparty ? ` issued by ${w.counterparty}` : ''}`);
  } else {
    const byKind = (k: WaiverItemRecord['kind'], label: string): void => {
      const these = items.filter((i) => i.kind === k);
      if (!these.length) return;
      // One phrase per subject, with the instruments it is waived for (`… for Convertible Notes, Exchange Notes`).
      const bySubject = new Map<string, string[]>();
      for (const i of these) {
        const list = bySubject.get(i.subject ?? '?') ?? [];
        if (k === 'partial_waiver' && i.instruments) list.push(i.instruments);
        bySubject.set(i.subject ?? '?', list);
      }
      const subjects = [...bySubject].map(([subject, inst]) => (inst.length ? `${subject} for the ${[...new Set(inst)].join(', ')}` : subject));
      parts.push(`${label} ${subjects.join(', ')}`);
    };
    byKind('consent', 'consent to');
    byKind('waiver', 'waiver of');
    byKind('partial_waiver', 'partial waiver of');
    if (parts.length) parts[0] = `${who}${w.counterparty ? ` (with ${w.counterparty})` : ''}: ${parts[0]}`;
  }
  if (w.effectiveDate) parts.push(`effective ${w.effectiveDate}`);
  if (rules.length) {
    const branches = rules.map((r) => {
      const price = r.price !== null ? dollars(r.price) : '?';
      const value = r.priceBasis === 'fixed' ? price : `the ${r.priceBasis === 'lower_of' ? 'lower' : 'higher'} of ${r.alternative ?? '?'} and ${price}`;
      const when = r.event
        ? `${r.eventOccurs === 0 ? 'if no' : 'if an'} ${r.event}${r.minGrossProceeds !== null && r.eventOccurs !== 0 ? ` of at least ${dollars(r.minGrossProceeds)}` : ''}${r.deadline ? ` ${r.eventOccurs === 0 ? 'occurs before' : 'before'} ${r.deadline}` : ''}`
        : r.condition ?? '';
      return `${value}${when ? ` ${when}` : ''}`;
    });
    parts.push(`conversion price ${w.oldConversionPrice !== null ? dollars(w.oldConversionPrice) : '?'} becomes ${branches.join('; or ')}`);
  }
  return parts.length ? `${parts.join('; ')}.` : null;
}

/** Dollars in an amendment's summary: always with cents (`$5,000,000.00`). */
function dollarsWithCents(n: number): string {
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** One sentence from the record's fields: what the amendment amends, what it changes, and the amounts it sets. */
export function summarizeAmendment(a: AmendmentRecord, changes: AmendmentChangeRecord[], amounts: AmendmentAmountRecord[]): string {
  const parts: string[] = [];
  const label = (a.amendedDocument && a.title ? /^.*?\bamendments?(?:\s+no\.?\s*\d+)?/i.exec(a.title)?.[0] : null) ?? a.title ?? 'Amendment';
  parts.push(`${label}${a.dated ? ` (${a.dated})` : ''}${a.amendedDocument ? ` to the ${a.amendedDocument}${a.amendedDocumentDate ? ` of ${a.amendedDocumentDate}` : ''}` : ''}`);
  if (changes.length) parts.push(changes.map((c) => `${c.changeKind}s ${/^[a-z]/.test(c.target) ? 'the ' : ''}${c.target}`).join(', '));
  if (amounts.length) {
    parts.push(
      `amounts: ${amounts
        .map((x) => `${dollarsWithCents(x.amount)} ${x.role === 'principal' ? `principal of ${x.instrument ?? '?'}` : x.role}${x.term ? ` (${x.term})` : ''}`)
        .join(', ')}`,
    );
  }
  return `${parts.join('; ')}.`;
}
