/**
 * Records of the exhibits extractor (one interface per table of store/tables/exhibits.ts; keys are the columns in
 * camelCase, without the accession number the store adds). Every record names its document (`documentSequence`)
 * and a span `[spanStart, spanEnd)` into that document's decoded text (`documentText`); `spans` gives, per value,
 * the exact words it was read from, so a reader can check each one.
 */

/** Value name → `[start, end)` in the document's decoded text. */
export type ValueSpans = Record<string, [number, number]>;

export interface WaiverRecord {
  /** Position among the filing's waivers, from 1. */
  ordinal: number;
  documentSequence: number | null;
  documentType: string | null;
  /** `waiver_letter` or `agreement_waiver_consent` (the document's class). */
  kind: 'waiver_letter' | 'agreement_waiver_consent';
  /** The document's title or letter subject. */
  title: string | null;
  /** Date of the letter or agreement (ISO); null when the document states only an effective date. */
  dated: string | null;
  effectiveDate: string | null;
  /** Full legal name of the holder who waives or consents, defined terms resolved. */
  holder: string | null;
  /** The defined term the document uses for the holder (`Payee`, `Discovery`). */
  holderTerm: string | null;
  /** Full legal name of the other party (the maker or company). */
  counterparty: string | null;
  counterpartyTerm: string | null;
  /** The instrument the waiver concerns, as the document names it (`Convertible Note`, `Preferred A Stock`). */
  instrument: string | null;
  /** What that name means in the document (`Convertible Note due December 20, 2004 in the principal amount of …`). */
  instrumentDescription: string | null;
  /** Principal of a debt instrument, US dollars. */
  principal: number | null;
  maturityDate: string | null;
  /** Shares of the instrument the holder is stated to hold. */
  shares: number | null;
  /** Conversion price before the waiver, US dollars per share. */
  oldConversionPrice: number | null;
  /**
   * The fixed conversion price of the new terms (US dollars): the price every branch of the new rule names (a cap or
   * the fallback); null when the branches name different prices. The branches are in `conversion_price_rules`.
   */
  newConversionPrice: number | null;
  /** Qualifications that apply to the whole document (outside the items), each sentence on its own line. */
  conditions: string | null;
  /** One sentence built from the fields above (computed, not quoted). */
  summary: string | null;
  spanStart: number | null;
  spanEnd: number | null;
  spans: ValueSpans;
}

export interface WaiverItemRecord {
  waiverOrdinal: number;
  ordinal: number;
  documentSequence: number | null;
  /** `consent`, `waiver`, or `partial_waiver` (a waiver its section calls partial). */
  kind: 'consent' | 'waiver' | 'partial_waiver';
  /** Section number (`2(b)`), null for a letter. */
  section: string | null;
  /** Heading of the section and of the subsection (`Note Exchange — Waiver`). */
  heading: string | null;
  /** What is waived or consented to (`Section 9A of the Purchase Agreements`, `Convertible Debt Financing`). */
  subject: string | null;
  /** The provision the waiver is under (`Section 5(d) of Article 5 of the Certificate of Incorporation`). */
  provision: string | null;
  /** The defined transaction concerned (`Convertible Debt Financing`, `Note Exchange`). */
  transactionName: string | null;
  /** Defined instruments concerned, `; `-separated (`Convertible Notes; Convertible Note Warrants`). */
  instruments: string | null;
  /** Limits and exceptions of this item (`solely with respect to …`, `such waiver is not a waiver of … upon …`). */
  conditions: string | null;
  /** The operative sentence, white space collapsed. */
  text: string;
  spanStart: number;
  spanEnd: number;
}

export interface ConversionPriceRuleRecord {
  waiverOrdinal: number;
  /** Branch number as printed: 1 for `(i)`, 2 for `(ii)`. */
  branch: number;
  documentSequence: number | null;
  /** `fixed`, `lower_of` or `higher_of`. */
  priceBasis: 'fixed' | 'lower_of' | 'higher_of';
  /** The fixed price of the branch (the cap for `lower_of`), US dollars per share. */
  price: number | null;
  /** The other term of a `lower_of`/`higher_of` (`the conversion price of the equity securities in the Equity Offering`). */
  alternative: string | null;
  /** The condition of the branch as written. */
  condition: string | null;
  /** The defined event the condition names (`Equity Offering`). */
  event: string | null;
  /** 1 when the branch applies if the event happens, 0 when it applies if the event does not happen. */
  eventOccurs: number | null;
  /** Minimum gross proceeds of the event stated in this branch, US dollars. */
  minGrossProceeds: number | null;
  /** The event must happen before this date (ISO). */
  deadline: string | null;
  spanStart: number;
  spanEnd: number;
}

export interface AmendmentRecord {
  ordinal: number;
  documentSequence: number | null;
  documentType: string | null;
  title: string | null;
  /** `First` → 1, `Amendment No. 2` → 2. */
  amendmentNumber: number | null;
  dated: string | null;
  effectiveDate: string | null;
  /** The amended document as the amendment names it (`Letter Agreement`). */
  amendedDocument: string | null;
  /** Its date (ISO). */
  amendedDocumentDate: string | null;
  /** Parties, full legal names, `; `-separated. */
  parties: string | null;
  /** What is replaced, `; `-separated (`first paragraph; second paragraph`). */
  replaced: string | null;
  summary: string | null;
  spanStart: number | null;
  spanEnd: number | null;
  spans: ValueSpans;
}

export interface AmendmentChangeRecord {
  amendmentOrdinal: number;
  ordinal: number;
  documentSequence: number | null;
  /** `replace`, `delete`, `insert` or `amend`. */
  changeKind: 'replace' | 'delete' | 'insert' | 'amend';
  /** The part changed (`first paragraph`, `Section 2.1`). */
  target: string;
  /** The new wording, when the amendment quotes it. */
  newText: string | null;
  spanStart: number;
  spanEnd: number;
}

export interface AmendmentAmountRecord {
  amendmentOrdinal: number;
  /** The change the amount appears in (null: outside any change). */
  changeOrdinal: number | null;
  ordinal: number;
  documentSequence: number | null;
  /** US dollars. */
  amount: number;
  /** `principal`, `maximum`, `minimum`, `threshold`, `target` or `amount`, from the words around it. */
  role: 'principal' | 'maximum' | 'minimum' | 'threshold' | 'target' | 'amount';
  /** The instrument for a principal amount (`Convertible Notes`). */
  instrument: string | null;
  /** A defined term the amount belongs to (`Top-Off Amount`). */
  term: string | null;
  /** The words around the amount, white space collapsed. */
  context: string;
  spanStart: number;
  spanEnd: number;
}

export interface ExhibitReferenceRecord {
  ordinal: number;
  /** The referring document (the schedule). */
  documentSequence: number | null;
  /** `3`, `6`, `7`: the Item the reference is in, when the document has Items. */
  item: string | null;
  /** `see` (a cross-reference in the prose) or `exhibit_list` (an entry of the exhibit list). */
  referenceKind: 'see' | 'exhibit_list';
  exhibitNumber: string;
  /** The list entry's description (`Waiver Letter, dated as of April 10, 2003, …`). */
  exhibitTitle: string | null;
  /** 1 when the exhibit is incorporated by reference to another filing rather than attached. */
  incorporatedByReference: number;
  /** The attached document it names, when found in this submission. */
  toDocumentSequence: number | null;
  spanStart: number;
  spanEnd: number;
}
