/**
 * The conversion-price rule a waiver sets: the words after `the Conversion Price shall be equal to:` read as branches,
 * each a price and the condition under which it applies (stored as `conversion_price_rules`).
 *
 * The productions, one function each, each with its own test (test/extract/exhibits/conversion-price-rule.test.ts):
 *
 *   rule         := RULE_START (enumeration | branch)
 *   enumeration  := label branch (label branch)*   labels `(i) (ii)`, `(a) (b)` or `(1) (2)`, consecutive, outside
 *                                                  parentheses; anything else is one branch
 *   branch       := part ("," part)*               commas outside parentheses and not a date's; a closing `; or`
 *                                                  or `, and` is not part of the branch
 *   part         := condition | price              in either order
 *   condition    := "in the event" | "if" | "upon" | "provided" | "unless" | "in case" | "should" | "when" …
 *                   → the event (a defined term), whether it must occur, minimum gross proceeds, deadline
 *   price        := choice | money
 *   choice       := "the" ("lower" | "lesser" | "higher" | "greater") "of" ["(A)"] price-words ("or" | "and")
 *                   ["(B)"] price-words                   a trailing parenthesis after either side is a gloss
 *
 * Does not handle: more than one level of nesting (a choice inside a choice), prices in words, formulas.
 */
import type { DefinedTerms } from '../defined-terms/index.js';
import { firstTermIn } from './term-mentions.js';
import type { ConversionPriceRuleRecord } from './types.js';
import { DATE_SOURCE, MONEY_SOURCE, parseDate, parseMoney } from '../lexicon/index.js';
import { squash } from './values.js';

/** A branch as the parser reads it; the waiver reader adds which waiver and document it belongs to. */
export type RuleBranch = Omit<ConversionPriceRuleRecord, 'waiverOrdinal' | 'documentSequence'>;

/** The words that introduce a new conversion price: the rule starts where this match ends. */
export const RULE_START = new RegExp(
  String.raw`conversion\s+(?:price|rate)\b[^.;]{0,60}?\bshall\s+(?:be\s+)?(?:deemed\s+to\s+(?:be\s+)?)?(?:equal(?:\s+to)?|(?:reduced|increased|changed|amended|adjusted)\s+to|fixed\s+at)\s*:?`,
  'i',
);

/** rule: the branches of the rule in `text[from, to)`; spans are offsets into `text`. */
export function parseRule(text: string, from: number, to: number, terms: DefinedTerms): RuleBranch[] {
  return enumeration(text, from, to).map((p) => parseBranch(text, p.start, p.end, p.branch, terms));
}

/**
 * enumeration: where each branch lies. The labels of one style that count up from the first (`(i)`, `(ii)`, …) at
 * parenthesis depth 0 split the rule; without them the whole rule is branch 1.
 */
export function enumeration(text: string, from: number, to: number): { branch: number; start: number; end: number }[] {
  const body = text.slice(from, to);
  const enumerators: { at: number; end: number; label: string }[] = [];
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    const m = c === '(' ? /^\((i{1,3}|iv|v|vi|[a-f]|[1-6])\)/.exec(body.slice(i)) : null;
    if (m && depth === 0) {
      enumerators.push({ at: i, end: i + m[0].length, label: m[1]! });
      i += m[0].length - 1;
      continue;
    }
    if (c === '(') depth += 1;
    else if (c === ')') depth = Math.max(0, depth - 1);
  }
  const style = enumerators[0] ? labelStyle(enumerators[0].label) : null;
  const chain = enumerators.filter((e) => labelStyle(e.label) === style).filter((e, i, all) => labelIndex(e.label) === (i === 0 ? 1 : labelIndex(all[i - 1]!.label) + 1));
  return chain.length
    ? chain.map((e, i) => ({ branch: i + 1, start: from + e.end, end: i + 1 < chain.length ? from + chain[i + 1]!.at : to }))
    : [{ branch: 1, start: from, end: to }];
}

function labelStyle(label: string): string {
  return /^\d$/.test(label) ? 'digit' : /^(?:i{1,3}|iv|v|vi)$/.test(label) ? 'roman' : 'letter';
}

function labelIndex(label: string): number {
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6 };
  if (/^\d$/.test(label)) return Number(label);
  if (roman[label] !== undefined && labelStyle(label) === 'roman') return roman[label]!;
  return label.charCodeAt(0) - 96;
}

/** branch: one branch in `text[start, end)`, its parts sorted into condition and price. */
export function parseBranch(text: string, start: number, end: number, branch: number, terms: DefinedTerms): RuleBranch {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s += 1;
  const trimmed = text.slice(s, e).replace(/(?:[;,.]?\s*(?:or|and)?\s*)$/i, '').replace(/[;,.\s]+$/, '');
  e = s + trimmed.length;
  const parts = branchParts(text, s, e).map((p) => text.slice(p.start, p.end));
  const conditionParts = parts.filter(isCondition);
  const priceParts = parts.filter((p) => !isCondition(p));
  const condition = conditionParts.length ? squash(conditionParts.join(',')) : null;
  return {
    branch,
    ...readPrice(squash(priceParts.join(','))),
    condition,
    ...readCondition(condition, terms),
    spanStart: s,
    spanEnd: e,
  };
}

/** The parts of a branch: split at commas outside parentheses, but not inside a date (`December 20, 2003`). */
export function branchParts(text: string, start: number, end: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let depth = 0;
  let partStart = start;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === '(') depth += 1;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0 && !/^\s*\d{4}\b/.test(text.slice(i + 1, i + 8))) {
      parts.push({ start: partStart, end: i });
      partStart = i + 1;
    }
  }
  parts.push({ start: partStart, end });
  return parts;
}

/** part: whether a part of a branch is its condition (the rest is its price). */
export function isCondition(part: string): boolean {
  return /^\s*(?:in\s+the\s+event|if|upon|provided|unless|in\s+case|should|when)\b/i.test(part);
}

/**
 * price: `$1.13` is fixed; `the lower of (A) … or (B) $1.13` is `lower_of` with the money side as the price and the
 * other side as the alternative (both sides kept as the alternative when neither is money).
 */
export function readPrice(priceText: string): Pick<RuleBranch, 'priceBasis' | 'price' | 'alternative'> {
  const choice = /^(?:the\s+)?(lower|lesser|higher|greater)\s+of\s+(?:\((?:A|a|x|i|1)\)\s+)?(.+?)\s+(?:or|and)\s+(?:\((?:B|b|y|ii|2)\)\s+)?(.+)$/i.exec(priceText);
  if (choice) {
    const priceBasis = /lower|lesser/i.test(choice[1]!) ? 'lower_of' : 'higher_of';
    const [a, b] = [stripTrailingParen(choice[2]!), stripTrailingParen(choice[3]!)];
    const aMoney = /^\$/.test(a) ? parseMoney(a) : null;
    const bMoney = /^\$/.test(b) ? parseMoney(b) : null;
    return { priceBasis, price: bMoney ?? aMoney, alternative: bMoney !== null ? a : aMoney !== null ? b : `${a}; ${b}` };
  }
  return { priceBasis: 'fixed', price: /^\$/.test(priceText) ? parseMoney(priceText) : null, alternative: null };
}

/** `$1.13 (the average closing sale price …)` → `$1.13`. */
export function stripTrailingParen(s: string): string {
  let t = s.trim();
  for (;;) {
    const m = /\s*\([^()]*\)$/.exec(t);
    if (!m || m.index === 0) break;
    t = t.slice(0, m.index).trim();
  }
  return t;
}

/** The words that say a branch applies when its event does not happen. */
const EVENT_FAILS =
  /\b(?:does|do|shall|will|did)\s+not\s+occur\b|\bnot\s+(?:be\s+)?(?:consummated|completed)\b|\bfails?\s+to\b|\bin\s+the\s+absence\s+of\b|\b(?:if|in\s+the\s+event\s+that|unless)\s+no\b|\bno\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:occurs|has\s+occurred|is\s+(?:consummated|completed))\b/i;

/**
 * condition: the event it names (the first capitalised defined term that is not a price or rate), whether the branch
 * applies when the event happens (1) or when it does not (0), the event's minimum gross proceeds, and its deadline.
 * All null for a branch without a condition.
 */
export function readCondition(condition: string | null, terms: DefinedTerms): Pick<RuleBranch, 'event' | 'eventOccurs' | 'minGrossProceeds' | 'deadline'> {
  const text = condition ?? '';
  const event = firstTermIn(text, terms, (t) => t.kind === 'other' && /[A-Z]/.test(t.term[0]!) && !/price|rate/i.test(t.term))?.term ?? null;
  const proceeds = new RegExp(String.raw`gross\s+proceeds\s+of\s+(?:not\s+less\s+than|at\s+least|no\s+less\s+than|in\s+excess\s+of)?\s*(${MONEY_SOURCE})`, 'i').exec(text);
  const deadline = new RegExp(String.raw`\b(?:prior\s+to|before|on\s+or\s+before|no\s+later\s+than)\s+(${DATE_SOURCE})`, 'i').exec(text);
  return {
    event,
    eventOccurs: condition === null ? null : EVENT_FAILS.test(text) ? 0 : 1,
    minGrossProceeds: proceeds ? parseMoney(proceeds[1]!) : null,
    deadline: deadline ? parseDate(deadline[1]!) : null,
  };
}
