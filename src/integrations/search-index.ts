import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { PageMemo } from '../build-cache/page-memo';
import { builtPages, fileForPath } from '../lib/built-site';
import { secondsSince } from '../lib/durations';
import {
  changedShards,
  SEARCH_INDEX_FOLDER,
  SHARD_LIST_FILE,
  SEARCH_PLACE_CODEC,
  type SearchPlace,
  type ShardList,
  searchPlace,
} from '../search/shards';

/**
 * Pages sent to Pagefind before waiting for its answers: a whole shard at once up to this many (a
 * quarter of a four-year, 50,000-article archive is about 3,100). Pagefind works through them in
 * its own process while this one reads pages for the verification; 64 at a time, it waited for
 * this process between batches (and one at a time, the messages' round trips cost a fifth of the
 * indexing). The cap bounds the memory of the pages in flight (about 12 KB each).
 */
const PAGES_IN_FLIGHT = 4000;

/** Indexes one shard's pages into its own folder, then frees the index's memory. */
async function writeShard(dist: string, shard: string, paths: readonly string[]): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  for (let start = 0; start < paths.length; start += PAGES_IN_FLIGHT) {
    const batch = paths.slice(start, start + PAGES_IN_FLIGHT);
    const added = await Promise.all(batch.map((url) => index.addHTMLFile({ url, content: readFileSync(fileForPath(dist, url), 'utf8') })));
    const problems = added.flatMap((result) => result.errors);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }
  const outputPath = join(dist, SEARCH_INDEX_FOLDER, shard);
  rmSync(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  await index.deleteIndex();
}

/** The search index's integration, and how a later step waits until the index is written. */
export interface SearchIndexIntegration extends AstroIntegration {
  /** Settles when this build's index is written (or has failed); the build marker waits for it. */
  written(): Promise<void>;
}

/**
 * After `astro build`, indexes the article bodies (the elements marked `data-pagefind-body`) with
 * Pagefind into `dist/pagefind/<year>-t<quarter>/`, one shard per quarter of publication, and lists
 * the shards in `dist/pagefind/shards.json` for the search page, which merges them. Pages are Romanian
 * (`lang="ro"`), so words are stemmed as Romanian; Pagefind folds diacritics, so `sedinta` finds
 * „ședință”. A shard none of whose pages changed what Pagefind reads of them since the last build
 * is kept as it is in `dist/`: a publish indexes one quarter of articles, not the archive.
 *
 * Pagefind indexes in a process of its own while this one mostly waits, so the hook only decides
 * what to index and starts it: the verification that follows reads the pages meanwhile (it never
 * looks inside `dist/pagefind/`), and the build marker awaits `written()` before it hashes `dist/`.
 */
export function searchIndex(): SearchIndexIntegration {
  let pagesFile = '';
  let indexing: Promise<void> = Promise.resolve();
  return {
    written: () => indexing,
    name: 'foaia-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        pagesFile = join(fileURLToPath(config.cacheDir), 'foaia/search-pages.json');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const folder = join(dist, SEARCH_INDEX_FOLDER);
        const started = performance.now();
        const memo = PageMemo.load<SearchPlace>(pagesFile, SEARCH_PLACE_CODEC);
        const places = new Map(
          builtPages(dist, [SEARCH_INDEX_FOLDER]).map((path) => [path, memo.valueOf(path, fileForPath(dist, path), searchPlace)]),
        );
        const earlier = memo.earlierValues();
        const current = new Map([...places].map(([path, place]) => [path, place.shard]));
        const reindexed = new Set([...memo.changed].filter((path) => earlier.get(path)?.indexed !== places.get(path)!.indexed));
        const pathsByShard = new Map<string, string[]>();
        for (const [path, shard] of current) {
          if (!shard) continue;
          const paths = pathsByShard.get(shard) ?? [];
          paths.push(path);
          pathsByShard.set(shard, paths);
        }
        const earlierShards = new Map([...earlier].map(([path, place]) => [path, place.shard]));
        const toIndex = changedShards(earlierShards, current, reindexed, (shard) => existsSync(join(folder, shard, 'pagefind.js')));

        // Nothing else in the folder: the shards of quarters that no longer have articles, and files of another layout, go.
        mkdirSync(folder, { recursive: true });
        for (const name of readdirSync(folder)) if (!pathsByShard.has(name)) rmSync(join(folder, name), { recursive: true, force: true });
        const write = async () => {
          try {
            for (const shard of [...toIndex].filter((name) => pathsByShard.has(name)).sort()) {
              await writeShard(dist, shard, pathsByShard.get(shard)!);
            }
          } finally {
            await pagefind.close();
          }
          const list: ShardList = { shards: [...pathsByShard.keys()].sort().reverse() };
          writeFileSync(join(folder, SHARD_LIST_FILE), `${JSON.stringify(list)}\n`);
          memo.save();
          const articles = [...pathsByShard.values()].reduce((total, paths) => total + paths.length, 0);
          logger.info(
            `${articles} articole de căutat, în ${pathsByShard.size} părți ale indexului (${toIndex.size} indexate din nou) ${secondsSince(started)}`,
          );
        };
        indexing = write();
        // Awaited by the build marker; until then a failure must not count as unhandled.
        indexing.catch(() => {});
      },
    },
  };
}
