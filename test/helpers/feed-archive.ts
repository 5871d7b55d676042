/**
 * Build PDS Feed archives in tests: a tar (gzipped unless told otherwise) of `.nc` files, as EDGAR's
 * `Feed/{YYYY}/QTR{n}/{YYYYMMDD}.nc.tar.gz` holds them. The `.nc` files are the real ones of test/fixtures/nc and,
 * when it is present, ../shared/corpus/nc (one copy per file name).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

export interface ArchiveFile {
  name: string;
  bytes: Uint8Array;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS_NC_DIRS = [join(ROOT, 'test/fixtures/nc'), join(ROOT, '../shared/corpus/nc')];

/** Every real `.nc` file available, one per name, sorted by name. */
export function realNcFiles(): ArchiveFile[] {
  const byName = new Map<string, ArchiveFile>();
  for (const dir of CORPUS_NC_DIRS) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.nc')).sort()) {
      if (!byName.has(name)) byName.set(name, { name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A tar of these files (plus directory entries, if given), gzipped by default. */
export async function buildArchive(files: ArchiveFile[], options: { gzip?: boolean; directories?: string[] } = {}): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    tar.on('data', (c: unknown) => chunks.push(c as Buffer));
    tar.on('end', () => resolve());
    tar.on('error', reject);
  });
  for (const dir of options.directories ?? []) tar.entry({ name: dir, type: 'directory' });
  for (const file of files) tar.entry({ name: file.name, size: file.bytes.byteLength }, Buffer.from(file.bytes));
  tar.finalize();
  await done;
  const plain = Buffer.concat(chunks);
  return options.gzip === false ? plain : gzipSync(plain);
}

/** The accession number a real `.nc` file names in its header. */
export function ncAccession(bytes: Uint8Array): string {
  const m = /<ACCESSION-NUMBER>\s*(\d{10}-\d{2}-\d{6})/.exec(Buffer.from(bytes).toString('latin1'));
  if (!m) throw new Error('no <ACCESSION-NUMBER> in .nc file');
  return m[1]!;
}

/**
 * A dissemination notice as the PDS specification §3.5 describes it (no live sample exists in the corpus): a
 * `<SUBMISSION>` header naming the submission, flagged DELETION (no documents) or CORRECTION (the documents follow).
 */
export function deletionNotice(accession: string, type: string, timestamp = '20241213:170211'): ArchiveFile {
  const text = `<SUBMISSION>\n<ACCESSION-NUMBER>${accession}\n<TYPE>${type}\n<DELETION>\n<TIMESTAMP>${timestamp}\n</SUBMISSION>\n`;
  return { name: `${accession}.nc`, bytes: new Uint8Array(Buffer.from(text, 'latin1')) };
}

/** A real `.nc` re-sent as a correction: the `<CORRECTION>` flag and a `<TIMESTAMP>` after its accession number. */
export function correctionOf(file: ArchiveFile, timestamp = '20241216:091500'): ArchiveFile {
  const text = Buffer.from(file.bytes).toString('latin1').replace(/(<ACCESSION-NUMBER>[^\r\n]*(\r\n|\r|\n))/, `$1<CORRECTION>$2<TIMESTAMP>${timestamp}$2`);
  return { name: file.name, bytes: new Uint8Array(Buffer.from(text, 'latin1')) };
}
