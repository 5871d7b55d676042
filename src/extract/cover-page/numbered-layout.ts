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

export function readNumberedCovers(text: string, kind: ScheduleKind, documentSequence: number | null): TextCoverResult {
  const persons: PersonDraft[] = [];
  const regions: CoverPageRegion[] = [];
  const warnings: ExtractionWarning[] = [];
  const rows = NUMBERED_ROWS[kind];
  let cur: PersonDraft | null = null;
  let lastRow = 0;
  for (const m of text.matchAll(/^[ \t]*Item[ \t]+(\d{1,2})[ \t]*:[ \t]*([^\n]*)$/gim)) {
    const n = Number(m[1]);
    const row = rows[n];
    const valueStart = m.index + m[0].length - m[2]!.length;
    const raw = m[2]!;
    if (row === 'name') {
      const nm = /^\s*Reporting\s+Persons?\s*[-:\u2013]\s*(.+)$/i.exec(raw);
      if (!nm) {
        cur = null;
        continue;
      }
      cur = emptyPerson();
      persons.push(cur);
      regions.push({ start: m.index, end: m.index + m[0].length });
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
    cur.spanEnd = m.index + m[0].length;
    regions[regions.length - 1]!.end = m.index + m[0].length;
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
