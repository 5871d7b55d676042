/**
 * Gives the grammar's generic header nodes their meaning: tag names mapped to tab-form keys, top-level fields,
 * entity blocks with company data, filing values, addresses and former names. Unknown keys and blocks are kept
 * (otherFields, generic roles) because EDGAR adds fields over time and a hard-coded list breaks (edgar-reference §1.2).
 */
import { ENTITY_ROLES, roleOf } from './header-keys.js';
import type {
  Address,
  CompanyData,
  FilingValues,
  FormerName,
  HeaderEntity,
  HeaderFieldNode,
  HeaderNode,
  HeaderSectionNode,
  HeaderStrayNode,
  Span,
  SubmissionHeader,
} from './types.js';
import { compactDate, compactDateTime } from './values.js';

/** What one walk over the grammar's header nodes learns: the dialect, and damage to report. */
export interface HeaderInspection {
  dialect: SubmissionHeader['dialect'];
  strays: HeaderStrayNode[];
  unclosed: HeaderSectionNode[];
  /** CENTRAL INDEX KEY fields that are not 1–10 digits: kept as text in otherFields, reported with their line. */
  badCiks: HeaderFieldNode[];
}

/**
 * One pass over the grammar's nodes (a 399-filer header has ~12,000): repairs non-ASCII values in place with `decode`
 * (the input was read as latin-1; see parse/index.ts; null when the header is all ASCII), and collects the dialect and
 * the damage to report.
 */
export function inspectHeaderNodes(nodes: HeaderNode[], decode: ((s: string) => string) | null): HeaderInspection {
  let forms = 0; // bit mask: 1 tab, 2 tag, 4 flat
  const strays: HeaderStrayNode[] = [];
  const unclosed: HeaderSectionNode[] = [];
  const badCiks: HeaderFieldNode[] = [];
  const walk = (list: HeaderNode[]): void => {
    for (const n of list) {
      if (n.kind === 'stray') {
        strays.push(n);
        continue;
      }
      forms |= n.form === 'tab' ? 1 : n.form === 'tag' ? 2 : 4;
      if (n.kind === 'section') {
        if (!n.closed) unclosed.push(n);
        walk(n.children);
      } else {
        if (decode && HIGH_BYTE.test(n.value)) n.value = decode(n.value);
        if (n.key === 'CENTRAL INDEX KEY' && n.value !== '' && !isCik(n.value)) badCiks.push(n);
      }
    }
  };
  walk(nodes);
  const dialect = forms === 2 ? 'tag' : forms === 4 ? 'flat' : forms === 1 || forms === 0 ? 'tab' : 'mixed';
  return { dialect, strays, unclosed, badCiks };
}

/** A CIK as EDGAR prints it: up to 10 digits (zero-padded to 10 when stored). */
export function isCik(value: string): boolean {
  return /^\d{1,10}$/.test(value);
}

const HIGH_BYTE = /[\x80-\xff]/;

const FLAG_KEYS = new Set(['CONFIRMING COPY', 'PAPER', 'PRIVATE-TO-PUBLIC', 'PRIVATE TO PUBLIC', 'DELETION', 'CORRECTION', 'NO QUARTERLY ACTIVITY', 'NO ANNUAL ACTIVITY']);

/** Build the typed header. `acceptance` is an out-of-band acceptance stamp (the flattened preamble), if any. */
export function buildHeader(nodes: HeaderNode[], span: Span, acceptance: string | null, dialect: SubmissionHeader['dialect']): SubmissionHeader {
  const header: SubmissionHeader = {
    accessionNumber: null,
    formType: null,
    publicDocumentCount: null,
    period: null,
    filedAt: null,
    dateAsOfChange: null,
    effectivenessDate: null,
    acceptanceDatetime: acceptance ? compactDateTime(acceptance) : null,
    items: [],
    groupMembers: [],
    sros: [],
    flags: [],
    entities: [],
    otherFields: {},
    nodes,
    dialect,
    span,
  };

  for (const node of nodes) {
    if (node.kind === 'stray') continue;
    if (node.kind === 'section' && isEntitySection(node)) {
      header.entities.push(buildEntity(node, header.entities.length));
      continue;
    }
    if (node.kind === 'section') {
      // A tag-form container with an unknown name that holds company data is an entity too (e.g. <DEPOSITOR>).
      if (node.children.some((c) => c.kind === 'section' && (c.key === 'COMPANY DATA' || c.key === 'OWNER DATA'))) {
        header.entities.push(buildEntity(node, header.entities.length));
      } else if (node.children.length === 0 && FLAG_KEYS.has(node.key)) {
        header.flags.push(node.rawKey);
      } else {
        addOther(header.otherFields, node.key, flattenSection(node));
      }
      continue;
    }
    applyTopField(header, node);
  }
  return header;
}

function isEntitySection(node: HeaderSectionNode): boolean {
  return node.key in ENTITY_ROLES;
}

function applyTopField(header: SubmissionHeader, node: HeaderFieldNode): void {
  const v = node.value;
  switch (node.key) {
    case 'ACCESSION NUMBER':
      header.accessionNumber = v || null;
      return;
    case 'CONFORMED SUBMISSION TYPE':
      header.formType = v || null;
      return;
    case 'PUBLIC DOCUMENT COUNT': {
      const n = Number.parseInt(v, 10);
      header.publicDocumentCount = Number.isFinite(n) ? n : null;
      return;
    }
    case 'CONFORMED PERIOD OF REPORT':
      header.period = compactDate(v);
      return;
    case 'FILED AS OF DATE':
      header.filedAt = compactDate(v);
      return;
    case 'DATE AS OF CHANGE':
      header.dateAsOfChange = compactDate(v);
      return;
    case 'EFFECTIVENESS DATE':
      header.effectivenessDate = compactDate(v);
      return;
    case 'ACCEPTANCE DATETIME':
    case 'ACCEPTANCE-DATETIME':
      header.acceptanceDatetime = compactDateTime(v);
      return;
    case 'ITEM INFORMATION':
      if (v) header.items.push(v);
      return;
    case 'GROUP MEMBERS':
      if (v) header.groupMembers.push(v);
      return;
    case 'SROS':
      if (v) header.sros.push(v);
      return;
    default:
      // Flags are kept as filed (`PRIVATE-TO-PUBLIC`, `CONFIRMING COPY`).
      if (v === '' && (FLAG_KEYS.has(node.key) || node.form === 'tag')) header.flags.push(node.rawKey);
      else addOther(header.otherFields, node.key, v);
  }
}

function buildEntity(node: HeaderSectionNode, ordinal: number): HeaderEntity {
  const entity: HeaderEntity = {
    role: roleOf(node.key),
    blockName: node.rawKey,
    ordinal,
    companyData: emptyCompanyData(),
    filingValues: null,
    businessAddress: null,
    mailAddress: null,
    formerNames: [],
    otherFields: {},
    span: node.span,
  };
  for (const child of node.children) {
    if (child.kind === 'stray') continue;
    if (child.kind === 'field') {
      // Fields directly under the entity (flattened text or damaged nesting): read them as company data.
      if (!applyCompanyField(entity.companyData, child)) addOther(entity.otherFields, child.key, child.value);
      continue;
    }
    const fields = child.children.filter((c): c is HeaderFieldNode => c.kind === 'field');
    switch (child.key) {
      case 'COMPANY DATA':
      case 'OWNER DATA':
        for (const f of fields) if (!applyCompanyField(entity.companyData, f)) addOther(entity.otherFields, f.key, f.value);
        break;
      case 'FILING VALUES':
        entity.filingValues = buildFilingValues(fields);
        break;
      case 'BUSINESS ADDRESS':
        entity.businessAddress = buildAddress(fields);
        break;
      case 'MAIL ADDRESS':
        entity.mailAddress = buildAddress(fields);
        break;
      case 'FORMER COMPANY':
      case 'FORMER NAME':
        entity.formerNames.push(buildFormerName(fields));
        break;
      default:
        for (const f of fields) addOther(entity.otherFields, `${child.key}/${f.key}`, f.value);
    }
  }
  return entity;
}

function emptyCompanyData(): CompanyData {
  return { conformedName: null, cik: null, sic: null, sicDescription: null, organizationName: null, irsNumber: null, stateOfIncorporation: null, fiscalYearEnd: null };
}

function applyCompanyField(data: CompanyData, f: HeaderFieldNode): boolean {
  const v = f.value || null;
  switch (f.key) {
    case 'COMPANY CONFORMED NAME':
      data.conformedName = v;
      return true;
    case 'CENTRAL INDEX KEY':
      // Anything but 1–10 digits (an 11-digit key failed the store's CHECK and ended the batch) stays text in
      // otherFields, with a warning from inspectHeaderNodes.
      if (v && !isCik(v)) return false;
      data.cik = v ? v.padStart(10, '0') : null;
      return true;
    case 'STANDARD INDUSTRIAL CLASSIFICATION': {
      // Tab form `PETROLEUM REFINING [2911]`, tag form `2911`, 1990s files a bare number.
      // The closing bracket is missing where the line was broken inside the value (`[3571`).
      // Only the last "[" can open the code (the rest of the line must be digits), so it is found with lastIndexOf: the
      // regex /^(.*?)\s*\[(\d+)\]?\s*$/ retried its lazy prefix at every character and was quadratic in a long value.
      const bracket = v ? v.lastIndexOf('[') : -1;
      const code = bracket >= 0 ? /^\[(\d+)\]?\s*$/.exec(v!.slice(bracket)) : null;
      if (code) {
        data.sicDescription = v!.slice(0, bracket).trimEnd() || null;
        data.sic = code[1]!;
      } else if (v && /^\d+$/.test(v)) {
        data.sic = v;
      } else {
        data.sicDescription = v;
      }
      return true;
    }
    case 'ORGANIZATION NAME':
      data.organizationName = v;
      return true;
    case 'IRS NUMBER':
    case 'EIN':
      data.irsNumber = v;
      return true;
    case 'STATE OF INCORPORATION':
      data.stateOfIncorporation = v;
      return true;
    case 'FISCAL YEAR END':
      data.fiscalYearEnd = v;
      return true;
    default:
      return false;
  }
}

function buildFilingValues(fields: HeaderFieldNode[]): FilingValues {
  const fv: FilingValues = { formType: null, secAct: null, fileNumber: null, filmNumber: null };
  for (const f of fields) {
    const v = f.value || null;
    if (f.key === 'FORM TYPE') fv.formType = v;
    else if (f.key === 'SEC ACT') fv.secAct = v;
    else if (f.key === 'SEC FILE NUMBER') fv.fileNumber = v;
    else if (f.key === 'FILM NUMBER') fv.filmNumber = v;
  }
  return fv;
}

function buildAddress(fields: HeaderFieldNode[]): Address {
  const a: Address = { street1: null, street2: null, city: null, state: null, zip: null, phone: null };
  for (const f of fields) {
    const v = f.value || null;
    if (f.key === 'STREET 1') a.street1 = v;
    else if (f.key === 'STREET 2') a.street2 = v;
    else if (f.key === 'CITY') a.city = v;
    else if (f.key === 'STATE') a.state = v;
    else if (f.key === 'ZIP') a.zip = v;
    else if (f.key === 'BUSINESS PHONE' || f.key === 'PHONE') a.phone = v;
  }
  return a;
}

function buildFormerName(fields: HeaderFieldNode[]): FormerName {
  const fn: FormerName = { formerConformedName: null, dateChanged: null };
  for (const f of fields) {
    if (f.key === 'FORMER CONFORMED NAME') fn.formerConformedName = f.value || null;
    else if (f.key === 'DATE OF NAME CHANGE') fn.dateChanged = compactDate(f.value);
  }
  return fn;
}

function flattenSection(node: HeaderSectionNode): string {
  return node.children
    .map((c) => (c.kind === 'field' ? `${c.key}=${c.value}` : c.kind === 'section' ? `${c.key}{${flattenSection(c)}}` : ''))
    .filter(Boolean)
    .join('; ');
}

function addOther(target: Record<string, string[]>, key: string, value: string): void {
  (target[key] ??= []).push(value);
}
