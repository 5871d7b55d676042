/**
 * A table or view name made safe as one file or folder name inside an export's --out: a view may be called
 * `../../x`, and no name from a database may choose where a file is written (or, for Parquet, which folder is
 * replaced).
 */
import { dirname, join, resolve } from 'node:path';

export function safeFileName(name: string): string {
  const base = name.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_');
  return base === '' ? '_' : base;
}

/** `outDir/<safe name + suffix>`, checked to lie directly inside `outDir`. */
export function pathInside(outDir: string, fileName: string): string {
  const path = join(outDir, fileName);
  if (dirname(resolve(path)) !== resolve(outDir)) throw new Error(`refusing to write ${fileName}: it would land outside ${outDir}`);
  return path;
}
