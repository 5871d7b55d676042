/**
 * Cover pages from an XML-era Schedule 13D/13G primary document (`edgarSubmission`, edgar-reference.md §4.4).
 *
 * Elements are selected by LOCAL name: the namespaces differ between the spec and what EDGAR disseminates
 * (`…/schedule13D` with a capital D, the common namespace redeclared per element), so prefixes are ignored.
 * Handles: 13D `reportingPersons/reportingPersonInfo` and 13G `coverPageHeaderReportingPersonDetails`; the CUSIP
 * under `issuerInfo/issuerCUSIP`/`issuerCusip` or `issuerCusips/issuerCusipNumber` (several); dates `MM/DD/YYYY`;
 * decimals `700000.00`; trailing spaces; children out of schema order; `&#13;` and double-escaped entities; XML
 * comments; end tags missing their `>` (`</fundsSource` — repaired in place, with a warning).
 * Does not handle: the Items (`items1To7`, `items`) or signatures, and not schema validation.
 */
import type { WarningCode } from '../../errors/codes.js';
import type { Span } from '../../parse/types.js';
import type { ExtractionWarning } from '../types.js';
import { normalizeCusip } from './cusip.js';
import type { HeaderDraft, PersonDraft, ReportingPersonField, RuleBox, ScheduleKind, ShareField } from './types.js';
import { parseDate } from '../lexicon/index.js';
import { normalizeCode, parsePercent, parseShareCount, PERSON_CODES } from './values.js';
import { matchesOf } from '../../matches.js';

/** One element of the tolerant XML tree. Offsets index the source string. */
export interface XmlElement {
  /** Local name (prefix dropped). */
  name: string;
  children: XmlElement[];
  /** From `<` of the start tag to the end of the end tag. */
  start: number;
  end: number;
  /** The content between the tags. */
  contentStart: number;
  contentEnd: number;
}

export interface XmlTree {
  root: XmlElement;
  /** End tags that had to be repaired (missing `>`), and tags that never closed. */
  repairs: { offset: number; what: string }[];
}

// (Attributes as `\s[^<>]*?`, not `\s+[^<>]*?`: the same text, without splitting a run of blanks every possible way.)
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<!DOCTYPE[^>]*>|<\/\s*([A-Za-z_][\w:.-]*)\s*(>?)|<([A-Za-z_][\w:.-]*)((?:\s[^<>]*?)?)(\/?)>/g;

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i >= 0 ? qname.slice(i + 1) : qname;
}

/**
 * Parse XML tolerantly: tags are tokenised with offsets, an end tag closes the nearest open element of the same local
 * name (elements left open are closed there), and an end tag missing `>` is accepted and reported. Never throws.
 */
export function parseXmlTree(source: string): XmlTree {
  const root: XmlElement = { name: '#document', children: [], start: 0, end: source.length, contentStart: 0, contentEnd: source.length };
  const stack: XmlElement[] = [root];
  const repairs: { offset: number; what: string }[] = [];
  // How many elements of each name are open: an end tag that closes nothing is known without walking the stack
  // (walking it for each of 20,000 stray end tags under 20,000 open elements was quadratic).
  const openCount = new Map<string, number>();
  const popped = (el: XmlElement): XmlElement => {
    openCount.set(el.name, openCount.get(el.name)! - 1);
    return el;
  };
  for (const m of matchesOf(TOKEN, source)) {
    const [whole, endName, endGt, startName, , selfClose] = m;
    if (endName !== undefined) {
      if (endGt !== '>') repairs.push({ offset: m.index, what: `end tag </${endName} has no ">"` });
      const name = localName(endName);
      if (!openCount.get(name)) {
        repairs.push({ offset: m.index, what: `end tag </${endName}> closes nothing` });
        continue;
      }
      let k = stack.length - 1;
      while (k > 0 && stack[k]!.name !== name) k -= 1;
      while (stack.length - 1 > k) {
        const open = popped(stack.pop()!);
        repairs.push({ offset: open.start, what: `<${open.name}> never closed` });
        open.contentEnd = m.index;
        open.end = m.index;
      }
      const el = popped(stack.pop()!);
      el.contentEnd = m.index;
      el.end = m.index + whole.length;
      continue;
    }
    if (startName !== undefined) {
      const el: XmlElement = {
        name: localName(startName),
        children: [],
        start: m.index,
        end: m.index + whole.length,
        contentStart: m.index + whole.length,
        contentEnd: m.index + whole.length,
      };
      stack[stack.length - 1]!.children.push(el);
      if (selfClose !== '/') {
        stack.push(el);
        openCount.set(el.name, (openCount.get(el.name) ?? 0) + 1);
      }
    }
  }
  while (stack.length > 1) {
    const open = stack.pop()!;
    repairs.push({ offset: open.start, what: `<${open.name}> never closed` });
    open.contentEnd = source.length;
    open.end = source.length;
  }
  return { root, repairs };
}

/**
 * Every descendant with one of the local names, in document order. Elements named in `notInside` are not descended
 * into: a reporting person's fields are its own, not those of a person nested in it by damaged XML (looking through
 * every nested person from each one was quadratic).
 */
export function findAll(el: XmlElement, names: string | string[], notInside?: string): XmlElement[] {
  return walkFor(el, names, notInside, Infinity);
}

/** The outermost descendants with one of the local names (not those inside another: values are leaves). */
export function findOutermost(el: XmlElement, names: string | string[]): XmlElement[] {
  return walkFor(el, names, undefined, Infinity, true);
}

export function findFirst(el: XmlElement, names: string | string[], notInside?: string): XmlElement | null {
  return walkFor(el, names, notInside, 1)[0] ?? null;
}

function walkFor(el: XmlElement, names: string | string[], notInside: string | undefined, limit: number, notInsideMatches = false): XmlElement[] {
  const wanted = new Set(Array.isArray(names) ? names : [names]);
  const out: XmlElement[] = [];
  // Depth-first in document order with an explicit stack: a recursive walk overflowed on elements nested 30,000 deep.
  const pending: XmlElement[] = [...el.children].reverse();
  while (pending.length > 0 && out.length < limit) {
    const c = pending.pop()!;
    if (wanted.has(c.name)) {
      out.push(c);
      if (notInsideMatches) continue;
    }
    if (c.name === notInside) continue;
    for (let i = c.children.length - 1; i >= 0; i -= 1) pending.push(c.children[i]!);
  }
  return out;
}

function decodeEntities(s: string): string {
  const once = (t: string): string =>
    t.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (all, ent: string) => {
      const e = ent.toLowerCase();
      if (e === 'amp') return '&';
      if (e === 'lt') return '<';
      if (e === 'gt') return '>';
      if (e === 'quot') return '"';
      if (e === 'apos') return "'";
      if (e === 'nbsp') return '\u00a0';
      const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
    });
  let out = once(s);
  // Double-escaped entities (`&amp;#167;`) decode on a second pass.
  if (/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/i.test(out)) out = once(out);
  return out;
}

export interface XmlText {
  value: string;
  span: Span;
}

/** The text of an element (markup and comments removed, entities decoded, trimmed), with its span. */
const MAX_VALUE_CHARS = 4_000;

export function textOf(source: string, el: XmlElement | null): XmlText | null {
  if (!el) return null;
  // A cover-page value is a name, a number or a date: only its first MAX_VALUE_CHARS are read. An unclosed element
  // runs to the end of the document (XML_REPAIRED says so), and reading all of it for each of thousands of them was
  // quadratic.
  const raw = source.slice(el.contentStart, Math.min(el.contentEnd, el.contentStart + MAX_VALUE_CHARS));
  const stripped = replaceDelimited(replaceDelimited(replaceDelimited(raw, '<!--', '-->', () => ''), '<![CDATA[', ']]>', (inner) => inner), '<', '>', () => '');
  const value = decodeEntities(stripped).replace(/\r/g, '').replace(/\s+/g, ' ').trim();
  const lead = raw.length - raw.trimStart().length;
  const span = { start: el.contentStart + lead, end: el.contentStart + raw.trimEnd().length };
  return { value, span: span.end > span.start ? span : { start: el.contentStart, end: el.contentEnd } };
}

/**
 * Every `open … close` (the first `close` after each `open`, left to right) replaced by `replace(inner)`: what
 * `text.replace(/open([\s\S]*?)close/g, …)` does, in linear time. The regex tried every `open` and scanned to the
 * end of the text when no `close` followed: a run of `<` (or `<!--`) without `>` was quadratic.
 */
function replaceDelimited(text: string, open: string, close: string, replace: (inner: string) => string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const start = text.indexOf(open, pos);
    if (start < 0) break;
    const end = text.indexOf(close, start + open.length);
    if (end < 0) break;
    out += text.slice(pos, start) + replace(text.slice(start + open.length, end));
    pos = end + close.length;
  }
  return out + text.slice(pos);
}

function flag(v: string | undefined): boolean | null {
  if (v === undefined) return null;
  if (/^(y|yes|true|1)$/i.test(v)) return true;
  if (/^(n|no|false|0)$/i.test(v)) return false;
  return null;
}

export interface XmlCoverResult {
  kind: ScheduleKind | null;
  header: HeaderDraft & { issuerCik: string | null };
  persons: PersonDraft[];
  /** From the start of the form data to the end of the last person. */
  region: Span | null;
  warnings: ExtractionWarning[];
}

const SHARES: Record<ShareField, string[]> = {
  soleVotingPower: ['soleVotingPower'],
  sharedVotingPower: ['sharedVotingPower'],
  soleDispositivePower: ['soleDispositivePower'],
  sharedDispositivePower: ['sharedDispositivePower'],
  aggregateAmount: ['aggregateAmountOwned', 'reportingPersonBeneficiallyOwnedAggregateNumberOfShares'],
};

/** Read the cover header and reporting persons of an XML schedule. */
export function readXmlCoverPages(source: string, kindHint: ScheduleKind | null, documentSequence: number | null): XmlCoverResult {
  const warnings: ExtractionWarning[] = [];
  const warn = (code: WarningCode, message: string, span: Span | null): void => {
    warnings.push({ code, message, documentSequence, span });
  };
  const tree = parseXmlTree(source);
  for (const r of tree.repairs.slice(0, 5)) warn('XML_REPAIRED', `malformed XML repaired: ${r.what}`, { start: r.offset, end: r.offset + 1 });
  if (tree.repairs.length > 5) warn('XML_REPAIRED', `${tree.repairs.length - 5} more XML repairs`, null);

  const root = tree.root;
  const personNodes13D = findAll(root, 'reportingPersonInfo');
  const personNodes13G = findAll(root, 'coverPageHeaderReportingPersonDetails');
  const kind: ScheduleKind | null = personNodes13D.length > 0 ? '13D' : personNodes13G.length > 0 ? '13G' : kindHint;
  const personNodes = personNodes13D.length > 0 ? personNodes13D : personNodes13G;

  const cover = findFirst(root, 'coverPageHeader') ?? root;
  const text = (el: XmlElement | null): XmlText | null => textOf(source, el);
  const header: XmlCoverResult['header'] = {
    issuerName: null,
    issuerCik: null,
    classTitle: null,
    cusips: [],
    eventDate: null,
    amendmentNumber: null,
    ruleBoxes: kind === '13G' ? [] : null,
    spans: {},
  };
  const issuerInfo = findFirst(cover, 'issuerInfo') ?? cover;
  const issuerName = text(findFirst(issuerInfo, 'issuerName'));
  if (issuerName?.value) {
    header.issuerName = issuerName.value;
    header.spans.issuerName = issuerName.span;
  }
  const issuerCik = text(findFirst(issuerInfo, ['issuerCIK', 'issuerCik']));
  if (issuerCik?.value && /^\d{1,10}$/.test(issuerCik.value)) header.issuerCik = issuerCik.value.padStart(10, '0');
  const classTitle = text(findFirst(cover, 'securitiesClassTitle'));
  if (classTitle?.value) {
    header.classTitle = classTitle.value;
    header.spans.classTitle = classTitle.span;
  }
  // (Outermost only: unclosed CUSIP elements nest, and reading each one's text again inside the last was quadratic.)
  for (const el of findOutermost(issuerInfo, ['issuerCUSIP', 'issuerCusip', 'issuerCusipNumber'])) {
    const t = text(el);
    if (!t?.value) continue;
    const c = normalizeCusip(t.value) ?? t.value.replace(/\s+/g, '').toUpperCase();
    if (!header.cusips.includes(c)) header.cusips.push(c);
    if (!header.spans.cusips) header.spans.cusips = t.span;
  }
  const eventDate = text(findFirst(cover, ['dateOfEvent', 'eventDateRequiresFilingThisStatement']));
  if (eventDate?.value) {
    header.eventDate = parseDate(eventDate.value);
    header.spans.eventDate = eventDate.span;
    if (!header.eventDate) warn('COVER_VALUE_UNREADABLE', `date of event "${eventDate.value}" is not a date`, eventDate.span);
  }
  const amendment = text(findFirst(cover, 'amendmentNo'));
  if (amendment?.value) {
    const n = /^\d+$/.exec(amendment.value.trim());
    header.amendmentNumber = n ? Number(n[0]) : null;
    header.spans.amendmentNumber = amendment.span;
  }
  if (kind === '13G') {
    const boxes: RuleBox[] = [];
    for (const el of findAll(cover, 'designateRulePursuantThisScheduleFiled')) {
      const m = /13d\s*-\s*1\s*\(\s*([bcd])\s*\)/i.exec(text(el)?.value ?? '');
      const key = m ? (`13d-1(${m[1]!.toLowerCase()})` as RuleBox) : null;
      if (key && !boxes.includes(key)) boxes.push(key);
      if (key && !header.spans.ruleBoxes) header.spans.ruleBoxes = text(el)!.span;
    }
    header.ruleBoxes = boxes;
  }

  const persons: PersonDraft[] = [];
  personNodes.forEach((node, i) => {
    const ordinal = i + 1;
    const spans: Partial<Record<ReportingPersonField, Span>> = {};
    const get = (names: string | string[], field?: ReportingPersonField): XmlText | null => {
      const t = text(findFirst(node, names, node.name));
      if (t && field) spans[field] = t.span;
      return t && t.value !== '' ? t : null;
    };
    const name = get('reportingPersonName', 'name');
    const cik = get(['reportingPersonCIK', 'reportingCik'], 'cik');
    const group = get(['memberOfGroup', 'memberGroup'], 'memberOfGroup');
    const citizenship = get('citizenshipOrOrganization', 'citizenship');
    const legal = get('legalProceedings', 'legalProceedings');
    const excludes = get(['isAggregateExcludeShares', 'aggregateAmountExcludesCertainSharesFlag'], 'excludesCertainShares');
    const percent = get(['percentOfClass', 'classPercent'], 'percentOfClass');
    const funds = findAll(node, 'fundType', node.name).map((el) => text(el)).filter((t): t is XmlText => Boolean(t?.value));
    const types = findAll(node, 'typeOfReportingPerson', node.name).map((el) => text(el)).filter((t): t is XmlText => Boolean(t?.value));
    if (funds[0]) spans.sourceOfFunds = { start: funds[0].span.start, end: funds[funds.length - 1]!.span.end };
    if (types[0]) spans.typeOfReportingPerson = { start: types[0].span.start, end: types[types.length - 1]!.span.end };

    const p: PersonDraft = {
      name: name?.value ?? null,
      cik: cik && /^\d{1,10}$/.test(cik.value) ? cik.value.padStart(10, '0') : null,
      memberOfGroup: group && /^[ab]$/i.test(group.value) ? (group.value.toLowerCase() as 'a' | 'b') : null,
      sourceOfFunds: kind === '13D' ? (funds.length > 0 ? funds.map((f) => normalizeCode(f.value)).filter((c) => c !== '') : null) : null,
      // A missing flag element means the box was not checked (edgar-reference.md §4.4; golden-set convention 1).
      legalProceedings: kind === '13D' ? (flag(legal?.value) ?? false) : null,
      citizenship: citizenship?.value ?? null,
      soleVotingPower: null,
      soleVotingPowerText: null,
      sharedVotingPower: null,
      sharedVotingPowerText: null,
      soleDispositivePower: null,
      soleDispositivePowerText: null,
      sharedDispositivePower: null,
      sharedDispositivePowerText: null,
      aggregateAmount: null,
      aggregateAmountText: null,
      excludesCertainShares: flag(excludes?.value) ?? false,
      percentOfClass: null,
      percentOfClassText: null,
      typeOfReportingPerson: types.map((t) => normalizeCode(t.value)).filter((c) => c !== ''),
      spanStart: node.start,
      spanEnd: node.end,
      spans,
    };
    for (const field of Object.keys(SHARES) as ShareField[]) {
      const t = get(SHARES[field], field);
      if (!t) {
        // Absent elements are null, not 0 (golden-set convention 3).
        warn('COVER_VALUE_MISSING', `reporting person ${ordinal}: no <${SHARES[field][0]}>`, { start: node.start, end: node.start });
        continue;
      }
      const v = parseShareCount(t.value);
      p[field] = v.value;
      p[`${field}Text`] = v.value === null ? t.value : null;
      if (v.value === null) warn('COVER_VALUE_TEXT', `reporting person ${ordinal}: ${field} is "${t.value}"`, t.span);
    }
    if (percent) {
      const v = parsePercent(percent.value);
      p.percentOfClass = v.value;
      p.percentOfClassText = v.value === null ? percent.value : null;
    } else warn('COVER_VALUE_MISSING', `reporting person ${ordinal}: no percent of class`, { start: node.start, end: node.start });
    if (!name) warn('COVER_VALUE_MISSING', `reporting person ${ordinal}: no <reportingPersonName>`, { start: node.start, end: node.start });
    if (!citizenship) warn('COVER_VALUE_MISSING', `reporting person ${ordinal}: no <citizenshipOrOrganization>`, { start: node.start, end: node.start });
    if (p.typeOfReportingPerson.length === 0) warn('COVER_VALUE_MISSING', `reporting person ${ordinal}: no <typeOfReportingPerson>`, { start: node.start, end: node.start });
    const unknownTypes = p.typeOfReportingPerson.filter((c) => !PERSON_CODES.has(c));
    if (unknownTypes.length > 0) warn('COVER_VALUE_UNREADABLE', `reporting person ${ordinal}: unknown type code(s) ${unknownTypes.join(', ')}`, spans.typeOfReportingPerson ?? null);
    persons.push(p);
  });

  const formData = findFirst(root, 'formData');
  const lastPerson = personNodes[personNodes.length - 1];
  const region = formData ? { start: formData.start, end: lastPerson ? lastPerson.end : formData.end } : null;
  return { kind, header, persons, region, warnings };
}
