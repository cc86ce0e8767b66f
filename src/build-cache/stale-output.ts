import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type BuiltFiles, inTopFolder } from '../lib/built-site';

/**
 * The files of an output folder that the build that just ran did not make: pages of deleted or
 * renamed articles, assets of an older build. Astro's incremental build leaves the pages it
 * reuses untouched in the folder, so a file is current when this build wrote it (its mtime is
 * after `since`) or reused it (it is one of `outputs`, the files of every route this build has).
 * `built` lists the folder (`listBuiltFiles()`); top folders in `keep` belong to a step that
 * rewrites them whole (the CMS).
 *
 * @example
 * staleFiles('/site/dist', listBuiltFiles('/site/dist'), new Set(['/site/dist/sport/index.html']), buildStart, ['admin'])
 * // => ['/site/dist/stiri/sters/index.html']
 */
export function staleFiles(
  folder: string,
  built: BuiltFiles,
  outputs: ReadonlySet<string>,
  since: number,
  keep: readonly string[] = [],
): string[] {
  const stale: string[] = [];
  for (const [name, { mtimeMs }] of built.stamps) {
    const file = join(folder, name);
    if (!outputs.has(file) && mtimeMs < since && !inTopFolder(name, keep)) stale.push(file);
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
