/**
 * Exhibit classification: what kind of document an exhibit is, from its text first, then its DESCRIPTION and TYPE.
 * A bare exhibit file (no envelope) is recognised by its own heading (`Exhibit 10.20`, `EXHIBIT 13`).
 *
 * Classes: `waiver_letter` (a letter whose operative words waive a right), `agreement_waiver_consent` (an agreement
 * titled as a waiver and/or consent), `amendment` (an amendment to another document: `First Amendment to …`,
 * `Amendment No. 2 to …`; an amended-and-restated document is a document, not an amendment), `joint_filing_agreement`
 * (Rule 13d-1(k)(1)), `form_of_note_or_warrant` (a note, debenture or warrant, or the form of one), `other` (any other
 * exhibit) and `not_exhibit` (the primary form, graphics, XBRL parts).
 *
 * Handles: exhibit numbers from TYPE (`EX-10.20`, `EX-10.A-49`, `EX-12.(C)`) or from the heading; letters (`Re:`
 * subject lines); flattened text. Does not handle: reading the records inside (waivers.ts, amendments.ts).
 */
import { documentText } from '../../parse/body.js';
import type { DocumentEnvelope, Span, Submission } from '../../parse/types.js';
import { squash } from './values.js';

export const DOCUMENT_CLASSES = [
  'waiver_letter',
  'agreement_waiver_consent',
  'amendment',
  'joint_filing_agreement',
  'form_of_note_or_warrant',
  'other',
  'not_exhibit',
] as const;
export type DocumentClass = (typeof DOCUMENT_CLASSES)[number];

export interface DocumentClassification {
  documentClass: DocumentClass;
  /** `10.20`, `12`, `10.A-49`: from TYPE, or from the heading when TYPE says less; null when neither names one. */
  exhibitNumber: string | null;
  /** The number the document's own heading gives (`Exhibit 3` under TYPE `EX-99`), when it has one. */
  headingExhibitNumber: string | null;
  /** The document's own title (`AGREEMENT, WAIVER AND CONSENT`) or a letter's subject (`Convertible Note`). */
  title: string | null;
  /** What decided the class: the document's text, its DESCRIPTION, or its TYPE. */
  basis: 'text' | 'description' | 'type';
  /** The words that decided it, white space collapsed. */
  evidence: string | null;
  /** Where `evidence` (or `title`) lies in the document's decoded text; null when it came from the envelope. */
  span: Span | null;
}

const HEAD_CHARS = 1500;
const JOINT_FILING = /\bjoint filing agreement\b|\bagreement (?:of|for|regarding|as to) joint filing\b|\bjoint filing statement\b|\bRule 13d-1\(k\)\(1\)/i;
const WAIVER_CONSENT_TITLE =
  /\b(?:agreement,?\s+waiver\s+and\s+consent|waiver\s+and\s+consent|consent\s+and\s+waiver|consent,\s+waiver|waiver\s+agreement|consent\s+agreement|agreement\s+and\s+waiver|waiver\s+and\s+amendment|amendment\s+and\s+waiver|limited\s+waiver|waiver\s+letter|consent\s+letter)\b/i;
const AMENDMENT_TITLE =
  /^(?:description of\s+)?(?:the\s+)?(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th)|omnibus|general)\s+)?amendments?(?:\s+no\.?\s*\d+)?\s+(?:to|of)\b/i;
const WAIVE_VERB =
  /\b(?:agree[sd]?\s+to\s+waive|hereby\s+waives?|hereby\s+irrevocably\s+waives?|waives?\s+(?:its|their|his|her|any|all)\s+rights?|(?:is|are)\s+hereby\s+waived|has\s+waived|have\s+waived)\b/i;
const CONSENT_VERB = /\bhereby\s+consents?\s+to\b|\bconsents?\s+to\s+the\b/i;
const NOTE_OR_WARRANT_TITLE =
  /^(?:form\s+of\s+)?(?:(?:[\w%$./-]+\s+){0,6})(?:promissory\s+note|note|notes|debenture|debentures|warrant|warrants|warrant\s+certificate|bond)(?:\s+(?:due|to\s+purchase|certificate|no\.)\b.*)?$/i;
const NOTE_OR_WARRANT_TEXT =
  /^(?:(?:form\s+of\s+)?(?:[\w%$./-]+\s+){0,5}(?:promissory\s+note|convertible\s+note|note|debenture|warrant)\b|this\s+(?:promissory\s+|convertible\s+|secured\s+|senior\s+|subordinated\s+)*(?:note|debenture|warrant)\b|neither\s+this\s+(?:note|debenture|warrant|security)\b|(?:the\s+)?(?:securities|security)\s+represented\s+(?:by|hereby)\b|this\s+(?:promissory\s+)?note\s*\(|warrant\s+to\s+purchase\b|common\s+stock\s+purchase\s+warrant\b)/i;

/** The exhibit number a TYPE names (`EX-10.20` → `10.20`, `EX-12.(C)` → `12(C)`), or null. */
export function exhibitNumberFromType(type: string | null): string | null {
  const m = /^EX-(\d+)(?:[.-](.+))?$/i.exec(type?.trim() ?? '');
  if (!m) return null;
  if (!m[2]) return m[1]!;
  const rest = m[2].replace(/^\((.+)\)$/, '($1)');
  return rest.startsWith('(') ? `${m[1]}${rest}` : `${m[1]}.${rest}`;
}

/** `Exhibit 10.20`, `EXHIBIT 12(C)`, `(EXHIBIT 10.A.7)` at the start of the text. */
const HEADING = /^\s*(?:<PAGE>\s*)?(?:\d{1,3}\s+)?\(?\s*exhibit\s+(\d{1,3}(?:[.-][A-Z0-9]+)*(?:\s?\([A-Za-z0-9]+\))?)/i;

/** Normalised form of an exhibit number for matching (`10.A-49` ≡ `10.A.49` ≡ `10.a49`). */
export function exhibitKey(number: string): string {
  return number.toUpperCase().replace(/[\s().-]/g, '');
}

export function classifyDocument(submission: Submission, doc: DocumentEnvelope): DocumentClassification {
  const textual = doc.bodyFormat === 'text' || doc.bodyFormat === 'html' || doc.bodyFormat === 'empty';
  const text = textual ? documentText(submission, doc) : '';
  const head = text.slice(0, HEAD_CHARS);
  const heading = HEADING.exec(head);
  const typeNumber = exhibitNumberFromType(doc.type);
  const headingNumber = heading ? heading[1]!.replace(/\s+/g, '') : null;
  const isExhibit = typeNumber !== null || /^EX-/i.test(doc.type ?? '') || (headingNumber !== null && !isPrimaryType(doc.type));
  let exhibitNumber = typeNumber;
  if (headingNumber && (!typeNumber || (exhibitKey(headingNumber).startsWith(exhibitKey(typeNumber)) && headingNumber.length > typeNumber.length))) exhibitNumber = headingNumber;

  const title = findTitle(text, heading ? heading.index + heading[0].length : 0);
  if (!isExhibit) return { documentClass: 'not_exhibit', exhibitNumber: null, headingExhibitNumber: null, title: title?.text ?? null, basis: 'type', evidence: doc.type, span: null };
  const result = (documentClass: DocumentClass, basis: DocumentClassification['basis'], evidence: string | null, span: Span | null): DocumentClassification => ({
    documentClass,
    exhibitNumber,
    headingExhibitNumber: headingNumber,
    title: title?.text ?? null,
    basis,
    evidence: evidence === null ? null : squash(evidence),
    span,
  });
  const description = doc.description ?? '';
  const titleText = title?.text ?? '';
  const at = (m: RegExpExecArray | null, base = 0): Span | null => (m ? { start: base + m.index, end: base + m.index + m[0].length } : null);

  // 1. Joint filing agreement: its title or the rule it is made under.
  const joint = JOINT_FILING.exec(head);
  if (joint) return result('joint_filing_agreement', 'text', joint[0], at(joint));
  // 2. An agreement titled as a waiver and/or consent.
  const wc = WAIVER_CONSENT_TITLE.exec(titleText);
  if (wc && title && (WAIVE_VERB.test(text) || CONSENT_VERB.test(text))) {
    if (/\bletter\b/i.test(wc[0]) || (title.isSubject && !/\bagreement\b/i.test(wc[0]))) return result('waiver_letter', 'text', wc[0], at(wc, title.span.start));
    return result('agreement_waiver_consent', 'text', wc[0], at(wc, title.span.start));
  }
  // 3. An amendment to another document (title or letter subject).
  const amend = AMENDMENT_TITLE.exec(titleText);
  if (amend && title) return result('amendment', 'text', amend[0], at(amend, title.span.start));
  // 4. A letter whose operative words waive a right.
  // A letter agreement about something else (`RESIGNATION AGREEMENT`, `Re: Securities Subscription Agreement`) that
  // also waives claims is not a waiver letter: the waiver must be what the letter is for.
  const letter = isLetter(head);
  const waive = WAIVE_VERB.exec(text.slice(0, 4000));
  const otherPurpose = /\b(?:agreement|plan|employment|resignation|retention|subscription|lease|engagement|offer|severance|consulting)\b/i.test(titleText) || /\b[A-Z]{3,}(?:\s+[A-Z]{2,})*\s+AGREEMENT\b/.test(head);
  if (letter && waive && !otherPurpose) return result('waiver_letter', 'text', waive[0], at(waive));
  // 5. A note or warrant (or the form of one), from the title or the legend it opens with.
  const noteTitle = NOTE_OR_WARRANT_TITLE.exec(titleText);
  if (noteTitle && title) return result('form_of_note_or_warrant', 'text', noteTitle[0], at(noteTitle, title.span.start));
  const opening = text.slice(heading ? heading.index + heading[0].length : 0);
  const openingTrim = opening.replace(/^[\s\-=_*]+|^(?:<PAGE>\s*\d*\s*)/g, '');
  const noteText = NOTE_OR_WARRANT_TEXT.exec(openingTrim);
  if (noteText && !letter) {
    const start = text.length - opening.length + (opening.length - openingTrim.length) + noteText.index;
    return result('form_of_note_or_warrant', 'text', noteText[0], { start, end: start + noteText[0].length });
  }
  // 6. The envelope: DESCRIPTION, then nothing more specific than "other".
  if (!text.trim()) {
    if (JOINT_FILING.test(description)) return result('joint_filing_agreement', 'description', description, null);
    if (WAIVER_CONSENT_TITLE.test(description)) return result(/letter/i.test(description) ? 'waiver_letter' : 'agreement_waiver_consent', 'description', description, null);
    if (AMENDMENT_TITLE.test(description)) return result('amendment', 'description', description, null);
    if (NOTE_OR_WARRANT_TITLE.test(description)) return result('form_of_note_or_warrant', 'description', description, null);
  } else if (JOINT_FILING.test(description)) {
    return result('joint_filing_agreement', 'description', description, null);
  } else if (AMENDMENT_TITLE.test(description) && !letter) {
    return result('amendment', 'description', description, null);
  }
  return result('other', text.trim() ? 'text' : 'type', title?.text ?? doc.type, title?.span ?? null);
}

function isPrimaryType(type: string | null): boolean {
  return !!type && !/^EX-/i.test(type) && /^(?:SC |SCHEDULE |10-|8-K|S-\d|F-\d|20-F|40-F|DEF |PRE |424|N-|13F|3$|4$|5$)/i.test(type);
}

/** A letter: a `Re:` subject line, a salutation, or a closing near the top. */
function isLetter(head: string): boolean {
  return /(?:^|\s)Re:\s/i.test(head) || /(?:^|\s)Dear\s+[A-Z]/.test(head) || /\b(?:Ladies\s+and\s+)?Gentlemen\s*:/.test(head) || /\bVIA (?:FACSIMILE|FAX|OVERNIGHT|HAND|EMAIL|E-MAIL|FEDERAL EXPRESS|COURIER)\b/i.test(head);
}

interface Title {
  text: string;
  span: Span;
  /** The title is a letter's `Re:` subject. */
  isSubject: boolean;
}

/**
 * The document's title: a letter's `Re:` subject, else the run of upper-case words it opens with (`AGREEMENT, WAIVER
 * AND CONSENT`), else a short first line (`Description of Amendment to …`), else the first upper-case heading of two
 * or more words near the top (`RESIGNATION AGREEMENT` under a letter's date and address). Exhibit labels, page
 * markers, table tags and execution-copy stamps are skipped; letter-spaced words (`E M P L O Y M E N T`) are layout.
 */
function findTitle(text: string, from: number): Title | null {
  const head = text.slice(0, HEAD_CHARS);
  const re = /(?:^|\s)Re:\s+([^\n]+?)(?=\s{2,}|\n|\s+(?:This|Reference|Ladies|Dear|Gentlemen|We|I|The|In|Pursuant|Please|As)\b|$)/.exec(head);
  if (re) {
    const start = re.index + re[0].indexOf(re[1]!);
    return { text: squash(re[1]!).replace(/[.,;:]$/, ''), span: { start, end: start + re[1]!.length }, isSubject: true };
  }
  const skip = /^(?:\s|(?:[A-Z] ){3,}[A-Z]\b|<\/?(?:PAGE|TABLE|CAPTION|S|C)>|-?\d{1,3}-?(?=\s)|execution (?:version|copy)|conformed copy|exhibit\s+[\w.()-]+|[=\-_*]{3,})+/i;
  const lead = skip.exec(head.slice(from))?.[0].length ?? 0;
  const start = from + lead;
  const caps = upperRun(head, start);
  if (caps) return caps;
  const line = /^([^\n]{3,120})\n/.exec(head.slice(start));
  if (line && !/[.;:]$/.test(line[1]!.trim()) && !/^\s*(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)/.test(line[1]!)) {
    return { text: squash(line[1]!), span: { start, end: start + line[1]!.length }, isSubject: false };
  }
  for (const m of head.slice(0, 800).matchAll(/\b[A-Z]{3,}(?:[ ,&-]+[A-Z]{2,})+\b/g)) {
    if (/^(?:VIA|ATTENTION)\b/.test(m[0])) continue;
    const run = upperRun(head, m.index);
    if (run) return run;
  }
  return null;
}

/** The run of upper-case tokens at `start` (two or more words, at least one of three letters), or null. */
function upperRun(text: string, start: number): Title | null {
  const re = /\S+/g;
  re.lastIndex = start;
  let end = start;
  let words = 0;
  let long = false;
  for (let m = re.exec(text); m && words < 24; m = re.exec(text)) {
    if (text.slice(end, m.index).includes('\n\n') && words > 0) break;
    const t = m[0];
    if (/[a-z]/.test(t) || (words > 0 && /^(?:THIS|WHEREAS)$/.test(t)) || /^["\u201c(]/.test(t) || /^<\/?[A-Z]+>$/.test(t)) break;
    if (!/[A-Z0-9]/.test(t)) break;
    end = m.index + t.length;
    words += 1;
    if (/[A-Z]{3,}/.test(t)) long = true;
  }
  if (words < 2 || !long) return null;
  // Letter-spaced words are layout: `E M P L O Y M E N T A G R E E M E N T EMPLOYMENT AGREEMENT`.
  const raw = text.slice(start, end);
  const cleaned = squash(raw.replace(/(?:\b[A-Z]\s+){3,}[A-Z]\b/g, ' ')).replace(/[,;:]$/, '');
  if (!/[A-Z]{2,}\s+[A-Z]{2,}|[A-Z]{4,}/.test(cleaned)) return null;
  return { text: cleaned, span: { start, end }, isSubject: false };
}
