/**
 * Amendments → one `amendments` record per document (what it amends, when, between whom), its `amendment_changes`
 * (each paragraph or section replaced, deleted, inserted or amended, with the new wording when quoted) and the
 * dollar amounts of the new wording as `amendment_amounts`, each with the role its words give it (principal,
 * maximum, minimum, threshold, target).
 *
 * Handles: `the first paragraph of the Letter Agreement shall be deleted in its entirety and new first paragraph
 * shall be inserted … to read as follows: "…"`, `Section 2.1 of the Agreement is hereby amended and restated …`,
 * `Section 4 is hereby amended by …`, `a new Section 7.5 is hereby added …`; `effective as of the date hereof`
 * resolved against the document's date; letters and agreements.
 * Does not handle: amendments that only restate a whole agreement (those are classified as agreements), tables of
 * changed amounts, amounts in words.
 */
import type { WarningCode } from '../../errors/codes.js';
import type { DocumentEnvelope, Span } from '../../parse/types.js';
import type { ExtractionWarning } from '../types.js';
import type { DefinedTerms } from '../defined-terms/index.js';
import { summarizeAmendment } from './summaries.js';
import type { AmendmentAmountRecord, AmendmentChangeRecord, AmendmentRecord, ValueSpans } from './types.js';
import { AMEND_ACTION_SOURCE, amendAction, DATE_SOURCE, findDates, findMoney, parseDate } from '../lexicon/index.js';
import { sentences, squash, coveringSpan } from './values.js';
import { matchesOf } from '../../matches.js';

export interface AmendmentExtraction {
  amendment: AmendmentRecord;
  changes: AmendmentChangeRecord[];
  amounts: AmendmentAmountRecord[];
  warnings: ExtractionWarning[];
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const DOC_WORDS = String.raw`(?!This\b|THIS\b)[A-Z][\w'\u2019-]*(?:\s+(?:and|of|to|for|the|(?!This\b|THIS\b)[A-Z][\w'\u2019-]*))*`;

export function extractAmendment(text: string, doc: DocumentEnvelope, title: string | null, ordinal: number, terms: DefinedTerms): AmendmentExtraction {
  const seq = doc.sequence;
  const warnings: ExtractionWarning[] = [];
  const spans: ValueSpans = {};
  const warn = (code: WarningCode, message: string, span: Span | null): void => {
    warnings.push({ code, message, documentSequence: seq, span });
  };
  const mark = (key: string, span: Span): void => {
    spans[key] = [span.start, span.end];
  };
  const head = text.slice(0, 2500);

  // Which amendment: `First Amendment`, `Amendment No. 2`.
  let amendmentNumber: number | null = null;
  const nth = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+)(?:st|nd|rd|th)?\s+amendment\b/i.exec(title ?? '') ?? /\bamendment\s+no\.?\s*(\d+)\b/i.exec(title ?? '');
  if (nth) amendmentNumber = /^\d+$/.test(nth[1]!) ? Number(nth[1]) : ORDINALS.indexOf(nth[1]!.toLowerCase()) + 1;

  // The document's own date: a letter's date line, else `This … Amendment … (dated|made) as of DATE` before `to the`.
  let dated: string | null = null;
  const reLine = /(?:^|\s)Re:\s/.exec(head);
  if (reLine) {
    const top = findDates(text, 0, reLine.index)[0];
    if (top) {
      dated = top.iso;
      mark('dated', { start: top.start, end: top.end });
    }
  }
  if (!dated) {
    const self = new RegExp(String.raw`\bThis\b[^.]{0,200}?\b(?:dated|made|entered\s+into)(?:\s+and\s+entered\s+into)?\s+(?:as\s+of\s+)?(?:this\s+)?(${DATE_SOURCE})`, 'id').exec(head);
    if (self) {
      dated = parseDate(self[1]!);
      const at = self.indices![1]![0];
      mark('dated', { start: at, end: at + self[1]!.length });
    }
  }
  if (!dated) warn('AMENDMENT_DATE_MISSING', 'the amendment states no date of its own', { start: 0, end: head.length });
  let effectiveDate: string | null = null;
  const eff = new RegExp(String.raw`\beffective\s+(?:as\s+of\s+)?(${DATE_SOURCE}|the\s+date\s+hereof)`, 'id').exec(head);
  if (eff) {
    effectiveDate = /date hereof/i.test(eff[1]!) ? dated : parseDate(eff[1]!);
    const at = eff.indices![1]![0];
    mark('effectiveDate', { start: at, end: at + eff[1]!.length });
  }

  // The amended document: `to the Letter Agreement, dated as of May 30, 2003`, else the title's `… to X`.
  let amendedDocument: string | null = null;
  let amendedDocumentDate: string | null = null;
  const target = new RegExp(String.raw`\b(?:to|amends?|amending)\s+(?:the\s+|that\s+certain\s+|that\s+)?(${DOC_WORDS})\s*,?\s*(?:\([^()]*\)\s*,?\s*)?(?:dated|made|entered\s+into)\s+(?:as\s+of\s+)?(${DATE_SOURCE})`, 'd').exec(head);
  if (target) {
    amendedDocument = squash(target[1]!).replace(/\s+(?:and|of|to|for|the)$/, '');
    amendedDocumentDate = parseDate(target[2]!);
    const at = target.indices![1]![0];
    mark('amendedDocument', { start: at, end: at + target[1]!.length });
    const dAt = target.indices![2]![0];
    mark('amendedDocumentDate', { start: dAt, end: dAt + target[2]!.length });
  } else if (title) {
    const t = /\bamendments?(?:\s+no\.?\s*\d+)?\s+(?:to|of)\s+(?:the\s+)?(.+)$/i.exec(title);
    if (t) amendedDocument = squash(t[1]!);
  }
  if (amendedDocument) {
    const def = terms.lookup(amendedDocument);
    if (def) amendedDocument = def.term;
  } else {
    warn('AMENDMENT_TARGET_MISSING', 'the document amended is not named', { start: 0, end: head.length });
  }
  if (!amendedDocumentDate) warn('AMENDMENT_TARGET_DATE_MISSING', 'the date of the amended document is not stated', { start: 0, end: head.length });

  // Parties: a collective term (`the "Parties"`), else the parties defined near the top.
  const collective = terms.all().find((t) => t.kind === 'party' && t.members && t.span.start < 2500);
  const parties = collective?.members ?? [...new Set(terms.all().filter((t) => t.kind === 'party' && !t.members && t.span.start < 2500).map((t) => t.meaning))];
  if (collective) mark('parties', collective.span);
  if (!parties.length) warn('AMENDMENT_PARTIES_MISSING', 'no parties are named by defined terms', { start: 0, end: head.length });

  // Changes.
  const changes: AmendmentChangeRecord[] = [];
  const patterns: { re: RegExp; kind: (m: RegExpExecArray) => AmendmentChangeRecord['changeKind']; target: (m: RegExpExecArray) => string }[] = [
    {
      re: new RegExp(String.raw`\bthe\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|\d+(?:st|nd|rd|th))\s+(paragraph|sentence)\s+of\s+(?:the\s+)?[A-Z][\w\s]*?\s+(?:shall\s+be|is\s+hereby|is)\s+(${AMEND_ACTION_SOURCE})`, 'gi'),
      kind: (m) => amendAction(m[3]!),
      target: (m) => `${m[1]!.toLowerCase()} ${m[2]!.toLowerCase()}`,
    },
    {
      re: new RegExp(String.raw`\b((?:Section|Paragraph|Article|Clause|Schedule|Exhibit|Annex)\s+[\w.()-]*\w\)?)(?:\s+of\s+(?:the\s+)?[A-Z][\w\s]*?)?\s+(?:is|shall\s+be)\s+(?:hereby\s+)?(${AMEND_ACTION_SOURCE})`, 'g'),
      kind: (m) => amendAction(m[2]!),
      target: (m) => squash(m[1]!),
    },
  ];
  const claimed: Span[] = [];
  for (const p of patterns) {
    for (const m of matchesOf(p.re, text)) {
      const start = m.index;
      if (claimed.some((c) => start >= c.start && start < c.end)) continue;
      let end = start + m[0].length;
      let newText: string | null = null;
      // The new wording: a quotation after `as follows:` (nested defined-term quotes allowed).
      const follow = /^[^"\u201c.]{0,200}?:\s*["\u201c]/.exec(text.slice(end, end + 260));
      if (follow) {
        const open = end + follow[0].length - 1;
        const close = quoteEnd(text, open);
        if (close !== null) {
          newText = squash(text.slice(open + 1, close));
          end = close + 1;
        }
      }
      if (!newText) {
        const sentence = sentences(text, start, Math.min(text.length, start + 2000))[0];
        if (sentence) end = Math.max(end, sentence.end);
      }
      claimed.push({ start, end });
      changes.push({ amendmentOrdinal: ordinal, ordinal: 0, documentSequence: seq, changeKind: p.kind(m), target: p.target(m), newText, spanStart: start, spanEnd: end });
    }
  }
  changes.sort((a, b) => a.spanStart - b.spanStart).forEach((c, i) => (c.ordinal = i + 1));
  if (!changes.length) warn('AMENDMENT_CHANGES_MISSING', 'no replaced, deleted, inserted or amended part was recognised', { start: 0, end: text.length });

  // Amounts: in the changes' spans (else in the whole text), each with its role.
  const amounts: AmendmentAmountRecord[] = [];
  const regions = changes.length ? changes.map((c) => ({ change: c.ordinal, start: c.spanStart, end: c.spanEnd })) : [{ change: null, start: 0, end: text.length }];
  for (const r of regions) {
    for (const found of findMoney(text, r.start, r.end)) {
      const before = text.slice(Math.max(r.start, found.start - 60), found.start);
      const after = text.slice(found.end, Math.min(r.end, found.end + 120));
      const principal = /^\s+(?:in\s+)?(?:aggregate\s+|outstanding\s+)*principal\s+amount\s+of\s+(?:the\s+|its\s+|such\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)/.exec(after);
      let role: AmendmentAmountRecord['role'] = 'amount';
      if (principal) role = 'principal';
      else if (/(?:not\s+to\s+exceed|up\s+to|maximum\s+of|no\s+more\s+than|not\s+more\s+than|at\s+most)\s*(?:an\s+aggregate\s+of\s+)?$/i.test(before)) role = 'maximum';
      else if (/(?:at\s+least|not\s+less\s+than|no\s+less\s+than|minimum\s+of)\s*$/i.test(before)) role = 'minimum';
      else if (/(?:reach|achieve|equal)\s+(?:the\s+)?$/i.test(before) || /^\s+(?:level|target)\b/i.test(after)) role = 'target';
      else if (/(?:less|fewer|greater|more)\s+than\s*$|exceeds?\s*$|below\s*$|above\s*$/i.test(before)) role = 'threshold';
      const sentenceEnd = text.slice(found.end, Math.min(text.length, found.end + 220)).search(/\.(?:["\u201d])?(?:\s|$)/);
      const defWindow = text.slice(found.end, sentenceEnd >= 0 ? found.end + sentenceEnd : found.end + 220);
      const term = /\((?:hereinafter\s+(?:referred\s+to\s+as|called)\s+)?(?:the\s+)?["\u201c]([^"\u201d]{1,60})["\u201d]\)/.exec(defWindow)?.[1] ?? null;
      const ctx = squash(text.slice(Math.max(r.start, found.start - 80), Math.min(r.end, found.end + 80)));
      amounts.push({
        amendmentOrdinal: ordinal,
        changeOrdinal: r.change,
        ordinal: amounts.length + 1,
        documentSequence: seq,
        amount: found.value,
        role,
        instrument: principal ? squash(principal[1]!) : null,
        term,
        context: ctx,
        spanStart: found.start,
        spanEnd: found.end,
      });
    }
  }

  const replaced = changes.length ? changes.map((c) => c.target).join('; ') : null;
  const amendment: AmendmentRecord = {
    ordinal,
    documentSequence: seq,
    documentType: doc.type,
    title,
    amendmentNumber,
    dated,
    effectiveDate,
    amendedDocument,
    amendedDocumentDate,
    parties: parties.length ? parties.join('; ') : null,
    replaced,
    summary: null,
    spanStart: null,
    spanEnd: null,
    spans,
  };
  amendment.summary = summarizeAmendment(amendment, changes, amounts);
  const covering = coveringSpan([...Object.values(spans), ...changes.map((c) => [c.spanStart, c.spanEnd] as [number, number])]);
  if (covering) {
    amendment.spanStart = covering.start;
    amendment.spanEnd = covering.end;
  }
  return { amendment, changes, amounts, warnings };
}

/** The closing mark of the quotation opened at `open`, with nested quotes (`(the "Company")`) skipped. */
function quoteEnd(text: string, open: number): number | null {
  let depth = 0;
  for (let i = open + 1; i < text.length && i < open + 20000; i++) {
    const c = text[i];
    if (c !== '"' && c !== '\u201c' && c !== '\u201d') continue;
    const prev = text[i - 1]!;
    const next = i + 1 < text.length ? text[i + 1]! : ' ';
    const opener = c === '\u201c' || (c === '"' && /[\s(:[]/.test(prev) && /\S/.test(next));
    if (opener) depth += 1;
    else if (depth > 0) depth -= 1;
    else return i;
  }
  return null;
}
