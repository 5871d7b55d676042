/**
 * Accession numbers: the SEC's identifier of one submission, `{10}-{2}-{6}` digits (transmitting CIK, two-digit
 * year, that submitter's sequence for the year). Users type it with or without dashes; the archive names folders by
 * the 18-digit form and files by the dashed form. A malformed number is a usage error (ValidationError), never a
 * request. This module does not decide which CIK folder a filing lives under (see urls.ts).
 */
import { ValidationError } from '../errors/index.js';

export interface AccessionNumber {
  /** Dashed form, as EDGAR names files: `0001193125-15-118890`. */
  accessionNumber: string;
  /** 18 digits without dashes, as EDGAR names folders: `000119312515118890`. */
  accessionFolder: string;
  /** CIK of the entity that transmitted the submission, unpadded (`1193125`); often a filing agent, not the issuer. */
  filerCik: string;
  /** Two-digit year the submitter's sequence belongs to (`15`). */
  year: string;
  /** The submitter's running sequence number for the year (`118890`). */
  sequence: string;
}

// Dashes are optional but, when present, must sit where EDGAR puts them; a stray `.txt` suffix is forgiven because
// users paste file names from the archive.
const ACCESSION_PATTERN = /^(\d{10})-?(\d{2})-?(\d{6})(?:\.txt)?$/;

/** Parse an accession number written with or without dashes; throws ValidationError `INVALID_ACCESSION_NUMBER`. */
export function parseAccessionNumber(input: string): AccessionNumber {
  const text = String(input).trim();
  const match = ACCESSION_PATTERN.exec(text);
  // Mixed forms like `0001193125-15118890` are rejected: they are far more likely a typo than a convention.
  const dashes = (text.replace(/\.txt$/, '').match(/-/g) ?? []).length;
  if (!match || (dashes !== 0 && dashes !== 2)) {
    throw new ValidationError(
      'INVALID_ACCESSION_NUMBER',
      `"${input}" is not an accession number: expected 18 digits as 0001193125-15-118890 or 000119312515118890`,
    );
  }
  const [, cikPart, year, sequence] = match as unknown as [string, string, string, string];
  return {
    accessionNumber: `${cikPart}-${year}-${sequence}`,
    accessionFolder: `${cikPart}${year}${sequence}`,
    filerCik: cikPart.replace(/^0+(?=\d)/, ''),
    year,
    sequence,
  };
}

/** The dashed form of an accession number given in either form. */
export function normalizeAccessionNumber(input: string): string {
  return parseAccessionNumber(input).accessionNumber;
}

/** True when `input` parses as an accession number (so the CLI can tell one from a file path). */
export function isAccessionNumber(input: string): boolean {
  try {
    parseAccessionNumber(input);
    return true;
  } catch {
    return false;
  }
}
