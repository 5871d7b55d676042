/**
 * Migration 8, frozen: every ordinal counts from 1. reporting_persons and the tables read from the Items already did
 * (a reporting person's ordinal is its number on the cover page); the twelve tables below counted from 0. SQLite
 * cannot change a column's CHECK in place, so each table is copied aside, re-created with `CHECK (… >= 1)` on its
 * ordinal columns, refilled with those columns shifted by one, and its indexes re-created. The copy made by
 * CREATE TABLE … AS has no key, so shifting it cannot collide with a row not yet shifted. Views read these tables by
 * name and are untouched; no trigger or full-text index reads them. Never edit this file: a later change is a new
 * migration.
 */
export const ordinalsFromOne: readonly string[] = [
  // filing_entities
  "CREATE TABLE filing_entities__from_0 AS SELECT * FROM filing_entities",
  "UPDATE filing_entities__from_0 SET ordinal = ordinal + 1",
  "DROP TABLE filing_entities",
  "CREATE TABLE filing_entities (\n  accession_number TEXT NOT NULL,\n  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),\n  role TEXT NOT NULL,\n  block_name TEXT NOT NULL,\n  cik TEXT CHECK (cik IS NULL OR length(cik) = 10),\n  name TEXT,\n  irs_number TEXT,\n  state_of_incorporation TEXT,\n  fiscal_year_end TEXT,\n  sic TEXT,\n  sic_description TEXT,\n  organization_name TEXT,\n  form_type TEXT,\n  sec_act TEXT,\n  file_number TEXT,\n  film_number TEXT,\n  business_street1 TEXT,\n  business_street2 TEXT,\n  business_city TEXT,\n  business_state TEXT,\n  business_zip TEXT,\n  business_phone TEXT,\n  mail_street1 TEXT,\n  mail_street2 TEXT,\n  mail_city TEXT,\n  mail_state TEXT,\n  mail_zip TEXT,\n  PRIMARY KEY (accession_number, ordinal),\n  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE\n)",
  "INSERT INTO filing_entities SELECT * FROM filing_entities__from_0 ORDER BY rowid",
  "DROP TABLE filing_entities__from_0",
  "CREATE INDEX filing_entities_cik ON filing_entities (cik)",
  "CREATE INDEX filing_entities_role ON filing_entities (role, accession_number)",
  // former_names
  "CREATE TABLE former_names__from_0 AS SELECT * FROM former_names",
  "UPDATE former_names__from_0 SET entity_ordinal = entity_ordinal + 1, ordinal = ordinal + 1",
  "DROP TABLE former_names",
  "CREATE TABLE former_names (\n  accession_number TEXT NOT NULL,\n  entity_ordinal INTEGER NOT NULL CHECK (entity_ordinal >= 1),\n  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),\n  former_conformed_name TEXT,\n  date_changed TEXT CHECK (date_changed IS NULL OR date_changed GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n  PRIMARY KEY (accession_number, entity_ordinal, ordinal),\n  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE\n)",
  "INSERT INTO former_names SELECT * FROM former_names__from_0 ORDER BY rowid",
  "DROP TABLE former_names__from_0",
  // group_members
  "CREATE TABLE group_members__from_0 AS SELECT * FROM group_members",
  "UPDATE group_members__from_0 SET ordinal = ordinal + 1",
  "DROP TABLE group_members",
  "CREATE TABLE group_members (\n  accession_number TEXT NOT NULL,\n  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),\n  name TEXT NOT NULL,\n  PRIMARY KEY (accession_number, ordinal),\n  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE\n)",
  "INSERT INTO group_members SELECT * FROM group_members__from_0 ORDER BY rowid",
  "DROP TABLE group_members__from_0",
  // documents
  "CREATE TABLE documents__from_0 AS SELECT * FROM documents",
  "UPDATE documents__from_0 SET ordinal = ordinal + 1",
  "DROP TABLE documents",
  "CREATE TABLE documents (\n  accession_number TEXT NOT NULL,\n  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),\n  sequence INTEGER,\n  type TEXT,\n  filename TEXT,\n  description TEXT,\n  format TEXT NOT NULL,\n  bytes INTEGER NOT NULL CHECK (bytes >= 0),\n  span_start INTEGER NOT NULL,\n  span_end INTEGER NOT NULL,\n  document_class TEXT CHECK (document_class IS NULL OR document_class IN ('waiver_letter', 'agreement_waiver_consent', 'amendment', 'joint_filing_agreement', 'form_of_note_or_warrant', 'other', 'not_exhibit')),\n  exhibit_number TEXT,\n  document_title TEXT,\n  class_basis TEXT CHECK (class_basis IS NULL OR class_basis IN ('text', 'description', 'type')),\n  PRIMARY KEY (accession_number, ordinal),\n  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE\n)",
  "INSERT INTO documents SELECT * FROM documents__from_0 ORDER BY rowid",
  "DROP TABLE documents__from_0",
  "CREATE INDEX documents_class ON documents (document_class)",
  "CREATE INDEX documents_type ON documents (type)",
  // warnings
  "CREATE TABLE warnings__from_0 AS SELECT * FROM warnings",
  "UPDATE warnings__from_0 SET ordinal = ordinal + 1",
  "DROP TABLE warnings",
  "CREATE TABLE warnings (\n  accession_number TEXT NOT NULL,\n  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),\n  stage TEXT NOT NULL CHECK (stage IN ('parse', 'extract')),\n  code TEXT NOT NULL,\n  message TEXT NOT NULL,\n  document_sequence INTEGER,\n  source_offset INTEGER,\n  source_line INTEGER,\n  source_column INTEGER,\n  span_start INTEGER,\n  span_end INTEGER,\n  PRIMARY KEY (accession_number, ordinal),\n  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE\n)",
  "INSERT INTO warnings SELECT * FROM warnings__from_0 ORDER BY rowid",
  "DROP TABLE warnings__from_0",
  "CREATE INDEX warnings_code ON warnings (code)",
  // waivers
  "CREATE TABLE waivers__from_0 AS SELECT * FROM waivers",
  "UPDATE waivers__from_0 SET ordinal = ordinal + 1",
  "DROP TABLE waivers",
  "CREATE TABLE waivers (\n  accession_number TEXT NOT NULL,\n  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),\n  document_sequence INTEGER,\n  document_type TEXT,\n  kind TEXT NOT NULL CHECK (kind IN ('waiver_letter', 'agreement_waiver_consent')),\n  title TEXT,\n  dated TEXT CHECK (dated IS NULL OR dated GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n  effective_date TEXT CHECK (effective_date IS NULL OR effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n  holder TEXT,\n  holder_term TEXT,\n  counterparty TEXT,\n  counterparty_term TEXT,\n  instrument TEXT,\n  instrument_description TEXT,\n  principal REAL CHECK (principal IS NULL OR principal >= 0),\n  maturity_date TEXT CHECK (maturity_date IS NULL OR maturity_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n  shares INTEGER CHECK (shares IS NULL OR shares >= 0),\n  old_conversion_price REAL CHECK (old_conversion_price IS NULL OR old_conversion_price >= 0),\n  new_conversion_price REAL CHECK (new_conversion_price IS NULL OR new_conversion_price >= 0),\n  conditions TEXT,\n  summary TEXT,\n  span_start INTEGER CHECK (span_start IS NULL OR span_start >= 0),\n  span_end INTEGER CHECK (span_end IS NULL OR span_end >= span_start),\n  spans TEXT,\n  PRIMARY KEY (accession_number, ordinal),\n  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE\n)",
  "INSERT INTO waivers SELECT * FROM waivers__from_0 ORDER BY rowid",
  "DROP TABLE waivers__from_0",
  "CREATE INDEX waivers_holder ON waivers (holder)",
  // waiver_items
  "CREATE TABLE waiver_items__from_0 AS SELECT * FROM waiver_items",
  "UPDATE waiver_items__from_0 SET waiver_ordinal = waiver_ordinal + 1, ordinal = ordinal + 1",
  "DROP TABLE waiver_items",
  "CREATE TABLE waiver_items (\n  accession_number TEXT NOT NULL,\n  waiver_ordinal INTEGER NOT NULL CHECK (waiver_ordinal >= 1),\n  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),\n  document_sequence INTEGER,\n  kind TEXT NOT NULL CHECK (kind IN ('consent', 'waiver', 'partial_waiver')),\n  section TEXT,\n  heading TEXT,\n  subject TEXT,\n  provision TEXT,\n  transaction_name TEXT,\n  instruments TEXT,\n  conditions TEXT,\n  text TEXT NOT NULL,\n  span_start INTEGER CHECK (span_start IS NULL OR span_start >= 0),\n  span_end INTEGER CHECK (span_end IS NULL OR span_end >= span_start),\n  PRIMARY KEY (accession_number, waiver_ordinal, ordinal),\n  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE\n)",
  "INSERT INTO waiver_items SELECT * FROM waiver_items__from_0 ORDER BY rowid",
  "DROP TABLE waiver_items__from_0",
  "CREATE INDEX waiver_items_subject ON waiver_items (subject)",
  // conversion_price_rules
  "CREATE TABLE conversion_price_rules__from_0 AS SELECT * FROM conversion_price_rules",
  "UPDATE conversion_price_rules__from_0 SET waiver_ordinal = waiver_ordinal + 1",
  "DROP TABLE conversion_price_rules",
  "CREATE TABLE conversion_price_rules (\n  accession_number TEXT NOT NULL,\n  waiver_ordinal INTEGER NOT NULL CHECK (waiver_ordinal >= 1),\n  branch INTEGER NOT NULL CHECK (branch >= 1),\n  document_sequence INTEGER,\n  price_basis TEXT NOT NULL CHECK (price_basis IN ('fixed', 'lower_of', 'higher_of')),\n  price REAL CHECK (price IS NULL OR price >= 0),\n  alternative TEXT,\n  condition TEXT,\n  event TEXT,\n  event_occurs INTEGER CHECK (event_occurs IS NULL OR event_occurs IN (0, 1)),\n  min_gross_proceeds REAL CHECK (min_gross_proceeds IS NULL OR min_gross_proceeds >= 0),\n  deadline TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n  span_start INTEGER CHECK (span_start IS NULL OR span_start >= 0),\n  span_end INTEGER CHECK (span_end IS NULL OR span_end >= span_start),\n  PRIMARY KEY (accession_number, waiver_ordinal, branch),\n  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE\n)",
  "INSERT INTO conversion_price_rules SELECT * FROM conversion_price_rules__from_0 ORDER BY rowid",
  "DROP TABLE conversion_price_rules__from_0",
  // amendments
  "CREATE TABLE amendments__from_0 AS SELECT * FROM amendments",
  "UPDATE amendments__from_0 SET ordinal = ordinal + 1",
  "DROP TABLE amendments",
  "CREATE TABLE amendments (\n  accession_number TEXT NOT NULL,\n  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),\n  document_sequence INTEGER,\n  document_type TEXT,\n  title TEXT,\n  amendment_number INTEGER CHECK (amendment_number IS NULL OR amendment_number >= 1),\n  dated TEXT CHECK (dated IS NULL OR dated GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n  effective_date TEXT CHECK (effective_date IS NULL OR effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n  amended_document TEXT,\n  amended_document_date TEXT CHECK (amended_document_date IS NULL OR amended_document_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n  parties TEXT,\n  replaced TEXT,\n  summary TEXT,\n  span_start INTEGER CHECK (span_start IS NULL OR span_start >= 0),\n  span_end INTEGER CHECK (span_end IS NULL OR span_end >= span_start),\n  spans TEXT,\n  PRIMARY KEY (accession_number, ordinal),\n  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE\n)",
  "INSERT INTO amendments SELECT * FROM amendments__from_0 ORDER BY rowid",
  "DROP TABLE amendments__from_0",
  // amendment_changes
  "CREATE TABLE amendment_changes__from_0 AS SELECT * FROM amendment_changes",
  "UPDATE amendment_changes__from_0 SET amendment_ordinal = amendment_ordinal + 1, ordinal = ordinal + 1",
  "DROP TABLE amendment_changes",
  "CREATE TABLE amendment_changes (\n  accession_number TEXT NOT NULL,\n  amendment_ordinal INTEGER NOT NULL CHECK (amendment_ordinal >= 1),\n  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),\n  document_sequence INTEGER,\n  change_kind TEXT NOT NULL CHECK (change_kind IN ('replace', 'delete', 'insert', 'amend')),\n  target TEXT NOT NULL,\n  new_text TEXT,\n  span_start INTEGER CHECK (span_start IS NULL OR span_start >= 0),\n  span_end INTEGER CHECK (span_end IS NULL OR span_end >= span_start),\n  PRIMARY KEY (accession_number, amendment_ordinal, ordinal),\n  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE\n)",
  "INSERT INTO amendment_changes SELECT * FROM amendment_changes__from_0 ORDER BY rowid",
  "DROP TABLE amendment_changes__from_0",
  // amendment_amounts
  "CREATE TABLE amendment_amounts__from_0 AS SELECT * FROM amendment_amounts",
  "UPDATE amendment_amounts__from_0 SET amendment_ordinal = amendment_ordinal + 1, change_ordinal = change_ordinal + 1, ordinal = ordinal + 1",
  "DROP TABLE amendment_amounts",
  "CREATE TABLE amendment_amounts (\n  accession_number TEXT NOT NULL,\n  amendment_ordinal INTEGER NOT NULL CHECK (amendment_ordinal >= 1),\n  change_ordinal INTEGER CHECK (change_ordinal IS NULL OR change_ordinal >= 1),\n  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),\n  document_sequence INTEGER,\n  amount REAL NOT NULL CHECK (amount >= 0),\n  role TEXT NOT NULL CHECK (role IN ('principal', 'maximum', 'minimum', 'threshold', 'target', 'amount')),\n  instrument TEXT,\n  term TEXT,\n  context TEXT NOT NULL,\n  span_start INTEGER CHECK (span_start IS NULL OR span_start >= 0),\n  span_end INTEGER CHECK (span_end IS NULL OR span_end >= span_start),\n  PRIMARY KEY (accession_number, amendment_ordinal, ordinal),\n  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE\n)",
  "INSERT INTO amendment_amounts SELECT * FROM amendment_amounts__from_0 ORDER BY rowid",
  "DROP TABLE amendment_amounts__from_0",
  // exhibit_references
  "CREATE TABLE exhibit_references__from_0 AS SELECT * FROM exhibit_references",
  "UPDATE exhibit_references__from_0 SET ordinal = ordinal + 1",
  "DROP TABLE exhibit_references",
  "CREATE TABLE exhibit_references (\n  accession_number TEXT NOT NULL,\n  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),\n  document_sequence INTEGER,\n  item TEXT,\n  reference_kind TEXT NOT NULL CHECK (reference_kind IN ('see', 'exhibit_list')),\n  exhibit_number TEXT NOT NULL,\n  exhibit_title TEXT,\n  incorporated_by_reference INTEGER NOT NULL CHECK (incorporated_by_reference IN (0, 1)),\n  to_document_sequence INTEGER,\n  span_start INTEGER CHECK (span_start IS NULL OR span_start >= 0),\n  span_end INTEGER CHECK (span_end IS NULL OR span_end >= span_start),\n  PRIMARY KEY (accession_number, ordinal),\n  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE\n)",
  "INSERT INTO exhibit_references SELECT * FROM exhibit_references__from_0 ORDER BY rowid",
  "DROP TABLE exhibit_references__from_0",
  "CREATE INDEX exhibit_references_to ON exhibit_references (accession_number, to_document_sequence)",
];
