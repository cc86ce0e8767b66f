import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { fileForPath } from '../lib/built-site';
import { SEARCH_INDEX_FOLDER, type SearchPlace, searchableDocument, searchablePart, searchPlace } from './shards';

/**
 * Pages sent to Pagefind before waiting for its answers: a whole shard at once up to this many (a
 * quarter of a four-year, 50,000-article archive is about 3,100). Pagefind works through them in
 * its own process while the build reads pages for the verification; 64 at a time, it waited for
 * the build's thread between batches (and one at a time, the messages' round trips cost a fifth of the
 * indexing). The cap bounds the memory of the pages in flight (about 12 KB each).
 */
const PAGES_IN_FLIGHT = 4000;

/** One shard of the search index: its folder under `/pagefind/` and the site paths of its pages. */
export interface ShardJob {
  shard: string;
  paths: readonly string[];
  /** The pages' HTML, in the order of `paths`, when the build holds it already; read from `dist/` otherwise. */
  pages?: readonly string[];
}

/**
 * Indexes one shard's pages (given, or read from the built site) into `<dist>/pagefind/<shard>/`,
 * each as `searchableDocument()` gives it to Pagefind, then frees the index's memory. Pagefind
 * indexes in a process of its own, one index at a time: the caller ends it with
 * `closeShardWriter()`. Given pages, it also gives their places in the index (`searchPlace()`, in
 * the order of `paths`): the build need not read them again to remember them.
 */
export async function writeShard(dist: string, { shard, paths, pages }: ShardJob): Promise<SearchPlace[] | undefined> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  const places: SearchPlace[] = [];
  for (let start = 0; start < paths.length; start += PAGES_IN_FLIGHT) {
    const batch = paths.slice(start, start + PAGES_IN_FLIGHT);
    const added = await Promise.all(
      batch.map((url, at) => {
        const html = pages?.[start + at] ?? readFileSync(fileForPath(dist, url), 'utf8');
        const part = searchablePart(html);
        if (pages) places.push(searchPlace(html, part));
        return index.addHTMLFile({ url, content: searchableDocument(html, part) });
      }),
    );
    const problems = added.flatMap((result) => result.errors);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }
  const outputPath = join(dist, SEARCH_INDEX_FOLDER, shard);
  rmSync(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  await index.deleteIndex();
  return pages && places;
}

/** Ends this thread's Pagefind process. */
export async function closeShardWriter(): Promise<void> {
  await pagefind.close();
}
