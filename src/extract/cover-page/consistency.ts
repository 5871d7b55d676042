/**
 * Checks that a cover page does not contradict itself, and that the filing's header agrees with its form type.
 * Each finding is a warning (`COVER_INCONSISTENT`, `COVER_AMENDMENT_MISMATCH`, `CUSIP_CHECK_DIGIT`); values are never
 * changed here, because the filing is the record and the user decides.
 *
 * Handles: a power above the aggregate amount, a percent above 100 or below 0, a positive percent with a zero
 * aggregate, an amendment number on an original form type (and the reverse), CUSIPs whose check digit is wrong.
 * Does not handle: comparing the cover page with the Items (Item 5 disagreeing with the cover is common and allowed).
 */
import type { ExtractionWarning } from '../types.js';
import { isValidCusip } from './cusip.js';
import type { ReportingPersonRecord, Schedule13Record } from './types.js';

export function checkCoverPage(person: ReportingPersonRecord): ExtractionWarning[] {
  const out: ExtractionWarning[] = [];
  const span = person.spanStart !== null && person.spanEnd !== null ? { start: person.spanStart, end: person.spanEnd } : null;
  const warn = (message: string): void => {
    out.push({ code: 'COVER_INCONSISTENT', message: `cover page ${person.ordinal} (${person.name ?? 'unnamed'}): ${message}`, documentSequence: person.documentSequence, span });
  };
  const agg = person.aggregateAmount;
  if (agg !== null) {
    const powers: [string, number | null][] = [
      ['sole voting power', person.soleVotingPower],
      ['shared voting power', person.sharedVotingPower],
      ['sole dispositive power', person.soleDispositivePower],
      ['shared dispositive power', person.sharedDispositivePower],
    ];
    for (const [label, v] of powers) if (v !== null && v > agg) warn(`${label} ${v} is above the aggregate amount ${agg}`);
  }
  const pct = person.percentOfClass;
  if (pct !== null && (pct > 100 || pct < 0)) warn(`percent of class ${pct} is outside 0–100`);
  if (pct !== null && pct > 0 && agg === 0) warn(`percent of class ${pct} with an aggregate amount of 0`);
  return out;
}

export function checkSchedule(schedule: Schedule13Record): ExtractionWarning[] {
  const out: ExtractionWarning[] = [];
  const amended = /\/A\s*$/i.test(schedule.formType ?? '');
  if (amended && schedule.amendmentNumber === null) {
    out.push({ code: 'COVER_AMENDMENT_MISMATCH', message: `filed as ${schedule.formType} but no amendment number was found on the cover`, documentSequence: schedule.documentSequence, span: null });
  }
  if (!amended && schedule.amendmentNumber !== null && schedule.amendmentNumber > 0) {
    out.push({ code: 'COVER_AMENDMENT_MISMATCH', message: `filed as ${schedule.formType} but the cover says Amendment No. ${schedule.amendmentNumber}`, documentSequence: schedule.documentSequence, span: schedule.spans.amendmentNumber ?? null });
  }
  for (const c of schedule.cusips) {
    if (c.length === 9 && !isValidCusip(c)) {
      out.push({ code: 'CUSIP_CHECK_DIGIT', message: `CUSIP ${c} fails its check digit (kept as printed)`, documentSequence: schedule.documentSequence, span: schedule.spans.cusips ?? null });
    } else if (c.length !== 9) {
      out.push({ code: 'CUSIP_LENGTH', message: `CUSIP "${c}" has ${c.length} characters (kept as printed)`, documentSequence: schedule.documentSequence, span: schedule.spans.cusips ?? null });
    }
  }
  return out;
}
