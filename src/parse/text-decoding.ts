/**
 * Bytes → text for bodies and header values. EDGAR text is UTF-8 in newer filings and windows-1252/latin-1 in older
 * ones, with nothing in the envelope to say which (edgar-reference §1.3): try strict UTF-8, fall back to
 * windows-1252 (a superset of latin-1 for printable characters) when the bytes are not valid UTF-8.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

export function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return windows1252.decode(bytes);
  }
}
