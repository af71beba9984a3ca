import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project's root (the folder with package.json), whether running from sources or from dist/. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'dist') {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

/** Reads a small CSV with a header line and no quoted fields (our reference files), as objects. */
export function parseSimpleCsv(text: string): Array<Record<string, string>> {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines[0].split(',').map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    if (cells.length !== header.length)
      throw new Error(`CSV line has ${cells.length} cells, expected ${header.length}: ${line}`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i].trim()]));
  });
}
