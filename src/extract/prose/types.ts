/**
 * Records read from the prose of a schedule's items, and what the readers share.
 *
 * Handles: the shapes of the rows (keys are the columns of store/tables/items.ts in camelCase, without the
 * accession number) and the sentence a reader works on (text, numbers, parties, offsets back to the document).
 * Does not handle: reading (holdings.ts, notes.ts, options.ts, transactions.ts, ownership-basis.ts) or checking
 * (extract/checks.ts).
 */
import type { Span } from '../../parse/types.js';
import type { DefinedTerms } from '../defined-terms/index.js';
import type { ProseSource } from '../items/prose-source.js';
import type { Party, PartyIndex, PartyMention } from './parties.js';
import type { Token } from './tokens.js';

/** Where a row came from: the document, the span of its sentence, and the sentence itself. */
export interface RowProvenance {
  itemNumber: number;
  documentSequence: number | null;
  spanStart: number;
  spanEnd: number;
  sentence: string;
}

/**
 * What a stated count is to its holder: beneficial ownership, one of the four powers (cover rows 7–10), a direct or
 * record holding, the group's total, a part of another position ("of which N are held by X"), or shares underlying
 * options, warrants or convertible securities.
 */
export type HoldingRole = 'beneficial' | 'sole_voting' | 'shared_voting' | 'sole_dispositive' | 'shared_dispositive' | 'direct' | 'group_total' | 'part_of' | 'underlying';

export interface HoldingRow extends RowProvenance {
  holder: string;
  /** The role of the statement that first gave this (holder, shares). */
  role?: HoldingRole;
  /** Cover page (1-based) of the holder when it is a reporting person. */
  reportingPersonOrdinal: number | null;
  security: string | null;
  securityKind: SecurityKind;
  /** Units of `security` held; for options and warrants the shares they cover. */
  shares: number | null;
  convertibleIntoShares: number | null;
  asOfDate: string | null;
  percentOfClass: number | null;
}

export type SecurityKind = 'common' | 'preferred' | 'option' | 'warrant' | 'unit' | 'note' | 'other';

export interface NoteRow extends RowProvenance {
  holder: string;
  reportingPersonOrdinal: number | null;
  /** The instrument as described where it is introduced ("10% Convertible Notes due 12/20/04"). */
  instrument: string;
  /** The filing's defined term for it ("Convertible Notes"), when it has one. */
  definedTerm: string | null;
  principal: number | null;
  interestRate: number | null;
  issueDate: string | null;
  maturityDate: string | null;
  conversionPrice: number | null;
  convertibleIntoShares: number | null;
  warrantShares: number | null;
}

export interface OptionRow extends RowProvenance {
  kind: 'option' | 'warrant';
  /** granted (an award), issued (delivered to the holder, or stated as held), issuable (the issuer is obliged to issue it). */
  status: 'granted' | 'issued' | 'issuable';
  holder: string;
  reportingPersonOrdinal: number | null;
  security: string | null;
  shares: number | null;
  exercisePrice: number | null;
  grantDate: string | null;
  expiryDate: string | null;
}

export type TransactionAction = 'purchase' | 'sale' | 'dividend' | 'exchange' | 'grant' | 'conversion';

export interface TransactionRow extends RowProvenance {
  transactionDate: string | null;
  holder: string;
  reportingPersonOrdinal: number | null;
  action: TransactionAction;
  security: string | null;
  shares: number | null;
  principalAmount: number | null;
  pricePerShare: number | null;
  consideration: number | null;
  convertibleIntoShares: number | null;
  sourceOfFunds: string | null;
}

export interface OwnershipBasisRow extends RowProvenance {
  /** Null when the percent is stated for the reporting persons together. */
  holder: string | null;
  reportingPersonOrdinal: number | null;
  percentOfClass: number | null;
  sharesOutstanding: number | null;
  sharesOutstandingAsOf: string | null;
  /** The document the share count was taken from ("Form 10-QSB"). */
  sourceDocument: string | null;
  sourceFiledDate: string | null;
  numerator: number | null;
  denominator: number | null;
}

export type CheckStatus = 'pass' | 'fail' | 'warning';

export interface CheckRow {
  kind: string;
  subject: string;
  expected: number | null;
  actual: number | null;
  status: CheckStatus;
  message: string;
  documentSequence: number | null;
  spanStart: number | null;
  spanEnd: number | null;
  /** Every span the check read, as JSON `[{"documentSequence":1,"start":…,"end":…}]`. */
  spans: string;
}

/** A value a record used, and where it was printed (document offsets). */
export interface Evidence {
  documentSequence: number | null;
  span: Span;
  raw: string;
}

/** A record with the evidence checks need; rows are what the store sees. */
export interface Found<Row> {
  row: Row;
  /** Named values and their spans (`shares`, `convertibleIntoShares`, `percent`, …). */
  evidence: Record<string, Evidence>;
}

/** One sentence of an item, ready for the readers. */
export interface ProseSentence {
  itemNumber: number;
  documentSequence: number | null;
  source: ProseSource;
  /** Offsets into `source.text`. */
  start: number;
  end: number;
  /** `source.text.slice(start, end)`; readers match on this and report offsets relative to it. */
  raw: string;
  /** White space collapsed (the `sentence` column). */
  text: string;
  tokens: Token[];
  mentions: PartyMention[];
  /** Position among the item's sentences. */
  index: number;
  /** Cut at MAX_SENTENCE_CHARS (see sentences.ts). */
  cut?: boolean;
}

export interface ProseContext {
  parties: PartyIndex;
  terms: DefinedTerms | null;
  /** FILED AS OF DATE, for "as of the date hereof". */
  filedAt: string | null;
  /** The reporting persons, in cover order. */
  coverParties: Party[];
  /** The cover pages' values per reporting person (anchors for counts the prose states). */
  cover?: CoverAnchor[];
  /**
   * A 13G's persons filing when its Item 2(a) names only some of the cover persons (FMR LLC of the FMR LLC and Abigail
   * P. Johnson covers): the "such person" of Item 4's blocks.
   */
  filers?: Party[];
}

/** Document span of `raw[from, to)` of a sentence. */
export function sentenceSpan(s: ProseSentence, from = 0, to = s.raw.length): Span {
  return s.source.toDocument(s.start + from, s.start + to);
}

export function provenance(s: ProseSentence): RowProvenance {
  const span = sentenceSpan(s);
  return { itemNumber: s.itemNumber, documentSequence: s.documentSequence, spanStart: span.start, spanEnd: span.end, sentence: s.text };
}

export function evidence(s: ProseSentence, from: number, to: number): Evidence {
  return { documentSequence: s.documentSequence, span: sentenceSpan(s, from, to), raw: s.raw.slice(from, to) };
}

/** A reporting person's cover-page figures: strong evidence of whom (and in which role) an Item 5 number belongs to. */
export interface CoverAnchor {
  party: Party;
  aggregateAmount: number | null;
  percentOfClass: number | null;
  soleVotingPower: number | null;
  sharedVotingPower: number | null;
  soleDispositivePower: number | null;
  sharedDispositivePower: number | null;
}
