#!/usr/bin/env node
/**
 * `node dist/bench/paraphrase-robustness.js [--verbose]` (`npm run accuracy:paraphrase`): does the prose reader still
 * find a labelled position when the filing says the same thing in another common way?
 *
 * Why: the readers score well on the filings they were tuned on and much worse on filings they never saw (the
 * holdout of `accuracy-prose`), which says they learnt wordings rather than meanings. New labelled filings are the
 * best cure but none are left to label, so this measures the same weakness on the labels we have: each paraphrase
 * below rewrites one wording into another that real filings use for the same statement (an accession of the corpus
 * that prints the target wording is cited next to each), the labels stay true because the meaning does not change,
 * and the reader is scored on the rewritten filing against the same labels.
 *
 * Only the tuned splits (dev, dev-late, tune) are rewritten: the holdout stays unread. A paraphrase rewrites the
 * primary document from its first item heading on (never the cover pages, whose captions are read by another reader),
 * and a filing counts for a paraphrase only when the rewrite changed it. Prints, per paraphrase, the filings it touched
 * and the precision and recall on them before and after, for holdings (PARAPHRASES), for trades
 * (TRADE_PARAPHRASES) and for the options and warrants a holder has (OPTION_PARAPHRASES), and for each of the three
 * the whole filing in the flattened shape (FLATTENED); `--verbose` adds the positions, trades or options lost or gained
 * per filing.
 * Exits 0: it measures, it does not gate (test/extract/prose/paraphrase.test.ts holds the floors).
 */
import { resolve } from 'node:path';
import { scoreGoldenSet, totals, type FilingScore, type Split } from './accuracy-prose.js';
import { flattenSubmission } from './flatten.js';
import { MORE_HOLDING_PARAPHRASES, PROSE_ONLY } from './holding-paraphrases.js';
import { OPTION_PARAPHRASES } from './option-paraphrases.js';
import { TRADE_PARAPHRASES } from './trade-paraphrases.js';

export { OPTION_PARAPHRASES, TRADE_PARAPHRASES };

export interface Paraphrase {
  name: string;
  /** What it rewrites into what, for the report. */
  says: string;
  /** A corpus filing that prints the target wording (evidence that real filings say it this way). */
  seenIn: string;
  rewrite: (text: string) => string;
  /** A rewrite of the whole primary document body instead (a change of layout, cover pages included). */
  whole?: (body: string) => string;
  /** Also rewrite the items of an XML primary document stored without its EDGAR envelope (no `<TEXT>`). */
  bareXml?: boolean;
  /** A rewrite of the whole submission file instead (a change of shape: header, envelope and every document). */
  submission?: (text: string) => string;
}

/** Replace every match of `pattern` (global) with `to` (a replacement string or function). */
const swap =
  (...pairs: [RegExp, string | ((match: string, ...groups: string[]) => string)][]) =>
  (text: string): string =>
    pairs.reduce((t, [pattern, to]) => t.replace(pattern, to as string), text);


export const PARAPHRASES: Paraphrase[] = [
  {
    name: 'deemed-owner',
    says: '"may be deemed to beneficially own N" → "may be deemed to be the beneficial owner of N"',
    seenIn: '0000950124-95-002164',
    rewrite: swap([/\bmay\s+be\s+deemed\s+to\s+beneficially\s+own\b/g, 'may be deemed to be the beneficial owner of']),
  },
  {
    name: 'deemed-own',
    says: '"may be deemed (to be) the beneficial owner(s) of N" → "may be deemed to beneficially own N"',
    seenIn: '0000902219-04-000900',
    rewrite: swap([/\bmay\s+be\s+deemed\s+(?:to\s+be\s+)?the\s+beneficial\s+owners?\s+of\b/g, 'may be deemed to beneficially own']),
  },
  {
    name: 'is-owner',
    says: '"X beneficially owns N" → "X is the beneficial owner of N"',
    seenIn: '0000932471-07-000401',
    rewrite: swap([/\bbeneficially\s+owns\b/g, 'is the beneficial owner of']),
  },
  {
    name: 'owns',
    says: '"X is the beneficial owner of N" → "X beneficially owns N" (and "are the beneficial owners of" → "beneficially own")',
    seenIn: '0000834237-21-000476',
    rewrite: swap([/\bis\s+the\s+beneficial\s+owner\s+of\b/g, 'beneficially owns'], [/\bare\s+the\s+beneficial\s+owners\s+of\b/g, 'beneficially own']),
  },
  {
    name: 'owned',
    says: '"X beneficially owns N" → "X beneficially owned N" (an "as of" date in the past)',
    seenIn: '0000913414-08-003796',
    rewrite: swap([/\bbeneficially\s+owns\b/g, 'beneficially owned']),
  },
  {
    name: 'in-the-aggregate',
    says: '"beneficially own(s) N" → "beneficially own(s), in the aggregate, N"',
    seenIn: 'issue 10 ("may be deemed to beneficially own, in the aggregate, N Shares")',
    rewrite: swap([/\bbeneficially\s+(owns?)\s+(?=\d)/g, 'beneficially $1, in the aggregate, ']),
  },
  {
    name: 'power-noun',
    says: '"sole/shared power to vote or direct the vote of N" → "sole/shared voting power with respect to N" (and dispose → dispositive)',
    seenIn: '0000950135-06-007475',
    rewrite: swap(
      [/\b(sole|shared)\s+power\s+to\s+vote\s+or\s+(?:to\s+)?direct\s+the\s+vote\s+of\b/gi, '$1 voting power with respect to'],
      [/\b(sole|shared)\s+power\s+to\s+dispose\s+(?:of\s+)?or\s+(?:to\s+)?direct\s+the\s+disposition\s+of\b/gi, '$1 dispositive power with respect to'],
    ),
  },
  {
    name: 'power-verb',
    says: '"sole/shared voting power over/with respect to N" → "sole/shared power to vote or direct the vote of N" (and dispositive → dispose)',
    seenIn: '0000215457-18-004644',
    rewrite: swap(
      [/\b(sole|shared)\s+voting\s+power\s+(?:with\s+respect\s+to|over)\b/gi, '$1 power to vote or direct the vote of'],
      [/\b(sole|shared)\s+dispositive\s+power\s+(?:with\s+respect\s+to|over)\b/gi, '$1 power to dispose or direct the disposition of'],
    ),
  },
  {
    name: 'issuer-stock',
    says: '"N shares of Common Stock" → "N shares of the Issuer\'s common stock"',
    seenIn: '0000930661-00-000395 ("239,700 shares of the Issuer\'s Common Stock"), 0000728974-98-000014 ("565,750 shares of common stock")',
    rewrite: swap([/(\d)\s+shares\s+of\s+(?:the\s+)?Common\s+Stock\b/g, "$1 shares of the Issuer's common stock"]),
  },
  {
    name: 'holds',
    says: '"X (directly) owns N" → "X (directly) holds N" (never "beneficially owns")',
    seenIn: '0000905718-05-000027',
    rewrite: swap([/(?<!beneficially\s)\b(directly\s+)?owns\s+(?=(?:an\s+aggregate\s+of\s+)?\d)/g, '$1holds ']),
  },
  {
    name: 'direct-owner',
    says: '"X directly owns N" / "X owns directly N" → "X is the direct owner of N"',
    seenIn: 'edgartools__schedule13d_nested_cusip',
    rewrite: swap([/\b(?:directly\s+owns|owns\s+directly)\b/g, 'is the direct owner of']),
  },
  {
    name: 'capital-shares',
    says: '"N shares" → "N Shares" (the defined term most filings use)',
    seenIn: '0000902664-04-001527',
    rewrite: swap([/(\d)\s+shares\b/g, '$1 Shares']),
  },
  {
    name: 'owns-beneficially',
    says: '"X beneficially owns N" → "X owns beneficially N"',
    seenIn: '0001144204-12-020756 ("The Reporting Person owns beneficially 4,264,210")',
    rewrite: swap([/\bbeneficially\s+owns\s+(?=\d)/g, 'owns beneficially ']),
  },
  {
    name: 'an-aggregate',
    says: '"beneficially own(s/ed) N" → "beneficially own(s/ed) an aggregate of N"',
    seenIn: '0000736157-94-000002 ("beneficially hold an aggregate of 15,770,000 shares")',
    rewrite: swap([/\bbeneficially\s+(owns?|owned)\s+(?=\d)/g, 'beneficially $1 an aggregate of ']),
  },
  {
    name: 'a-total-of',
    says: '"an aggregate of N" → "a total of N"',
    seenIn: '0000950170-24-140615 ("based on a total of 36,282,883 shares")',
    rewrite: swap([/\ban\s+aggregate\s+of\s+(?=\d)/g, 'a total of ']),
  },
  {
    name: 'percent-or',
    says: '"N shares representing (approximately) P%" → "N shares, or approximately P%"',
    seenIn: '0000315066-94-001425 ("558,900 Shares, or approximately 7.50% of the outstanding Shares")',
    rewrite: swap([/,?\s+representing\s+(?:approximately\s+)?(?=\d)/g, ', or approximately ']),
  },
  {
    name: 'percent-constitutes',
    says: '"N shares, representing/or approximately P%" → "N shares, which constitutes approximately P%"',
    seenIn: '0001019687-00-000096 ("is -0-, which constitutes 0.0% of the"), 0000905718-14-000108 ("which constitute 3.0% of")',
    rewrite: swap([/,?\s+(?:representing|or)\s+approximately\s+(?=\d[\d.]*\s?%)/g, ', which constitutes approximately ']),
  },
  {
    name: 'amount-aggregate',
    says: '"(a) Amount beneficially owned: N" → "(a) Aggregate amount beneficially owned: N"',
    seenIn: '0000930413-20-000384 ("(a) Aggregate amount beneficially owned: 5,849,226")',
    rewrite: swap([/(?<!aggregate\s)\bamount\s+beneficially\s+owned(?=\s*:)/gi, 'Aggregate amount beneficially owned']),
  },
  {
    name: 'label-dash',
    says: 'a label\'s colon → " --" ("Amount beneficially owned --", "… direct the vote --")',
    seenIn: '0000354204-01-001100 ("(i). SOLE POWER TO VOTE OR DIRECT THE VOTE --")',
    rewrite: swap([/\b(amount\s+beneficially\s+owned|direct\s+the\s+vote|disposition(?:\s+of)?)\s*:/gi, '$1 --']),
  },
  {
    name: 'power-label-noun',
    says: 'the form\'s label "(i) sole power to vote or to direct the vote(:) N" → "(i) Sole Voting Power: N" (and dispose → Dispositive)',
    seenIn: '0000927087-99-000089 ("(b) Sole Voting Power: 180,000 shares")',
    rewrite: swap(
      [/\b(sole|shared)\s+power\s+to\s+vote\s+or\s+(?:to\s+)?direct\s+the\s+vote(?:\s+of)?(?:\s*:)?(?=(?:\s|&nbsp;|&#160;|<[^<>]*>)*(?:\d[\d,]*|-0-|none|-)(?![\w,]))/gi, (_m, w: string) => `${w[0]!.toUpperCase()}${w.slice(1).toLowerCase()} Voting Power:`],
      [/\b(sole|shared)\s+power\s+to\s+dispose\s+(?:of\s+)?or\s+(?:to\s+)?direct\s+the\s+disposition(?:\s+of)?(?:\s*:)?(?=(?:\s|&nbsp;|&#160;|<[^<>]*>)*(?:\d[\d,]*|-0-|none|-)(?![\w,]))/gi, (_m, w: string) => `${w[0]!.toUpperCase()}${w.slice(1).toLowerCase()} Dispositive Power:`],
    ),
  },
  {
    name: 'rewrap-60',
    says: 'plain-text paragraphs wrapped at 60 columns instead of the filer\'s width (tables left alone)',
    seenIn: 'any plain-text filing (filers wrap at 60 to 80 columns)',
    rewrite: (text) => rewrapParagraphs(text, 60),
  },
  {
    name: 'as-html',
    says: 'a plain-text document as the HTML of 2001–2010 filings: each paragraph a <p>, each aligned block a <pre>',
    seenIn: 'HTML filings of 2001–2010 made from word-processor text',
    rewrite: (text) => text,
    whole: (text) => textAsHtml(text),
  },
  {
    name: 'as-html-tables',
    says: 'as as-html, but each aligned block a <table> with one row per line and a cell per column',
    seenIn: 'HTML filings whose tables are <table> grids',
    rewrite: (text) => text,
    whole: (text) => textAsHtml(text, true),
  },
  {
    name: 'rewrap-100',
    says: 'plain-text paragraphs wrapped at 100 columns (tables left alone)',
    seenIn: 'any plain-text filing',
    rewrite: (text) => rewrapParagraphs(text, 100),
  },
  {
    name: 'caps-headings',
    says: 'item headings in capitals: "Item 5. Interest in Securities of the Issuer" → "ITEM 5. INTEREST IN SECURITIES OF THE ISSUER"',
    seenIn: '0000930661-00-000395 ("ITEM 5. INTEREST IN SECURITIES OF THE ISSUER."), 0001127867-01-500012 ("ITEM 4 OWNERSHIP")',
    rewrite: (text) => rewriteHeadings(text, (item, number, mark, gap, title) => `${item.toUpperCase()}${number}${mark}${gap}${title.toUpperCase()}`),
  },
  {
    name: 'heading-colon',
    says: 'an item heading\'s full stop → a colon: "Item 5. Interest in …" → "Item 5: Interest in …" (and "ITEM 4." → "ITEM 4:")',
    seenIn: '0000080255-22-001880 ("Item 5: Ownership of Five Percent or Less of a Class"), 0001019432-20-000011 ("ITEM 5: OWNERSHIP OF FIVE PERCENT …")',
    rewrite: (text) => rewriteHeadings(text, (item, number, mark, gap, title) => `${item}${number}${mark === '.' ? ':' : mark}${gap}${title}`),
  },
  {
    name: 'caps-labels',
    says: 'the form\'s labels in capitals: "(a) Amount beneficially owned:" → "(a) AMOUNT BENEFICIALLY OWNED:", "(i) Sole power to vote or to direct the vote" → "(i) SOLE POWER TO VOTE OR TO DIRECT THE VOTE"',
    seenIn: '0001127867-01-500012 ("(a) AMOUNT BENEFICIALLY OWNED: 860,760 Shares of Common Stock (b) PERCENT OF CLASS"), 0000354204-01-001100 ("(i). SOLE POWER TO VOTE OR DIRECT THE VOTE --")',
    rewrite: (text) => text.replace(FORM_LABEL, (label) => label.toUpperCase()),
  },
  {
    name: 'par-value',
    says: '"N shares of Common Stock" → "N shares of Common Stock, par value $X per share, of the Issuer" (X the par value the filing states; filings that state none are left out)',
    seenIn: '0001104659-25-002604 ("17,753,322 shares of common stock, par value $0.01 per share"), 0000950133-02-003348 ("5,559,610 shares of the common stock, par value $.0001 (“Common Stock”) of o2")',
    rewrite: (text) => {
      const par = /\bCommon\s+Stock,?\s*(?:\(\s*)?(?:par\s+value\s+\$\s?(\d*\.\d+|\d+)|\$\s?(\d*\.\d+|\d+)\s+par\s+value)/i.exec(text);
      if (!par) return text;
      const value = par[1] ?? par[2]!;
      return text.replace(/(\d)(\s+)(shares|Shares)\s+of\s+(?:the\s+)?(Common\s+Stock)\b(?![\w,]|\s+(?:of\b|par\b|\$|\())/g, (_m, d: string, gap: string, word: string, cls: string) => `${d}${gap}${word} of ${cls}, par value $${value} per share, of the Issuer`);
    },
  },
  {
    name: 'which-are',
    says: '"N Shares held/owned by X" → "N Shares which are held/owned by X"',
    seenIn: '0000354204-98-000539 ("76,705 additional shares which are owned by the Fund"), 0000902219-04-000900 ("1,457,700 shares of the Issuer which are held of record by clients of WMC")',
    rewrite: swap([/(\d(?:\s+(?:shares|Shares)(?:\s+of\s+(?:the\s+)?[A-Z][\w']*(?:\s+[A-Z][\w']*){0,3})?)?)\s+(?:(beneficially|directly)\s+)?(owned|held)(\s+(?:directly\s+|of\s+record\s+)?by)\b/g, (_m, count: string, adverb: string | undefined, verb: string, by: string) => `${count} which are ${adverb ? `${adverb} ` : ''}${verb}${by}`]),
  },
  {
    name: 'record-owner',
    says: '"X directly owns N" / "X owns directly N" / "X is the direct owner of N" → "X is the record owner of N"',
    seenIn: 'edgartools__schedule13d_nested_cusip ("AVF XII is the record owner of 6,294,951 shares of Common Stock")',
    rewrite: swap([/\b(?:directly\s+owns|owns\s+directly|is\s+the\s+direct\s+owner\s+of)(?=\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?\d)/g, 'is the record owner of']),
  },
  {
    name: 'power-answer',
    says: 'a power label answered by a sentence: "(i) Sole power to vote or to direct the vote: N" → "(i) Sole power to vote or to direct the vote: Such person has sole voting power over N shares." (and dispose → dispositive)',
    seenIn: '0000950135-06-007475 ("(i) Sole power to vote or direct the vote: The Reporting Person has sole voting power over 600,000 shares which he owns directly.")',
    rewrite: swap([
      /(\(\s*(?:i|ii|iii|iv)\s*\)\.?\s*(sole|shared)\s+power\s+to\s+(vote|dispose)\b[^:\n<]{0,60}?:)([ \t]*)(\d[\d,]*)(?:\s+(?:shares|Shares))?(?![\d,]*\s*%)(?=[ \t]*(?:\n|<|$))/gim,
      (_m, label: string, which: string, verb: string, gap: string, count: string) => `${label}${gap || ' '}Such person has ${which.toLowerCase()} ${verb.toLowerCase() === 'vote' ? 'voting' : 'dispositive'} power over ${count} shares.`,
    ]),
  },
  {
    name: 'power-authority',
    says: '"sole/shared power to vote or (to) direct the vote of N" → "sole/shared authority to vote (or direct the vote of) N" (and dispose → "authority to dispose (or direct the disposal) of")',
    seenIn: '0000950170-24-140615 ("The GP … also has sole authority to vote (or direct the vote of), and to dispose (or direct the disposal) of, these shares")',
    rewrite: swap(
      // In prose only, as the filing cited says it.
      [new RegExp(String.raw`${PROSE_ONLY}\b(sole|shared)\s+power\s+to\s+vote\s+or\s+(?:to\s+)?direct\s+the\s+vote\s+of\b`, 'gim'), '$1 authority to vote (or direct the vote of)'],
      [new RegExp(String.raw`${PROSE_ONLY}\b(sole|shared)\s+power\s+to\s+dispose\s+(?:of\s+)?or\s+(?:to\s+)?direct\s+the\s+disposition\s+of\b`, 'gim'), '$1 authority to dispose (or direct the disposal) of'],
    ),
  },
  {
    name: 'investment-power',
    says: '"sole/shared dispositive power" → "sole/shared investment power" (and "voting and dispositive power" → "voting and investment power")',
    seenIn: '0000912057-00-043726 ("shared voting power, sole investment power and shared investment power with"), 0001140361-21-010426 ("have sole voting and investment power with respect to all of our ordinary shares")',
    // Prose only (lower case, not the form's label after its enumerator or opening its line): cover pages and 13G
    // labels keep the form's words.
    rewrite: swap([new RegExp(String.raw`${PROSE_ONLY}\b((?:sole|shared)\s+(?:voting\s+and\s+)?)dispositive(\s+power)\b`, 'gm'), '$1investment$2']),
  },
  {
    name: 'power-vote-and-dispose',
    says: '"sole/shared voting and dispositive power over/with respect to N" → "sole/shared power to vote and to dispose of N"',
    seenIn: '0001193125-10-137857 ("Mrs. Shaw has shared power to vote and to dispose of 189,664 shares of Common Stock"), 0000950123-07-015741 ("The Reporting Persons have the sole power to vote and dispose of")',
    rewrite: swap([/\b(sole|shared)\s+voting\s+and\s+dispositive\s+power\s+(?:over|with\s+respect\s+to)\b/gi, '$1 power to vote and to dispose of']),
  },
  {
    name: 'collectively',
    says: '"the Reporting Persons (may be deemed to) beneficially own N" → "the Reporting Persons collectively (may be deemed to) beneficially own N"',
    seenIn: '0001140361-21-010426 ("Our initial shareholders, who will collectively beneficially own 20% of our ordinary shares")',
    rewrite: swap([/\b(Reporting\s+Persons)\s+(may\s+be\s+deemed\s+to\s+)?beneficially\s+own\b/g, '$1 collectively $2beneficially own']),
  },
  {
    name: 'is-holder',
    says: '"X owns / holds N" → "X is the holder of N" (never "beneficially owns" or "directly owns", whose adverb says more)',
    seenIn: '0000905718-14-000108 ("PWIMF, a Cayman Islands exempted company that is the holder of 527,194 shares of common stock")',
    rewrite: swap([/(?<!(?:beneficially|directly)\s)\b(?:owns|holds)\s+(?=(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?\d)/g, 'is the holder of ']),
  },
  {
    name: 'group-held-in-aggregate',
    says: '"N Shares (beneficially) owned/held by the Reporting Persons" → "N Shares held in the aggregate by the Reporting Persons"',
    seenIn: '0000905718-14-000108 ("The 639,660 Common Shares held in the aggregate by the PW Funds, which constitute 3.0% of the Common Shares")',
    rewrite: swap([/(\d(?:\s+(?:shares|Shares)(?:\s+of\s+(?:the\s+)?[A-Z][\w']*(?:\s+[A-Z][\w']*){0,3})?)?)\s+(?:beneficially\s+)?(?:owned|held)\s+by(\s+the\s+Reporting\s+Persons)\b/g, '$1 held in the aggregate by$2']),
  },
  {
    name: 'breakdown-comprised',
    says: '"N shares, consisting of (i) M shares …" / "N shares, which include(s) M shares …" → "N shares, comprised of (i) M shares …"',
    seenIn: '0000950133-02-003348 ("The 13,942,451 shares are comprised of 13,348,353 issued and outstanding shares of o2wireless Common Stock and 594,098 …")',
    rewrite: swap([/\b(?:consisting\s+of|which\s+includes?)(:?\s+(?:\((?:[ivx]{1,4}|[a-h]|\d)\)\s*)?\d)/g, 'comprised of$1']),
  },
  {
    name: 'breakdown-consisting',
    says: '"N shares, comprised of (i) M shares …" / "N shares, which include(s) M shares …" → "N shares, consisting of (i) M shares …"',
    seenIn: '0001004680-99-000001 ("709,128 total shares consisting of 268,007 shares of Common Stock and 436,121 shares of Common Stock issuable upon …")',
    rewrite: swap([/\b(?:(?:are\s+)?comprised\s+of|which\s+includes?)(:?\s+(?:\((?:[ivx]{1,4}|[a-h]|\d)\)\s*)?\d)/g, 'consisting of$1']),
  },
  ...MORE_HOLDING_PARAPHRASES,
];

/**
 * The labels of a 13G's Item 4 (and of 13D Item 5s that copy the form), each right after its enumerator ("(a)",
 * "(ii)", "4(c)"), never the same words inside a sentence.
 */
const FORM_LABEL = new RegExp(
  String.raw`(?<=\(\s*(?:[a-h]|[ivx]{1,4})\s*\)\.?(?:\s|&nbsp;|&#160;)*)(?:` +
    [
      String.raw`(?:aggregate\s+)?amount\s+beneficially\s+owned`,
      String.raw`percent(?:age)?\s+of\s+(?:the\s+)?class`,
      String.raw`number\s+of\s+shares\s+as\s+to\s+which\s+(?:such|the)\s+(?:reporting\s+)?person\s+has`,
      String.raw`(?:sole|shared)\s+power\s+to\s+vote\s+or\s+(?:to\s+)?direct\s+(?:the\s+)?vote(?:\s+of)?`,
      String.raw`(?:sole|shared)\s+power\s+to\s+dispose\s+(?:of\s+)?or\s+(?:to\s+)?direct\s+(?:the\s+)?disposition(?:\s+of)?`,
      String.raw`(?:sole|shared)\s+(?:voting|dispositive)\s+power`,
    ].join('|') +
    ')',
  'gi',
);

/** The words an item's title starts with (Schedule 13D Items 1–7, 13G Items 1–10). */
const TITLE_WORDS = /^(?:Security\s+and\s+Issuer|Identity\s+and\s+Background|Source\s+and\s+Amount|Purpose\s+of|Interest\s+in\s+Securities|Contracts|Material\s+to\s+be\s+Filed|Name\s+of|Address\s+of|Title\s+of|CUSIP|If\s+this|Ownership|Identification|Notice\s+of|Certification|Citizenship)\b/i;

/**
 * Rewrite every item heading that stands on its own line (text) or ends its element (HTML): "Item", its number,
 * the mark after it, the gap and the title, when the title is one of the form's (no prose after a heading is touched).
 */
function rewriteHeadings(text: string, to: (item: string, number: string, mark: string, gap: string, title: string) => string): string {
  return text.replace(
    /(?<=^|>)([ \t]*)(Item|ITEM)((?:\s|&nbsp;|&#160;)+\d{1,2}(?:\s*\([a-j]\))?)([.:]?)((?:[ \t]|&nbsp;|&#160;)+)([A-Za-z][^<\n\d]{2,120}?)(?=[ \t.:]*(?:\n|<|$))/gm,
    (whole, lead: string, item: string, number: string, mark: string, gap: string, title: string) => (TITLE_WORDS.test(title) ? `${lead}${to(item, number, mark, gap, title)}` : whole),
  );
}

/**
 * Where a paraphrase may write: the primary document's text from its first heading of Items 1–7 (or XML item element)
 * to the document's end. Null when the filing has no such heading, so nothing is rewritten.
 */
export function itemsRegion(text: string, bareXml = false): { start: number; end: number } | null {
  let open = text.search(/<TEXT>/i);
  if (open < 0 && bareXml && /^\s*<(?:\?xml|edgarSubmission)\b/.test(text)) open = 0;
  if (open < 0) return null;
  const close = text.slice(open).search(/<\/TEXT>/i);
  const end = close < 0 ? text.length : open + close;
  const body = text.slice(open, end);
  // Amendments often start at the first item they amend, so the first of Items 1–7 opens the region.
  const first = body.search(/\bITEM\s*(?:NO\.?\s*)?[1-7](?![\d(])\b|<(?:\w+:)?item[1-7]\b/i);
  return first < 0 ? null : { start: open + first, end };
}

/** Apply `paraphrase` to the items of the primary document; null when it changes nothing there. */
export function paraphraseFiling(text: string, paraphrase: Paraphrase): string | null {
  if (paraphrase.submission) {
    const after = paraphrase.submission(text);
    return after === text ? null : after;
  }
  if (paraphrase.whole) {
    const open = /<TEXT>/i.exec(text);
    if (!open) return null;
    const start = open.index + open[0].length;
    const close = text.slice(start).search(/<\/TEXT>/i);
    const end = close < 0 ? text.length : start + close;
    const body = text.slice(start, end);
    const after = paraphrase.whole(body);
    return after === body ? null : text.slice(0, start) + after + text.slice(end);
  }
  const region = itemsRegion(text, paraphrase.bareXml);
  if (!region) return null;
  const before = text.slice(region.start, region.end);
  const after = paraphrase.rewrite(before);
  return after === before ? null : text.slice(0, region.start) + after + text.slice(region.end);
}

/**
 * Re-wrap the filled paragraphs of a plain-text body at `width`: paragraphs of three or more lines whose lines but the
 * last are at least 50 columns wide and none starts with a label ("Item 2(a)", "(b)", "Name of …:"), i.e. prose a
 * filer's editor filled. Headings, label blocks, tables and HTML bodies stay as they are.
 */
function rewrapParagraphs(text: string, width: number): string {
  if (/<(?:html|p|div|table)\b/i.test(text)) return text;
  return text
    .split(/(\n[ \t]*\n)/)
    .map((part) => {
      const lines = part.split('\n');
      const filled =
        lines.length >= 3 &&
        lines.slice(0, -1).every((l) => l.trim().length >= 50) &&
        !lines.some((l) => /\S {3,}\S/.test(l.trim()) || /<[A-Za-z/]/.test(l) || /^\s*(?:ITEM\b|\(\w{1,4}\)|[^.]{1,40}:\s*$)/i.test(l));
      if (!filled) return part;
      const words = part.trim().split(/\s+/);
      const out: string[] = [];
      let line = '';
      for (const word of words) {
        if (line && line.length + 1 + word.length > width) {
          out.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      if (line) out.push(line);
      return out.join('\n');
    })
    .join('');
}

/** The gap between two aligned columns of a line: three or more spaces, or a tab (a form's "Item 5:\t2,261,276"). */
const ALIGNMENT = /(?<=\S)(?: {3,}|[ \t]*\t[ \t]*)(?=\S)/;
/** A line with aligned columns; the tab after a paragraph's enumerator ("(a)\tFMR beneficially owns …") is no column gap. */
const aligned = (line: string): boolean => ALIGNMENT.test(line.trim().replace(/^(?:\(\w{1,4}\)|\w{1,4}[.)])\t+/, ''));

/**
 * A plain-text body as simple HTML: paragraphs (runs of lines between blank lines) become <p> with their lines joined,
 * blocks with aligned columns (three or more spaces or a tab inside a line) become <pre>. HTML and XML bodies are left
 * alone.
 */
function textAsHtml(body: string, tables = false): string {
  if (/<(?:html|p|div|table|xml|edgarSubmission)\b/i.test(body)) return body;
  const escape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const blocks = body.split(/\n[ \t]*\n/).filter((b) => b.trim());
  const grid = (b: string): string =>
    `<table>${b
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `<tr>${l.trim().split(ALIGNMENT).map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
      .join('')}</table>`;
  const html = blocks.map((b) => (b.split('\n').some(aligned) ? (tables ? grid(b) : `<pre>${escape(b)}</pre>`) : `<p>${escape(b.trim().replace(/\s+/g, ' '))}</p>`));
  return `\n<html><body>\n${html.join('\n')}\n</body></html>\n`;
}

/**
 * The whole submission in the flattened shape corpora distribute (bench/flatten.ts): tags stripped, white space
 * collapsed, no line breaks. Not a wording but a shape, scored on holdings, trades and options alike, so it is kept
 * out of the three wording lists (each of those is held to its own floor in test/extract/prose/paraphrase.test.ts).
 */
export const FLATTENED: Paraphrase = {
  name: 'flattened',
  says: 'the whole submission flattened: SGML and HTML tags stripped, every run of white space one space, no line breaks',
  seenIn: 'samples/0001125282-03-003998.txt (the founding sample, as corpora distribute it)',
  rewrite: (text) => text,
  submission: flattenSubmission,
};

const TUNED: Split[] = ['dev', 'dev-late', 'tune'];

export interface ParaphraseResult {
  paraphrase: Paraphrase;
  filings: number;
  before: ReturnType<typeof totals>;
  after: ReturnType<typeof totals>;
  changed: { accessionNumber: string; lost: string[]; gained: string[] }[];
}

/**
 * Score every paraphrase on the tuned splits of the golden set in `dir`: holdings (every filing), or transactions or
 * options (the filings that label them).
 */
export function measureParaphrases(dir: string, root: string, paraphrases: Paraphrase[] = PARAPHRASES, measure: 'holdings' | 'transactions' | 'options' = 'holdings'): ParaphraseResult[] {
  const baseline = new Map(scoreGoldenSet(dir, root, { splits: TUNED }).map((s) => [s.accessionNumber, s]));
  const none = { found: [], extra: [] };
  return paraphrases.map((paraphrase) => {
    const after = scoreGoldenSet(dir, root, { splits: TUNED, transform: (text) => paraphraseFiling(text, paraphrase) }).filter((s) => s[measure] !== null);
    const before = after.map((s) => baseline.get(s.accessionNumber)).filter((s): s is FilingScore => s !== undefined);
    const changed = after
      .map((s) => {
        const was = baseline.get(s.accessionNumber)![measure] ?? none;
        const is = s[measure] ?? none;
        const now = new Set(is.found);
        const had = new Set(was.found);
        const extraBefore = new Set(was.extra);
        return {
          accessionNumber: s.accessionNumber,
          lost: was.found.filter((k) => !now.has(k)),
          gained: [...is.found.filter((k) => !had.has(k)), ...is.extra.filter((k) => !extraBefore.has(k)).map((k) => `extra ${k}`)],
        };
      })
      .filter((c) => c.lost.length || c.gained.length);
    return { paraphrase, filings: after.length, before: totals(before, measure), after: totals(after, measure), changed };
  });
}

function main(): void {
  const root = process.cwd();
  const verbose = process.argv.includes('--verbose');
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const dir = resolve(root, 'test/fixtures/golden/items');
  const tables = [
    { title: 'Holdings', unit: 'positions', results: measureParaphrases(dir, root, [...PARAPHRASES, FLATTENED]) },
    { title: 'Transactions', unit: 'trades', results: measureParaphrases(dir, root, [...TRADE_PARAPHRASES, FLATTENED], 'transactions') },
    { title: 'Options', unit: 'options', results: measureParaphrases(dir, root, [...OPTION_PARAPHRASES, FLATTENED], 'options') },
  ];
  for (const { title, unit, results } of tables) {
    console.log(`${title} on the tuned splits (dev, dev-late, tune), each filing read as labelled and then paraphrased:`);
    console.log(`| paraphrase | filings changed | precision before → after | recall before → after | ${unit} lost |`);
    console.log('|---|---:|---|---|---:|');
    for (const r of results) {
      const lost = r.changed.reduce((n, c) => n + c.lost.length, 0);
      console.log(`| ${r.paraphrase.name} | ${r.filings} | ${pct(r.before.precision)} → ${pct(r.after.precision)} | ${pct(r.before.recall)} → ${pct(r.after.recall)} | ${lost} |`);
    }
    for (const r of results) {
      console.log(`\n${r.paraphrase.name}: ${r.paraphrase.says} (seen in ${r.paraphrase.seenIn})`);
      if (!verbose) continue;
      for (const c of r.changed) {
        console.log(`  ${c.accessionNumber}`);
        for (const k of c.lost) console.log(`      - ${k}`);
        for (const k of c.gained) console.log(`      + ${k}`);
      }
    }
    console.log('');
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('paraphrase-robustness.js')) main();
