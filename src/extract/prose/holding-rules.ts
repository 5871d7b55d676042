/**
 * The rule tables of holdings.ts: the words that make a share count in the prose a position, name its holder, or
 * rule it out. Each rule is named (and the larger ones are tables of named alternatives) so that it can be cited and
 * tested on its own; holdings.ts decides what to do with a match. The examples are from real filings.
 * Does not hold: the shared vocabulary of Item 5 (position-vocabulary.ts), holders (position-holders.ts).
 */
import { CLASS_WORD, PAR_VALUE_SOURCE } from './clauses.js';
import { LABEL_SEPARATOR, OWNERSHIP_PREDICATE_RULES, PERCENT_VERB } from './position-vocabulary.js';

/** A named heuristic: one alternative of a rule table. */
export interface HoldingRule {
  name: string;
  pattern: RegExp;
}

/** The alternatives of a table as one regex, in order (the same regex as writing them joined by `|`). */
function alternation(rules: readonly HoldingRule[], flags: string): RegExp {
  return new RegExp(rules.map((r) => r.pattern.source).join('|'), flags);
}

/**
 * The class a count of shares is of, after "of": "Common Stock", "the Issuer's common stock", "its Class A Ordinary
 * Shares" (a filing may name the class with the issuer's possessive and in lower case; it is the same class).
 */
export const CLASS_NAME = `(?:the\\s+)?(?:[A-Z][\\w-]*['\u2019]s\\s+|its\\s+|their\\s+)?(?:${CLASS_WORD}\\s+(?:stock|shares)\\b\\s*|[A-Z][\\w-]*(?![\\w-])\\s*)+`;

/** The verbs that state a position held, with their subject before them and the count after. */
export const HOLD_VERB_RULES: readonly HoldingRule[] = [
  // The ownership predicates (position-vocabulary.ts): "beneficially owns", "holds", "is the beneficial owner of",
  // "may be deemed to be the beneficial owner of", "has beneficial ownership of".
  ...OWNERSHIP_PREDICATE_RULES.map((r) => ({ name: r.name, pattern: new RegExp(r.source) })),
  // "has the right … to acquire up to 5,559,610 shares", "THORN has the immediately exercisable right to acquire …".
  // "Pictet Asset Management SA manages 5'288'262.00 shares of ELASTIC NV": an asset manager's position, stated only
  // with the count right after the verb.
  { name: 'manages', pattern: /manages(?=\s+\d)/ },
  { name: 'has the right to acquire', pattern: /(?:has|have)\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}?right\b[^.;]{0,120}?\bto\s+acquire\b/ },
];
/** Any verb of HOLD_VERB_RULES (global: the readers walk every match of a sentence). */
export const HOLD_VERB = alternation(HOLD_VERB_RULES, 'gi');

/** Words in the 40 characters before a verb that make its clause no statement of a position. */
export const NEGATED_VERB_RULES: readonly HoldingRule[] = [
  // "… disclaims beneficial ownership of the shares held by …".
  { name: 'disclaims', pattern: /\bdisclaims?\b[^.;]*$/ },
  // "does not own", "no longer holds".
  { name: 'not', pattern: /\bnot\s+$/ },
  { name: 'no longer', pattern: /\bno\s+longer\s+$/ },
  // "Neither the Reporting Person nor … owns any shares".
  { name: 'neither', pattern: /\bneither\b/ },
  { name: 'nor', pattern: /\bnor\b/ },
];
export const NEGATED_VERB = alternation(NEGATED_VERB_RULES, 'i');

/**
 * A disclaimer's clause before the verb, up to 200 characters back: "… shall not be construed as an admission that the
 * reporting person or any of its affiliates is the beneficial owner of any securities …" states no position.
 */
export const ADMISSION_BEFORE_VERB = /\b(?:an\s+)?admission\s+(?:by\s+[^.;]{1,80}?\s+)?that\b[^.;]*$/i;

/** A supposition between the verb and its count ("Assuming …, the Reporting Persons would own …" : not a position). */
export const WOULD_IN_PREFIX = /\bwould\b/;
/** A supposition right before the verb: "would own", "would beneficially own". */
export const WOULD_BEFORE_VERB = /\bwould\s+(?:\w+\s+)?$/;

/** A gerund verb ("resulting in EFM beneficially owning …"): its subject is the party right before it. */
export const GERUND_VERB = /\b(?:owning|holding)\b/i;
/** What may stand between that party and the gerund: "EFM beneficially owning". */
export const GERUND_SUBJECT_GAP = /^\s*(?:beneficially\s+|directly\s+|indirectly\s+)*$/i;

/** "has the right … to acquire": the verb names a right, whose kind the sentence's other words say. */
export const RIGHT_VERB = /\bright\b/i;
/** A right of a warrant ("… Warrants …, has the right to acquire …"). */
export const WARRANT_WORD = /\bwarrant/i;
/**
 * A right granted by an option ("Pursuant to the Option Agreement, THORN has the … right to acquire …", "has the right
 * to acquire 250,000 shares upon the exercise of options").
 */
export const OPTION_WORD = /\boptions?\b/i;

/** The words before the conversion shares of another position: "Preferred Stock convertible into 212,766 shares". */
export const CONVERSION_LEAD = /\b(?:convertible|exercisable|exchangeable)\s+(?:on\s+such\s+date\s+)?(?:into|for)\s+(?:about\s+|approximately\s+)?$/i;

/** Between two counts of a list: "1,326,863 Common Shares and 375,000 LTIP Units", "N1, N2 and N3". */
export const COUNT_LIST_JOIN = /^\s*(?:,\s*(?:and\s+)?|and\s+)$/;

/**
 * A passive after a position and its security, up to the holder: "322,100 Shares beneficially owned by the Reporting
 * Persons", "189,664 shares of Common Stock owned by the Decedent directly", "… held directly by EMGH".
 */
export const HELD_BY_AFTER = /^\s*,?\s*(?:which\s+(?:are|were)\s+)?(?:beneficially\s+|directly\s+|indirectly\s+|of\s+record\s+)*(?:owned|held)\s+(?:directly\s+|indirectly\s+|of\s+record\s+|beneficially\s+)*by\s+(?:each\s+of\s+)?(?:the\s+)?/i;

/** A bare number is a count of shares only when the word follows: "322,100 Shares", "375,000 units". */
export const SHARE_WORD_AFTER = /^\s*(?:shares|Shares|units|Units)/;

/** "owned by Gould's wife": a relative of the party holds them (positions.ts names that holder), not the party. */
export const RELATIVE_AFTER_HOLDER = /^['\u2019]s\s+(?:wife|husband|spouse|children|minor\s+children|son|daughter|mother|father)\b/i;

/**
 * An appositive naming its party the holder: "Micco Corporation, holder of 474,052 shares", "PWPI, a Cayman Islands
 * exempted company that is the holder of 112,466 Common Shares".
 */
export const HOLDER_OF_APPOSITIVE = /,\s*(?:an?\s+[^,;()]{1,80}?\s+(?:that|which|who)\s+is\s+)?(?:the\s+)?(?:record\s+)?holder\s+of\s+(?:an\s+aggregate\s+of\s+)?/gi;

/**
 * A total stated as a value, group 1 the words between (holder and ownership words): "the total number of Beneficial
 * Shares owned by Mr. Gould is 2,110,933 shares", "The aggregate number of shares … that Motient may … be deemed
 * the beneficial owner of … is 26,940,499".
 */
export const TOTAL_IS = /\b(?:the\s+)?(?:aggregate|total)\s+number(?:\s+and\s+percentage)?\s+of\b([^;]{0,320}?)\b(?:is|was|equals)\s+(?:approximately\s+|about\s+)?/gid;
/** "The aggregate number … of Common Shares to which this Schedule 13D relates is N": the reporting persons' total. */
export const TOTAL_OF_STATEMENT = /\bto\s+which\s+this\s+(?:Schedule(?:\s+13[DG])?|Statement|statement|Amendment)\s+relates\b/i;
/** A total is a position only when its words say so: "owned by Mr. Gould", "beneficial owner of". */
export const TOTAL_OWNERSHIP_WORDS = /\b(?:own|owned|held|beneficial)/i;
/** A pronoun as a total's holder ("… owned by him is …"): the sentence's topic ("As to Marshall Rose, …"). */
export const TOTAL_PRONOUN = /\b(?:him|her|it|them)\b/i;

/**
 * A label followed by its count: "Aggregate Number of Shares … Beneficially Owned: 180,000 shares", "a. Aggregate
 * number … beneficially owned by the filing person: / Number of Shares / Percentage / 764,546 / 8.98 %" (the count on
 * a following line or grid cell). Global: the reader walks every label of a sentence.
 */
export const LABEL = new RegExp(String.raw`\b(?:aggregate\s+)?(?:amount|number(?:\s+and\s+percentage\s+of\s+class)?\s+of\s+(?:shares|units|securities)(?:\s+of\s+[A-Za-z][\w\s]{0,60}?)?)\s+(?:beneficially\s+)?owned(?:\s+by\s+(?:each|the)\s+(?:reporting|filing)\s+persons?)?\s*(?:\([^)]{0,80}\))?\s*${LABEL_SEPARATOR}\s*`, 'gi');

/** "convertible (on such date | , as described above,) into (about) N": the words before the conversion shares. */
export const CONVERSION = /^[\s\S]{0,160}?\b(?:convertible|exercisable|exchangeable)\b[^.;]{0,60}?\b(?:into|for)\s+(?:about\s+|approximately\s+|an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?$/i;

/** "FJ Capital Management LLC - 807,223 shares", "Franklin Resources, Inc.: 0": a holder and a count on a line. */
export const PAIR_LINE = /^\s*(?:\([a-z0-9]{1,3}\)\s*)?(.+?)\s*[-\u2013\u2014:]\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?:shares|Shares|units|Units)?\s*\.?\s*$/;

/** Option words ending in an enumeration of their object: "options … to purchase (i) 600,000 shares … and (ii) …". */
export const ENUMERATED_OPTION_OBJECT = /\b(?:options?|warrants?)\b[^.;]{0,80}?\bto\s+(?:purchase|acquire)\s+\((?:i|a|1)\)\s*$/i;

/** Option or warrant words before a count, group 1 the instrument: "Warrants to purchase 116,070 shares". */
export const OPTION_WORDS = /\b(options?|warrants?|rights?\s+to\s+(?:purchase|acquire)|right\b[^.;]{0,120}?\bto\s+acquire)\b/i;

/**
 * Words after a count that make it the shares of an option or warrant the holder has; group 1 names the instrument.
 */
/** The class after "N shares", with its par value: "of Common Stock", "of Common Stock, par value $.001 per share, of the Issuer". */
const CLASS_SLOT = String.raw`(?:of\s+[A-Za-z'\u2019\s]{0,40}?${PAR_VALUE_SOURCE}?)?`;

export const UNDERLYING_AFTER: readonly HoldingRule[] = [
  // "98,251 shares of Common Stock issuable upon exercise of warrants".
  // Also "acquirable", "purchasable", "obtainable" or "receivable upon (the) exercise of", and the same with "(the) Company's".
  { name: 'issuable upon exercise', pattern: new RegExp(String.raw`^\s*(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares)?\s*${CLASS_SLOT}\s*(?:(?:are|is|were)\s+)?(?:issuable|acquirable|purchasable|obtainable|receivable)\s+(?:by\s+[^,;]{1,60}?\s+)?(?:upon|on)\s+(?:the\s+)?exercise\s+of\s+(?:the\s+)?((?:[\w'\u2019-]+\s+){0,4}?(?:options?|warrants?))`, 'i') },
  // "250,000 shares of Common Stock that may be acquired upon the exercise of stock options", "… which he has the
  // right to acquire within 60 days upon exercise of warrants".
  { name: 'acquirable upon exercise', pattern: new RegExp(String.raw`^\s*(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares)?\s*${CLASS_SLOT}\s*(?:that|which)\s+(?:(?:he|she|it|they|may|can|could|has|have|the\s+right\s+to|right|to|be)\s+){1,5}(?:acquired?|purchased?|obtained?|issued)\s+(?:within\s+60\s+days\s+)?(?:upon|through|on|by|pursuant\s+to)\s+(?:the\s+)?(?:exercise|conversion)\s+of\s+((?:[\w-]+\s+){0,4}?(?:options?|warrants?))`, 'i') },
  // "1,363,722 shares of Common Stock each Filer has the right to acquire through the exercise of a Pre-Funded
  // Warrant" (0001831942-26-000014): a relative clause, its pronoun left out, naming who may acquire them.
  { name: 'right to acquire upon exercise', pattern: new RegExp(String.raw`^\s*(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares)?\s*${CLASS_SLOT}\s*(?:that\s+|which\s+)?(?:[\w.'\u2019-]+\s+){0,6}?(?:has|have)\s+(?:the\s+)?right\s+to\s+acquire\s+(?:within\s+60\s+days\s+)?(?:upon|through|on|by|pursuant\s+to)\s+(?:the\s+)?exercise\s+of\s+(?:an?\s+|the\s+|its\s+|their\s+)?((?:[\w'\u2019-]+\s+){0,4}?(?:options?|warrants?))\b`, 'i') },
  // "250,000 shares subject to options held by Mr. Smith", "shares subject to currently exercisable warrants".
  { name: 'subject to options', pattern: new RegExp(String.raw`^\s*(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares)\s*${CLASS_SLOT}\s*subject\s+to\s+((?:[\w-]+\s+){0,4}?(?:options?|warrants?))\b`, 'i') },
  // "800,000 Common Shares underlying the 2010 options".
  { name: 'shares underlying', pattern: /^\s*(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares)\s+underlying\s+(?:the\s+)?((?:[\w-]+\s+){0,4}?(?:options?|warrants?))\b/i },
  // "406,536 options to purchase …".
  { name: 'instruments counted', pattern: /^\s*((?:[A-Z][\w-]*\s+){0,2}(?:options?|warrants?))\b/i },
];

/**
 * The subject of that relative clause, group 1: "each Filer", "the Reporting Persons", "Mr. Smith" (who has the right
 * to acquire the shares; holdings.ts resolves it).
 */
export const RIGHT_TO_ACQUIRE_SUBJECT = /^\s*(?:that\s+|which\s+)?((?:each\s+(?:of\s+)?)?(?:the\s+)?[^,;()]{1,60}?)\s+(?:has|have)\s+(?:the\s+)?right\s+to\s+acquire\b/i;

/** The form's words for the persons filing, when the filing does not define them: "each Filer", "the Filing Persons". */
export const FILERS_WORDS = /^(?:each\s+(?:of\s+)?)?(?:the\s+)?(?:Filers?|Filing\s+Persons?|Reporting\s+Persons?)$/i;

/**
 * Shares a convertible security converts into: "436,121 shares of Common Stock issuable upon conversion of Convertible
 * Notes" (0001004680-99-000001). Group 1 the security's words. Positions under convertibles are `underlying` like
 * those under options and warrants; they make no option row.
 */
export const CONVERSION_UNDERLYING_AFTER = new RegExp(
  String.raw`^\s*(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares)?\s*${CLASS_SLOT}\s*(?:(?:are|is|were)\s+)?(?:issuable|acquirable|receivable)\s+(?:by\s+[^,;]{1,60}?\s+)?(?:upon|on)\s+(?:the\s+)?conversion\s+of\s+(?:the\s+|its\s+|such\s+)?((?:[\w'\u2019-]+\s+){0,4}?(?:notes?|debentures?|bonds?|preferred(?:\s+(?:stock|shares))?|shares\s+of\s+(?:[\w-]+\s+){0,3}preferred\s+stock))\b`,
  'i',
);

/**
 * The words between a position's count and its first part: "N total shares consisting of M …", "N Shares, comprised
 * of (i) M …" (a share word, its class and a short aside allowed; no other count, no clause end).
 */
export const BREAKDOWN_AFTER = /^\s*(?:total\s+|aggregate\s+)?(?:(?:shares?|Shares|SHARES)\b[^,;.:\d]{0,60}?)?,?\s*(?:consisting\s+of|comprised\s+of|comprising|which\s+consists?\s+of)\s*:?\s*(?:\((?:[ivx]{1,4}|[a-h]|\d)\)\s*)?$/i;

/** Do the words after a count say it is the shares under an option, a warrant or a convertible? */
export function underliesAfter(after: string): boolean {
  return UNDERLYING_AFTER.some((r) => r.pattern.test(after)) || CONVERSION_UNDERLYING_AFTER.test(after);
}

/** A count of instruments held rather than of shares: "406,536 options to purchase …", "16,341 RSUs", "34,151 Share Options". */
export const INSTRUMENT_COUNT = /^\s*(?:[A-Z][\w-]*\s+){0,2}(?:options?|warrants?|RSUs?|restricted\s+stock\s+units?|stock\s+units?)\b/i;

/** Between one position of a list and the next: "and", "plus", ", (ii)", "; (iii)". */
export const LIST_JOIN = /^[\s,;]*(?:and\s+|plus\s+|as\s+well\s+as\s+)?(?:\((?:[ivx]{1,4}|[a-h]|\d)\)\s*)?(?:and\s+)?/i;

/** After a count: it is the denominator, not a position ("based on 3,185,100 shares of Common Stock outstanding"). */
export const OUTSTANDING_AFTER = /^\s*(?:shares?|Shares)?(?:\s+of\s+[\w\s]{0,50}?)?\s+(?:issued\s+and\s+|then\s+)?outstanding\b/;
/** After a bare number: words that make it a count of shares ("2,081,499 of the Shares", "1,000 ADSs"). */
export const SHARES_OF_AFTER = /^\s*(?:\([^)]*\)\s*)?(?:of\s+(?:the|its)\s+|Shares|Units|ADSs)/;

/** An aside between verb and count that is not another clause: "options that are currently exercisable". */
export const VESTING_ASIDE = /\bthat\s+(?:are|is)\s+(?:not\s+)?(?:currently\s+|immediately\s+|presently\s+|yet\s+)?(?:exercisable|vested)\b/gi;
/** The same for powers: "… beneficially owns and has sole voting and dispositive power with respect to 7,000 shares". */
export const POWER_ASIDE = /,?\s*(?:and\s+)?(?:thus\s+|therefore\s+)?(?:has|have)\s+(?:the\s+)?(?:sole|shared)\s+[^,;]*?power\b[^,;]*?\b(?:over|with\s+respect\s+to|of)\s*,?/gi;
/** A finite verb between verb and count: another clause ("owns one-third of … and is an officer of Micco …"). */
export const CLAUSE_VERB = /\b(?:is|are|was|were|has|have|had)\b/i;
/** A re-reference right before the count ("such 1,399,096 shares"): a position stated before. */
export const REREFERENCE_BEFORE_COUNT = /\b(?:such|said|these|those)\s+$/i;
/** A relative clause between verb and count: the count belongs to it. */
export const RELATIVE_PRONOUN = /\b(?:which|who|whom)\b/i;

/** "held"/"owned" alone after a count ("… held by"): that count's passive, not a new clause. */
export const BARE_PARTICIPLE = /^(?:held|owned)$/i;

/** "consisting of (i) 451,590 shares … (ii) 100,000 shares …": the parts of the first position follow. */
export const CONSISTING_OF = /^[\s,]*(?:consisting\s+of|comprised\s+of|comprising|including|(?:which|that)\s+(?:consists?|is\s+comprised|are\s+comprised)\s+of|which\s+includes?)\s*:?\s*/i;
/**
 * The words a listed position may start with: "(ii) the 96,539 shares", "and Warrants to purchase 116,070 shares",
 * "an additional …", "up to …".
 */
// (An item may name the means it is held through first: "FMR beneficially owns, through Fidelity, …, 558,900 Shares, …, and
// through FVA and FVAL, 172,404 Shares".)
export const LISTED_POSITION_LEAD = /^(?:through\s+[^;,]{1,40}(?:,[^;,]{1,50})?,\s*)?(?:the\s+|an\s+additional\s+|additional\s+)?(?:(?:[\w-]+\s+){0,4}(?:options?|warrants?|rights?)\s+(?:exercisable\s+(?:for|into)|to\s+(?:purchase|acquire))\s+)?(?:up\s+to\s+)?$/i;

/** The parts of a position's words after its security (POSITION_TAIL repeats them). */
export const POSITION_TAIL_RULES: readonly HoldingRule[] = [
  // "(the "Shares")", but not a list's enumerator "(ii)".
  { name: 'parenthetical aside', pattern: /\((?!(?:[ivx]{1,4}|[a-h]|\d{1,2})\))[^)]{0,80}\)/ },
  // "which are convertible into 4,382,947 shares of Common Stock".
  { name: 'conversion', pattern: new RegExp(`(?:which\\s+are\\s+)?(?:convertible|exercisable|exchangeable)\\s+(?:into|for)\\s+[\\d,]+\\s+(?:shares|Shares)(?:\\s+of\\s+${CLASS_NAME})?`) },
  // "issuable upon exercise of warrants".
  { name: 'issuable upon', pattern: /issuable\s+upon\s+(?:the\s+)?(?:exercise|conversion)\s+of\s+[^,;()]{0,80}?(?=,|;|\s+and\b|$)/ },
  // "held by Goldman Sachs", "which are beneficially owned by LionEye Master Fund", "that are held of record by …".
  { name: 'held by', pattern: /(?:(?:which|that)\s+(?:are|were|is)\s+)?(?:beneficially\s+|directly\s+|of\s+record\s+)?(?:held|owned)\s+(?:directly\s+|indirectly\s+|of\s+record\s+)?by\s+(?:the\s+)?[A-Z][\w.,&'\s-]{0,60}?(?=,|;|\s+and\b|$)/ },
  // "granted to the Reporting Person on April 15, 2010".
  { name: 'issued or granted', pattern: /(?:issued|granted|awarded|acquired|purchased)\s+(?:to|by|on|from|in)\s+(?:[^,;()]|,\s+\d{4}\b){0,80}?(?=,(?!\s+\d{4}\b)|;|\s+and\b|$)/ },
  // "of which 33,750 shares are subject to forfeiture".
  { name: 'of which', pattern: /of\s+which\s+[^;]{0,200}?(?=,\s*\(|;|$)/ },
  // "or approximately 7.50% of the outstanding Shares of the Company" (the list goes on after it).
  // (Any percent verb: "which constitutes approximately 2.31% of the outstanding Shares".)
  { name: 'percent of class', pattern: new RegExp(String.raw`(?:(?:which|that)\s+)?${PERCENT_VERB}\s+(?:approximately\s+|about\s+)?\d{1,3}(?:\.\d{1,4})?\s?%\s+of\s+[^,;()]{0,80}?(?=,|;|\s+and\b|$)`) },
];
/** Where a position's words end: every POSITION_TAIL_RULES part after its security, each after an optional comma. */
export const POSITION_TAIL = new RegExp(`^(?:\\s*,?\\s*(?:${POSITION_TAIL_RULES.map((r) => r.pattern.source).join('|')}))+`);

/** The words between a position and its percent: "…, representing approximately 63.0% of the Common Stock". */
export const PERCENT_LEAD = new RegExp(String.raw`\b(?:${PERCENT_VERB}|approximately|about|\()\W*(?:\w+\s+){0,3}$`, 'i');
/** After that percent: "of" (the class), so it is the position's share of the class. */
export const OF_AFTER_PERCENT = /^\s*of\b/i;
/** "Percentage: Approximately 3.8%" on the line after a position (the Olshan layout). */
export const PERCENT_LABEL_LINE = /^\s*Percent(?:age)?(?:\s+of\s+class)?\s*:/i;
/** A grid cell holding only the percent ("8.98 %") after a label-form count. */
export const PERCENT_CELL_LINE = /^\s*\d{1,3}(?:\.\d+)?\s*%\s*$/;
/**
 * Between a count and its percent in the next cell of the same grid row ("764,546\t\t8.98\t%" under "Number of
 * Shares\t\tPercentage"): a cell gap only. (Such a row renders as one line since the cells of a row stay on it.)
 */
export const PERCENT_NEXT_CELL = /^[ \t]*\t[ \t]*$/;
/** "Less than 1%": a bound, not the percent. */
export const LESS_THAN = /less\s+than/i;

/** An instrument named by capitalised words before it: "Fleming Options". Group 1 the name, 2 the instrument. */
export const NAMED_INSTRUMENT_END = /((?:[A-Z][\w-]*\s+){1,4})(Options?|Warrants?)$/;
/** An instrument with descriptive words only: "fully vested and currently exercisable options". */
export const PLAIN_INSTRUMENT_END = /((?:(?:currently|immediately|fully|vested|exercisable|nonqualified|non-qualified|incentive|stock|and|presently)\s+)*)(options?|warrants?|Options?|Warrants?)$/;

/** The words allowed between a "respectively" list's verb and its first count: "beneficially owned N1, N2 and N3". */
export const RESPECTIVE_LIST_LEAD = /^\s*(?:beneficially\s+|directly\s+|in\s+the\s+aggregate\s+|an\s+aggregate\s+of\s+)*$/i;

/**
 * A proper name the filing does not define: "Micco Corporation", "Landmark Equity Partners III, L.P." (capitalised
 * words, "of", "and", "&", and a company suffix).
 */
const UNDEFINED_NAME = "(?:[A-Z][\\w.&'\u2019-]*|of|and|&)(?:\\s+(?:[A-Z][\\w.&'\u2019-]*|of|and|&))*(?:,?\\s+(?:Inc\\.?|L\\.?P\\.?|LLC|Ltd\\.?|N\\.A\\.|Corp\\.?))?";
/** Such a name right before a position: "Micco Corporation, holder of …". */
export const NAME_BEFORE = new RegExp(`(${UNDEFINED_NAME})\\s*$`);
/** Such a name right after one: "… held by Landmark Equity Partners III, L.P.". */
export const NAME_AFTER = new RegExp(`^(${UNDEFINED_NAME})`);
/** A period that belongs to the name ("Inc.", "L.P."), not a sentence's full stop. */
export const ABBREVIATION_END = /\b(?:Inc|Corp|Co|Ltd|Jr|Sr|L\.P|N\.A|S\.A|L\.L\.C|P\.C)\.$/;
/** Capitalised words that start a security or a label, not a name: "Common Stock", "Aggregate Number". */
export const NOT_A_NAME_START = /^(?:Common|Preferred|Series|Class|Shares?|Stock|Percentage|Percent|Number|Aggregate|Amount|Total|Item)\b/;

/** "As to Marshall Rose, …", "With respect to Fredric H. Gould, …": the sentence's topic, a pronoun's party. */
export const TOPIC_LEAD = /^\s*(?:\([a-z0-9]+\)\s*)?(?:as\s+to|with\s+respect\s+to|in\s+the\s+case\s+of)\s+/i;
