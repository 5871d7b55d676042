/**
 * The exhibits extractor: classifies every document of a submission (classify.ts), reads waiver letters and
 * agreements/waivers/consents into `waivers` / `waiver_items` / `conversion_price_rules` (waivers.ts), amendments
 * into `amendments` / `amendment_changes` / `amendment_amounts` (amendments.ts), and links the primary document's
 * exhibit references to the attached exhibits (`exhibit_references`, references.ts).
 *
 * Defined terms are read per document (a term such as "Discovery" names a fund in one exhibit and its manager in
 * the schedule); a document's own definitions win over those of the primary document, which fill the gaps.
 * Handles: every input shape the parser accepts (a bare exhibit file is classified from its heading).
 * Does not handle: storing the classification (the caller writes `classifyDocument`'s result on `documents`).
 */
import { documentText } from '../../parse/body.js';
import type { DocumentEnvelope, Submission } from '../../parse/types.js';
import type { Extractor } from '../extractor.js';
import type { ExtractionWarning } from '../types.js';
import { DefinedTerms } from '../defined-terms/index.js';
import { extractAmendment } from './amendments.js';
import { classifyDocument, type DocumentClassification } from './classify.js';
import { extractExhibitReferences, type AttachedExhibit } from './references.js';
import type {
  AmendmentAmountRecord,
  AmendmentChangeRecord,
  AmendmentRecord,
  ConversionPriceRuleRecord,
  ExhibitReferenceRecord,
  WaiverItemRecord,
  WaiverRecord,
} from './types.js';
import { extractWaiver } from './waivers.js';
import { pushAll } from '../../arrays.js';

export { classifyDocument, exhibitKey, exhibitNumberFromType, DOCUMENT_CLASSES } from './classify.js';
export type { DocumentClass, DocumentClassification } from './classify.js';
export { exhibitTableViews } from './views.js';
export type * from './types.js';

/** The classification as the `documents` columns of store/tables/exhibits.ts `documentClassColumns` (camelCase). */
export function documentClassFields(c: DocumentClassification): { documentClass: string; exhibitNumber: string | null; documentTitle: string | null; classBasis: string } {
  return { documentClass: c.documentClass, exhibitNumber: c.exhibitNumber, documentTitle: c.title, classBasis: c.basis };
}

export interface ExhibitRecords {
  waivers: WaiverRecord[];
  waiverItems: WaiverItemRecord[];
  conversionPriceRules: ConversionPriceRuleRecord[];
  amendments: AmendmentRecord[];
  amendmentChanges: AmendmentChangeRecord[];
  amendmentAmounts: AmendmentAmountRecord[];
  exhibitReferences: ExhibitReferenceRecord[];
  /** Every document's class, in document order (for `documents`). */
  classifications: { documentSequence: number | null; classification: DocumentClassification }[];
  warnings: ExtractionWarning[];
}

const TEXTUAL = new Set(['text', 'html']);

/** The typed records of every exhibit of `submission`. */
export function extractExhibitRecords(submission: Submission): ExhibitRecords {
  const out: ExhibitRecords = {
    waivers: [],
    waiverItems: [],
    conversionPriceRules: [],
    amendments: [],
    amendmentChanges: [],
    amendmentAmounts: [],
    exhibitReferences: [],
    classifications: [],
    warnings: [],
  };
  const classified = submission.documents.map((doc) => ({ doc, classification: safeClassify(submission, doc, out.warnings) }));
  out.classifications = classified.map((c) => ({ documentSequence: c.doc.sequence, classification: c.classification }));

  // The primary document's terms fill gaps in an exhibit's own (an exhibit may rely on the schedule's "Issuer").
  // Read only when a waiver or amendment needs them: most filings have neither, and reading a schedule's terms costs
  // about a twentieth of a filing's extraction.
  const primary = classified.find((c) => c.classification.documentClass === 'not_exhibit' && TEXTUAL.has(c.doc.bodyFormat));
  let primaryTerms: DefinedTerms | null | undefined;
  const primaryTermsOnce = (): DefinedTerms | null =>
    (primaryTerms ??= primary ? DefinedTerms.fromText(documentText(submission, primary.doc), primary.doc.sequence) : null);

  for (const { doc, classification } of classified) {
    const cls = classification.documentClass;
    if (cls !== 'waiver_letter' && cls !== 'agreement_waiver_consent' && cls !== 'amendment') continue;
    if (!TEXTUAL.has(doc.bodyFormat)) continue;
    const text = documentText(submission, doc);
    const own = DefinedTerms.fromText(text, doc.sequence);
    const fallback = primaryTermsOnce();
    const terms = fallback ? own.merge(fallback) : own;
    if (cls === 'amendment') {
      const r = extractAmendment(text, doc, classification.title, out.amendments.length + 1, terms);
      out.amendments.push(r.amendment);
      pushAll(out.amendmentChanges, r.changes);
      pushAll(out.amendmentAmounts, r.amounts);
      pushAll(out.warnings, r.warnings);
    } else {
      const r = extractWaiver(text, doc, cls, classification.title, out.waivers.length + 1, terms);
      out.waivers.push(r.waiver);
      pushAll(out.waiverItems, r.items);
      pushAll(out.conversionPriceRules, r.rules);
      pushAll(out.warnings, r.warnings);
    }
  }

  const attached: AttachedExhibit[] = classified
    .filter((c) => c.classification.exhibitNumber !== null)
    .map((c) => ({
      exhibitNumber: c.classification.exhibitNumber!,
      aliases: c.classification.headingExhibitNumber ? [c.classification.headingExhibitNumber] : [],
      documentSequence: c.doc.sequence,
    }));
  for (const { doc, classification } of classified) {
    if (classification.documentClass !== 'not_exhibit' || !TEXTUAL.has(doc.bodyFormat)) continue;
    const text = documentText(submission, doc);
    if (!/\bExhibit/i.test(text)) continue;
    const r = extractExhibitReferences(text, doc.sequence, attached, out.exhibitReferences.length + 1);
    pushAll(out.exhibitReferences, r.references);
    pushAll(out.warnings, r.warnings);
  }
  return out;
}

function safeClassify(submission: Submission, doc: DocumentEnvelope, warnings: ExtractionWarning[]): DocumentClassification {
  try {
    return classifyDocument(submission, doc);
  } catch (error) {
    // A body that cannot be decoded is classified from its envelope alone; the reason is kept.
    warnings.push({ code: 'EXHIBIT_UNREADABLE', message: `document body could not be read: ${(error as Error).message}`, documentSequence: doc.sequence, span: null });
    return { documentClass: /^EX-/i.test(doc.type ?? '') ? 'other' : 'not_exhibit', exhibitNumber: null, headingExhibitNumber: null, title: null, basis: 'type', evidence: doc.type, span: null };
  }
}

/** The extractor the pipeline runs: rows by table name (camelCase keys; the store adds the accession number). */
export const extractExhibits: Extractor = (submission) => {
  const r = extractExhibitRecords(submission);
  const rows = <T extends object>(records: T[]): T[] => records.map((x) => ({ ...x }));
  return {
    tables: {
      waivers: rows(r.waivers),
      waiver_items: rows(r.waiverItems),
      conversion_price_rules: rows(r.conversionPriceRules),
      amendments: rows(r.amendments),
      amendment_changes: rows(r.amendmentChanges),
      amendment_amounts: rows(r.amendmentAmounts),
      exhibit_references: rows(r.exhibitReferences),
    },
    warnings: r.warnings,
  };
};
