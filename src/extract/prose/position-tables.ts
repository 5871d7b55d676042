/**
 * Item 5 tables: rows under a header that names the cover page's figures ("Name  Aggregate  Percent  Sole Voting …"),
 * and text tables read line by line (dotted leaders, wrapped name cells, captions above the rows saying what the
 * counts are), and label rows under a header of one column per person. A table whose line breaks are gone (a flattened
 * filing) is first cut back into its rows (flattened-holder-rows.ts).
 * Does not handle: tables whose rows are not one holder per line.
 */
import { holderColumns, holdersOf, securityKindOf } from './clauses.js';
import { looksLikeName, type Party, type PartyMention } from './parties.js';
import type { Token } from './tokens.js';
import { evidence, provenance, type Found, type HoldingRole, type HoldingRow, type ProseContext, type ProseSentence, type SecurityKind } from './types.js';
import { headerColumns, captionRoleOf, labelAtEnd, LABEL_FRAGMENT, OWNERSHIP_PREDICATE, REFERENCE_BEFORE } from './position-vocabulary.js';
import type { PositionState } from './position-holders.js';
import { fuzzyCover } from './printed-names.js';
import { flattenedHolderRows } from './flattened-holder-rows.js';
import { matchesOf } from '../../matches.js';

/**
 * A header line of one column per person: "NAM\tTCIM\tTAL" (0000930413-20-000384), two or more parties and nothing
 * else but blanks between them. The label rows under it give each person's figure in that person's column.
 */
export function personColumns(s: ProseSentence, ctx: ProseContext): Party[] | null {
  if (s.mentions.length < 2 || s.tokens.some((t) => t.kind === 'shares' || t.kind === 'number' || t.kind === 'percent')) return null;
  let at = 0;
  for (const m of s.mentions) {
    if (!/^[\s|]*$/.test(s.raw.slice(at, m.start)) || (at > 0 && !/[\t|]|\s{2,}/.test(s.raw.slice(at, m.start)))) return null;
    at = m.end;
  }
  if (!/^[\s|]*$/.test(s.raw.slice(at))) return null;
  return columnParties(s, s.mentions, ctx);
}

/** The parties of a header's person columns: one distinct holder per mention, no group, not the issuer; else null. */
function columnParties(s: ProseSentence, mentions: readonly PartyMention[], ctx: ProseContext): Party[] | null {
  if (mentions.some((m) => m.party.group || ctx.parties.isIssuer(m.party))) return null;
  const parties = mentions.map((m) => holdersOf(s, [m]));
  if (parties.some((p) => p.length !== 1) || new Set(parties.map((p) => p[0]!.name)).size !== parties.length) return null;
  return parties.map((p) => p[0]!);
}

/** A holding row of one count a table or label list gives a holder for a role (no security, percent or date stated). */
function statedPower(s: ProseSentence, holder: Party, role: HoldingRole, shares: number, start: number, end: number): Found<HoldingRow> {
  return {
    row: { ...holderColumns(holder), role, security: null, securityKind: 'common', shares, convertibleIntoShares: null, asOfDate: null, percentOfClass: null, ...provenance(s) },
    evidence: { shares: evidence(s, start, end) },
  };
}

/**
 * A label row under a header of person columns: "Sole Voting Power:\t209,705\t4,368,525\t1,270,996" — one count per
 * column, each its person's figure of the label's role. Null when the line is not such a row (the columns end).
 */
export function personColumnRow(s: ProseSentence, columns: Party[], counts: Token[]): Found<HoldingRow>[] | null {
  if (counts.length !== columns.length) return null;
  const role = labelAtEnd(s.raw.slice(0, counts[0]!.start));
  if (!role) return null;
  for (let i = 1; i < counts.length; i++) if (!/^[\s|]+$/.test(s.raw.slice(counts[i - 1]!.end, counts[i]!.start))) return null;
  return counts.map((t, i) => statedPower(s, columns[i]!, role, t.value, t.start, t.end));
}

/**
 * A header of person columns and its label rows once their line breaks are gone, all in one sentence: "… as to which
 * person has: NAM TCIM TAL Sole Voting Power: 209,705 4,368,525 1,270,996 Shared Voting Power: 0 0 0 …"
 * (0000930413-20-000384 flattened). Two or more parties with only spaces between them, then two or more rows of a
 * label and one count per party (`personColumnRow`'s row, without its line). The counts read are added to `used`, so
 * the sentence's other readers leave them alone. Only in a sentence without line breaks: as filed, each row is a line
 * (`personColumns`). Linear in the sentence: its mentions and counts are walked once.
 */
export function flattenedPersonColumns(s: ProseSentence, ctx: ProseContext, used: Map<number, { holders: Party[]; role: HoldingRole }>): Found<HoldingRow>[] {
  const out: Found<HoldingRow>[] = [];
  if (s.mentions.length < 2 || /\n/.test(s.raw)) return out;
  const mentions = s.mentions.slice().sort((a, b) => a.start - b.start);
  const counts = s.tokens.filter((t) => (t.kind === 'shares' || t.kind === 'number') && Number.isInteger(t.value) && !/\./.test(t.raw));
  let c = 0;
  for (let i = 0; i < mentions.length; ) {
    let j = i + 1;
    while (j < mentions.length && /^ +$/.test(s.raw.slice(mentions[j - 1]!.end, mentions[j]!.start))) j++;
    const run = mentions.slice(i, j);
    i = j;
    const columns = run.length < 2 ? null : columnParties(s, run, ctx);
    if (!columns) continue;
    const rows: { role: HoldingRole; cells: Token[] }[] = [];
    let at = run[run.length - 1]!.end;
    while (c < counts.length && counts[c]!.start < at) c++;
    for (;;) {
      const cells = counts.slice(c, c + columns.length);
      // (The label's length is asked before it is cut out: a run of names far from any count costs nothing.)
      const near = cells.length === columns.length && cells[0]!.start - at <= 160;
      const label = near ? s.raw.slice(at, cells[0]!.start) : '';
      const role = near && !/\d/.test(label) ? labelAtEnd(label) : null;
      if (!role || cells.some((t, k) => k > 0 && !/^ +$/.test(s.raw.slice(cells[k - 1]!.end, t.start)))) break;
      rows.push({ role, cells });
      c += columns.length;
      at = cells[cells.length - 1]!.end;
    }
    if (rows.length < 2) continue;
    for (const { role, cells } of rows) {
      cells.forEach((t, k) => {
        used.set(t.start, { holders: [columns[k]!], role });
        out.push(statedPower(s, columns[k]!, role, t.value, t.start, t.end));
      });
    }
  }
  return out;
}

/** "as of September 30, 2024" (or "as of 9/30/2024") ending a label, before its colon. */
const LABEL_DATE_AT_END = /\s+as\s+of\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{2,4})(?=\s*:?\s*$)/;

/**
 * "Name: N" or "Name - N shares" in a run of pairs: the name (no digits, colon or parenthesis) and the count, its share
 * word after it.
 */
const PAIR = /([A-Z][^:\d()\n]{0,80}?)(?:\s*:|\s+[-\u2013\u2014])\s*(\d{1,3}(?:,\d{3})+|\d+)(?![\d,.%])(?:\s+(?:shares|Shares|SHARES)\b)?/g;

/**
 * "Name: N" pairs under a power label once their line breaks are gone, in one sentence: "(i) Sole power to vote or to
 * direct the vote Franklin Resources, Inc.: 0 Charles B. Johnson: 0 … Templeton Global Advisors Limited: 9,987,768
 * (ii) …" (0000038777-98-000161 flattened; "… direct the vote DG Capital Management, LLC - 0 shares Dov Gertzulin - 0
 * shares (ii) …", 0000929638-13-000159): two or more pairs one after the other, each count the power of the
 * party its pair names (the name as printed when it names none). As filed each pair is a line (`pairLine` in
 * positions.ts); only a sentence without line breaks is read here. Counts read are added to `used`. Linear: one
 * scan for pairs, each name at most 80 characters.
 */
export function flattenedPairList(s: ProseSentence, used: Map<number, { holders: Party[]; role: HoldingRole }>): Found<HoldingRow>[] {
  const out: Found<HoldingRow>[] = [];
  if (/\n/.test(s.raw) || !/:|\s[-\u2013\u2014]/.test(s.raw)) return out;
  // (Mentions in text order, walked once with the pairs.)
  const mentions = s.mentions.slice().sort((a, b) => a.start - b.start);
  let m = 0;
  const pairs = [...matchesOf(PAIR, s.raw)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: m[1]!, count: m[2]!, countAt: m.index + m[0].indexOf(m[2]!, m[1]!.length) }));
  for (let i = 0; i < pairs.length; ) {
    let j = i + 1;
    while (j < pairs.length && pairs[j]!.start === pairs[j - 1]!.end + 1 && s.raw[pairs[j - 1]!.end] === ' ') j++;
    const run = pairs.slice(i, j);
    i = j;
    if (run.length < 2) continue;
    // The first pair's words start with the label's end ("… direct the vote Franklin Resources, Inc."): cut where
    // the words before end a power label and those after are a name.
    const first = run[0]!;
    const words = [...matchesOf(/\S+/g, first.name)];
    let role: HoldingRole | null = null;
    for (let k = 1; k < words.length && !role; k++) {
      const cut = first.start + words[k]!.index;
      const r = labelAtEnd(s.raw.slice(Math.max(0, cut - 160), cut));
      if (r && looksLikeName(s.raw.slice(cut, first.start + first.name.length))) {
        role = r;
        first.name = s.raw.slice(cut, first.start + first.name.length);
        first.start = cut;
      }
    }
    // (A label dated at its end is the label: "(a) Amount beneficially owned as of September 30, 2024:".)
    if (!role && (role = labelAtEnd(s.raw.slice(Math.max(0, first.start - 160), first.start).replace(LABEL_DATE_AT_END, ''))) === null) continue;
    if (!run.every((p) => looksLikeName(p.name))) continue;
    for (const p of run) {
      const nameEnd = p.start + p.name.trimEnd().length;
      while (m < mentions.length && mentions[m]!.end < p.start) m++;
      const mention = mentions[m] && mentions[m]!.start <= p.start + 2 && mentions[m]!.end >= nameEnd - 2 ? mentions[m] : undefined;
      const holders = mention ? holdersOf(s, [mention]) : [{ name: p.name.trim(), coverOrdinal: null, group: false, members: [] }];
      const value = Number(p.count.replace(/,/g, ''));
      used.set(p.countAt, { holders, role });
      for (const h of holders) out.push(statedPower(s, h, role, value, p.countAt, p.countAt + p.count.length));
    }
  }
  return out;
}

/**
 * A table row under a header: "Icahn Master 1,234,567 5.2% 1,234,567 0 1,234,567 0". The row's party is named at
 * its start; its counts fill the header's columns left to right (a percent column takes a percent or decimal).
 */
export function tableRow(s: ProseSentence, ctx: ProseContext, state: PositionState, counts: Token[]): Found<HoldingRow>[] | null {
  if (!state.columns) return null;
  const first = s.mentions[0];
  const nums = s.tokens.filter((t) => t.kind === 'shares' || t.kind === 'number' || t.kind === 'percent');
  if (!first || nums.length < 2 || /^[^\d]*[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}/.test(s.raw.slice(first.end, nums[0]!.start))) {
    // Prose after the table ends it (not the header itself).
    if ((s.raw.length > 200 || !nums.length) && !headerColumns(s.raw)) state.columns = null;
    return null;
  }
  if (s.raw.slice(0, first.start).trim().length > 6) return null;
  const out: Found<HoldingRow>[] = [];
  const holders = holdersOf(s, [first]);
  let col = 0;
  let pct: Token | null = null;
  // The row's percent, wherever its column is (the amount column usually comes first).
  const rowPercent = nums.find((t) => t.kind === 'percent') ?? null;
  const pctIndex = state.percentColumn;
  let seen = 0;
  for (const t of nums) {
    if (pctIndex !== null && seen === pctIndex && (t.kind === 'percent' || /\./.test(t.raw))) {
      pct = t;
      seen++;
      continue;
    }
    seen++;
    if (t.kind === 'percent' || !Number.isInteger(t.value)) continue;
    const role = state.columns[col++];
    if (!role) break;
    for (const holder of holders) {
      out.push({
        row: { ...holderColumns(holder), role, security: null, securityKind: 'common', shares: t.value, convertibleIntoShares: null, asOfDate: null, percentOfClass: role === 'beneficial' && (pct ?? rowPercent) ? (pct ?? rowPercent)!.value : null, ...provenance(s) },
        evidence: { shares: evidence(s, t.start, t.end) },
      });
    }
  }
  void counts;
  void ctx;
  return out.length ? out : null;
}

/**
 * Item 5 tables read line by line: a row names a holder at its start and gives one or more counts ("Gerald F.
 * Fitzgerald . . . 7,950 110,872", "Gould Investors L.P. 1,512,241/17.23% Shared (3)"); the caption lines above the
 * rows say what the counts are (the cover page's row words: beneficially owned, sole or shared power to vote or to
 * dispose; a percentage table gives no counts). When the words introducing the table say whose position the rows
 * make up ("… which Mr. Gould may be deemed to beneficially own"), each count is also that party's.
 * Works on the item's text lines rather than sentences: dotted leaders and cells are not sentence punctuation.
 */
export function readTableLines(source: ProseSentence['source'], itemNumber: number, documentSequence: number | null, ctx: ProseContext, makeSentence: (start: number, end: number) => ProseSentence): Found<HoldingRow>[] {
  const out: Found<HoldingRow>[] = [];
  const text = source.text;
  let caption = '';
  let captionRole: HoldingRole | 'percent' | null = null;
  let columnRoles: HoldingRole[] | null = null;
  let columnKinds: SecurityKind[] | null = null;
  let owner: Party[] = [];
  let rowsInBlock = 0;
  let pending: string[] = [];
  /** The names of the holders of the rows read in the current block (the Total row is their group's). */
  let blockHolders: string[] = [];
  /** The raw lines of the caption (header cells stacked over lines are aligned from the right). */
  let captionLines: string[] = [];
  for (const { start: lineStart, end: lineEnd } of tableLines(text, source.start, source.end)) {
    const line = text.slice(lineStart, lineEnd);
    // The last line of a wrapped name cell may start in lower case ("persons   61,302/…").
    const row = line.length > MAX_ROW_LINE ? null : ROW_LINE.exec(line) ?? (pending.length && rowsInBlock > 0 ? ROW_LINE_CONTINUED.exec(line) : null);
    const inTable = rowsInBlock > 0;
    // "Total  97,314  3,078,009" under rows: the group the introduction names ("held by each of the Funds").
    const total = row && inTable && /^\s*Total\b/i.test(row[1]!) ? totalHolder(blockHolders, caption, ctx) : null;
    // "See Item 9 above" under "Amount beneficially owned:" points at a cover row: its number is no count.
    const reference = row !== null && !total && REFERENCE_BEFORE.test(row[1]!.trimEnd());
    let name = row && !reference ? (total ? total.name : cleanRowName(row[1]!, pending.length > 0, inTable)) : null;
    if (row && name && /\b(?:Inc|Corp|Co|Ltd|Jr|Sr|L\.P|N\.A)$/.test(name) && line[row[1]!.length] === '.') name += '.';
    if (row && name) {
      // A name cell wrapped over the lines above the row ("One Liberty" / "Properties, Inc.  30,048/…").
      if (pending.length) name = `${pending.join(' ')} ${name}`.replace(/\s+/g, ' ');
      pending = [];
      if (rowsInBlock === 0) {
        blockHolders = [];
        captionRole = captionRoleOf(caption);
        owner = introducedOwner(caption, ctx);
        // A header naming several figures ("Name  Aggregate  Percent  Sole Voting  Shared Voting …"): one column each.
        const instruments = instrumentColumns(captionLines);
        columnKinds = instruments?.kinds ?? null;
        columnRoles = headerColumns(caption.slice(-400))?.roles ?? instruments?.roles ?? null;
        if (columnRoles && columnRoles.length < 2) columnRoles = null;
      }
      rowsInBlock++;
      // Only under a caption that says what the counts are (an address line "Greenville, SC 29601" has none).
      if (captionRole !== 'percent' && captionRole !== null) {
        const s = makeSentence(lineStart, lineEnd);
        const holder = total ? [total] : rowHolder(s, name, ctx);
        if (!total) blockHolders.push(...holder.map((h) => h.name));
        const counts = rowCounts(s, row[1]!.length);
        const pct = s.tokens.find((t) => t.kind === 'percent' && !/less\s+than\s*$/i.test(s.raw.slice(Math.max(0, t.start - 12), t.start)));
        for (const [k, t] of counts.entries()) {
          // A Total row restates its rows: the group's total, whatever the column counts.
          const role = total ? 'group_total' : (columnRoles && counts.length === columnRoles.length ? columnRoles[k] : null) ?? captionRole ?? 'beneficial';
          for (const p of [...holder, ...owner]) {
            out.push({
              row: { ...holderColumns(p), role: p === holder[0] || owner.length === 0 ? role : 'beneficial', security: null, securityKind: (columnKinds && counts.length === columnKinds.length ? columnKinds[k] : null) ?? 'common', shares: t.value, convertibleIntoShares: null, asOfDate: null, percentOfClass: counts.length === 1 && pct && p === holder[0] ? pct.value : null, ...provenance(s) },
              evidence: { shares: evidence(s, t.start, t.end) },
            });
          }
        }
      }
    } else if (line.trim()) {
      const cell = line.trim();
      if (cell.length <= 45 && !/\S\s{3,}\S/.test(cell) && !/\d/.test(cell) && cleanRowName(cell, false, inTable) && cell !== cell.toUpperCase()) {
        // A name cell that wraps onto the row below.
        pending.push(cell);
        caption = `${caption} ${line}`.slice(-CAPTION_CHARS);
        captionLines = [...captionLines, line].slice(-6);
      } else if (inTable && /\d/.test(cell) && cell.length < 120) {
        // A row this reader cannot name does not end the table.
        pending = [];
      } else {
        pending = [];
        if (inTable) {
          caption = '';
          captionLines = [];
        }
        rowsInBlock = 0;
        caption = `${caption} ${line}`.slice(-CAPTION_CHARS);
        captionLines = [...captionLines, line].slice(-6);
      }
    }
  }
  void itemNumber;
  void documentSequence;
  return out;
}

/** Longest line read as a row; a longer one is prose, or a flattened table (`flattenedHolderRows`). */
const MAX_ROW_LINE = 240;

/**
 * The lines of `start`–`end`, a line too long to be a row cut into the rows of the flattened table it holds (its line
 * breaks gone: "… POWER One Liberty Properties, Inc. 30,048/less than 1% Shared (1) The Georgetown Group, Inc. …").
 */
function* tableLines(text: string, start: number, end: number): Generator<{ start: number; end: number }> {
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const pieces = lineEnd - lineStart > MAX_ROW_LINE ? flattenedHolderRows(text.slice(lineStart, lineEnd), (name, inTable) => cleanRowName(name, false, inTable) !== null) : null;
    if (pieces) for (const p of pieces) yield { start: lineStart + p.start, end: lineStart + p.end };
    else yield { start: lineStart, end: lineEnd };
    lineStart = lineEnd + 1;
  }
}

/** A table row: a name, dotted leaders or a footnote mark, then counts (or "None") and at most a short tail. */
// Written so that no two neighbouring quantifiers can share characters: a count never ends in front of a digit (so a
// run of digits is one count, not any of its splits), counts are apart by white space, and the leaders, the tail and
// the end each take their white space once. The looser form backtracked exponentially on a line of digits.
const ROW_COUNT = String.raw`(?:\d{1,3}\.\d{1,2}[ \t]*%|\d{1,3}(?:,\d{3})+|\d+|None|-0-)(?!\d)(?:\/[^\s]*(?:\s+than\s+1%)?)?`;
const ROW_LINE = new RegExp(
  String.raw`^\s*((?:\d{1,4},?\s+)?[A-Z][^\d\n]{2,90}?)[\s.]*(?:(?:\(\d{1,2}\)|\*{1,2})[\s.]*)?` +
    String.raw`${ROW_COUNT}(?:\s+${ROW_COUNT}){0,5}(?:\s*[A-Za-z]{1,12})?(?:\s*\(\d{1,2}\))?\s*$`,
);

const ROW_LINE_CONTINUED = new RegExp(ROW_LINE.source.replace('(?:\\d{1,4},?\\s+)?[A-Z]', '[a-z]'));

function cleanRowName(raw: string, continued = false, inTable = false): string | null {
  // Dotted leaders and a footnote mark go; the period of "Inc." or "L.P." stays.
  const name = raw.replace(/(?:\s+\.)+\s*$/, '').replace(/\(\d{1,2}\)\s*$/, '').replace(/(?:\s+\.)+\s*$/, '').trim();
  if (name.length < (continued ? 2 : 4) || /:\s*$/.test(raw) || /\b(?:Owned|Beneficially|Power|Percent|Percentage|Amount|Aggregate|Outstanding)\b/i.test(name)) return null;
  // Prose is not a row name: lowercase words other than connectors.
  // Inside a table whose rows are already read, a cell may be a description ("Trustee for the benefit of various").
  const lower = name.split(/\s+/).filter((w) => /^[a-z]/.test(w) && !/^(?:of|the|for|and|as|de|von|van|du|la|le|y|e|on|in)$/.test(w));
  if (lower.length && !(inTable && name.length <= 60 && lower.length <= 4)) return null;
  if (/^(?:Total|Class|Name|Number|Shares|Common|Preferred|Series|Date|Page|Item|Percent|Aggregate|Sole|Shared)\b/i.test(name) || LABEL_FRAGMENT.test(name)) return null;
  return name;
}

/** The holder of a row: a party named at its start, a cover person the printed name misspells, or the name printed. */
function rowHolder(s: ProseSentence, name: string, ctx: ProseContext): Party[] {
  const at = s.raw.indexOf(name.slice(0, 4));
  const m = s.mentions.find((x) => x.start <= at + 2 && x.end >= at + Math.min(name.length, 8));
  if (m && m.end - m.start >= name.replace(/[.,\s]+$/, '').length - 6) return [m.party];
  const fuzzy = fuzzyCover(name, ctx);
  if (fuzzy) return [fuzzy];
  if (m && name.length - (m.end - m.start) < 4) return [m.party];
  return [{ name, coverOrdinal: null, group: false, members: [] }];
}

/**
 * "The following sets forth the number of Beneficial Shares which Mr. Gould may be deemed to beneficially own" (or
 * "… to be the beneficial owner of", "… has beneficial ownership of": any ownership predicate).
 */
const INTRODUCED_OWNER = new RegExp(`\\bwhich\\s+((?:Mr\\.|Ms\\.|Mrs\\.)?\\s*[A-Z][\\w.&' -]{1,60}?)\\s+(?:${OWNERSHIP_PREDICATE.source})`);

function introducedOwner(caption: string, ctx: ProseContext): Party[] {
  const m = INTRODUCED_OWNER.exec(caption);
  if (!m) return [];
  const p = ctx.parties.resolve(m[1]!.trim());
  return p ? [p] : [];
}

/** How much of the text above a table is its caption: the header lines and the sentences introducing the rows. */
const CAPTION_CHARS = 1200;

/**
 * The group an introduction says the rows make up: "Set forth below is the aggregate number of shares … directly held
 * by each of the Funds" — the holder of the table's Total row. Null when it names no group.
 */
function totalHolder(rows: string[], caption: string, ctx: ProseContext): Party | null {
  // The group the caption names whose members are the rows' holders ("… 667 and Life Sciences, the Funds").
  const groups = ctx.parties.mentions(caption).map((m) => m.party).filter((p) => p.group && p.members.length > 0);
  const members = groups.find((g) => rows.length > 0 && rows.every((r) => g.members.some((m) => m.name === r)));
  return members ?? introducedGroup(caption, ctx);
}

function introducedGroup(caption: string, ctx: ProseContext): Party | null {
  const m = /\b(?:held|owned)\s+(?:directly\s+|beneficially\s+|of\s+record\s+)?by\s+(?:each\s+of\s+)?(?:the\s+)?([A-Z][\w.&' -]{1,60}?)(?=[,.;:]|\s+(?:which|and|as|in|through|along)\b)/.exec(caption);
  const p = m ? ctx.parties.resolve(m[1]!.trim()) : null;
  return p?.group ? p : null;
}

/**
 * Columns named by the instrument they count ("Name | Common Stock | Prefunded Warrants"), header cells stacked over
 * lines aligned from the right ("Common  Prefunded" / "Name  Stock  Warrants"): warrants and options are shares
 * underlying them, a class of stock the shares held. Null unless every count column is named so.
 */
function instrumentColumns(lines: string[]): { roles: HoldingRole[]; kinds: SecurityKind[] } | null {
  const cells = lines.map((l) => l.trim().split(/\t+|\s{2,}/).filter(Boolean));
  const header = cells[cells.length - 1];
  const names = header && header.length >= 3 && /^name\b/i.test(header[0]!) ? stackedNames(cells) : runInNames(lines[lines.length - 1] ?? '');
  if (!names) return null;
  const roles = names.map((n): HoldingRole | null => (/\b(?:warrants?|options?|rights?)\b/i.test(n) ? 'underlying' : /\b(?:stock|shares|units)\b/i.test(n) ? 'direct' : null));
  if (!roles.every((r) => r !== null)) return null;
  return { roles: roles as HoldingRole[], kinds: names.map((n) => securityKindOf(n)) };
}

/** Column names of a header whose cells stand apart, the cells of the lines above prefixed from the right. */
function stackedNames(cells: string[][]): string[] {
  const names = cells[cells.length - 1]!.slice(1);
  for (const above of cells.slice(0, -1).reverse()) {
    if (above.length > names.length) break;
    above.forEach((c, i) => {
      const k = names.length - above.length + i;
      names[k] = `${c} ${names[k]}`;
    });
  }
  return names;
}

/**
 * Column names of a two-line header run into one line when the line breaks went (flattened text): the top line's
 * words, then "Name" and the bottom line's, one word per column on each ("… Agreement: Common Prefunded Name Stock
 * Warrants" is "Common Stock" and "Prefunded Warrants", go-edgar__vtv_13d_item4 flattened). Null unless both lines
 * have the same two to four words.
 */
function runInNames(line: string): string[] | null {
  const m = /(?:^|\s)((?:[A-Z][\w-]*\s+){2,4})Name((?:\s+[A-Z][\w-]*){2,4})\s*:?\s*$/.exec(line);
  if (!m) return null;
  const top = m[1]!.trim().split(/\s+/);
  const bottom = m[2]!.trim().split(/\s+/);
  return top.length === bottom.length ? top.map((w, i) => `${w} ${bottom[i]}`) : null;
}

/** The counts of a row after its name: numbers, "None" and "-0-" as 0; not footnote marks "(3)" nor "/17.23%". */
function rowCounts(s: ProseSentence, from: number): Token[] {
  const out: Token[] = [];
  for (const m of matchesOf(/(?<![\d,(./])(\d{1,3}(?:,\d{3})+|\d+|None|-0-)(?![\d,)%]|\.\d)/g, s.raw.slice(from))) {
    const start = from + m.index;
    const value = /\d/.test(m[1]!) ? Number(m[1]!.replace(/,/g, '')) : 0;
    out.push({ kind: 'shares', value, iso: null, start, end: start + m[0].length, raw: m[0], typo: null });
  }
  return out;
}
