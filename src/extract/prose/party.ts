/**
 * The records of who the prose names: a party, a mention of one in a text, a cover person, and a surface (a spelling
 * the party index looks for). Apart from parties.ts so that the index and the short-form builder (short-forms.ts) can
 * both use them without importing each other.
 */
export interface Party {
  /** The full legal name (the prose's spelling when it matches a cover person), or a group's term. */
  name: string;
  /** 1-based cover page of this party, when it is a reporting person. */
  coverOrdinal: number | null;
  group: boolean;
  /** A group's members (full names). */
  members: Party[];
}

export interface PartyMention {
  /** Offsets into the scanned string. */
  start: number;
  end: number;
  surface: string;
  party: Party;
}

export interface CoverPerson {
  /** Null for a person the schedule names as filing when its cover pages could not be read (no cover row to join). */
  ordinal: number | null;
  name: string;
}

/** A string the index looks for in the text, and the party it stands for. */
export interface Surface {
  text: string;
  caseSensitive: boolean;
  party: Party;
  /** Only in a list after "Messrs." ("Messrs. Raneri and Rosen"). */
  afterHonorifics?: boolean;
}
