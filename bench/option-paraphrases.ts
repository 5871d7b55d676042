/**
 * Paraphrases of options and warrants a holder has (the `options` labels) for bench/paraphrase-robustness.ts: the same
 * count of shares under an option or warrant stated with another of the phrasings real filings use — "N shares
 * underlying options", "N shares issuable upon exercise of warrants", "N shares subject to warrants", "warrants to
 * purchase N shares", "warrants exercisable for N shares", "N options to purchase shares", "N shares that X has the
 * right to acquire upon exercise of warrants". Each names in `seenIn` an unreserved corpus filing that prints the
 * target wording.
 *
 * The rewrites keep the count, the instrument's words and the holder, so the labels stay true; they touch only a
 * count of shares next to an option or warrant word (never a trade, a grant's date or a price).
 */
import type { Paraphrase } from './paraphrase-robustness.js';

/** A count of shares with its class: "200,104 shares of the Common Stock", "800,000 Common Shares", "19,280,205 shares". */
const COUNT = String.raw`\d[\d,]*\s+(?:[A-Z][\w-]*\s+){0,2}(?:shares|Shares)(?:\s+of\s+(?:the\s+)?(?:[Ii]ssuer(?:'|&rsquo;|\u2019)s\s+|Company(?:'|&rsquo;|\u2019)s\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:Common\s+Stock|common\s+stock|Stock|Shares))?`;
/** An option or warrant named after "underlying" or "upon (the) exercise of": up to four words, then the noun. */
const INSTRUMENT = String.raw`((?:[\w-]+\s+){0,4}?(?:options|warrants|Options|Warrants|option|warrant|Option|Warrant))\b`;
/** What ties a count to its instrument today. */
const UNDERLYING = String.raw`underlying\s+(?:the\s+)?`;
const ISSUABLE = String.raw`(?:that\s+are\s+|which\s+are\s+)?issuable\s+upon\s+(?:the\s+)?exercise\s+of\s+(?:the\s+)?`;

const swap =
  (...pairs: [RegExp, string | ((match: string, ...groups: string[]) => string)][]) =>
  (text: string): string =>
    pairs.reduce((t, [pattern, to]) => t.replace(pattern, to as string), text);

const LIST: Paraphrase[] = [
  {
    name: 'opt-issuable',
    says: '"N shares underlying (the) options/warrants" → "N shares issuable upon exercise of options/warrants"',
    seenIn: '0001144204-14-035580 ("98,251 shares of Common Stock issuable upon exercise of warrants")',
    rewrite: swap([new RegExp(String.raw`(${COUNT})\s+${UNDERLYING}(?=${INSTRUMENT})`, 'g'), '$1 issuable upon exercise of ']),
  },
  {
    name: 'opt-underlying',
    says: '"N shares issuable upon (the) exercise of (the) warrants" → "N shares underlying warrants"',
    seenIn: '0001104659-06-013862 ("392,222 shares underlying currently exercisable options held by Jeffrey Klausner")',
    rewrite: swap([new RegExp(String.raw`(${COUNT})\s+${ISSUABLE}(?=${INSTRUMENT})`, 'g'), '$1 underlying ']),
  },
  {
    name: 'opt-subject-to',
    says: '"N shares underlying / issuable upon exercise of options/warrants" → "N shares subject to options/warrants"',
    seenIn: '0001144204-13-040868 ("18,374 shares of Common Stock subject to currently exercisable warrants")',
    rewrite: swap([new RegExp(String.raw`(${COUNT})\s+(?:${UNDERLYING}|${ISSUABLE})(?=${INSTRUMENT})`, 'g'), '$1 subject to ']),
  },
  {
    name: 'opt-to-purchase',
    says: '"N shares underlying / issuable upon exercise of (the) X warrants" → "(the) X warrants to purchase N shares"',
    seenIn: '0000895345-94-000020 ("Warrants to purchase 116,070 shares of Common Stock held by Water Street")',
    // Not when the instrument is counted or already says what it buys ("813,072 Ordinary Shares underlying 813,072
    // options to purchase Ordinary Shares").
    rewrite: swap([
      new RegExp(String.raw`(${COUNT})\s+(?:underlying|${ISSUABLE.replace(String.raw`(?:the\s+)?$`, '')})\s+(the\s+)?((?:[\w-]+\s+){0,4}?(?:options|warrants|Options|Warrants|option|warrant|Option|Warrant))\b(?!\s+(?:to\s+purchase|exercisable))`, 'g'),
      (_m, count: string, the: string | undefined, what: string) => `${the ?? ''}${what} to purchase ${count}`,
    ]),
  },
  {
    name: 'opt-exercisable-for',
    says: '"options/warrants to purchase N shares" → "options/warrants exercisable for N shares"',
    seenIn: '0001213900-25-001739 ("Warrants exercisable for 15,000 shares of Common Stock"), 0001104659-23-076317 ("series C warrants exercisable for an aggregate of 1,333,333 shares")',
    rewrite: swap([/\b(options?|warrants?|Options?|Warrants?)\s+to\s+purchase\s+(?=(?:up\s+to\s+|an\s+aggregate\s+of\s+)?\d)/g, '$1 exercisable for ']),
  },
  {
    name: 'opt-count-shares',
    says: '"N options to purchase Ordinary Shares" → "options to purchase N Ordinary Shares" (the count moved from the instruments to the shares)',
    seenIn: '0000950133-02-003348 ("options to purchase 594,098 shares of o2wireless Common Stock")',
    rewrite: swap([/\b(\d[\d,]*)\s+((?:[A-Z][\w-]*\s+)?(?:options|warrants|Options|Warrants))\s+to\s+purchase\s+(?!\d|up\s+to|an\s+aggregate)((?:[A-Z][\w-]*\s+){0,2}(?:shares|Shares|ADS|ADSs)\b)?/g, (_m, n: string, what: string, cls: string | undefined) => `${what} to purchase ${n} ${cls ?? 'shares '}`]),
  },
  {
    name: 'opt-count-options',
    says: '"options/warrants to purchase N shares" → "N options/warrants to purchase shares" (the count on the instruments, one share each)',
    seenIn: 'go-edgar__13d_2024_2 ("Michael Goller and Ranjeev Krishana each hold 406,536 options to purchase Ordinary Shares")',
    rewrite: swap([/\b((?:[A-Z][\w-]*\s+)?(?:options|warrants|Options|Warrants))\s+(?:to\s+purchase|exercisable\s+for)\s+(?:an\s+aggregate\s+of\s+)?(\d[\d,]*)\s+(?=(?:[A-Z][\w-]*\s+){0,2}(?:shares|Shares)\b)/g, '$2 $1 to purchase ']),
  },
  {
    name: 'opt-right-to-acquire',
    says: '"N shares issuable upon exercise of / underlying X warrants held (owned) by Y" → "N shares that Y has the right to acquire upon exercise of X warrants"',
    seenIn: '0000913665-01-500031 ("have the right to acquire an additional 12,991,501 shares of common stock pursuant to the exercise of warrants")',
    rewrite: swap([
      new RegExp(String.raw`(${COUNT})\s+(?:${UNDERLYING}|${ISSUABLE})${INSTRUMENT}\s+(?:held|owned)\s+(?:directly\s+)?by\s+((?:Mr\.|Mrs\.|Ms\.|Dr\.)?\s*[A-Z][\w'-]*(?:\s+(?:[A-Z]\.|[A-Z][\w'-]*))*)`, 'g'),
      (_m, count: string, what: string, who: string) => `${count} that ${who} has the right to acquire upon exercise of ${what}`,
    ]),
  },
  {
    name: 'opt-within-60',
    says: '"N shares underlying / issuable upon exercise of X options" → the same, then "that are exercisable within 60 days of the date of this Schedule 13D"',
    seenIn: '0001104659-06-013862 ("13,889 shares underlying stock options that are exercisable within 60 days of the date of this Schedule 13G")',
    rewrite: swap([
      new RegExp(String.raw`(${COUNT}\s+(?:${UNDERLYING}|${ISSUABLE})${INSTRUMENT})(?!\s+(?:that|which)\s+are\s+exercisable)`, 'g'),
      '$1 that are exercisable within 60 days of the date of this Schedule 13D',
    ]),
  },
  {
    name: 'opt-currently-exercisable',
    says: '"options/warrants to purchase (exercisable for) N" → "currently exercisable options/warrants to purchase N"',
    seenIn: '0000950152-00-002768 ("Mr. Ross holds currently exercisable options to purchase 67,500 shares of Common Stock")',
    // Before the instrument's own capitalised words ("Prefunded Warrants" → "currently exercisable Prefunded Warrants").
    rewrite: swap([
      /(?<!exercisable\s)\b((?:(?!(?:The|A|An|Such|Each|Its|Their)\b)[A-Z][\w-]*(?:\s|&nbsp;)+){0,2})(options|warrants|Options|Warrants|option|warrant|Option|Warrant)\s+(?:to\s+purchase|exercisable\s+for)\s+(?=(?:up\s+to\s+|an\s+aggregate\s+of\s+)?\d)/g,
      'currently exercisable $1$2 to purchase ',
    ]),
  },
  {
    name: 'opt-may-be-acquired',
    says: '"N shares issuable upon (the) exercise of / underlying X options" → "N shares which may be acquired upon exercise of X options"',
    seenIn: '0000072333-23-000015 ("shares of Company Common Stock which may be acquired upon exercise of this Option")',
    rewrite: swap([new RegExp(String.raw`(${COUNT})\s+(?:${UNDERLYING}|${ISSUABLE})(?=${INSTRUMENT})`, 'g'), '$1 which may be acquired upon exercise of ']),
  },
  {
    name: 'opt-acquirable',
    says: '"N shares issuable upon (the) exercise of / underlying X warrants" → "N shares acquirable upon exercise of X warrants"',
    seenIn: '0000914760-99-000090 ("shares of Common Stock acquirable upon complete conversion of this")',
    rewrite: swap([new RegExp(String.raw`(${COUNT})\s+(?:${UNDERLYING}|${ISSUABLE})(?=${INSTRUMENT})`, 'g'), '$1 acquirable upon exercise of ']),
  },
  {
    name: 'opt-right-to-purchase',
    says: '"options/warrants to purchase N shares" → "options/warrants with the right to purchase N shares"',
    seenIn: '0001144204-13-040868 ("stock warrants with the right to purchase 18,374, 3,640 and 250 shares, respectively, of the Issuer’s Common Stock")',
    rewrite: swap([/\b(options?|warrants?|Options?|Warrants?)\s+to\s+purchase\s+(?=(?:up\s+to\s+|an\s+aggregate\s+of\s+)?\d)/g, '$1 with the right to purchase ']),
  },
  {
    name: 'opt-vested',
    says: '"N shares underlying / issuable upon exercise of (the) options" → "N shares underlying vested options"',
    seenIn: 'full/0001213900-21-035033 ("(ii) 7,995 shares of common stock underlying vested options to purchase shares of common stock")',
    // Not options already said to be exercisable now ("currently exercisable stock options").
    rewrite: swap([new RegExp(String.raw`(${COUNT})\s+(?:${UNDERLYING}|${ISSUABLE})(?!(?:currently|immediately|presently)\s+exercisable|vested)((?:[\w-]+\s+){0,4}?(?:options|Options|option|Option))\b`, 'g'), '$1 underlying vested $2']),
  },
];

/** Every option paraphrase, XML primary documents without an envelope included (several labelled options are). */
export const OPTION_PARAPHRASES: Paraphrase[] = LIST.map((p) => ({ ...p, bareXml: true }));
