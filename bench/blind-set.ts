/**
 * What the measuring scripts over the shared corpus must never open: the filings of ../shared/corpus/RESERVED.tsv (a
 * blind measurement) and the accession numbers and fixtures of golden files whose split is "holdout" (only their
 * `split`, `accessionNumber` and `fixture` keys are read).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** Accession numbers and fixture file names never to open: reserved filings and the blind holdout's fixtures. */
export function blindSet(root: string, corpus: string): Set<string> {
  const skip = new Set<string>();
  const reserved = join(corpus, 'RESERVED.tsv');
  if (existsSync(reserved)) {
    for (const line of readFileSync(reserved, 'utf8').split('\n').slice(1)) {
      const accession = line.split('\t')[0]?.trim();
      if (accession) skip.add(accession);
    }
  }
  const golden = resolve(root, 'test/fixtures/golden/items');
  for (const name of readdirSync(golden).filter((n) => n.endsWith('.json'))) {
    const { split, accessionNumber, fixture } = JSON.parse(readFileSync(join(golden, name), 'utf8')) as { split?: string; accessionNumber?: string; fixture?: string };
    if (split !== 'holdout') continue;
    if (accessionNumber) skip.add(accessionNumber);
    // A corpus file copied to test/fixtures keeps its name: skip it under either path.
    if (fixture) skip.add(basename(fixture));
  }
  return skip;
}
