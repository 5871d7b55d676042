/**
 * N distinct synthetic submissions for the scale benchmark: the corpus' Schedule 13D/13G files (corpus/sc13, minus
 * the reserved blind-measurement filings) copied round-robin, each copy under a new accession number (every
 * occurrence of the original, dashed or not, is replaced), so each stores as its own filing.
 * New accession numbers are `99NNNNNNNN-26-NNNNNN` (filer prefix 99…, never issued by EDGAR).
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SourceFiling {
  accession: string;
  bytes: Buffer;
}

/** The corpus files to copy: `<accession>.txt` under `sc13Dir`, without those listed in RESERVED.tsv. */
export function loadSources(sc13Dir: string, reservedTsv: string): SourceFiling[] {
  const reserved = new Set(
    existsSync(reservedTsv)
      ? readFileSync(reservedTsv, 'utf8')
          .split('\n')
          .slice(1)
          .map((l) => l.split('\t')[0]!.trim())
          .filter(Boolean)
      : [],
  );
  return readdirSync(sc13Dir)
    .filter((f) => /^\d{10}-\d{2}-\d{6}\.txt$/.test(f))
    .map((f) => f.slice(0, 20))
    .filter((a) => !reserved.has(a))
    .sort()
    .map((accession) => ({ accession, bytes: readFileSync(join(sc13Dir, `${accession}.txt`)) }));
}

export function syntheticAccession(i: number): string {
  return `99${String(Math.floor(i / 1_000_000)).padStart(8, '0')}-26-${String(i % 1_000_000).padStart(6, '0')}`;
}

/** Copy `sources[i % n]` under accession `syntheticAccession(i)`, as one file each. Latin-1 keeps every byte. */
function rewrite(source: SourceFiling, accession: string): Buffer {
  const text = source.bytes.toString('latin1');
  const plain = (a: string): string => a.replace(/-/g, '');
  const out = text.split(source.accession).join(accession).split(plain(source.accession)).join(plain(accession));
  return Buffer.from(out, 'latin1');
}

/**
 * `dir/all/` holds the first `max` synthetic files (written once, reused when present); `dir/n<N>/` holds hard
 * links to the first N of them. Returns the folder for each N.
 */
export function syntheticCorpus(sources: SourceFiling[], dir: string, sizes: number[]): Map<number, string> {
  if (sources.length === 0) throw new Error('syntheticCorpus: no source filings');
  const max = Math.max(...sizes);
  const all = join(dir, 'all');
  mkdirSync(all, { recursive: true });
  for (let i = 0; i < max; i += 1) {
    const accession = syntheticAccession(i);
    const path = join(all, `${accession}.txt`);
    if (!existsSync(path)) writeFileSync(path, rewrite(sources[i % sources.length]!, accession));
  }
  const out = new Map<number, string>();
  for (const n of sizes) {
    const sub = join(dir, `n${n}`);
    mkdirSync(sub, { recursive: true });
    for (let i = 0; i < n; i += 1) {
      const name = `${syntheticAccession(i)}.txt`;
      if (!existsSync(join(sub, name))) linkSync(join(all, name), join(sub, name));
    }
    out.set(n, sub);
  }
  return out;
}
