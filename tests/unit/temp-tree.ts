import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes files (path → contents) into a new temporary folder and returns the folder. */
export function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'foaia-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

/** Every file under `<root>/pagefind/`, with the SHA-256 of its bytes, sorted: to compare two search indexes. */
export function searchIndexListing(root: string): string[] {
  return readdirSync(join(root, 'pagefind'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return `${path.slice(root.length)} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    })
    .sort();
}
