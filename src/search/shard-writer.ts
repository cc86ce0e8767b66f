import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor2';
import * as pagefind from 'pagefind';
import { removeStaleFiles } from '../build-cache/stale-output';
import { fileForPath, filesUnder } from '../lib/built-site';
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
  await writeOver(index, join(dist, SEARCH_INDEX_FOLDER, shard));
  await index.deleteIndex();
  return places;
}

/**
 * Writes an index over the files an earlier build left in its folder, then deletes those it no
 * longer has. Pagefind names most of its files by their content's hash and does not write one
 * that exists: after a publish, a quarter's index rewrites a few of its 1,400 files, where
 * emptying the folder first had it write them all (1.9 s at 20,000 articles, while the build
 * verified the site). A file is the index's when this writing wrote it, or when the index's
 * metadata names it (`indexedFiles()`); when that cannot be told, the folder is written anew.
 */
async function writeOver(index: pagefind.PagefindIndex, folder: string): Promise<void> {
  const mtimeOf = (name: string) => statSync(join(folder, name), { bigint: true }).mtimeNs;
  const earlier = new Map((existsSync(folder) ? filesUnder(folder) : []).map((name) => [name, mtimeOf(name)]));
  await writeFiles(index, folder);
  if (earlier.size === 0) return;
  const named = indexedFiles(folder);
  const rewritten = (name: string) => existsSync(join(folder, name)) && mtimeOf(name) !== earlier.get(name);
  if (named) {
    const gone = [...earlier.keys()].filter((name) => !named.has(name) && !rewritten(name));
    removeStaleFiles(
      folder,
      gone.map((name) => join(folder, name)),
    );
  } else {
    rmSync(folder, { recursive: true, force: true });
    await writeFiles(index, folder);
  }
}

async function writeFiles(index: pagefind.PagefindIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
}

/** What starts Pagefind's metadata file once decompressed, before its CBOR. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** The folders of the files Pagefind names by their hash. */
const HASHED_FOLDERS = ['fragment', 'index', 'filter'];

/**
 * The files of a written Pagefind index that its metadata names (paths relative to its folder):
 * each language's metadata file, as the entry file names it, and the fragments, word index and
 * filter chunks whose hashes that metadata holds. Undefined when the folder is not such an index,
 * or the metadata names fewer fragments than the index has pages.
 *
 * @example
 * indexedFiles('dist/pagefind/2025-t3') // => Set { 'pagefind.ro_f7c3d81010.pf_meta', 'fragment/ro_3667d71.pf_fragment', … }
 */
export function indexedFiles(folder: string): Set<string> | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    const named = new Set<string>();
    for (const { hash, page_count } of Object.values(entry.languages)) {
      const metaFile = `pagefind.${hash}.pf_meta`;
      const meta = gunzipSync(readFileSync(join(folder, metaFile)));
      if (meta.subarray(0, PAGEFIND_SIGNATURE.length).toString() !== PAGEFIND_SIGNATURE) return undefined;
      const hashes = new Set<string>();
      collectStrings(decode(meta.subarray(PAGEFIND_SIGNATURE.length)), hashes);
      named.add(metaFile);
      let fragments = 0;
      for (const hashed of HASHED_FOLDERS) {
        const files = existsSync(join(folder, hashed)) ? readdirSync(join(folder, hashed)) : [];
        for (const file of files.filter((name) => hashes.has(name.slice(0, name.lastIndexOf('.'))))) {
          named.add(`${hashed}/${file}`);
          if (hashed === 'fragment' && file.startsWith(`${hash.slice(0, hash.indexOf('_'))}_`)) fragments++;
        }
      }
      if (fragments < page_count) return undefined;
    }
    return named;
  } catch {
    return undefined;
  }
}

/** The part of `pagefind-entry.json` that names each language's metadata. */
interface PagefindEntry {
  languages: Record<string, { hash: string; page_count: number }>;
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value instanceof Map) {
    for (const [key, item] of value) {
      collectStrings(key, into);
      collectStrings(item, into);
    }
  } else if (value && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, into);
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
