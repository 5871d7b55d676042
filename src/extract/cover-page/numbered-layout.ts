/**
 * Cover pages whose rows are labelled only by number, without captions (Fidelity's template, 1994–2017):
 *
 *     Item 1:  Reporting Person - FMR Corp.
 *     Item 4:  Delaware
 *     Item 5:  0
 *
 * Read only when no captioned cover page exists; the row numbers follow the 13D or the 13G numbering.
 * Handles: a name after "Reporting Person -", rows left out (boxes not printed count as unchecked).
 * Does not handle: numbered rows of any other wording.
 */
import type { Span } from '../../parse/types.js';
import type { ExtractionWarning } from '../types.js';
import type { RowKey } from './captions.js';
import { parseBox } from './check-boxes.js';
import { readName } from './names.js';
import { emptyPerson, readNumber } from './row-values.js';
import type { CoverPageRegion, PersonDraft, ScheduleKind, TextCoverResult } from './types.js';
import { collapse, FUND_CODES, parseCodes, parsePercent, parseShareCount, PERSON_CODES } from './values.js';

const NUMBERED_ROWS: Record<ScheduleKind, Record<number, RowKey>> = {
  '13D': {
    1: 'name', 2: 'group', 4: 'source', 5: 'legal', 6: 'citizenship', 7: 'soleVotingPower', 8: 'sharedVotingPower',
    9: 'soleDispositivePower', 10: 'sharedDispositivePower', 11: 'aggregateAmount', 12: 'excludesCertainShares',
    13: 'percentOfClass', 14: 'typeOfReportingPerson',
  },
  '13G': {
    1: 'name', 2: 'group', 4: 'citizenship', 5: 'soleVotingPower', 6: 'sharedVotingPower', 7: 'soleDispositivePower',
    8: 'sharedDispositivePower', 9: 'aggregateAmount', 10: 'excludesCertainShares', 11: 'percentOfClass',
    12: 'typeOfReportingPerson',
  },
};

/** One numbered row: where its "Item N:" starts, its number, its value and where that starts, where the row ends. */
interface NumberedRow {
  index: number;
  n: number;
  raw: string;
  valueStart: number;
  end: number;
}

/** An "Item N:" label, anywhere on a line. */
const ROW_LABEL = /\bItem[ \t]+(\d{1,2})[ \t]*:[ \t]*/gi;
/** Longest value of a row whose next row follows on the same line (a row runs a few words at most). */
const MAX_RUN_ON_VALUE = 120;

/**
 * The numbered rows of a text: each "Item N:" that starts a line, its value the rest of the line. In a flattened cover
 * (its line breaks gone: "Cusip #750459109 Item 1: Reporting Person - FMR Corp. Item 4: Delaware Item 5: 0 …") a row
 * also starts where a "Item 1: Reporting Person -" label stands in a line, and each label that follows a row's value
 * within a few words on that line is the next row: a run-on row's value ends at the next label, and the run's last
 * row (the type of reporting person) takes only its codes ("HC" of "HC PREAMBLE The filing …"). One pass of
 * `ROW_LABEL` over the text: linear.
 */
function numberedRows(text: string, rows: Record<number, RowKey>): NumberedRow[] {
  const out: NumberedRow[] = [];
  const labels: { index: number; n: number; valueStart: number; lineStart: boolean }[] = [];
  ROW_LABEL.lastIndex = 0;
  for (let m = ROW_LABEL.exec(text); m; m = ROW_LABEL.exec(text)) {
    // (Only blanks back to the line break: a scan of the blanks before the label, not of the whole line.)
    let j = m.index - 1;
    while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
    labels.push({ index: m.index, n: Number(m[1]), valueStart: m.index + m[0].length, lineStart: j < 0 || text[j] === '\n' });
  }
  let chained = false;
  let lineEnd = -1;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    // (Labels come in text order: the line end is looked up again only past the last one found.)
    if (lineEnd < l.valueStart) {
      lineEnd = text.indexOf('\n', l.valueStart);
      if (lineEnd < 0) lineEnd = text.length;
    }
    const next = labels[i + 1];
    const nextOnLine = next !== undefined && next.index < lineEnd;
    const runOnName = rows[l.n] === 'name' && /^Reporting\s+Persons?\s*[-:\u2013]/i.test(text.slice(l.valueStart, l.valueStart + 30));
    if (!l.lineStart && !chained && !runOnName) continue;
    if (l.lineStart && !nextOnLine) {
      // A row on its own line, as filed: the value is the rest of the line.
      out.push({ index: l.index, n: l.n, raw: text.slice(l.valueStart, lineEnd), valueStart: l.valueStart, end: lineEnd });
      chained = false;
      continue;
    }
    // A run-on row: its value ends at the next label when that follows within a few words, which continues the run.
    chained = nextOnLine && next.index - l.valueStart <= MAX_RUN_ON_VALUE;
    let end = chained ? next!.index : Math.min(lineEnd, l.valueStart + MAX_RUN_ON_VALUE);
    if (rows[l.n] === 'typeOfReportingPerson') {
      const codes = /^[A-Z]{2}\b(?:[ \t]*[,;/&][ \t]*[A-Z]{2}\b|[ \t]+[A-Z]{2}\b(?![ \t]*[A-Za-z]))*/.exec(text.slice(l.valueStart, end));
      end = l.valueStart + (codes ? codes[0].length : 0);
    }
    while (end > l.valueStart && /\s/.test(text[end - 1]!)) end--;
    out.push({ index: l.index, n: l.n, raw: text.slice(l.valueStart, end), valueStart: l.valueStart, end });
  }
  return out;
}

export function readNumberedCovers(text: string, kind: ScheduleKind, documentSequence: number | null): TextCoverResult {
  const persons: PersonDraft[] = [];
  const regions: CoverPageRegion[] = [];
  const warnings: ExtractionWarning[] = [];
  const rows = NUMBERED_ROWS[kind];
  let cur: PersonDraft | null = null;
  let lastRow = 0;
  for (const m of numberedRows(text, rows)) {
    const n = m.n;
    const row = rows[n];
    const valueStart = m.valueStart;
    const raw = m.raw;
    if (row === 'name') {
      const nm = /^\s*Reporting\s+Persons?\s*[-:\u2013]\s*(.+)$/i.exec(raw);
      if (!nm) {
        cur = null;
        continue;
      }
      cur = emptyPerson();
      persons.push(cur);
      regions.push({ start: m.index, end: m.end });
      const offset = raw.length - nm[1]!.length;
      const name = readName(nm[1]!);
      if (name) {
        cur.name = name.value;
        cur.spans.name = { start: valueStart + offset + name.start, end: valueStart + offset + name.end };
      }
      cur.spanStart = m.index;
      lastRow = 1;
      continue;
    }
    if (!cur || !row || n <= lastRow) {
      if (cur && n <= lastRow) cur = null;
      continue;
    }
    lastRow = n;
    cur.spanEnd = m.end;
    regions[regions.length - 1]!.end = m.end;
    const span = (s: number | null, e: number | null): Span | null => (s !== null && e !== null ? { start: valueStart + s, end: valueStart + e } : null);
    switch (row) {
      case 'citizenship': {
        const t = raw.trim();
        if (t) {
          cur.citizenship = collapse(t);
          const s = raw.indexOf(t);
          cur.spans.citizenship = { start: valueStart + s, end: valueStart + s + t.length };
        }
        break;
      }
      case 'soleVotingPower':
      case 'sharedVotingPower':
      case 'soleDispositivePower':
      case 'sharedDispositivePower':
      case 'aggregateAmount': {
        const v = readNumber(raw, parseShareCount);
        cur[row] = v.value;
        cur[`${row}Text`] = v.value === null ? v.text : null;
        const sp = span(v.start, v.end);
        if (sp) cur.spans[row] = sp;
        break;
      }
      case 'percentOfClass': {
        const v = readNumber(raw, parsePercent);
        cur.percentOfClass = v.value;
        cur.percentOfClassText = v.value === null ? v.text : null;
        const sp = span(v.start, v.end);
        if (sp) cur.spans.percentOfClass = sp;
        break;
      }
      case 'typeOfReportingPerson': {
        const c = parseCodes(raw, PERSON_CODES);
        cur.typeOfReportingPerson = c.codes;
        const sp = span(c.start, c.end);
        if (sp) cur.spans.typeOfReportingPerson = sp;
        break;
      }
      case 'source': {
        const c = parseCodes(raw, FUND_CODES);
        cur.sourceOfFunds = c.codes.length ? c.codes : null;
        break;
      }
      case 'legal':
        cur.legalProceedings = parseBox(raw).checked;
        break;
      case 'excludesCertainShares':
        cur.excludesCertainShares = parseBox(raw).checked;
        break;
      default:
        break;
    }
  }
  // Rows the template leaves out: group and excludes boxes are simply not printed (unchecked), 13D-only rows absent.
  for (const p of persons) {
    if (p.excludesCertainShares === null) p.excludesCertainShares = false;
    if (kind === '13D' && p.legalProceedings === null) p.legalProceedings = false;
  }
  if (persons.length > 0) {
    warnings.push({
      code: 'COVER_NUMBERED_LAYOUT',
      message: `cover pages labelled only by row number ("Item 5: …"); read ${persons.length} by number`,
      documentSequence,
      span: regions[0] ?? null,
    });
  }
  return { persons, regions, warnings };
}
