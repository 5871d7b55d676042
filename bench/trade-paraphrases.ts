/**
 * Paraphrases of trades (Item 5(c) and the schedules of trades it incorporates) for bench/paraphrase-robustness.ts:
 * the same purchase or sale printed with another date form, price form, count form, buy/sell word, sentence order or
 * table layout, each a form real filings use (`seenIn` names one; where no Schedule 13D of the corpus prints the form,
 * it says so and names the nearest real filing that does).
 *
 * A table paraphrase rewrites only trade rows: a line (or an HTML `<tr>`) of three or more cells with exactly one date,
 * alone in its cell, and another number. Numbers are rewritten only outside dates and outside HTML tags. The date
 * rewrites read a date with the shared lexicon (to print the same day another way), so a form the lexicon does not
 * read is not rewritten from, only to. The paraphrases of column headings, holder layout, fractions and venue are in
 * bench/trade-layouts.ts; the reading of trade rows and tables both share is bench/trade-rows.ts.
 */
import { findDates } from '../src/extract/lexicon/index.js';
import type { Paraphrase } from './paraphrase-robustness.js';
import { TRADE_LAYOUT_PARAPHRASES } from './trade-layouts.js';
import { inTradeRows, outsideDatesAndTags, placedCells, PRICE, tradeTables } from './trade-rows.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date printed another way. */
const DATE_PRINTS = {
  padded: (y: string, m: number, d: number) => `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`,
  short: (y: string, m: number, d: number) => `${m}/${d}/${y.slice(2)}`,
  long: (y: string, m: number, d: number) => `${MONTHS[m - 1]} ${d}, ${y}`,
  dmy: (y: string, m: number, d: number) => `${d}-${MONTHS[m - 1]!.slice(0, 3)}-${y.slice(2)}`,
  iso: (y: string, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
};


/** Reprint every date of a trade row. */
function reprintDates(print: (y: string, m: number, d: number) => string): (text: string) => string {
  return inTradeRows((row) => {
    let out = row;
    for (const d of findDates(row).reverse()) {
      const [y, m, day] = d.iso.split('-');
      out = out.slice(0, d.start) + print(y!, Number(m), Number(day)) + out.slice(d.end);
    }
    return out;
  });
}


const swap =
  (pattern: RegExp, to: string) =>
  (text: string): string =>
    text.replace(pattern, to);

/** Buy or sell words of a row, each rewritten to `buy` / `sell`, in the case of the word it replaces. */
function sideWords(buy: string, sell: string): (text: string) => string {
  const cased = (word: string, to: string): string => (word === word.toUpperCase() ? to.toUpperCase() : word[0] === word[0]!.toUpperCase() ? to[0]!.toUpperCase() + to.slice(1) : to);
  return inTradeRows(
    outsideDatesAndTags((t) =>
      t.replace(/\b(?:(?:open\s+)?market\s+)?(purchase|buy|bought|sale|sell|sold)\b/gi, (word, core: string) => cased(word, /^(?:purchase|buy|bought)$/i.test(core) ? buy : sell)),
    ),
  );
}

/**
 * "On August 2, 1995, Mrs. Bodner sold 100,000 shares of the Common Stock for $3-13/16 per share" → "Mrs. Bodner sold
 * 100,000 shares of the Common Stock on August 2, 1995 at a price of $3-13/16 per share" ("purchased" becomes
 * "bought").
 */
function tradeSentenceDateAfter(text: string): string {
  const date = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}`;
  const re = new RegExp(
    String.raw`\bOn\s+(or\s+about\s+)?(${date}),\s+([^,;$]{1,80}?)\s+(purchased|bought|sold|acquired)\s+(\d[\d,]*\s+(?:[^.;$]|\.(?=\d))*?)\s+(?:at\s+a\s+(?:purchase\s+)?price\s+of|at|for)\s+(\$[\d,.]+(?:-\d+\/\d+)?\s+per\s+share)`,
    'g',
  );
  return text.replace(re, (m: string, about: string | undefined, when: string, who: string, verb: string, what: string, price: string, at: number) => {
    const said = /^p/i.test(verb) ? 'bought' : verb;
    const out = `${who[0]!.toUpperCase()}${who.slice(1)} ${said} ${what} on ${about ? 'or about ' : ''}${when} at a price of ${price}`.replace(/\s+/g, ' ');
    // A sentence that ran over lines is filled again to the width of its lines, as the filer's editor would.
    return m.includes('\n') ? fill(out, at - text.lastIndexOf('\n', at) - 1, Math.max(...m.split('\n').map((l) => l.length)) + 1) : out;
  });
}

/** `words` filled into lines of at most `width` columns, the first starting at column `column`. */
function fill(words: string, column: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  let room = Math.max(20, width - column);
  for (const word of words.split(' ')) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
      room = width;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n ');
}

/** The lines of text tables of trades (rows and column headings) re-laid with each column `width` wide. */
function relayColumns(width: number): (text: string) => string {
  return (text) => {
    // (`<TABLE>` in capitals is EDGAR's SGML tag of a plain-text table, not HTML.)
    if (/<(?:html|tr|td)\b/i.test(text)) return text;
    const lines = text.split('\n');
    for (const [from, to] of tradeTables(lines)) {
      const block = lines.slice(from, to);
      const placed = placedCells(block);
      block.forEach((line, k) => {
        if (!line.trim()) return;
        const cells = placed[k]!;
        lines[from + k] = cells
          .map((c, i) => (i < cells.length - 1 ? c.padEnd(Math.max(width, c.length + 2)) : c))
          .join('')
          .trimEnd();
      });
    }
    return lines.join('\n');
  };
}

/**
 * A plain-text body as the HTML of filings that keep their text in `<pre>` and print a schedule of trades as a
 * `<table>`: each trade table (rows and column headings) becomes a `<table>`, every other line stays in `<pre>` as it
 * was, cover pages included.
 */
function tradeTablesAsHtml(body: string): string {
  if (/<(?:html|p|div|tr|td|xml|edgarSubmission)\b/i.test(body)) return body;
  const escape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = body.split('\n');
  const tables = tradeTables(lines);
  if (!tables.length) return body;
  const out: string[] = [];
  let at = 0;
  for (const [from, to] of tables) {
    out.push(`<pre>${escape(lines.slice(at, from).join('\n'))}</pre>`);
    const rows = lines.slice(from, to).filter((l) => l.trim());
    out.push(`<table>${placedCells(rows).map((cells) => `<tr>${cells.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</table>`);
    at = to;
  }
  out.push(`<pre>${escape(lines.slice(at).join('\n'))}</pre>`);
  return `\n<html><body>\n${out.join('\n')}\n</body></html>\n`;
}


const LIST: Paraphrase[] = [
  { name: 'date-padded', says: 'trade-row dates as "03/15/2024"', seenIn: '0000950170-24-140615 ("11/06/2024*  2,100  $ 12.5000")', rewrite: reprintDates(DATE_PRINTS.padded) },
  { name: 'date-short', says: 'trade-row dates as "3/15/24"', seenIn: '0000930661-00-000395 ("12/20/99  Market Purchase  2,000  6.38")', rewrite: reprintDates(DATE_PRINTS.short) },
  { name: 'date-long', says: 'trade-row dates as "March 15, 2024"', seenIn: '0001193125-10-137857 ("May 6, 2010 | 1,250 | $ | 16.2848")', rewrite: reprintDates(DATE_PRINTS.long) },
  {
    name: 'date-dmy',
    says: 'trade-row dates as "15-Mar-24"',
    seenIn: 'no 13D of the corpus; day-month-year with dashes in nc/0000774352-01-000002.nc ("20-December-00")',
    rewrite: reprintDates(DATE_PRINTS.dmy),
  },
  { name: 'date-iso', says: 'trade-row dates as "2024-03-15"', seenIn: 'no 13D of the corpus; Form 4 trade dates, test/fixtures/nc/0001127602-25-004598.nc ("2025-02-12")', rewrite: reprintDates(DATE_PRINTS.iso) },
  {
    name: 'price-bare',
    says: 'trade-row prices "$12.50" → "12.50"',
    seenIn: '0000927087-99-000089 ("04/08/99  100,000  .3093")',
    // (A dollar sign in a cell of its own goes with its cell's text.)
    rewrite: inTradeRows(outsideDatesAndTags((t) => t.replace(/\$\s*(?=\d|\.\d)|^\s*\$\s*$/g, ''))),
  },
  { name: 'price-dollar', says: 'trade-row prices "12.50" → "$12.50"', seenIn: '0000902664-04-001527 ("9/30/04  3,000  $11.96")', rewrite: inTradeRows(outsideDatesAndTags((t) => t.replace(PRICE, (m, sign: string | undefined) => (sign ? m : `$${m}`)))) },
  {
    name: 'price-4dp',
    says: 'trade-row prices with four decimals: "$12.50" → "$12.5000"',
    seenIn: '0000950170-24-140615 ("$ 12.5000")',
    rewrite: inTradeRows(outsideDatesAndTags((t) => t.replace(PRICE, (m, sign: string | undefined, whole: string | undefined, dec: string) => (dec.length >= 4 ? m : `${sign ?? ''}${whole ?? ''}.${dec.padEnd(4, '0')}`)))),
  },
  { name: 'price-spaced', says: 'trade-row prices "$12.50" → "$ 12.50"', seenIn: '0000950170-24-140615 ("$ 12.5000")', rewrite: inTradeRows(outsideDatesAndTags((t) => t.replace(/\$(?=\d|\.\d)/g, '$ '))) },
  {
    name: 'shares-plain',
    says: 'trade-row counts "1,000" → "1000"',
    seenIn: '0000950123-07-015741 ("10/15/07  13600  7.5551")',
    rewrite: inTradeRows(outsideDatesAndTags((t) => t.replace(/(?<![\d$.,]|\$\s)\d{1,3}(?:,\d{3})+(?![\d.,])/g, (n) => n.replace(/,/g, '')))),
  },
  {
    name: 'shares-comma',
    says: 'trade-row counts "1000" (or "1\'000") → "1,000"',
    seenIn: '0000930661-00-000395 ("2,000")',
    rewrite: inTradeRows(outsideDatesAndTags((t) => t.replace(/(?<![\d$.,']|\$\s)(?:\d{4,}|\d{1,3}(?:'\d{3})+)(?![\d.,'])/g, (n) => Number(n.replace(/'/g, '')).toLocaleString('en-US')))),
  },
  { name: 'side-buy-sell', says: 'trade-row "Purchase"/"Sale" → "Buy"/"Sell"', seenIn: "laimis__sample_schedule_13d (\"23.01.2026  BUY  55'798  71.71\")", rewrite: sideWords('buy', 'sell') },
  { name: 'side-bought-sold', says: 'trade-row "Purchase"/"Sale" → "Bought"/"Sold"', seenIn: '0000950123-07-015741 (column "Number of Shares Sold")', rewrite: sideWords('bought', 'sold') },
  { name: 'side-open-market', says: 'trade-row "Purchase"/"Sale" → "Open market purchase"/"Open market sale"', seenIn: '0000930661-00-000395 ("12/20/99  Market Purchase  2,000  6.38")', rewrite: sideWords('open market purchase', 'open market sale') },
  {
    name: 'prose-date-after',
    says: '"On March 15, 2024, X purchased N shares at $P per share" → "X bought N shares on March 15, 2024 at a price of $P per share"',
    seenIn: 'claudetelegram__sc13d ("the Reporting Persons acquired Class S Units … on September 1, 2026 at a purchase price of $11.46 per Class S Unit")',
    rewrite: tradeSentenceDateAfter,
  },
  {
    name: 'prose-average-price',
    says: '"… N shares at (a price of) $P per share" → "… N shares at an average price of $P per share"',
    seenIn: '0001649910-20-000012 ("the Reporting Person bought 1,500 Shares at an average price of $16.57 per share")',
    rewrite: swap(/(\d\s+(?:shares|Shares)\b[^.;$]{0,80}?\s)at(?:\s+a\s+(?:purchase\s+|sale\s+)?price\s+of)?(\s+)(?=\$[\d.,]+(?:-\d+\/\d+)?\s+per\s+share)/g, '$1at an average price of$2'),
  },
  {
    name: 'prose-weighted-price',
    says: '"… N shares at (a price of) $P per share" → "… N shares for a weighted average price of $P per share"',
    seenIn: '0001140361-26-005810 ("11/24/2025: 20,000 shares for a weighted average price of $5.0865 per share")',
    rewrite: swap(/(\d\s+(?:shares|Shares)\b[^.;$]{0,80}?\s)(?:at|for)(?:\s+a\s+(?:purchase\s+|sale\s+)?price\s+of)?(\s+)(?=\$[\d.,]+(?:-\d+\/\d+)?\s+per\s+share)/g, '$1for a weighted average price of$2'),
  },
  {
    name: 'prose-price-per-share-of',
    says: '"… N shares at (a price of) $P per share" → "… N shares at a price per share of $P"',
    seenIn: '0001104659-25-002604 ("… common stock, par value $0.01 per share, at a price per share of $18.25 (the “Offer”)")',
    rewrite: swap(/(\d\s+(?:shares|Shares)\b[^.;$]{0,80}?\s)(?:at|for)(?:\s+a\s+(?:purchase\s+|sale\s+)?price\s+of)?(\s+)(\$[\d.,]*\d(?:-\d+\/\d+)?)\s+per\s+share\b/g, '$1at a price per share of$2$3'),
  },
  { name: 'columns-wide', says: 'text-table columns re-laid 20 wide', seenIn: '0000930661-00-000395 (columns about 24 wide)', rewrite: relayColumns(20) },
  { name: 'columns-narrow', says: 'text-table columns re-laid with two spaces between cells', seenIn: '0000891836-94-000030 (two to four spaces between cells)', rewrite: relayColumns(0) },
  {
    name: 'table-as-html',
    says: 'a plain-text table of trades as an HTML <table> (the rest of the text in <pre>)',
    seenIn: '0001056569-11-000015 (a 5(c) <table>: "2/15/2011 | 210 | 5.2988")',
    rewrite: (text) => text,
    whole: tradeTablesAsHtml,
  },

  ...TRADE_LAYOUT_PARAPHRASES,
];

/** Every trade paraphrase, XML primary documents without an envelope included (several labelled trade tables are). */
export const TRADE_PARAPHRASES: Paraphrase[] = LIST.map((p) => ({ ...p, bareXml: true }));
