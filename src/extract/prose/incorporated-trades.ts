/**
 * Which other items a 13D's Item 5(c) refers to for its transactions: "(c) The information set forth in Item 4 is
 * hereby incorporated by reference into this Item 5(c).", "(c) Except as set forth in Item 4, none of the Reporting
 * Persons has effected any transactions …", "(c) See Item 6."; and the trades those items' sentences state
 * (`incorporatedTrades`): the trades of the past sixty days are Item 5(c)'s, whatever item states them.
 *
 * Handles: a reference inside sub-item (c) (from a sentence starting "(c)" to the next sub-item), and one in a
 * sentence of Item 5 about transactions effected (in the past sixty days), each a rule of `TRADE_REFERENCE_RULES`.
 * Does not handle: references to "this Schedule 13D" or "herein" (no item named), to rows of the cover pages, or to
 * exhibits and schedules (the appendix reader reads those); a reference in Item 5(a) or (b) (positions, not trades).
 */
import { readTransactions } from './transactions.js';
import type { Found, ProseContext, ProseSentence, TransactionRow } from './types.js';
import { pushAll } from '../../arrays.js';
import { matchesOf } from '../../matches.js';

/** A sentence that starts a sub-item, group 1 its letter: "(c) The information …", "(d) No other person …". */
const SUB_ITEM_START = /^\W{0,3}\(\s*([a-g])\s*\)/i;

/** The rules under which a sentence of Item 5 is about its transactions (and a reference in it refers trades). */
const TRADE_REFERENCE_RULES: { name: string; applies: (s: ProseSentence, inSubItemC: boolean) => boolean }[] = [
  { name: 'inside-sub-item-c', applies: (_s, inSubItemC) => inSubItemC },
  { name: 'names-item-5c', applies: (s) => /\bItem\s*5\s*\(\s*c\s*\)/i.test(s.raw) },
  { name: 'transactions-effected', applies: (s) => /\btransactions?\b/i.test(s.raw) && /\beffected\b|\b(?:60|sixty)\s+days\b/i.test(s.raw) },
];

/** "Item 4", "Items 3 and 4", "Items 3, 4 and 6", "Item 4 and Item 6", "Item 4(a)": group 1 the list of numbers. */
const ITEM_LIST = String.raw`Items?\s+(\d{1,2}(?:\s*\([a-z]\))?(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:Items?\s+)?\d{1,2}(?:\s*\([a-z]\))?)*)`;

/**
 * The ways a reference hands the trades to another item: where they are stated ("set forth in Item 4", "described
 * under Items 3 and 4", "See Item 4"), or the item incorporated ("Item 4 is hereby incorporated by reference"). A
 * reference for something else is none: "none of the persons named in Item 2 has effected any transactions".
 */
const ITEM_REFERENCES: { name: string; pattern: RegExp }[] = [
  { name: 'stated-in', pattern: new RegExp(String.raw`\b(?:set\s+forth|described|disclosed|reported|contained|stated|discussed|included|provided|summari[sz]ed)\s+(?:in|under)\s+(?:(?:the\s+)?responses?\s+to\s+)?${ITEM_LIST}`, 'gid') },
  { name: 'see', pattern: new RegExp(String.raw`\bsee\s+(?:also\s+)?(?:the\s+)?(?:responses?\s+to\s+)?${ITEM_LIST}`, 'gid') },
  { name: 'information-in', pattern: new RegExp(String.raw`\b(?:information|disclosures?|responses?)\s+(?:in|under|of|to)\s+${ITEM_LIST}`, 'gid') },
  { name: 'incorporated', pattern: new RegExp(String.raw`${ITEM_LIST}(?:\s+(?:of|to)\s+this\s+(?:Schedule|Statement|Amendment)[\w\s/.-]{0,20}?)?\s+(?:is|are)\s+(?:hereby\s+)?incorporated`, 'gid') },
];

/** What follows a reference to the cover pages' rows ("Items 7 through 11 and 13 of each of the cover pages"). */
const COVER_ROWS_AFTER = /^\s*(?:through\s+\d{1,2}\s*)?(?:(?:and|,)\s*\d{1,2}\s*)*(?:of|on)\s+(?:each\s+of\s+)?(?:the\s+|this\s+)?cover/i;

/**
 * The item numbers (other than `exclude`) that the transaction statements of a 13D's Item 5 refer to, in the order
 * first named.
 */
export function tradeItemsReferred(item5: ProseSentence[], exclude: readonly number[]): number[] {
  const out: number[] = [];
  let inSubItemC = false;
  for (const s of item5) {
    const sub = SUB_ITEM_START.exec(s.raw);
    if (sub) inSubItemC = sub[1]!.toLowerCase() === 'c';
    if (!TRADE_REFERENCE_RULES.some((r) => r.applies(s, inSubItemC))) continue;
    for (const rule of ITEM_REFERENCES) {
      for (const m of matchesOf(rule.pattern, s.raw)) {
        const listEnd = m.indices![1]![1];
        if (COVER_ROWS_AFTER.test(s.raw.slice(listEnd, listEnd + 80))) continue;
        for (const n of matchesOf(/\d{1,2}/g, m[1]!)) {
          const number = Number(n[0]);
          if (!exclude.includes(number) && !out.includes(number)) out.push(number);
        }
      }
    }
  }
  return out;
}

/**
 * The trades stated in the sentences of the items Item 5's transaction statements refer to (`tradeItemsReferred`),
 * read by the sentence reader of trades only; their evidence points into the referred item's text. (Not the table
 * reader: in an item of agreements, "Securities Purchase Agreement" would head every dated sentence after it as a
 * purchase.)
 */
export function incorporatedTrades(item5: ProseSentence[], sections: { item: { itemNumber: number }; sentences: ProseSentence[] }[], exclude: readonly number[], ctx: ProseContext): Found<TransactionRow>[] {
  const out: Found<TransactionRow>[] = [];
  for (const n of tradeItemsReferred(item5, exclude)) {
    for (const { sentences } of sections.filter((b) => b.item.itemNumber === n)) for (const s of sentences) pushAll(out, readTransactions(s, ctx));
  }
  return out;
}
