/**
 * Which document of a submission is the Schedule 13D/13G, and which schedule it is (edgar-reference.md §4.5).
 *
 * Handles: XML-era `SCHEDULE 13D…` primary documents (`primary_doc.xml`), legacy submissions (the document whose TYPE
 * equals the submission type, else the first whose TYPE starts `SC 13D`/`SC 13G`), combined submissions such as an
 * `SC TO-T/A` that a subject company's FORM TYPE marks as `SC 13D/A` (the cover pages are inside the TO document), and
 * bare documents with no header (the document's own TYPE, e.g. from an XML `submissionType`).
 * Does not handle: reading the document (the readers do) or amendment chains across filings.
 */
import type { DocumentEnvelope, Submission } from '../../parse/types.js';
import type { CoverFormat, ScheduleKind } from './types.js';

const SCHEDULE_TYPE = /^\s*(?:SC|SCHEDULE)\s*13\s*([DG])\b/i;

/** `SC 13D/A` → `13D`; `SCHEDULE 13G` → `13G`; anything else → null. */
export function scheduleKindOf(formType: string | null | undefined): ScheduleKind | null {
  const m = SCHEDULE_TYPE.exec(formType ?? '');
  return m ? (`13${m[1]!.toUpperCase()}` as ScheduleKind) : null;
}

export interface ScheduleLocation {
  doc: DocumentEnvelope;
  kind: ScheduleKind;
  /** The 13D/13G form type this filing is filed as (the subject company's FORM TYPE for a combined filing). */
  formType: string;
  format: CoverFormat;
}

export type FindScheduleResult =
  | { status: 'not-schedule' }
  | { status: 'missing'; kind: ScheduleKind; formType: string; reason: string }
  | ({ status: 'found' } & ScheduleLocation);

function formatOf(doc: DocumentEnvelope): CoverFormat | null {
  if (doc.bodyFormat === 'xml') return 'xml';
  if (doc.bodyFormat === 'html') return 'html';
  if (doc.bodyFormat === 'text') return 'text';
  return null;
}

/** Locate the schedule document. Never throws; a 13D/13G filing without a readable schedule says why. */
export function findSchedule(submission: Submission): FindScheduleResult {
  const header = submission.header;
  const submissionType = header?.formType ?? null;
  // The 13D/13G form type: the submission's own, else a subject company's FORM TYPE (combined filings), else a
  // document's TYPE (bare documents and headerless submissions).
  let formType: string | null = scheduleKindOf(submissionType) ? submissionType : null;
  if (!formType && header) {
    const entity = header.entities.find((e) => scheduleKindOf(e.filingValues?.formType));
    formType = entity?.filingValues?.formType ?? null;
  }
  if (!formType && !header) {
    formType = submission.documents.map((d) => d.type).find((t) => scheduleKindOf(t)) ?? null;
  }
  if (!formType && !header && submission.documents.length === 0) {
    // Nothing parsed at all (a header shape the parse stage did not recognise): the raw header still says what the
    // filing is, so a 13D/13G is reported as unreadable rather than silently skipped.
    const head = Buffer.from(submission.bytes.subarray(0, 8192)).toString('latin1');
    const m = /CONFORMED\s+SUBMISSION\s+TYPE:\s*((?:SC|SCHEDULE)\s*13[DG][^\s<]*)/i.exec(head);
    const kind = scheduleKindOf(m?.[1]);
    if (m && kind) {
      return { status: 'missing', kind, formType: m[1]!, reason: 'the parse stage found neither a header nor any document in this submission' };
    }
  }
  const scheduleKind = scheduleKindOf(formType);
  if (!formType || !scheduleKind) return { status: 'not-schedule' };

  const readable = submission.documents.filter((d) => formatOf(d) !== null);
  const upper = (t: string | null): string => (t ?? '').trim().toUpperCase();
  const candidates: (DocumentEnvelope | undefined)[] = [
    // XML era: the structured primary document.
    readable.find((d) => /^SCHEDULE\s*13/i.test(d.type ?? '') && d.bodyFormat === 'xml'),
    readable.find((d) => /(^|\/)primary_doc\.xml$/i.test(d.filename ?? '') && d.bodyFormat === 'xml'),
    // Legacy: the document filed under the submission type.
    submissionType ? readable.find((d) => upper(d.type) === upper(submissionType)) : undefined,
    readable.find((d) => scheduleKindOf(d.type) !== null),
    // Combined filing (SC TO-T/A also filed as SC 13D/A): the main document carries the cover pages.
    readable.find((d) => d.sequence === 1) ?? readable[0],
  ];
  const doc = candidates.find((d): d is DocumentEnvelope => d !== undefined);
  if (!doc) {
    const reason =
      submission.documents.length === 0
        ? 'the submission has no documents'
        : `no document is readable text, HTML or XML (types: ${submission.documents.map((d) => `${d.type ?? '?'}/${d.bodyFormat}`).join(', ')})`;
    return { status: 'missing', kind: scheduleKind, formType, reason };
  }
  return { status: 'found', doc, kind: scheduleKind, formType, format: formatOf(doc)! };
}
