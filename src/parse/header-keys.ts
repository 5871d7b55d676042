/**
 * The SEC header's vocabulary: which names are entity blocks, which are sub-blocks, which are top-level fields, and
 * how tag-form names (`.hdr.sgml`, `.nc`) map to the tab-form keys of full submissions (edgar-reference §1.1).
 * Everything downstream speaks tab-form keys, so one header builder serves every shape.
 */

/** Tag-form name → tab-form key. Names not listed map by turning `-` into a space. */
export const TAG_TO_TAB_KEY: Readonly<Record<string, string>> = {
  'ACCESSION-NUMBER': 'ACCESSION NUMBER',
  TYPE: 'CONFORMED SUBMISSION TYPE',
  'PUBLIC-DOCUMENT-COUNT': 'PUBLIC DOCUMENT COUNT',
  PERIOD: 'CONFORMED PERIOD OF REPORT',
  'FILING-DATE': 'FILED AS OF DATE',
  'DATE-OF-FILING-DATE-CHANGE': 'DATE AS OF CHANGE',
  'EFFECTIVENESS-DATE': 'EFFECTIVENESS DATE',
  ITEMS: 'ITEM INFORMATION',
  'GROUP-MEMBERS': 'GROUP MEMBERS',
  'SUBJECT-COMPANY': 'SUBJECT COMPANY',
  'FILED-BY': 'FILED BY',
  'REPORTING-OWNER': 'REPORTING-OWNER',
  'COMPANY-DATA': 'COMPANY DATA',
  'OWNER-DATA': 'OWNER DATA',
  'CONFORMED-NAME': 'COMPANY CONFORMED NAME',
  CIK: 'CENTRAL INDEX KEY',
  'ASSIGNED-SIC': 'STANDARD INDUSTRIAL CLASSIFICATION',
  'ORGANIZATION-NAME': 'ORGANIZATION NAME',
  'IRS-NUMBER': 'IRS NUMBER',
  'STATE-OF-INCORPORATION': 'STATE OF INCORPORATION',
  'FISCAL-YEAR-END': 'FISCAL YEAR END',
  'FILING-VALUES': 'FILING VALUES',
  'FORM-TYPE': 'FORM TYPE',
  ACT: 'SEC ACT',
  'FILE-NUMBER': 'SEC FILE NUMBER',
  'FILM-NUMBER': 'FILM NUMBER',
  'BUSINESS-ADDRESS': 'BUSINESS ADDRESS',
  'MAIL-ADDRESS': 'MAIL ADDRESS',
  STREET1: 'STREET 1',
  STREET2: 'STREET 2',
  PHONE: 'BUSINESS PHONE',
  'FORMER-COMPANY': 'FORMER COMPANY',
  'FORMER-NAME': 'FORMER NAME',
  'FORMER-CONFORMED-NAME': 'FORMER CONFORMED NAME',
  'DATE-CHANGED': 'DATE OF NAME CHANGE',
  'CONFIRMING-COPY': 'CONFIRMING COPY',
};

export function tabKeyOf(tagName: string): string {
  return TAG_TO_TAB_KEY[tagName] ?? tagName.replace(/-/g, ' ');
}

/** Header entity blocks and the `role` we store them under. Unknown entity blocks get a snake_case role. */
export const ENTITY_ROLES: Readonly<Record<string, string>> = {
  FILER: 'filer',
  'SUBJECT COMPANY': 'subject_company',
  'FILED BY': 'filed_by',
  'REPORTING-OWNER': 'reporting_owner',
  'REPORTING OWNER': 'reporting_owner',
  ISSUER: 'issuer',
  DEPOSITOR: 'depositor',
  SECURITIZER: 'securitizer',
  UNDERWRITER: 'underwriter',
  'SERIAL COMPANY': 'serial_company',
  'FILED FOR': 'filed_for',
};

export function roleOf(entityKey: string): string {
  return ENTITY_ROLES[entityKey] ?? entityKey.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** Sub-blocks of an entity. */
export const BLOCK_NAMES: ReadonlySet<string> = new Set([
  'COMPANY DATA',
  'OWNER DATA',
  'FILING VALUES',
  'BUSINESS ADDRESS',
  'MAIL ADDRESS',
  'FORMER COMPANY',
  'FORMER NAME',
]);

/** Top-level fields of the header (never inside an entity). */
export const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set([
  'ACCESSION NUMBER',
  'CONFORMED SUBMISSION TYPE',
  'PUBLIC DOCUMENT COUNT',
  'CONFORMED PERIOD OF REPORT',
  'FILED AS OF DATE',
  'DATE AS OF CHANGE',
  'EFFECTIVENESS DATE',
  'ITEM INFORMATION',
  'GROUP MEMBERS',
  'SROS',
  'CONFIRMING COPY',
  'PAPER',
  'PRIVATE-TO-PUBLIC',
  'ACCEPTANCE-DATETIME',
  'PERIOD START',
  'ABS ASSET CLASS',
  'ABS RULE',
  'PUBLIC REFERENCE ACCESSION NUMBER',
  'WITHDRAWN ACCESSION NUMBER',
  'DEPOSITOR-CIK',
  'SPONSOR-CIK',
]);

/** Fields inside entity blocks, used to find keys in flattened text where no line breaks separate them. */
export const BLOCK_FIELD_KEYS: readonly string[] = [
  'COMPANY CONFORMED NAME',
  'CENTRAL INDEX KEY',
  'STANDARD INDUSTRIAL CLASSIFICATION',
  'ORGANIZATION NAME',
  'IRS NUMBER',
  'EIN',
  'STATE OF INCORPORATION',
  'FISCAL YEAR END',
  'FORM TYPE',
  'SEC ACT',
  'SEC FILE NUMBER',
  'FILM NUMBER',
  'STREET 1',
  'STREET 2',
  'CITY',
  'STATE',
  'ZIP',
  'BUSINESS PHONE',
  'FORMER CONFORMED NAME',
  'DATE OF NAME CHANGE',
];

/** Every key a flattened header may hold, longest first so `STATE OF INCORPORATION` wins over `STATE`. */
export const FLAT_HEADER_KEYS: readonly string[] = [
  ...TOP_LEVEL_KEYS,
  ...Object.keys(ENTITY_ROLES),
  ...BLOCK_NAMES,
  ...BLOCK_FIELD_KEYS,
].sort((a, b) => b.length - a.length);
