/**
 * Views for the questions users ask of the database, all SQL in one place, each documented column by column (the
 * documentation generator, src/store/docs.ts, reads these models, and a test fails when a view has a column that is
 * not documented). Views are plain SQL so they work from any SQLite client (sqlite3 shell, Datasette, DuckDB).
 *
 *   cover_pages        one row per reporting person per 13D/13G, with issuer, filing date, chain and a person key
 *   latest_positions   for each (issuer, reporting person): the newest cover-page figures and the filing they are from
 *   ownership_history  every cover-page figure per (issuer, reporting person) in filing order, with the change
 *   notes_outstanding  (only when the `notes` table exists) the notes each holder's newest filing states
 *   waivers_by_issuer  (only when the `waivers` table exists) waiver letters and agreements/waivers/consents with their issuer
 *
 * Reporting persons are matched across filings by `person_key`: the name upper-cased, punctuation removed, `&` read
 * as AND, white space collapsed ("Fleming US Discovery Fund III, L.P." = "FLEMING US DISCOVERY FUND III LP").
 * The views are written against the column names of docs/design.md §4; the base tables come from other modules.
 */
import { WAIVER_KINDS } from '../extract/vocabulary.js';
import { oneOf } from './tables/common.js';

export interface ViewColumnDoc {
  name: string;
  doc: string;
  example?: string;
  /** For computed columns, which SQLite reports without a declared type. */
  type?: 'TEXT' | 'INTEGER' | 'REAL';
}

export interface ViewModel {
  name: string;
  /** One row per … (docs). */
  doc: string;
  /** Tables (or views) the view reads. */
  requires: string[];
  columns: ViewColumnDoc[];
  /** The SELECT the view is defined as. */
  select: string;
}

/** The order filings are told in: date filed, then accession number. */
const FILING_ORDER = 'filed_at, accession_number, ordinal';
/** Rows `a` and `b` of cover_pages are the same (issuer, person) pair: same issuer CIK (or, both unknown, issuer name). */
function samePair(a: string, b: string): string {
  return `${a}.issuer_cik IS ${b}.issuer_cik AND ${a}.person_key = ${b}.person_key AND (${b}.issuer_cik IS NOT NULL OR ${a}.issuer_name_key IS ${b}.issuer_name_key)`;
}

/** Rows of the same issuer and person: by issuer CIK, or by issuer name where the CIK is unknown. */
const PAIR_PARTITION = `issuer_cik, CASE WHEN issuer_cik IS NULL THEN issuer_name_key END, person_key`;

const FIGURES = ['sole_voting_power', 'shared_voting_power', 'sole_dispositive_power', 'shared_dispositive_power', 'aggregate_amount', 'percent_of_class'] as const;

const FIGURE_DOCS: Record<(typeof FIGURES)[number], ViewColumnDoc> = {
  sole_voting_power: { name: 'sole_voting_power', doc: 'row 7: shares with sole voting power (NULL when the cover says prose such as "SEE ITEM 5")', example: '4413110' },
  shared_voting_power: { name: 'shared_voting_power', doc: 'row 8: shares with shared voting power', example: '0' },
  sole_dispositive_power: { name: 'sole_dispositive_power', doc: 'row 9: shares with sole dispositive power', example: '4413110' },
  shared_dispositive_power: { name: 'shared_dispositive_power', doc: 'row 10: shares with shared dispositive power', example: '0' },
  aggregate_amount: { name: 'aggregate_amount', doc: 'row 11 (13G row 9): aggregate amount beneficially owned, shares', example: '5120558' },
  percent_of_class: { name: 'percent_of_class', doc: 'row 13 (13G row 11): percent of class, 49.8 = 49.8%', example: '49.8' },
};

const IDENTITY_DOCS: ViewColumnDoc[] = [
  { name: 'issuer_cik', doc: 'the issuer (subject company) CIK, 10 digits', example: '0000925528' },
  { name: 'issuer_name', doc: 'issuer name as printed on the cover', example: 'HUDSON TECHNOLOGIES, INC.' },
  { name: 'person_key', type: 'TEXT', doc: 'the reporting person\'s name normalised for matching across filings: upper case, no punctuation, `&` → AND, single spaces', example: 'FLEMING US DISCOVERY FUND III LP' },
  { name: 'reporting_person', doc: 'reporting person\'s name as printed on this cover page (row 1)', example: 'FLEMING US DISCOVERY FUND III, L.P.' },
  { name: 'reporting_person_cik', doc: 'reporting person\'s CIK where the cover gives it (XML era), else NULL' },
];

const FILING_DOCS: ViewColumnDoc[] = [
  { name: 'accession_number', doc: 'the filing the figures come from', example: '0001125282-03-003998' },
  { name: 'ordinal', doc: 'position of the cover page in that filing (reporting_persons.ordinal)', example: '1' },
  { name: 'form_type', doc: 'the filing\'s form type (filings.form_type)', example: 'SC 13D/A' },
  { name: 'filed_at', doc: 'FILED AS OF DATE of the filing, ISO date', example: '2003-06-25' },
  { name: 'event_date', doc: 'date of the event which requires filing, ISO date', example: '2001-02-16' },
  { name: 'amendment_number', doc: 'Amendment No. on the cover; NULL for an original', example: '2' },
  { name: 'cusip', doc: 'CUSIP of the class, 9 characters', example: '444144109' },
  { name: 'class_title', doc: 'title of the class of securities', example: 'Common Stock, par value $.01 per share' },
  { name: 'chain_id', doc: 'amendment chain of the filing (amendment_chains.chain_id); NULL until chained', example: '0001125282-01-500123' },
  { name: 'chain_position', doc: 'position of the filing in its chain (amendment_chains.position)', example: '2' },
];

const coverPages: ViewModel = {
  name: 'cover_pages',
  doc: 'reporting person on a 13D/13G cover page, with the issuer, the filing\'s date and amendment chain, and a matching key for the person (the base of latest_positions and ownership_history)',
  requires: ['schedule13', 'reporting_persons', 'filings', 'amendment_chains'],
  columns: [
    ...IDENTITY_DOCS,
    { name: 'issuer_name_key', doc: 'issuer_name as a matching key (pairs issuers that have no CIK)', example: 'HUDSON TECHNOLOGIES INC' },
    ...FILING_DOCS,
    ...FIGURES.map((f) => FIGURE_DOCS[f]),
    { name: 'type_of_reporting_person', doc: 'row 14 (13G row 12) codes, comma-separated', example: 'PN' },
    { name: 'document_sequence', doc: 'the document holding this cover page', example: '1' },
    { name: 'span_start', doc: 'start of the cover page in that document\'s decoded text (character offset)' },
    { name: 'span_end', doc: 'end of the cover page (exclusive)' },
  ],
  select: `SELECT
  s.issuer_cik AS issuer_cik,
  s.issuer_name AS issuer_name,
  s.issuer_name_key AS issuer_name_key,
  rp.name_key AS person_key,
  rp.name AS reporting_person,
  rp.cik AS reporting_person_cik,
  rp.accession_number AS accession_number,
  rp.ordinal AS ordinal,
  f.form_type AS form_type,
  f.filed_at AS filed_at,
  s.event_date AS event_date,
  s.amendment_number AS amendment_number,
  s.cusip AS cusip,
  s.class_title AS class_title,
  c.chain_id AS chain_id,
  c.position AS chain_position,
  ${FIGURES.map((f) => `rp.${f} AS ${f}`).join(',\n  ')},
  rp.type_of_reporting_person AS type_of_reporting_person,
  rp.document_sequence AS document_sequence,
  rp.span_start AS span_start,
  rp.span_end AS span_end
FROM schedule13 s
JOIN reporting_persons rp ON rp.accession_number = s.accession_number
JOIN filings f ON f.accession_number = s.accession_number
LEFT JOIN amendment_chains c ON c.accession_number = s.accession_number`,
};

const latestPositions: ViewModel = {
  name: 'latest_positions',
  doc: '(issuer, reporting person) pair: the newest cover-page figures (by date filed) and the filing they come from. Persons are matched by person_key; a person reporting two classes of one issuer shows the newest cover only',
  requires: ['cover_pages'],
  columns: [
    ...IDENTITY_DOCS,
    ...FILING_DOCS.filter((c) => c.name !== 'ordinal'),
    ...FIGURES.map((f) => FIGURE_DOCS[f]),
    { name: 'filings_count', type: 'INTEGER', doc: 'how many cover pages of this person on this issuer are stored (the length of its ownership_history)', example: '3' },
    { name: 'first_filed_at', type: 'TEXT', doc: 'date of the first stored filing of this person on this issuer', example: '2001-02-26' },
  ],
  // Written with NOT EXISTS rather than a window function so that SQLite can flatten the view: any filter on it
  // (issuer_cik, cusip, issuer_cik IN (SELECT …)) then reaches the schedule13 indexes instead of ranking every row.
  select: `SELECT
  cp.issuer_cik, cp.issuer_name, cp.person_key, cp.reporting_person, cp.reporting_person_cik,
  cp.accession_number, cp.form_type, cp.filed_at, cp.event_date, cp.amendment_number, cp.cusip, cp.class_title,
  cp.chain_id, cp.chain_position,
  ${FIGURES.map((f) => `cp.${f}`).join(', ')},
  (SELECT count(*) FROM cover_pages o WHERE ${samePair('o', 'cp')}) AS filings_count,
  (SELECT min(o.filed_at) FROM cover_pages o WHERE ${samePair('o', 'cp')}) AS first_filed_at
FROM cover_pages cp
WHERE NOT EXISTS (
  SELECT 1 FROM cover_pages newer
  WHERE ${samePair('newer', 'cp')}
    AND (coalesce(newer.filed_at, ''), newer.accession_number, newer.ordinal) > (coalesce(cp.filed_at, ''), cp.accession_number, cp.ordinal)
)`,
};

const CHANGE_DOCS: ViewColumnDoc[] = FIGURES.map((f) => ({
  name: `${f}_change`,
  type: f === 'percent_of_class' ? 'REAL' : 'INTEGER',
  doc: `${f} minus its value in the prior filing (NULL for the first filing or when either value is NULL)`,
  example: f === 'percent_of_class' ? '-1.2' : '250000',
}));

const ownershipHistory: ViewModel = {
  name: 'ownership_history',
  doc: 'cover page of one (issuer, reporting person) pair over time, in filing order, with the change of each figure from the prior filing of that pair (whatever chain it is in; chain_id tells)',
  requires: ['cover_pages'],
  columns: [
    ...IDENTITY_DOCS,
    ...FILING_DOCS,
    { name: 'history_position', type: 'INTEGER', doc: 'place of this filing in the pair\'s history, from 1 (filing order: date filed, then accession number)', example: '2' },
    ...FIGURES.map((f) => FIGURE_DOCS[f]),
    { name: 'prior_accession_number', type: 'TEXT', doc: 'the pair\'s previous filing (NULL for the first)', example: '0001125282-02-000456' },
    { name: 'prior_filed_at', type: 'TEXT', doc: 'date filed of that previous filing', example: '2002-03-01' },
    ...CHANGE_DOCS,
  ],
  select: `SELECT
  issuer_cik, issuer_name, person_key, reporting_person, reporting_person_cik,
  accession_number, ordinal, form_type, filed_at, event_date, amendment_number, cusip, class_title, chain_id, chain_position,
  row_number() OVER pair_in_order AS history_position,
  ${FIGURES.join(', ')},
  lag(accession_number) OVER pair_in_order AS prior_accession_number,
  lag(filed_at) OVER pair_in_order AS prior_filed_at,
  ${FIGURES.map((f) => `${f} - lag(${f}) OVER pair_in_order AS ${f}_change`).join(',\n  ')}
FROM cover_pages
WINDOW pair_in_order AS (PARTITION BY ${PAIR_PARTITION} ORDER BY ${FILING_ORDER})`,
};

/** The issuer of any filing: the header's first SUBJECT COMPANY, else the cover page's issuer (when schedule13 exists). */
function issuerColumns(alias: string, withSchedule13: boolean): { cik: string; name: string } {
  const subject = (col: string): string =>
    `(SELECT e.${col} FROM filing_entities e WHERE e.accession_number = ${alias}.accession_number AND e.role = 'subject_company' ORDER BY e.ordinal LIMIT 1)`;
  const cover = (col: string): string => `(SELECT s.${col} FROM schedule13 s WHERE s.accession_number = ${alias}.accession_number)`;
  return withSchedule13
    ? { cik: `coalesce(${subject('cik')}, ${cover('issuer_cik')})`, name: `coalesce(${cover('issuer_name')}, ${subject('name')})` }
    : { cik: subject('cik'), name: subject('name') };
}

function notesOutstanding(withSchedule13: boolean): ViewModel {
  const issuer = issuerColumns('n', withSchedule13);
  return {
    name: 'notes_outstanding',
    doc:
      'note (debt instrument) as stated in the newest filing that states notes of its holder on that issuer: what the latest filing says is held. ' +
      'A note repaid or converted shows until a later filing states the holder\'s notes again',
    requires: ['notes', 'filings', 'filing_entities'],
    columns: [
      { name: 'issuer_cik', type: 'TEXT', doc: 'the issuer (the filing\'s subject company) CIK', example: '0000925528' },
      { name: 'issuer_name', type: 'TEXT', doc: 'the issuer\'s name', example: 'HUDSON TECHNOLOGIES, INC.' },
      { name: 'holder', doc: 'holder\'s full legal name (defined terms resolved)', example: 'Fleming US Discovery Fund III, L.P.' },
      { name: 'holder_key', type: 'TEXT', doc: 'the holder\'s name normalised for matching (as person_key)', example: 'FLEMING US DISCOVERY FUND III LP' },
      { name: 'instrument', doc: 'the note as named in the filing', example: '10% Convertible Notes due 12/20/04' },
      { name: 'principal', doc: 'principal, US dollars', example: '302000.0' },
      { name: 'interest_rate', doc: 'interest rate, percent per year', example: '10.0' },
      { name: 'issue_date', doc: 'issue date, ISO date' },
      { name: 'maturity_date', doc: 'maturity date, ISO date', example: '2004-12-20' },
      { name: 'matured', type: 'INTEGER', doc: '1 when maturity_date is before today (the note may still be outstanding if extended), 0 otherwise or when unknown', example: '1' },
      { name: 'conversion_price', doc: 'conversion price, US dollars per share', example: '0.7924' },
      { name: 'convertible_into_shares', doc: 'shares the note converts into', example: '381120' },
      { name: 'warrant_shares', doc: 'shares under warrants issued with the note' },
      { name: 'accession_number', doc: 'the filing stating the note', example: '0001125282-03-003998' },
      { name: 'filed_at', doc: 'date filed of that filing', example: '2003-06-25' },
    ],
    select: `SELECT issuer_cik, issuer_name, holder, holder_key, instrument, principal, interest_rate, issue_date, maturity_date,
  CASE WHEN maturity_date IS NOT NULL AND maturity_date < date('now') THEN 1 ELSE 0 END AS matured,
  conversion_price, convertible_into_shares, warrant_shares, accession_number, filed_at
FROM (
  SELECT x.*, rank() OVER (PARTITION BY issuer_cik, holder_key ORDER BY filed_at DESC, accession_number DESC) AS newest_rank
  FROM (
    SELECT ${issuer.cik} AS issuer_cik, ${issuer.name} AS issuer_name,
      n.holder AS holder, n.holder_key AS holder_key, n.instrument AS instrument, n.principal AS principal,
      n.interest_rate AS interest_rate, n.issue_date AS issue_date, n.maturity_date AS maturity_date,
      n.conversion_price AS conversion_price, n.convertible_into_shares AS convertible_into_shares,
      n.warrant_shares AS warrant_shares, n.accession_number AS accession_number, f.filed_at AS filed_at
    FROM notes n JOIN filings f ON f.accession_number = n.accession_number
  ) x
)
WHERE newest_rank = 1`,
  };
}

function waiversByIssuer(withSchedule13: boolean): ViewModel {
  const issuer = issuerColumns('w', withSchedule13);
  return {
    name: 'waivers_by_issuer',
    doc: 'waiver letter or agreement/waiver/consent (a `waivers` row) with the issuer of the filing it came with and that filing\'s date',
    requires: ['waivers', 'filings', 'filing_entities'],
    columns: [
      { name: 'issuer_cik', type: 'TEXT', doc: 'the issuer (the filing\'s subject company) CIK', example: '0000925528' },
      { name: 'issuer_name', type: 'TEXT', doc: 'the issuer\'s name', example: 'HUDSON TECHNOLOGIES, INC.' },
      { name: 'accession_number', doc: 'the filing the exhibit belongs to', example: '0001125282-03-003998' },
      { name: 'form_type', doc: 'that filing\'s form type', example: 'SC 13D/A' },
      { name: 'filed_at', doc: 'that filing\'s date filed', example: '2003-06-25' },
      { name: 'document_sequence', doc: 'the exhibit document', example: '6' },
      { name: 'document_type', doc: 'the exhibit\'s TYPE', example: 'EX-12' },
      { name: 'kind', doc: `${oneOf(WAIVER_KINDS)} (waivers.kind)`, example: 'waiver_letter' },
      { name: 'dated', doc: 'date of the letter or agreement, ISO date', example: '2003-04-10' },
      { name: 'effective_date', doc: 'date it takes effect, ISO date', example: '2002-12-20' },
      { name: 'holder', doc: 'the holder granting or receiving it (full legal name)', example: 'Fleming US Discovery Fund III, L.P.' },
      { name: 'counterparty', doc: 'the other party (usually the issuer)', example: 'Hudson Technologies, Inc.' },
      { name: 'instrument', doc: 'the instrument concerned', example: 'Convertible Note' },
      { name: 'principal', doc: 'its principal, US dollars', example: '302000.0' },
      { name: 'old_conversion_price', doc: 'conversion price before, US dollars per share', example: '0.7924' },
      { name: 'new_conversion_price', doc: 'conversion price after, US dollars per share', example: '1.13' },
      { name: 'summary', doc: 'what is waived, consented to or amended, in words' },
    ],
    select: `SELECT ${issuer.cik} AS issuer_cik, ${issuer.name} AS issuer_name,
  w.accession_number AS accession_number, f.form_type AS form_type, f.filed_at AS filed_at,
  w.document_sequence AS document_sequence, w.document_type AS document_type, w.kind AS kind, w.dated AS dated,
  w.effective_date AS effective_date, w.holder AS holder, w.counterparty AS counterparty, w.instrument AS instrument,
  w.principal AS principal, w.old_conversion_price AS old_conversion_price, w.new_conversion_price AS new_conversion_price,
  w.summary AS summary
FROM waivers w JOIN filings f ON f.accession_number = w.accession_number`,
  };
}

/** The views that need only the cover-page tables (schedule13, reporting_persons) and amendment_chains. */
export const viewModels: ViewModel[] = [coverPages, latestPositions, ownershipHistory];

/** The views that need a table another module may not have created yet, for the tables that exist. */
export function optionalViewModels(tableNames: Iterable<string>): ViewModel[] {
  const names = new Set(tableNames);
  const withSchedule13 = names.has('schedule13');
  const out: ViewModel[] = [];
  if (names.has('notes')) out.push(notesOutstanding(withSchedule13));
  if (names.has('waivers')) out.push(waiversByIssuer(withSchedule13));
  return out;
}

/**
 * Per filing and reporting person: what Item 5 (13G: Item 4) states next to the cover page's five figures. Item 5's
 * figure for a role is the largest count stated for that holder in that role (a total and its parts share a role);
 * NULL when Item 5 states none.
 */
const ITEM5_ROLE = (role: string): string => `(SELECT MAX(h.shares) FROM holdings h WHERE h.accession_number = rp.accession_number AND h.reporting_person_ordinal = rp.ordinal AND h.item_number <> 3 AND h.role = '${role}')`;
export const item5VsCover: ViewModel = {
  name: 'item5_vs_cover',
  doc: 'one row per reporting person per filing: Item 5\'s aggregate, percent and four powers for that person next to the cover page\'s',
  requires: ['reporting_persons', 'holdings'],
  columns: [
    { name: 'accession_number', doc: 'the filing', example: '0000902664-15-004619' },
    { name: 'ordinal', doc: 'reporting_persons.ordinal of the person', example: '1' },
    { name: 'reporting_person', doc: 'the name on the cover page', example: 'LIONEYE MASTER FUND LTD' },
    { name: 'cover_aggregate', type: 'INTEGER', doc: 'cover row 11 (13G row 9): aggregate amount beneficially owned', example: '686997' },
    { name: 'item5_aggregate', type: 'INTEGER', doc: 'largest count Item 5 states the person beneficially owns (role beneficial or direct), NULL when none', example: '686997' },
    { name: 'cover_percent', type: 'REAL', doc: 'cover row 13 (13G row 11): percent of class', example: '9.9' },
    { name: 'item5_percent', type: 'REAL', doc: 'the percent Item 5 states with that aggregate', example: '9.9' },
    { name: 'cover_sole_voting', type: 'INTEGER', doc: 'cover row 7', example: '686997' },
    { name: 'item5_sole_voting', type: 'INTEGER', doc: 'Item 5\'s count with sole voting power (role sole_voting)', example: '686997' },
    { name: 'cover_shared_voting', type: 'INTEGER', doc: 'cover row 8', example: '0' },
    { name: 'item5_shared_voting', type: 'INTEGER', doc: 'Item 5\'s count with shared voting power', example: '0' },
    { name: 'cover_sole_dispositive', type: 'INTEGER', doc: 'cover row 9', example: '686997' },
    { name: 'item5_sole_dispositive', type: 'INTEGER', doc: 'Item 5\'s count with sole dispositive power', example: '686997' },
    { name: 'cover_shared_dispositive', type: 'INTEGER', doc: 'cover row 10', example: '0' },
    { name: 'item5_shared_dispositive', type: 'INTEGER', doc: 'Item 5\'s count with shared dispositive power', example: '0' },
  ],
  select: `SELECT rp.accession_number AS accession_number, rp.ordinal AS ordinal, rp.name AS reporting_person,
  rp.aggregate_amount AS cover_aggregate,
  (SELECT MAX(h.shares) FROM holdings h WHERE h.accession_number = rp.accession_number AND h.reporting_person_ordinal = rp.ordinal AND h.item_number <> 3 AND h.role IN ('beneficial', 'direct')) AS item5_aggregate,
  rp.percent_of_class AS cover_percent,
  (SELECT h.percent_of_class FROM holdings h WHERE h.accession_number = rp.accession_number AND h.reporting_person_ordinal = rp.ordinal AND h.item_number <> 3 AND h.role IN ('beneficial', 'direct') AND h.percent_of_class IS NOT NULL ORDER BY h.shares DESC LIMIT 1) AS item5_percent,
  rp.sole_voting_power AS cover_sole_voting, ${ITEM5_ROLE('sole_voting')} AS item5_sole_voting,
  rp.shared_voting_power AS cover_shared_voting, ${ITEM5_ROLE('shared_voting')} AS item5_shared_voting,
  rp.sole_dispositive_power AS cover_sole_dispositive, ${ITEM5_ROLE('sole_dispositive')} AS item5_sole_dispositive,
  rp.shared_dispositive_power AS cover_shared_dispositive, ${ITEM5_ROLE('shared_dispositive')} AS item5_shared_dispositive
FROM reporting_persons rp`,
};

/** Every view model there can be (for the documentation generator). */
export function allViewModels(tableNames: Iterable<string>): ViewModel[] {
  return [...viewModels, ...optionalViewModels(tableNames), item5VsCover];
}

/** DROP + CREATE, so running the same list again (in a later migration) redefines the views. */
export function createViewSql(view: ViewModel): string {
  return `DROP VIEW IF EXISTS ${view.name};\nCREATE VIEW ${view.name} AS\n${view.select}`;
}

/** Statements creating cover_pages, latest_positions and ownership_history (one string per view). */
export const viewSql: string[] = viewModels.map(createViewSql);

/** Statements creating notes_outstanding and waivers_by_issuer, each only if its table is among `tableNames`. */
export function optionalViewSql(tableNames: Iterable<string>): string[] {
  return optionalViewModels(tableNames).map(createViewSql);
}

