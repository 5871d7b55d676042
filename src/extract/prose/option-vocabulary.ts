/**
 * The words that tie a count of shares to an option or warrant its holder has, in every common order: after the count
 * ("200,104 shares of the Common Stock issuable upon the exercise of the Second Warrants", "392,222 shares underlying
 * currently exercisable options", "18,374 shares of Common Stock subject to currently exercisable warrants", "… shares
 * that Mrs. Bodner has the right to acquire upon exercise of the Warrants") and before it ("Warrants to purchase 116,070
 * shares", "Warrants exercisable for 15,000 shares", "currently exercisable options to purchase 67,500 shares").
 *
 * Handles: the instrument's words (group `instrument`), so a reader can tell options from warrants and name them.
 * Does not handle: who holds the instrument (the readers decide) or grants (options.ts, `readOptionGrants`).
 */

export interface OptionTieRule {
  name: string;
  pattern: RegExp;
}

/** An option or warrant noun (not "Option Agreement" or "warrant holder": the noun ends its phrase). */
const NOUN = String.raw`(?:options?|warrants?|Options?|Warrants?|OPTIONS?|WARRANTS?)(?!\s+(?:Agreements?|agreements?|Shares|Plan|plan|holders?|[Pp]eriod|[Pp]rice)\b)`;
/** Up to four words before the noun ("the 2010 non-qualified stock", "currently exercisable", "Second"). */
const WORD = String.raw`(?!(?:and|or|of|to|in|for|with|by)\b)[\w'\u2019-]+(?:\s|&nbsp;)+`;
/**
 * Whether the instrument can be exercised now, before its name's words ("vested amended 2011 non-qualified stock
 * options", "currently exercisable Series A warrants"): it does not count against the name's four words.
 */
const STATUS = String.raw`(?:(?:(?:currently|immediately|presently)(?:\s|&nbsp;)+exercisable|(?:fully(?:\s|&nbsp;)+)?vested)(?:\s|&nbsp;)+)?`;
const INSTRUMENT = String.raw`(?<instrument>(?<![\w'\u2019-])${STATUS}(?:${WORD}){0,4}?${NOUN})\b`;
/** The class after a count: "shares", "Common Shares", "shares of the Issuer's Common Stock". */
const COUNTED = String.raw`^\s*(?:\([^)]{0,40}\)\s*)?(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares|SHARES|ADSs?)?\s*(?:of\s+[A-Za-z'\u2019\s]{0,50}?)?\s*`;

/** Words after a count that make it shares under an option or warrant. */
export const OPTION_TIE_AFTER: readonly OptionTieRule[] = [
  // "… issuable upon (the) exercise of warrants", "… acquirable / purchasable / receivable on exercise of options".
  { name: 'issuable upon exercise', pattern: new RegExp(String.raw`${COUNTED}(?:(?:that|which)\s+(?:are|is)\s+|(?:are|is|were)\s+)?(?:issuable|acquirable|purchasable|obtainable|receivable)\s+(?:by\s+[^,;]{1,60}?\s+)?(?:upon|on|pursuant\s+to)\s+(?:the\s+)?exercise\s+of\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?${INSTRUMENT}`) },
  // "… underlying (the) options", "… subject to currently exercisable warrants".
  { name: 'underlying', pattern: new RegExp(String.raw`${COUNTED}(?:underlying|subject\s+to)\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?${INSTRUMENT}`) },
  // "… that (which) X has (have) the right to acquire (within 60 days) upon (the) exercise of the Warrant", "… that may be
  // acquired upon the exercise of stock options".
  {
    name: 'right to acquire upon exercise',
    pattern: new RegExp(String.raw`${COUNTED}(?:that|which)\s+(?:[^,;]{1,80}?\s+)?(?:(?:has|have|had)\s+(?:the\s+)?right\s+to\s+acquire|may\s+be\s+acquired|(?:he|she|it|they)\s+may\s+acquire)\s+(?:within\s+(?:60|sixty)\s+days\s+)?(?:upon|through|on|by|pursuant\s+to)\s+(?:the\s+)?exercise\s+of\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?${INSTRUMENT}`),
  },
];

/** Words before a count: "Warrants to purchase", "options exercisable for (up to)", "warrants covering an aggregate of". */
export const OPTION_TIE_BEFORE: readonly OptionTieRule[] = [
  {
    name: 'instrument to purchase',
    pattern: new RegExp(String.raw`(?<instrument>(?<![\w'\u2019-])(?:${WORD}){0,3}?${NOUN})\s+(?:(?:that\s+are\s+|which\s+are\s+)?(?:currently\s+|immediately\s+|presently\s+)?exercisable\s+(?:within\s+(?:60|sixty)\s+days\s+)?(?:for|into)|(?:exercisable\s+)?to\s+(?:purchase|acquire)|over|covering)\s+(?:up\s+to\s+|an\s+aggregate\s+of\s+|a\s+total\s+of\s+|an\s+additional\s+)?$`),
  },
];

/** A count's option or warrant: the kind and the instrument's words. */
export interface OptionTie {
  kind: 'option' | 'warrant';
  instrument: string;
}

/** The option or warrant a count is the shares of, or null. */
export function optionTie(raw: string, start: number, end: number): OptionTie | null {
  const tie = optionTieMatch(raw, start, end);
  return tie && { kind: tie.kind, instrument: tie.instrument };
}

/**
 * optionTie with the words after the count that tied it: the OPTION_TIE_AFTER match over the 200 characters after
 * the count, null when the words before it tied it (a reader looks for the holder after that match).
 */
export function optionTieMatch(raw: string, start: number, end: number): (OptionTie & { after: RegExpExecArray | null }) | null {
  const after = raw.slice(end, end + 200);
  const before = raw.slice(Math.max(0, start - 100), start);
  for (const rule of OPTION_TIE_AFTER) {
    const m = rule.pattern.exec(after);
    if (m) return tieOf(m.groups!.instrument!, m);
  }
  for (const rule of OPTION_TIE_BEFORE) {
    const m = rule.pattern.exec(before);
    if (m) return tieOf(m.groups!.instrument!, null);
  }
  return null;
}

function tieOf(words: string, after: RegExpExecArray | null): OptionTie & { after: RegExpExecArray | null } {
  const instrument = words
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^(?:the|its|his|her|their|and|of|currently\s+exercisable|immediately\s+exercisable)\s+/i, '')
    .trim();
  return { kind: /warrant/i.test(instrument) ? 'warrant' : 'option', instrument, after };
}
