/**
 * The percent of the class an Item 5 statement gives with a count (positions.ts): in the same statement, before the
 * next count ("N Shares, or approximately 7.50% of …", "N (9.8%)"), or on the form's next line under an amount label
 * ("(b) Percent of class: 8.3%").
 * Does not handle: a percent in a table's column (position-tables.ts) or one the filing states apart from its count.
 */
import { PERCENT_VERB } from './position-vocabulary.js';
import type { Token } from './tokens.js';
import { evidence, type HoldingRole, type ProseSentence } from './types.js';

/** The words between a count and its percent (position-vocabulary.ts's percent verbs, a parenthesis, a comma). */
const PERCENT_BETWEEN = new RegExp(String.raw`\b(?:${PERCENT_VERB}|approximately|about)\b|\(\s*(?:approximately\s+)?$|,\s*$`, 'i');

/** A percent stated with the count, before the next count: "N Shares, or approximately 7.50% of …", "N (9.8%)". */
export function percentWith(s: ProseSentence, t: Token, limit: number): { value: number; ev: ReturnType<typeof evidence> } | null {
  const p = s.tokens.find((x) => x.kind === 'percent' && x.start > t.end && x.start < Math.min(limit, t.end + 200));
  if (!p) return null;
  const between = s.raw.slice(t.end, p.start);
  if (/[;]|\b(?:of\s+which|respectively|each)\b/i.test(between)) return null;
  if (!PERCENT_BETWEEN.test(between)) return null;
  if (/less\s+than\s*$/i.test(between)) return null;
  return { value: p.value, ev: evidence(s, p.start, p.end) };
}

/** "(b) Percent of class: 8.3%" on the line after an amount label. */
export function percentLine(next: ProseSentence | undefined, role: HoldingRole): { value: number; ev: ReturnType<typeof evidence> } | null {
  if (!next || (role !== 'beneficial' && role !== 'group_total')) return null;
  if (!/^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:item\s+\d\s*\(\w\)\.?\s*)?Percent(?:age)?(?:\s+of\s+(?:the\s+)?class)?\b[^.\d]{0,40}?:?/i.test(next.raw)) return null;
  const p = next.tokens.find((x) => x.kind === 'percent' || (x.kind === 'number' && /\./.test(x.raw)));
  if (!p || next.tokens.filter((x) => x.kind === 'percent').length > 1) return null;
  return { value: p.value, ev: evidence(next, p.start, p.end) };
}
