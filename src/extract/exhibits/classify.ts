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
import { CONSENT_ANY, MONTH_WORD_SOURCE, WAIVE_ANY } from '../lexicon/index.js';
import { squash } from './values.js';
import { matchesOf } from '../../matches.js';

/** A first line that opens with a number or a date (`June 25, 2003`) is a letter's date line, not a title. */
const DATE_LINE = new RegExp(String.raw`^\s*(?:\d|${MONTH_WORD_SOURCE}\s+\d)`);

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

/** A named heuristic: each can be tested and cited on its own. */
interface Rule {
  name: string;
  pattern: RegExp;
}

/**
 * One regex for a table: the earliest match in the text, and at one position the rule listed first (what a single
 * alternation of the patterns finds). The flags are the first rule's; every rule of a table shares them.
 */
function anyRule(rules: readonly Rule[]): RegExp {
  return new RegExp(rules.map((r) => `(?:${r.pattern.source})`).join('|'), rules[0]!.pattern.flags);
}

/** Words that make a document a joint filing agreement (Rule 13d-1(k)(1)), in its head or its DESCRIPTION. */
export const JOINT_FILING_RULES: readonly Rule[] = [
  { name: 'joint filing agreement', pattern: /\bjoint filing agreement\b/i },
  { name: 'agreement of joint filing', pattern: /\bagreement (?:of|for|regarding|as to) joint filing\b/i },
  { name: 'joint filing statement', pattern: /\bjoint filing statement\b/i },
  { name: 'the rule', pattern: /\bRule 13d-1\(k\)\(1\)/i },
];

/** Titles of agreements and letters that waive and/or consent. */
export const WAIVER_CONSENT_TITLE_RULES: readonly Rule[] = [
  { name: 'agreement, waiver and consent', pattern: /\bagreement,?\s+waiver\s+and\s+consent\b/i },
  { name: 'waiver and consent', pattern: /\bwaiver\s+and\s+consent\b/i },
  { name: 'consent and waiver', pattern: /\bconsent\s+and\s+waiver\b/i },
  { name: 'consent, waiver', pattern: /\bconsent,\s+waiver\b/i },
  { name: 'waiver agreement', pattern: /\bwaiver\s+agreement\b/i },
  { name: 'consent agreement', pattern: /\bconsent\s+agreement\b/i },
  { name: 'agreement and waiver', pattern: /\bagreement\s+and\s+waiver\b/i },
  { name: 'waiver and amendment', pattern: /\bwaiver\s+and\s+amendment\b/i },
  { name: 'amendment and waiver', pattern: /\bamendment\s+and\s+waiver\b/i },
  { name: 'limited waiver', pattern: /\blimited\s+waiver\b/i },
  { name: 'waiver letter', pattern: /\bwaiver\s+letter\b/i },
  { name: 'consent letter', pattern: /\bconsent\s+letter\b/i },
];

/** Titles of amendments to another document (an amended-and-restated document is a document, not an amendment). */
export const AMENDMENT_TITLE_RULES: readonly Rule[] = [
  {
    name: 'ordinal amendment to',
    pattern: /^(?:description of\s+)?(?:the\s+)?(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th)|omnibus|general)\s+)?amendments?(?:\s+no\.?\s*\d+)?\s+(?:to|of)\b/i,
  },
];

/** Titles of notes, debentures, warrants and bonds, or forms of them. */
export const NOTE_OR_WARRANT_TITLE_RULES: readonly Rule[] = [
  {
    name: 'note or warrant title',
    pattern: /^(?:form\s+of\s+)?(?:(?:[\w%$./-]+\s+){0,6})(?:promissory\s+note|note|notes|debenture|debentures|warrant|warrants|warrant\s+certificate|bond)(?:\s+(?:due|to\s+purchase|certificate|no\.)\b.*)?$/i,
  },
];

/** How the text of a note or warrant opens (its title line or its legend). */
export const NOTE_OR_WARRANT_OPENING_RULES: readonly Rule[] = [
  { name: 'instrument title', pattern: /^(?:form\s+of\s+)?(?:[\w%$./-]+\s+){0,5}(?:promissory\s+note|convertible\s+note|note|debenture|warrant)\b/i },
  { name: 'this note', pattern: /^this\s+(?:promissory\s+|convertible\s+|secured\s+|senior\s+|subordinated\s+)*(?:note|debenture|warrant)\b/i },
  { name: 'neither this note (legend)', pattern: /^neither\s+this\s+(?:note|debenture|warrant|security)\b/i },
  { name: 'the securities represented (legend)', pattern: /^(?:the\s+)?(?:securities|security)\s+represented\s+(?:by|hereby)\b/i },
  { name: 'this note (', pattern: /^this\s+(?:promissory\s+)?note\s*\(/i },
  { name: 'warrant to purchase', pattern: /^warrant\s+to\s+purchase\b/i },
  { name: 'common stock purchase warrant', pattern: /^common\s+stock\s+purchase\s+warrant\b/i },
];

/** A letter agreement whose title says it is for something other than a waiver. */
export const OTHER_PURPOSE_TITLE_RULES: readonly Rule[] = [
  { name: 'purpose word in the title', pattern: /\b(?:agreement|plan|employment|resignation|retention|subscription|lease|engagement|offer|severance|consulting)\b/i },
];
/** The same, from an upper-case agreement heading in the head (`RESIGNATION AGREEMENT` under a letter's address). */
export const OTHER_PURPOSE_HEAD_RULES: readonly Rule[] = [{ name: 'upper-case agreement heading', pattern: /\b[A-Z]{3,}(?:\s+[A-Z]{2,})*\s+AGREEMENT\b/ }];

/** Marks of a letter near the top of a document. */
export const LETTER_RULES: readonly Rule[] = [
  { name: 're: subject line', pattern: /(?:^|\s)Re:\s/i },
  { name: 'dear salutation', pattern: /(?:^|\s)Dear\s+[A-Z]/ },
  { name: 'gentlemen salutation', pattern: /\b(?:Ladies\s+and\s+)?Gentlemen\s*:/ },
  { name: 'delivery line', pattern: /\bVIA (?:FACSIMILE|FAX|OVERNIGHT|HAND|EMAIL|E-MAIL|FEDERAL EXPRESS|COURIER)\b/i },
];

/** TYPEs of primary documents (the form itself, not an exhibit), though a heading names an exhibit. */
export const PRIMARY_TYPE_RULES: readonly Rule[] = [
  { name: 'form type', pattern: /^(?:SC |SCHEDULE |10-|8-K|S-\d|F-\d|20-F|40-F|DEF |PRE |424|N-|13F|3$|4$|5$)/i },
];

const JOINT_FILING = anyRule(JOINT_FILING_RULES);
const WAIVER_CONSENT_TITLE = anyRule(WAIVER_CONSENT_TITLE_RULES);
const AMENDMENT_TITLE = anyRule(AMENDMENT_TITLE_RULES);
const NOTE_OR_WARRANT_TITLE = anyRule(NOTE_OR_WARRANT_TITLE_RULES);
const NOTE_OR_WARRANT_TEXT = anyRule(NOTE_OR_WARRANT_OPENING_RULES);
const OTHER_PURPOSE_TITLE = anyRule(OTHER_PURPOSE_TITLE_RULES);
const OTHER_PURPOSE_HEAD = anyRule(OTHER_PURPOSE_HEAD_RULES);
const PRIMARY_TYPE = anyRule(PRIMARY_TYPE_RULES);

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

const classified = new WeakMap<DocumentEnvelope, DocumentClassification>();

/**
 * What a document is. Remembered per document: the exhibits extractor and the `documents` rows both ask, and the
 * result (never mutated by either) depends only on the document.
 */
export function classifyDocument(submission: Submission, doc: DocumentEnvelope): DocumentClassification {
  let c = classified.get(doc);
  if (c === undefined) classified.set(doc, (c = classifyOnce(submission, doc)));
  return c;
}

function classifyOnce(submission: Submission, doc: DocumentEnvelope): DocumentClassification {
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
  if (wc && title && (WAIVE_ANY.test(text) || CONSENT_ANY.test(text))) {
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
  const waive = WAIVE_ANY.exec(text.slice(0, 4000));
  const otherPurpose = OTHER_PURPOSE_TITLE.test(titleText) || OTHER_PURPOSE_HEAD.test(head);
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
  return !!type && !/^EX-/i.test(type) && PRIMARY_TYPE.test(type);
}

/** A letter: a `Re:` subject line, a salutation, or a closing near the top. */
function isLetter(head: string): boolean {
  return LETTER_RULES.some((r) => r.pattern.test(head));
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
  const re = /(?:^|\s)Re:\s+([^\n]+?)(?=\s{2,}|\n|\s+(?:This|Reference|Ladies|Dear|Gentlemen|We|I|The|In|Pursuant|Please|As)\b|$)/d.exec(head);
  if (re) {
    const start = re.indices![1]![0];
    return { text: squash(re[1]!).replace(/[.,;:]$/, ''), span: { start, end: start + re[1]!.length }, isSubject: true };
  }
  const skip = /^(?:\s|(?:[A-Z] ){3,}[A-Z]\b|<\/?(?:PAGE|TABLE|CAPTION|S|C)>|-?\d{1,3}-?(?=\s)|execution (?:version|copy)|conformed copy|exhibit\s+[\w.()-]+|[=\-_*]{3,})+/i;
  const lead = skip.exec(head.slice(from))?.[0].length ?? 0;
  const start = from + lead;
  const caps = upperRun(head, start);
  if (caps) return caps;
  const line = /^([^\n]{3,120})\n/.exec(head.slice(start));
  if (line && !/[.;:]$/.test(line[1]!.trim()) && !DATE_LINE.test(line[1]!)) {
    return { text: squash(line[1]!), span: { start, end: start + line[1]!.length }, isSubject: false };
  }
  for (const m of matchesOf(/\b[A-Z]{3,}(?:[ ,&-]+[A-Z]{2,})+\b/g, head.slice(0, 800))) {
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
