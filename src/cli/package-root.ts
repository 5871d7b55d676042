/** The package's root folder (where package.json and samples/ are), from wherever this module was compiled to. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('edgar-extract: cannot find package.json above the installed code');
    dir = parent;
  }
  cached = dir;
  return dir;
}
