/**
 * Where a page's links point. The server links to its own routes; the shareable report (one file, no server) links
 * to anchors inside itself and collects the evidence it must carry.
 */
import { pathSegment } from './html.js';
import type { Evidence } from './queries.js';

export interface Links {
  filing(accession: string): string;
  document(accession: string, sequence: number | null): string | null;
  evidence(accession: string, evidence: Evidence): string;
  issuer(cik: string): string | null;
  holder(nameKey: string): string | null;
}

function sequenceSegment(sequence: number | null): string {
  return sequence === null ? 'none' : String(sequence);
}

/** A URL segment naming a document (`none` for a bare document without a SEQUENCE) → its sequence. */
export function parseSequenceSegment(segment: string): number | null | undefined {
  if (segment === 'none') return null;
  return /^\d{1,9}$/.test(segment) ? Number(segment) : undefined;
}

export const serverLinks: Links = {
  filing: (accession) => `/filing/${pathSegment(accession)}`,
  document: (accession, sequence) => `/filing/${pathSegment(accession)}/document/${sequenceSegment(sequence)}`,
  evidence: (accession, e) => `/filing/${pathSegment(accession)}/evidence/${sequenceSegment(e.documentSequence)}/${e.start}-${e.end}#hit`,
  issuer: (cik) => `/issuer/${pathSegment(cik)}`,
  holder: (nameKey) => `/holder/${pathSegment(nameKey)}`,
};

/** Links for a self-contained report: evidence becomes numbered anchors, pages the report does not hold get none. */
export class ReportLinks implements Links {
  readonly collected: Evidence[] = [];
  private readonly index = new Map<string, number>();

  filing(): string {
    return '#top';
  }
  document(): null {
    return null;
  }
  evidence(_accession: string, e: Evidence): string {
    const key = `${e.documentSequence}:${e.start}:${e.end}`;
    let n = this.index.get(key);
    if (n === undefined) {
      n = this.collected.length;
      this.collected.push(e);
      this.index.set(key, n);
    }
    return `#ev-${n}`;
  }
  issuer(): null {
    return null;
  }
  holder(): null {
    return null;
  }
}
