import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder } from '../lib/built-site';

/**
 * The files of an output folder that the build that just ran did not make: pages of deleted or
 * renamed articles, assets of an older build. Astro's incremental build leaves the pages it
 * reuses untouched in the folder, so a file is current when this build wrote it (its mtime is
 * after `since`) or reused it (it is one of `outputs`, the files of every route this build has).
 * Top folders in `skip` belong to a later step that rewrites them whole (the search index).
 *
 * @example
 * staleFiles('/site/dist', new Set(['/site/dist/sport/index.html']), buildStart, ['pagefind'])
 * // => ['/site/dist/stiri/sters/index.html']
 */
export function staleFiles(folder: string, outputs: ReadonlySet<string>, since: number, skip: readonly string[] = []): string[] {
  const stale: string[] = [];
  for (const name of filesUnder(folder, skip)) {
    const file = join(folder, name);
    // A route's file is current whatever its age; only the others' times are read (a stat each).
    if (!outputs.has(file) && statSync(file).mtimeMs < since) stale.push(file);
  }
  return stale;
}

/**
 * Deletes stale files, then the folders they leave empty.
 *
 * @example
 * removeStaleFiles('/site/dist', staleFiles('/site/dist', outputs, buildStart)) // => 3
 */
export function removeStaleFiles(folder: string, files: readonly string[]): number {
  for (const file of files) rmSync(file, { force: true });
  const folders = new Set(files.flatMap((file) => ancestors(folder, file)));
  for (const emptied of [...folders].sort((a, b) => b.length - a.length)) {
    if (readdirSync(emptied).length === 0) rmdirSync(emptied);
  }
  return files.length;
}

function ancestors(folder: string, file: string): string[] {
  const parts = relative(folder, file).split('/').slice(0, -1);
  return parts.map((_, depth) => join(folder, ...parts.slice(0, depth + 1)));
}
