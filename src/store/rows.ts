/**
 * Submission and extraction results → rows for the store, table by table (keys in camelCase, see model.ts).
 * This is the only place that knows how the parse tree maps to columns. Ordinals count from 1, as in every table;
 * the parse tree numbers its entity blocks from 0 (Header.entities[].ordinal), so they are shifted here.
 */
import { createHash } from 'node:crypto';
import type { Address, Submission } from '../parse/types.js';
import type { ExtractionWarning } from '../extract/types.js';
import { PIPELINE_VERSION } from '../version.js';
import type { FilingRows } from './database.js';

/**
 * The key a filing is stored under: the accession number its SEC header declares, else `local-` and a hash of its
 * bytes. An input without a header is at most part of a submission (one exhibit cut out of it, a primary document
 * saved alone); keying it by the accession number in its file name would replace the whole filing's rows with a
 * fragment, so that number is kept in `named_accession_number` instead.
 */
export function filingKey(submission: Submission): string {
  return submission.header?.accessionNumber ?? `local-${sha256(submission.bytes).slice(0, 20)}`;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function submissionRows(submission: Submission, extractionWarnings: ExtractionWarning[] = []): FilingRows {
  const accessionNumber = filingKey(submission);
  const h = submission.header;
  const filing = {
    accessionNumber,
    namedAccessionNumber: submission.header?.accessionNumber ? null : submission.accessionNumber,
    formType: h?.formType ?? submission.documents[0]?.type ?? null,
    filedAt: h?.filedAt ?? null,
    period: h?.period ?? null,
    dateAsOfChange: h?.dateAsOfChange ?? null,
    effectivenessDate: h?.effectivenessDate ?? null,
    acceptanceDatetime: h?.acceptanceDatetime ?? null,
    publicDocumentCount: h?.publicDocumentCount ?? null,
    documentCount: submission.documents.length,
    items: h?.items ?? null,
    flags: h?.flags ?? null,
    sourceFormat: submission.format,
    pemWrapped: submission.pemWrapped,
    headerDialect: h?.dialect ?? null,
    sourceName: submission.sourceName,
    sourceBytes: submission.bytes.length,
    sourceSha256: sha256(submission.bytes),
    pipelineVersion: PIPELINE_VERSION,
    storedAt: new Date().toISOString(),
  };
  const entities = (h?.entities ?? []).map((e) => ({
    accessionNumber,
    ordinal: e.ordinal + 1,
    role: e.role,
    blockName: e.blockName,
    cik: e.companyData.cik,
    name: e.companyData.conformedName,
    irsNumber: e.companyData.irsNumber,
    stateOfIncorporation: e.companyData.stateOfIncorporation,
    fiscalYearEnd: e.companyData.fiscalYearEnd,
    sic: e.companyData.sic,
    sicDescription: e.companyData.sicDescription,
    organizationName: e.companyData.organizationName,
    formType: e.filingValues?.formType ?? null,
    secAct: e.filingValues?.secAct ?? null,
    fileNumber: e.filingValues?.fileNumber ?? null,
    filmNumber: e.filingValues?.filmNumber ?? null,
    ...prefixed('business', e.businessAddress),
    ...prefixed('mail', e.mailAddress),
  }));
  const formerNames = (h?.entities ?? []).flatMap((e) =>
    e.formerNames.map((f, i) => ({ accessionNumber, entityOrdinal: e.ordinal + 1, ordinal: i + 1, formerConformedName: f.formerConformedName, dateChanged: f.dateChanged })),
  );
  const groupMembers = (h?.groupMembers ?? []).map((name, i) => ({ accessionNumber, ordinal: i + 1, name }));
  const documents = submission.documents.map((d, i) => ({
    accessionNumber,
    ordinal: i + 1,
    sequence: d.sequence,
    type: d.type,
    filename: d.filename,
    description: d.description,
    format: d.bodyFormat,
    bytes: d.bytes,
    spanStart: d.bodySpan.start,
    spanEnd: d.bodySpan.end,
  }));
  const warnings = [
    ...submission.warnings.map((w) => ({ stage: 'parse', code: w.code, message: w.message, documentSequence: w.documentSequence, sourceOffset: w.offset, sourceLine: w.line, sourceColumn: w.column })),
    ...extractionWarnings.map((w) => ({ stage: 'extract', code: w.code, message: w.message, documentSequence: w.documentSequence, spanStart: w.span?.start ?? null, spanEnd: w.span?.end ?? null })),
  ].map((w, i) => ({ accessionNumber, ordinal: i + 1, ...w }));
  return { filings: [filing], filing_entities: entities, former_names: formerNames, group_members: groupMembers, documents, warnings };
}

function prefixed(prefix: 'business' | 'mail', a: Address | null): Record<string, string | null> {
  return {
    [`${prefix}Street1`]: a?.street1 ?? null,
    [`${prefix}Street2`]: a?.street2 ?? null,
    [`${prefix}City`]: a?.city ?? null,
    [`${prefix}State`]: a?.state ?? null,
    [`${prefix}Zip`]: a?.zip ?? null,
    ...(prefix === 'business' ? { businessPhone: a?.phone ?? null } : {}),
  };
}
