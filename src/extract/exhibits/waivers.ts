/**
 * Waiver letters and agreements/waivers/consents → one `waivers` record per document, its `waiver_items` (each thing
 * waived or consented to) and, when the document sets a new conversion price that depends on an event, the rule's
 * branches as `conversion_price_rules`.
 *
 * Handles: numbered agreements (`2. Convertible Debt Financing. (a) Consent. … (b) Waiver. …`) and letters (one
 * operative sentence); active and passive waivers (`agrees to waive …`, `Section 9A … is hereby waived`); consents;
 * partial waivers; holders and counterparties named by defined terms (`the Payee`, `Discovery`); conversion-price
 * rules with enumerated branches (`(i) in the event of … , the lower of (A) … or (B) $1.13; or (ii) … , $1.13`), in
 * either order (condition first or price first), parsed by conversion-price-rule.ts; summaries.ts writes the summary.
 * Does not handle: waivers stated only in a schedule's prose (Items 4–6; see the items extractor); more than one item
 * per (sub)section (the first operative sentence of each is read); rules with more than one level of nesting.
 * Values not found are null with a warning naming the value and the span searched.
 */
import type { WarningCode } from '../../errors/codes.js';
import type { DocumentEnvelope, Span } from '../../parse/types.js';
import type { ExtractionWarning } from '../types.js';
import type { DefinedTerm, DefinedTerms } from '../defined-terms/index.js';
import { parseRule, RULE_START } from './conversion-price-rule.js';
import { summarizeWaiver } from './summaries.js';
import { firstTermIn, termsIn } from './term-mentions.js';
import type { ConversionPriceRuleRecord, ValueSpans, WaiverItemRecord, WaiverRecord } from './types.js';
import { DATE_SOURCE, findDates, MONEY_SOURCE, parseDate, parseMoney, WAIVE_ACTIVE, WAIVE_PASSIVE, CONSENT_ANY } from '../lexicon/index.js';
import { longQuotes, numberedSections, sentences, squash, coveringSpan, type Section } from './values.js';
import { matchesOf } from '../../matches.js';

export interface WaiverExtraction {
  waiver: WaiverRecord;
  items: WaiverItemRecord[];
  rules: ConversionPriceRuleRecord[];
  warnings: ExtractionWarning[];
}

const QUALIFIER = /\b(?:subject to|provided(?:,\s*however,)?\s+that|except (?:as|to the extent)|solely|only if|conditioned|contingent|not a waiver|nothing herein shall be construed|no other changes)\b/i;
const BOILERPLATE = /^(?:expenses|fees and expenses|severability|notices?|counterparts|governing law|headings|benefit of agreement|successors(?: and assigns)?|definitions|further assurances|entire agreement and amendments|waiver of jury trial|jurisdiction)$/i;
const GENERIC_HEADINGS = /^(?:consents?|waivers?|consent and waiver|waiver and consent|general)$/i;
const TRANSACTION_TERM = /(?:Financing|Exchange|Offering|Merger|Acquisition|Transactions?|Closing|Issuance|Sale|Purchase|Tender Offer|Recapitalization|Restructuring)$/;
const COUNTERPARTY_ROLES = /^(?:company|maker|issuer|borrower|corporation|obligor|payor|partnership)$/i;
const HOLDER_ROLES = /^(?:payee|holders?|purchasers?|investors?|lenders?|noteholders?|stockholders?|shareholders?|subscribers?|funds?|buyers?)$/i;
const SIGNATURE = /\[\s*signature page|\bIN WITNESS WHEREOF\b|\bVery truly yours\b|\bSincerely\b|\bAGREED AND ACCEPTED\b|\bACKNOWLEDGED AND AGREED\b/i;

interface Unit {
  section: string | null;
  heading: string | null;
  sectionHeading: string | null;
  unitHeading: string | null;
  span: Span;
  bodyStart: number;
}

export function extractWaiver(
  text: string,
  doc: DocumentEnvelope,
  kind: WaiverRecord['kind'],
  title: string | null,
  ordinal: number,
  terms: DefinedTerms,
): WaiverExtraction {
  const seq = doc.sequence;
  const warnings: ExtractionWarning[] = [];
  const spans: ValueSpans = {};
  const warn = (code: WarningCode, message: string, span: Span | null): void => {
    warnings.push({ code, message, documentSequence: seq, span });
  };
  const mark = (key: string, span: Span): void => {
    spans[key] = [span.start, span.end];
  };

  // The operative part: after the recitals (`agree as follows`) and before the signatures.
  const asFollows = /\b(?:agree|agrees)\s+as\s+follows\s*:?/i.exec(text);
  const opStart = asFollows ? asFollows.index + asFollows[0].length : 0;
  const sig = SIGNATURE.exec(text.slice(opStart));
  const opEnd = sig ? opStart + sig.index : text.length;
  const quotes = longQuotes(text);

  // Units: numbered (sub)sections of an agreement; a letter (or an unnumbered agreement) is one unit.
  const units: Unit[] = [];
  const sections = numberedSections(text, opStart, opEnd, quotes);
  for (const s of sections) {
    if (BOILERPLATE.test(s.heading)) continue;
    if (s.subsections.length) for (const sub of s.subsections) units.push(unitOf(sub, s));
    else units.push(unitOf(s, null));
  }
  if (!units.length) units.push({ section: null, heading: null, sectionHeading: null, unitHeading: null, span: { start: opStart, end: opEnd }, bodyStart: opStart });

  const docInstrument = findHeldInstrument(text, terms);
  const items: WaiverItemRecord[] = [];
  const actors: string[] = [];
  for (const unit of units) {
    if (unit.unitHeading && /^no other\b/i.test(unit.unitHeading)) continue;
    for (const sentence of sentences(text, unit.bodyStart, unit.span.end)) {
      const s = text.slice(sentence.start, sentence.end);
      const passive = WAIVE_PASSIVE.exec(s);
      const active = WAIVE_ACTIVE.exec(s);
      const consent = CONSENT_ANY.exec(s);
      const verb = active ?? passive ?? consent;
      if (!verb) continue;
      const isConsent = !active && !passive;
      const partial = /\bpartial\b/i.test(`${unit.sectionHeading ?? ''} ${unit.unitHeading ?? ''}`);
      const itemKind: WaiverItemRecord['kind'] = isConsent ? 'consent' : partial ? 'partial_waiver' : 'waiver';
      const actor = actingParty(s.slice(0, verb.index), terms);
      if (actor) actors.push(actor);
      const subject = isConsent ? consentSubject(s, verb, unit) : passive && !active ? passiveSubject(s, passive) : activeSubject(s, verb);
      const provision = subject && /^(?:Section|Article|Paragraph)s?\b/.test(subject) ? subject : (/\bunder\s+((?:Section|Article|Paragraph)\s+[\w().]+(?:\s+of\s+(?:Article|Section)\s+[\w().]+)*\s+of\s+(?:the\s+)?[A-Z][\w]*(?:\s+(?:of\s+)?[A-Z][\w]*)*)/.exec(s)?.[1] ?? null);
      const unitText = withoutQuotes(text, unit.bodyStart, unit.span.end, quotes);
      const itemSpan = unit.section ? unit.span : sentence;
      items.push({
        waiverOrdinal: ordinal,
        ordinal: items.length + 1,
        documentSequence: seq,
        kind: itemKind,
        section: unit.section,
        heading: unit.heading,
        subject,
        provision,
        transactionName: transactionOf(unit, s, terms, sentence),
        instruments: instrumentsOf(unit, s, terms, docInstrument?.term ?? null),
        conditions: itemConditions(unit.section ? unitText : s),
        text: squash(s),
        spanStart: itemSpan.start,
        spanEnd: itemSpan.end,
      });
      break; // one item per unit: the first operative sentence
    }
  }
  if (!items.length) warn('WAIVER_ITEMS_MISSING', 'no sentence that waives or consents was found', { start: opStart, end: opEnd });

  // Parties: the holder acts (waives, consents); the counterparty is the other party of the document.
  // Only the document's own parties: the schedule's terms (merged in to fill gaps) name other people.
  const parties = terms.all().filter((t) => t.kind === 'party' && !t.members && t.documentSequence === seq);
  const holderTerm = mostFrequent(actors) ?? parties.find((t) => HOLDER_ROLES.test(t.term))?.term ?? null;
  const holderDef = holderTerm ? terms.lookup(holderTerm) : null;
  const counterpartyDef =
    parties.find((t) => COUNTERPARTY_ROLES.test(t.term) && t.meaning !== holderDef?.meaning) ??
    parties.find((t) => t.meaning !== holderDef?.meaning && t.span.start < 1200) ??
    null;
  if (holderDef) mark('holder', holderDef.span);
  else warn('WAIVER_HOLDER_MISSING', 'the party who waives or consents is not named by a defined term', { start: opStart, end: opEnd });
  if (counterpartyDef) mark('counterparty', counterpartyDef.span);
  else warn('WAIVER_COUNTERPARTY_MISSING', 'the other party of the document is not named by a defined term', { start: 0, end: opEnd });

  // Dates.
  const reLine = /(?:^|\s)Re:\s/.exec(text);
  let dated: string | null = null;
  if (kind === 'waiver_letter') {
    const top = findDates(text, 0, reLine ? reLine.index : Math.min(text.length, 400))[0];
    if (top) {
      dated = top.iso;
      mark('dated', { start: top.start, end: top.end });
    }
  }
  if (!dated) {
    // Only the preamble speaks of the document itself; recitals date other documents.
    const recitals = /\bWHEREAS\b|\bW\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H\b|\bRECITALS\b|\bBACKGROUND\b|\bReference is made\b/.exec(text);
    const preambleEnd = Math.min(recitals ? recitals.index : 1200, opStart || 1200, 1200);
    const m = new RegExp(String.raw`\b(?:dated|made(?:\s+and\s+entered\s+into)?|entered\s+into)\s+(?:as\s+of\s+)?(?:this\s+)?(${DATE_SOURCE})`, 'id').exec(text.slice(0, preambleEnd));
    if (m) {
      dated = parseDate(m[1]!);
      const at = m.indices![1]![0];
      mark('dated', { start: at, end: at + m[1]!.length });
    }
  }
  if (!dated) warn('WAIVER_DATE_MISSING', 'the document states no date of its own (only an effective date, if any)', { start: 0, end: Math.min(text.length, Math.max(opStart, 1200)) });
  const effectiveRe = new RegExp(String.raw`\beffective\s+(?:as\s+of\s+)?(${DATE_SOURCE}|the\s+date\s+hereof)`, 'id');
  let effectiveDate: string | null = null;
  const firstItem = items[0];
  const effectiveIn = (from: number, to: number): boolean => {
    const m = effectiveRe.exec(text.slice(from, to));
    if (!m) return false;
    const at = from + m.indices![1]![0];
    effectiveDate = /date hereof/i.test(m[1]!) ? dated : parseDate(m[1]!);
    mark('effectiveDate', { start: at, end: at + m[1]!.length });
    return effectiveDate !== null;
  };
  if (!(kind === 'waiver_letter' && firstItem && effectiveIn(firstItem.spanStart, firstItem.spanEnd)) && !effectiveIn(0, Math.max(opStart, 1200)) && !(firstItem && effectiveIn(firstItem.spanStart, firstItem.spanEnd))) {
    warn('WAIVER_EFFECTIVE_DATE_MISSING', 'no "effective as of" date was found', { start: 0, end: opEnd });
  }

  // The instrument: a letter's subject or the instrument its operative sentence names; an agreement's holding.
  let instrumentDef: DefinedTerm | null = null;
  let shares: number | null = null;
  if (kind === 'waiver_letter') {
    const subjectTerm = title ? terms.lookup(title) : null;
    instrumentDef = subjectTerm?.kind === 'instrument' ? subjectTerm : null;
    if (!instrumentDef && firstItem) instrumentDef = firstTermIn(firstItem.text, terms, (t) => t.kind === 'instrument');
  }
  if (!instrumentDef && docInstrument) {
    instrumentDef = terms.lookup(docInstrument.term);
    shares = docInstrument.shares;
    mark('shares', docInstrument.sharesSpan);
  }
  let principal: number | null = null;
  let maturityDate: string | null = null;
  if (instrumentDef) {
    mark('instrument', instrumentDef.span);
    const defText = text.slice(instrumentDef.span.start, instrumentDef.span.end);
    const p = new RegExp(String.raw`principal amount of\s+(${MONEY_SOURCE})`, 'id').exec(defText);
    if (p) {
      principal = parseMoney(p[1]!);
      const at = instrumentDef.span.start + p.indices![1]![0];
      mark('principal', { start: at, end: at + p[1]!.replace(/[.,]+$/, '').length });
    }
    const d = new RegExp(String.raw`\bdue\s+(?:on\s+)?(${DATE_SOURCE})`, 'id').exec(defText);
    if (d) {
      maturityDate = parseDate(d[1]!);
      const at = instrumentDef.span.start + d.indices![1]![0];
      mark('maturityDate', { start: at, end: at + d[1]!.length });
    }
    const debt = /\b(?:notes?|debentures?|bonds?|loans?)\b/i.test(instrumentDef.meaning);
    if (debt && principal === null) warn('WAIVER_PRINCIPAL_MISSING', `no principal amount is stated for the ${instrumentDef.term}`, instrumentDef.span);
    if (debt && maturityDate === null) warn('WAIVER_MATURITY_MISSING', `no maturity date is stated for the ${instrumentDef.term}`, instrumentDef.span);
  } else {
    warn('WAIVER_INSTRUMENT_MISSING', 'no defined instrument names what the waiver concerns', { start: 0, end: opEnd });
  }

  // Conversion price: the old price and the new rule, when the document sets one.
  const rules: ConversionPriceRuleRecord[] = [];
  let oldConversionPrice: number | null = null;
  let newConversionPrice: number | null = null;
  for (const sentence of sentences(text, opStart, opEnd)) {
    // Quoted wording (a charter section being replaced) is not this document's own rule.
    if (quotes.some((q) => sentence.start >= q.start && sentence.start < q.end)) continue;
    const s = text.slice(sentence.start, sentence.end);
    const m = RULE_START.exec(s);
    if (!m) continue;
    const from = sentence.start + m.index + m[0].length;
    for (const r of parseRule(text, from, sentence.end, terms)) rules.push({ waiverOrdinal: ordinal, documentSequence: seq, ...r });
    const before = new RegExp(String.raw`conversion\s+(?:price|rate)\b[^.$]{0,120}?\b(?:is|was|of|equals?)\s+(?:equal\s+to\s+)?(${MONEY_SOURCE})`, 'id').exec(text.slice(0, sentence.start));
    if (before) {
      oldConversionPrice = parseMoney(before[1]!);
      const at = before.indices![1]![0];
      mark('oldConversionPrice', { start: at, end: at + before[1]!.replace(/[.,]+$/, '').length });
    } else {
      warn('WAIVER_OLD_PRICE_MISSING', 'a new conversion price is set but the price it replaces is not stated', sentence);
    }
    const prices = [...new Set(rules.map((r) => r.price))];
    if (prices.length === 1 && prices[0] !== null && prices[0] !== undefined) {
      newConversionPrice = prices[0];
      const last = rules[rules.length - 1]!;
      mark('newConversionPrice', { start: last.spanStart, end: last.spanEnd });
    } else {
      warn('WAIVER_NEW_PRICE_CONTINGENT', 'the branches of the new conversion price name different prices; see conversion_price_rules', sentence);
    }
    break;
  }

  // Document-level qualifications: qualifying sentences outside the items and outside boilerplate sections.
  const excluded: Span[] = [
    ...items.map((i) => ({ start: i.spanStart, end: i.spanEnd })),
    ...sections.filter((s) => BOILERPLATE.test(s.heading)).map((s) => s.span),
  ];
  const conditionSentences = sentences(text, opStart, opEnd).filter(
    (s) => !excluded.some((e) => s.start < e.end && s.end > e.start) && !quotes.some((q) => s.start < q.end && s.end > q.start) && QUALIFIER.test(text.slice(s.start, s.end)),
  );
  const conditions = conditionSentences.length ? conditionSentences.map((s) => squash(text.slice(s.start, s.end))).join('\n') : null;

  const waiver: WaiverRecord = {
    ordinal,
    documentSequence: seq,
    documentType: doc.type,
    kind,
    title,
    dated,
    effectiveDate,
    holder: holderDef?.meaning ?? null,
    holderTerm: holderDef?.term ?? null,
    counterparty: counterpartyDef?.meaning ?? null,
    counterpartyTerm: counterpartyDef?.term ?? null,
    instrument: instrumentDef?.term ?? null,
    instrumentDescription: instrumentDef?.meaning ?? null,
    principal,
    maturityDate,
    shares,
    oldConversionPrice,
    newConversionPrice,
    conditions,
    summary: null,
    spanStart: null,
    spanEnd: null,
    spans,
  };
  waiver.summary = summarizeWaiver(waiver, items, rules);
  const covering = coveringSpan([...Object.values(spans), ...items.map((i) => [i.spanStart, i.spanEnd] as [number, number])]);
  if (covering) {
    waiver.spanStart = covering.start;
    waiver.spanEnd = covering.end;
  }
  return { waiver, items, rules, warnings };
}

function unitOf(s: Section, parent: Section | null): Unit {
  return {
    section: s.number,
    heading: parent ? `${parent.heading} — ${s.heading}` : s.heading,
    sectionHeading: parent ? parent.heading : s.heading,
    unitHeading: parent ? s.heading : null,
    span: s.span,
    bodyStart: s.bodyStart,
  };
}

/** `Discovery holds an aggregate of 100,515 shares of Preferred A Stock`: the holder's instrument and count. */
function findHeldInstrument(text: string, terms: DefinedTerms): { term: string; shares: number; sharesSpan: Span } | null {
  const re = /\bholds?\s+(?:an\s+aggregate\s+of\s+)?(\d{1,3}(?:,\d{3})+|\d+)\s+shares\s+of\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})/dg;
  for (const m of matchesOf(re, text)) {
    const words = m[2]!.split(/\s+/);
    for (let n = words.length; n > 0; n--) {
      const def = terms.lookup(words.slice(0, n).join(' '));
      if (def && def.kind === 'instrument') {
        const at = m.indices![1]![0];
        return { term: def.term, shares: Number(m[1]!.replace(/,/g, '')), sharesSpan: { start: at, end: at + m[1]!.length } };
      }
    }
  }
  return null;
}

/** The party named just before the verb (`the Payee has agreed to waive`, `Discovery hereby consents`). */
function actingParty(prefix: string, terms: DefinedTerms): string | null {
  const cleaned = prefix.replace(/\s+(?:has|have|hereby|also|further|each|irrevocably|unconditionally)\s*$/gi, '').replace(/\s+(?:has|have|hereby)\s*$/gi, '');
  const m = /(?:^|[\s,(])(?:the\s+)?([A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,5})\s*$/.exec(cleaned);
  if (!m) return null;
  if (/\band\b/.test(cleaned.slice(Math.max(0, m.index - 30), m.index + 1))) return null; // `The Company and Discovery`
  const words = m[1]!.split(/\s+/);
  for (let k = 0; k < words.length; k++) {
    const def = terms.lookup(words.slice(k).join(' '));
    if (def && def.kind === 'party') return def.term;
  }
  return null;
}

function activeSubject(s: string, verb: RegExpExecArray): string | null {
  const after = s.slice(verb.index);
  // `waives`, `agrees to waive`, `has waived`: the thing waived follows the verb.
  const m = /\bwaive[sd]?\s+(?:(?:its|their|his|her|any|all)\s+rights?\s+(?:to|under|with\s+respect\s+to)\s+)?(.+?)(?=,|;|:|\s+(?:as\s+set\s+forth|under|with\s+respect\s+to|that\s+would|in\s+connection\s+with|for\s+consideration|set\s+forth)\b|\.(?:\s|$)|$)/i.exec(after);
  return m ? squash(m[1]!) : null;
}

function passiveSubject(s: string, passive: RegExpExecArray): string | null {
  const before = s.slice(0, passive.index);
  const m = /((?:Section|Sections|Article|Paragraph)s?\s+[\w.()]+(?:\s+(?:and|of|to)\s+(?:the\s+)?[A-Z\d][\w.()]*(?:\s+[A-Z][\w]*)*)*)\s*$/.exec(before);
  if (m) return squash(m[1]!);
  const tail = /(?:the\s+)?([A-Z][\w'-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'-]*)*)\s*$/.exec(before);
  return tail ? squash(tail[1]!) : null;
}

function consentSubject(s: string, verb: RegExpExecArray, unit: Unit): string | null {
  // A consent under a generic heading (`(a) Consent.`) is to what its section names.
  if (unit.unitHeading && GENERIC_HEADINGS.test(unit.unitHeading) && unit.sectionHeading) return unit.sectionHeading;
  if (unit.unitHeading && !GENERIC_HEADINGS.test(unit.unitHeading)) return unit.unitHeading;
  if (!unit.unitHeading && unit.sectionHeading && !GENERIC_HEADINGS.test(unit.sectionHeading)) return unit.sectionHeading;
  const after = s.slice(verb.index + verb[0].length);
  const m = /^\s*(.+?)(?=,|;|:|\.(?:\s|$)|$)/.exec(after);
  return m ? squash(m[1]!) : null;
}

function transactionOf(unit: Unit, sentence: string, terms: DefinedTerms, at: Span): string | null {
  for (const h of [unit.sectionHeading, unit.unitHeading]) {
    const def = h ? terms.lookup(h) : null;
    if (def && def.kind === 'other' && TRANSACTION_TERM.test(def.term)) return def.term;
  }
  // A term defined inside the operative sentence itself is introduced by a condition (`in the event of … (the
  // "Equity Offering")`), not the transaction the waiver is given for.
  const definedHere = (t: DefinedTerm): boolean => t.span.start >= at.start && t.span.end <= at.end;
  return firstTermIn(sentence, terms, (t) => t.kind === 'other' && TRANSACTION_TERM.test(t.term) && !definedHere(terms.lookup(t.term) ?? t))?.term ?? null;
}

/** `text[from, to)` with long quotations blanked out (their offsets kept). */
function withoutQuotes(text: string, from: number, to: number, quotes: Span[]): string {
  let out = text.slice(from, to);
  for (const q of quotes) {
    const s = Math.max(q.start, from);
    const e = Math.min(q.end, to);
    if (s < e) out = out.slice(0, s - from) + ' '.repeat(e - s) + out.slice(e - from);
  }
  return out;
}

function instrumentsOf(unit: Unit, sentence: string, terms: DefinedTerms, exclude: string | null): string | null {
  const heading = unit.unitHeading ? terms.lookup(unit.unitHeading) : null;
  if (heading && heading.kind === 'instrument') return heading.term;
  const found = termsIn(sentence, terms, (t) => t.kind === 'instrument' && t.term !== exclude && !/^common stock$/i.test(t.term));
  return found.length ? found.map((t) => t.term).join('; ') : null;
}

/** Limits of one item: `solely …`, `subject to …`, `provided that …` clauses and `not a waiver` sentences. */
function itemConditions(text: string): string | null {
  const out: string[] = [];
  for (const m of matchesOf(/\b(?:solely|only)\s+(?:with\s+respect\s+to|for\s+the\s+purpose\s+of|to\s+the\s+extent|in\s+connection\s+with)\b[^;]*?(?=\.(?:\s|$)|;|$)/gi, text)) out.push(m[0]);
  for (const m of matchesOf(/\bsubject\s+to\b[^,.;]*/gi, text)) out.push(m[0]);
  for (const m of matchesOf(/\bprovided(?:,\s*however,)?\s+that\b[^.;]*/gi, text)) out.push(m[0]);
  for (const s of sentences(text)) {
    const t = text.slice(s.start, s.end);
    if (/\bnot\s+a\s+waiver\b|\bavoidance\s+of\s+doubt\b|\bexpressly\s+agreed\b|\bshall\s+not\s+(?:be\s+deemed|apply)\b/i.test(t)) out.push(t);
  }
  const unique = [...new Set(out.map(squash))];
  return unique.length ? unique.join('\n') : null;
}

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}
