/**
 * Trade paraphrases of layout and print for bench/paraphrase-robustness.ts (with bench/trade-paraphrases.ts): column
 * headings worded or cased another way ("Trade Date", "Date of Purchase / Sale", "Price Per Share ($)", capitals), a
 * sale's count in parentheses, a holder column against one table per holder under a heading, prices in sixteenths
 * ("22 3/4", "22-3/4"), and the venue of a trade sentence ("in open market transactions", "on The Nasdaq Stock
 * Market"). Each names in `seenIn` a corpus filing that prints the target form (or says that no 13D of the corpus does).
 */
import { findDates } from '../src/extract/lexicon/index.js';
import type { Paraphrase } from './paraphrase-robustness.js';
import { inTradeRows, isTradeRow, outsideDatesAndTags, placedCells, PRICE, tradeTables } from './trade-rows.js';

const swap =
  (pattern: RegExp, to: string) =>
  (text: string): string =>
    text.replace(pattern, to);

/** A line of a trade table's headings: short, no date, not a line of prose (no run of three lowercase words, no period at its end). */
function headingLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 140 && findDates(t).length === 0 && !/\b[a-z]+,?\s+[a-z]+,?\s+[a-z]+\b/.test(t) && !/\.\s*$/.test(t) && !/\b(?:ITEM|Item)\s+\d/.test(t);
}

/**
 * Apply `fn` to the column headings of each trade table (and, with `rows`, to its trade rows too): in HTML the `<tr>`s
 * of a `<table>` that holds trade rows, before its first trade row (and without a date); in text the table's own
 * heading lines and up to six heading lines above it (blank lines between allowed). `fn` sees text outside tags and
 * entities.
 */
function inTradeHeadings(fn: (text: string) => string, rows = false): (text: string) => string {
  const outsideTags = (row: string): string =>
    row
      .split(/(<[^>]*>|&[#\w]+;)/)
      .map((part) => (part.startsWith('<') || /^&[#\w]+;$/.test(part) ? part : fn(part)))
      .join('');
  return (text) => {
    if (/<tr\b/i.test(text)) {
      return text.replace(/<table\b[\s\S]*?<\/table>/gi, (table) => {
        const trs = [...table.matchAll(/<tr\b[\s\S]*?<\/tr>/gi)];
        const first = trs.findIndex((m) => isTradeRow(m[0]));
        if (first < 0) return table;
        let out = '';
        let at = 0;
        trs.forEach((m, k) => {
          const heading = k < first && findDates(m[0].replace(/<[^>]*>/g, ' ')).length === 0;
          const trade = rows && isTradeRow(m[0]);
          if (!heading && !trade) return;
          out += table.slice(at, m.index) + outsideTags(m[0]);
          at = m.index + m[0].length;
        });
        return out + table.slice(at);
      });
    }
    const lines = text.split('\n');
    const touched = new Set<number>();
    for (const [from, to] of tradeTables(lines)) {
      for (let k = from; k < to; k++) if (lines[k]!.trim() && (rows || !isTradeRow(lines[k]!))) touched.add(k);
      let blanks = 0;
      for (let k = from - 1, taken = 0; k >= 0 && taken < 6; k--) {
        if (!lines[k]!.trim()) {
          if (++blanks > 2) break;
          continue;
        }
        if (!headingLine(lines[k]!)) break;
        blanks = 0;
        taken++;
        touched.add(k);
      }
    }
    return lines.map((l, k) => (touched.has(k) ? outsideTags(l) : l)).join('\n');
  };
}

/** `to` in the case of `word` (all capitals, capitalised, or as written). */
function inCaseOf(word: string, to: string): string {
  if (word === word.toUpperCase() && /[A-Z]/.test(word)) return to.toUpperCase();
  return to;
}

/** A heading's date words ("Date", "Trade Date", "Transaction Date", "Date of Purchase / Sale"). */
const DATE_HEADING = /\b(?:Trade\s+Date|Transaction\s+Date|Date\s+of\s+(?:Purchase|Sale|Transaction)(?:\s*\/\s*Sale)?|Date)\b/gi;
/** A heading's price words ("Price", "Price Per Share", "Purchase Price per Share ($)"), not a price range. */
const PRICE_HEADING = /\b(?:(?:Purchase|Sale|Sales)\s+)?Price(?:\s*(?:per|\/)\s*Share)?(?:\s*\(\$\))?(?!\s+Range|\s*\(\$\)|\s*\/)/gi;

/** A heading's count words ("Shares", "Number of Shares", "No. of Shares", "Amount of Shares", "Quantity"), not "Shares" of a longer name. */
const COUNT_HEADING = /\b(?:(?:Number|No\.|Amount)\s+of\s+Shares|Shares(?!\s+(?:of|Purchased|Sold|Acquired))|Quantity)(?![\w.])/gi;

/** The first count of a trade row's text outside its dates: an integer, no price (no decimals), no percent. */
const ROW_COUNT = /(?<![\d$.,(\w'])(\d{1,3}(?:[,']\d{3})+|\d{2,})(?![\d.,)%\w])/;
/** A sale word of a row ("Sale", "Sold", "Sell", "Disposed", a lone "S" cell). */
const SALE_WORD = /\b(?:sales?|sold|sell|disposed?)\b|(?:^|\s{2,}|\t|>)S(?=\s{2,}|\s*$|\s*<)/i;

/** In each trade row that states a sale, the count in parentheses ("(9,022)"); a text row keeps its columns. */
function parenthesiseSales(text: string): string {
  return inTradeRows((row) => {
    if (!SALE_WORD.test(row.replace(/<[^>]*>/g, ' '))) return row;
    let done = false;
    return outsideDatesAndTags((t) => {
      if (done) return t;
      const m = ROW_COUNT.exec(t);
      if (!m) return t;
      done = true;
      // Two spaces after the count (if any) make room for the parentheses, so the next columns stay where they were.
      const after = t.slice(m.index + m[0].length);
      const room = /^ {3,}/.test(after) ? 2 : 0;
      return `${t.slice(0, m.index)}(${m[0]})${after.slice(room)}`;
    })(row);
  })(text);
}

/** "(9,022)" → "9,022" in trade rows, a text row keeping its columns. */
const unparenthesiseCounts = inTradeRows(outsideDatesAndTags((t) => t.replace(/\((\d{1,3}(?:,\d{3})*|\d+)\)( ?)/g, (_m, n: string, sp: string) => `${n}${sp ? '   ' : '  '}`.slice(0, n.length + 2 + sp.length))));

/** A count of shares of a trade sentence before its price lead: "… 2,000 Shares (of the Common Stock) at a price of $22.75". */
const BEFORE_PRICE = String.raw`(\d[\d,]*\s+(?:shares|Shares)\b(?:\s+of\s+(?:the\s+)?(?:[Ii]ssuer['\u2019]s\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?)(\s+)(?=(?:at|for)\s+(?:a\s+(?:purchase\s+|sale\s+)?price\s+of\s+|an\s+average\s+price\s+of\s+)?\$[\d.,]+(?:-\d+\/\d+)?\s+per\s+share)`;
/** The venue of a trade sentence written another way, or added where the sentence names none. */
function tradeVenue(venue: string): (text: string) => string {
  return (text) =>
    text
      .replace(/\b(?:in|on)\s+the\s+open\s+market\b/g, venue)
      .replace(new RegExp(BEFORE_PRICE, 'g'), (m: string, count: string, space: string, at: number, all: string) => (/open\s+market|Nasdaq|Exchange/.test(all.slice(at, at + m.length + 60)) ? m : `${count} ${venue}${space}`));
}


/** The text of an HTML fragment: tags dropped, spaces and `&nbsp;` collapsed. */
const textOf = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;|&#160;|&#xa0;/gi, ' ').replace(/\s+/g, ' ').trim();
/** A holder's name in a cell or heading: letters, no date, no count or price, no buy/sell word alone. */
const isName = (t: string): boolean =>
  /[A-Za-z]/.test(t) && t.length <= 80 && !/\d[\d,]*\.\d|\d{1,3},\d{3}|\$/.test(t) && findDates(t).length === 0 && !/\b(?:purchases?|sales?|buy|sell|bought|sold|acquired|disposed|shares?|price|date)\b|^[ps]$/i.test(t);

/**
 * A trade table with a holder column ("Name | Date | Number of Shares | …", one holder's rows after another) as one
 * table per holder under a heading that names it. HTML: the `<td>` of the name leaves each row; text: the name column is
 * blanked (the other columns stay where they were) and the name printed on a line above its rows.
 */
function holderColumnAsHeadings(text: string): string {
  if (/<tr\b/i.test(text)) {
    return text.replace(/<table\b[^>]*>[\s\S]*?<\/table>/gi, (table) => {
      const open = /^<table\b[^>]*>/i.exec(table)![0];
      const trs = [...table.matchAll(/<tr\b[\s\S]*?<\/tr>/gi)].map((m) => m[0]);
      const first = trs.findIndex(isTradeRow);
      if (first < 0) return table;
      const firstCell = (tr: string): string => textOf(/<t[dh]\b[\s\S]*?(?=<t[dh]\b|<\/tr>)/i.exec(tr)?.[0] ?? '');
      const rows = trs.slice(first);
      if (!rows.every((tr) => !isTradeRow(tr) || isName(firstCell(tr)))) return table;
      const dropFirst = (tr: string): string => tr.replace(/<t[dh]\b[\s\S]*?(?=<t[dh]\b|<\/tr>)/i, '');
      const heads = trs.slice(0, first).map(dropFirst);
      // Each holder's rows in their order, the holders in the order they first appear (rows of several holders may alternate).
      const groups: { name: string; rows: string[] }[] = [];
      let last = '';
      for (const tr of rows) {
        const name = isTradeRow(tr) ? firstCell(tr) : last;
        last = name;
        let g = groups.find((x) => x.name === name);
        if (!g) groups.push((g = { name, rows: [] }));
        g.rows.push(dropFirst(tr));
      }
      if (groups.length < 1 || groups.some((g) => !g.name)) return table;
      return groups.map((g) => `<p>${g.name}</p>\n${open}${[...heads, ...g.rows].join('\n')}</table>`).join('\n<p>&nbsp;</p>\n');
    });
  }
  const lines = text.split('\n');
  const out: string[] = [];
  let at = 0;
  for (const [from, to] of tradeTables(lines)) {
    const block = lines.slice(from, to);
    const placed = placedCells(block.map((l) => (l.trim() ? l : '')));
    const starts = [...(block.reduce((w, l) => ([...l.matchAll(/[^\s\t]+(?: [^\s\t]+)*/g)].length > [...w.matchAll(/[^\s\t]+(?: [^\s\t]+)*/g)].length ? l : w), ''))
      .matchAll(/[^\s\t]+(?: [^\s\t]+)*/g)].map((m) => m.index);
    const names = block.map((l, k) => (isTradeRow(l) && placed[k]![0] && isName(placed[k]![0]!) ? placed[k]![0]! : null));
    if (block.includes('\t') || starts.length < 4 || !names.some(Boolean) || !isTradeRow(block.find((l) => isTradeRow(l))!) || !names[block.findIndex(isTradeRow)]) continue;
    out.push(...lines.slice(at, from));
    block.forEach((l, k) => {
      const name = names[k];
      const width = starts[1]!;
      const blanked = l.length > width && !/\S/.test(l.slice(0, starts[0]!)) ? ' '.repeat(width) + l.slice(width) : l;
      if (name) out.push('', name);
      out.push(name || (!isTradeRow(l) && /\bName\b/i.test(l.slice(0, width))) ? blanked : l);
    });
    at = to;
  }
  out.push(...lines.slice(at));
  return out.join('\n');
}

/**
 * One table per holder under a heading that names it (`<p>NOONDAY CAPITAL PARTNERS, L.L.C.</p>`, then its tables: the
 * column headings and the trade rows, in one `<table>` or several) as a holder column: the heading leaves, each row of
 * those tables starts with a cell of the name (a heading row with "Name").
 */
function headingsAsHolderColumn(text: string): string {
  if (!/<tr\b/i.test(text)) return text;
  const heading = /<p\b[^>]*>((?:(?!<\/p>)[\s\S]){1,300})<\/p>/gi;
  /** What may stand between the heading and its tables, and between the tables. */
  const filler = /^(?:\s|<p\b[^>]*>(?:\s|&nbsp;|&#160;)*<\/p>|<\/?div\b[^>]*>)+/i;
  let out = '';
  let at = 0;
  for (let m = heading.exec(text); m; m = heading.exec(text)) {
    const name = textOf(m[1]!);
    if (!isName(name) || name.length < 4 || /:$/.test(name)) continue;
    // The tables after the heading, up to the first with a trade row.
    let cursor = m.index + m[0].length;
    const tables: { start: number; end: number; trade: boolean }[] = [];
    for (let k = 0; k < 4; k++) {
      const gap = filler.exec(text.slice(cursor));
      if (gap) cursor += gap[0].length;
      const table = /^<table\b[^>]*>[\s\S]*?<\/table>/i.exec(text.slice(cursor));
      if (!table) break;
      const trade = [...table[0].matchAll(/<tr\b[\s\S]*?<\/tr>/gi)].some((x) => isTradeRow(x[0]));
      tables.push({ start: cursor, end: cursor + table[0].length, trade });
      cursor += table[0].length;
      if (trade) break;
    }
    if (!tables.some((t) => t.trade)) continue;
    out += text.slice(at, m.index);
    let from = m.index + m[0].length;
    let seenTrade = false;
    for (const t of tables) {
      out += text.slice(from, t.start);
      out += text.slice(t.start, t.end).replace(/<tr\b[^>]*>([\s\S]*?<\/tr>)/gi, (tr: string) => {
        const trade = isTradeRow(tr);
        seenTrade ||= trade;
        return tr.replace(/^<tr\b[^>]*>/i, (open) => `${open}<td>${trade || seenTrade ? name : 'Name'}</td>`);
      });
      from = t.end;
    }
    at = from;
    heading.lastIndex = from;
  }
  return out + text.slice(at);
}


/** A decimal price that is a whole number of sixteenths printed as a fraction ("22.75" → "22 3/4"), else as it was. */
function asFraction(sep: string): (m: string, sign: string | undefined, whole: string | undefined, dec: string) => string {
  return (m, sign, whole, dec) => {
    const sixteenths = Number(`0.${dec}`) * 16;
    if (!whole || Number(whole.replace(/,/g, '')) === 0 || !Number.isInteger(Math.round(sixteenths * 1e6) / 1e6) || sixteenths === 0) return m;
    let n = Math.round(sixteenths);
    let d = 16;
    while (n % 2 === 0) {
      n /= 2;
      d /= 2;
    }
    return `${sign ?? ''}${whole}${sep}${n}/${d}`;
  };
}

/** Prices of trade rows and of "$P per share" in sentences as whole-and-fraction prints (see `asFraction`). */
function fractionPrices(sep: string): (text: string) => string {
  const rows = inTradeRows(outsideDatesAndTags((t) => t.replace(PRICE, asFraction(sep))));
  const perShare = /(\$\s?)(\d{1,3}(?:,\d{3})*|\d+)\.(\d{1,6})(?=\s+per\s+share)/g;
  return (text) => rows(text).replace(perShare, (m, sign: string, whole: string, dec: string) => asFraction(sep)(m, sign, whole, dec));
}

/** The layout and print paraphrases of trades. */
export const TRADE_LAYOUT_PARAPHRASES: Paraphrase[] = [
  {
    name: 'head-trade-date',
    says: 'a trade table\'s date heading ("Date", "Transaction Date", "Date of Purchase") → "Trade Date"',
    seenIn: '0001313250-08-000037 ("TRADE DATE  NO. OF SHARES DISPOSED OF  PRICE PER SHARE ($)"), 0000927087-99-000089 ("Trade date")',
    rewrite: inTradeHeadings((t) => t.replace(DATE_HEADING, (w) => inCaseOf(w, 'Trade Date'))),
  },
  {
    name: 'head-date-of-purchase',
    says: 'a trade table\'s date heading ("Date", "Trade Date", "Transaction Date") → "Date of Purchase / Sale"',
    seenIn: '0000902664-15-004619 ("Price Per Share ($)  Date of Purchase / Sale"), 0000950170-24-140615 ("Date of Purchase")',
    rewrite: inTradeHeadings((t) => t.replace(DATE_HEADING, (w) => inCaseOf(w, 'Date of Purchase / Sale'))),
  },
  {
    name: 'head-price-per-share',
    says: 'a trade table\'s price heading ("Price", "Price per Share") → "Price Per Share ($)"',
    seenIn: '0000902664-15-004619, 0000950170-24-140615 ("Purchase Price per Share ($)"), 0001313250-08-000037 ("PRICE PER SHARE ($)")',
    rewrite: inTradeHeadings((t) => t.replace(PRICE_HEADING, (w) => inCaseOf(w, 'Price Per Share ($)'))),
  },
  {
    name: 'head-price',
    says: 'a trade table\'s price heading ("Price Per Share ($)", "Purchase Price per Share") → "Price"',
    seenIn: '0000315066-94-001425 ("DATE  SHARES  PRICE"), 0000891836-94-000030 ("Transaction Date  Shares  Price")',
    rewrite: inTradeHeadings((t) => t.replace(PRICE_HEADING, (w) => inCaseOf(w, 'Price'))),
  },
  {
    name: 'head-no-of-shares',
    says: 'a trade table\'s count heading ("Shares", "Number of Shares", "Amount of Shares", "Quantity") → "No. of Shares"',
    seenIn: '0001313250-08-000037 ("TRADE DATE  NO. OF SHARES DISPOSED OF  PRICE PER SHARE ($)")',
    rewrite: inTradeHeadings((t) => t.replace(COUNT_HEADING, (w) => inCaseOf(w, 'No. of Shares'))),
  },
  {
    name: 'head-average-price',
    says: 'a trade table\'s price heading ("Price", "Price Per Share ($)", "Purchase Price per Share") → "Average Price"',
    seenIn: '0000950123-07-015741 ("Transaction Date  Number of Shares Sold  Average Price")',
    rewrite: inTradeHeadings((t) => t.replace(PRICE_HEADING, (w) => inCaseOf(w, 'Average Price'))),
  },
  {
    name: 'head-caps',
    says: 'a trade table\'s column headings in capitals',
    seenIn: '0001313250-08-000037 ("TRADE DATE  NO. OF SHARES DISPOSED OF  PRICE PER SHARE ($)")',
    rewrite: inTradeHeadings((t) => t.toUpperCase()),
  },
  {
    name: 'table-caps',
    says: 'a whole trade table in capitals: headings and rows (side words, fund names)',
    seenIn: '0001313250-08-000037 ("NOONDAY CAPITAL PARTNERS, L.L.C."), 0000950142-96-000297 ("TRADE DATE … P")',
    rewrite: inTradeHeadings((t) => t.toUpperCase(), true),
  },
  {
    name: 'shares-parens',
    says: 'the count of a sale row in parentheses: "Sale  9,022" → "Sale  (9,022)"',
    seenIn: '0000902664-15-004619 ("Sale of Common Stock  (9,022)  7.65  12/16/2015")',
    rewrite: parenthesiseSales,
  },
  {
    name: 'shares-unparen',
    says: 'a count in parentheses "(9,022)" → "9,022" (the side said by the row\'s words alone)',
    seenIn: '0000891836-94-000030 ("Sale        4/7/94    3,000 Class A     40.00")',
    rewrite: unparenthesiseCounts,
  },
  {
    name: 'prose-open-market',
    says: '"X purchased N shares (in the open market) at $P per share" → "X purchased N shares in open market transactions at $P per share"',
    seenIn: '0000315066-94-001425 ("The transactions were made for cash in open market transactions")',
    rewrite: tradeVenue('in open market transactions'),
  },
  {
    name: 'prose-nasdaq',
    says: '"X purchased N shares (in the open market) at $P per share" → "X purchased N shares in open market purchases on The Nasdaq Stock Market at $P per share"',
    seenIn: '0000927087-99-000089 ("were open market purchases on The Nasdaq Stock Market effected by WAC")',
    rewrite: tradeVenue('in open market purchases on The Nasdaq Stock Market'),
  },
  {
    name: 'prose-date-no-comma',
    says: '"On March 15, 2024, X sold …" → "On March 15, 2024 X sold …" (no comma after the leading date)',
    seenIn: '0000712770-96-000005 ("On July 2, 1996 GLP converted 1,030,000 shares")',
    rewrite: swap(/\b(On\s+(?:or\s+about\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}),(\s+)(?=[A-Z])/g, '$1$2'),
  },

  {
    name: 'table-holder-headings',
    says: 'a trade table with a holder column as one table per holder under a heading naming it',
    seenIn: '0001313250-08-000037 ("NOONDAY CAPITAL PARTNERS, L.L.C." above its table "TRADE DATE  NO. OF SHARES …")',
    rewrite: holderColumnAsHeadings,
  },
  {
    name: 'table-holder-column',
    says: 'one trade table per holder under a heading naming it as a holder column in each row ("667, L.P. | 12/13/2024 | 2,809 | …")',
    seenIn: 'go-edgar__13d_2024_1 ("Name  Date  Number of Shares  Transaction  Price/Share": "667, L.P.  12/13/2024  2,809  Purchase  13.4979")',
    rewrite: headingsAsHolderColumn,
  },

  {
    name: 'price-fraction',
    says: 'prices in sixteenths as fractions, in trade rows and "$P per share": "$22.75" → "$22 3/4"',
    seenIn: 'no 13D trade of the corpus; full/0000950144-94-000103 ("at $16 7/8 per share"), the 1990s quotation',
    rewrite: fractionPrices(' '),
  },
  {
    name: 'price-fraction-dash',
    says: 'prices in sixteenths as dashed fractions: "$22.75" → "$22-3/4"',
    seenIn: '0000937242-95-000001 ("sold 100,000 shares of the Common Stock for $3-13/16 per share")',
    rewrite: fractionPrices('-'),
  },
];
