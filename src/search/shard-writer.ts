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
  /** The pages' HTML, in the order of `paths`, for those the build holds already; the others are read from `dist/`. */
  pages?: readonly (string | undefined)[];
}

/**
 * Indexes one shard's pages (given, or read from the built site) into `<dist>/pagefind/<shard>/`,
 * each as `searchableDocument()` gives it to Pagefind, then frees the index's memory. Pagefind
 * indexes in a process of its own, one index at a time: the caller ends it with
 * `closeShardWriter()`. It gives the places in the index of the pages as indexed
 * (`searchPlace()`, in the order of `paths`): the build need not read them again to remember them,
 * and can tell whether a shard indexed during the build has its pages as the build ended.
 */
export async function writeShard(dist: string, { shard, paths, pages }: ShardJob): Promise<SearchPlace[]> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  const places: SearchPlace[] = [];
  for (let start = 0; start < paths.length; start += PAGES_IN_FLIGHT) {
    const batch = paths.slice(start, start + PAGES_IN_FLIGHT);
    const added = await Promise.all(
      batch.map((url, at) => {
        const given = pages?.[start + at];
        const page =
          given === undefined ? (pagesReadAhead.get(url) ?? pageToIndex(readFileSync(fileForPath(dist, url), 'utf8'))) : pageToIndex(given);
        pagesReadAhead.delete(url);
        places.push(page.place);
        return index.addHTMLFile({ url, content: page.document });
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
  return places;
}

/** A page as Pagefind is given it (`searchableDocument()`), and its place in the index. */
interface PageToIndex {
  document: string;
  place: SearchPlace;
}

function pageToIndex(html: string): PageToIndex {
  const part = searchablePart(html);
  return { document: searchableDocument(html, part), place: searchPlace(html, part) };
}

/** Pages this thread read from `dist/` before their shard's writing (`readPagesAhead()`), by site path. */
const pagesReadAhead = new Map<string, PageToIndex>();

/**
 * Reads pages from the built site ahead of their shard's writing, while Astro still renders the
 * pages the shard awaits (after a publish, a quarter's other pages, as the last build left them).
 * The shard's writing then uses them; a page that cannot be read is read again then, which
 * reports the failure.
 *
 * @example
 * readPagesAhead('dist', ['/sport/meci/', '/sport/finala/']);
 * await writeShard('dist', { shard: '2025-t3', paths: ['/sport/finala/', '/sport/meci/', '/sport/nou/'], pages: [undefined, undefined, html] });
 */
export function readPagesAhead(dist: string, paths: readonly string[]): void {
  for (const path of paths) {
    try {
      pagesReadAhead.set(path, pageToIndex(readFileSync(fileForPath(dist, path), 'utf8')));
    } catch {
      pagesReadAhead.delete(path);
    }
  }
}

/** Ends this thread's Pagefind process. */
export async function closeShardWriter(): Promise<void> {
  await pagefind.close();
}
