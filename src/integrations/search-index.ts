import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PageMemo } from '../build-cache/page-memo';
import { readPublishedArticles } from '../build-cache/published-articles';
import { type BuiltFiles, decodedPath, fileForPath, listedStamp, sitePaths } from '../lib/built-site';
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
import { handingOverPages, indexedPagesFirst, ShardsAsRendered } from '../search/shards-as-rendered';
import { shardThread, writeShards } from '../search/write-shards';

/** An article whose page the search indexes: its site path, its shard, and whether this build renders it anew. */
interface IndexedArticle {
  path: string;
  shard: string;
  changed: boolean;
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
 * Pagefind indexes in processes of its own. A shard is indexed while Astro still generates the
 * other pages once every page of it this build renders anew is rendered (`ShardsAsRendered`): in a
 * clean build, most quarters; after a publish, the quarter of the article published or edited; on
 * what the page loop leaves of the processors. The rest go after the build
 * (two shards at once, on worker threads: `writeShards()`), so the hook only decides what to
 * index and starts it: the verification that follows reads the pages meanwhile (it never looks
 * inside `dist/pagefind/`), and the build marker awaits `written()` before it hashes `dist/`.
 */
export function searchIndex({ builtFiles }: { builtFiles: () => BuiltFiles }): SearchIndexIntegration {
  let pagesFile = '';
  let cacheDir: URL;
  let dist = '';
  let asRendered: ShardsAsRendered | undefined;
  let indexing: Promise<void> = Promise.resolve();
  let published: IndexedArticle[] | undefined;
  /** The articles this build's search indexes, from the loader's list (read once a build). */
  const indexedArticles = () =>
    (published ??= readPublishedArticles(cacheDir).flatMap(({ url, searchShard, changed }) =>
      searchShard ? [{ path: decodedPath(url), shard: searchShard, changed: changed === true }] : [],
    ));
  return {
    written: () => indexing,
    name: 'foaia-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        pagesFile = join(fileURLToPath(config.cacheDir), 'foaia/search-pages.json');
        cacheDir = config.cacheDir;
        dist = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        published = undefined;
        setPrerenderer((prerenderer) =>
          handingOverPages(
            {
              ...prerenderer,
              // The loader has published by now: its list says which pages each shard will hold,
              // and which of them this build renders anew.
              setup: async () => {
                await prerenderer.setup?.();
                const plans = new Map<string, { paths: string[]; rendered: Set<string> }>();
                for (const { path, shard, changed } of indexedArticles()) {
                  const plan = plans.get(shard) ?? { paths: [], rendered: new Set<string>() };
                  plans.set(shard, plan);
                  plan.paths.push(path);
                  if (changed) plan.rendered.add(path);
                }
                asRendered = new ShardsAsRendered(plans, () => shardThread(dist, { background: true }));
                asRendered.readAhead();
              },
              getStaticPaths: async () =>
                indexedPagesFirst(await prerenderer.getStaticPaths(), new Set(indexedArticles().map(({ path }) => path))),
            },
            (path, html) => asRendered?.add(path, html),
          ),
        );
      },
      'astro:build:done': async ({ logger }) => {
        const folder = join(dist, SEARCH_INDEX_FOLDER);
        const started = performance.now();
        const built = builtFiles();
        const memo = PageMemo.load<SearchPlace>(pagesFile, SEARCH_PLACE_CODEC, { stampOf: listedStamp(dist, built) });
        const earlier = memo.earlierValues();
        const hasOutput = (shard: string) => existsSync(join(folder, shard, 'pagefind.js'));
        // A shard the page loop took, or one without output, is indexed in any case (the former unless
        // it was written as built): a changed page of theirs is not read here, but given its place by
        // whatever writes its shard (5,000 pages read and parsed on this thread in a clean build).
        const articleShards = new Map(indexedArticles().map(({ path, shard }) => [path, shard]));
        const shards = [...new Set(articleShards.values())];
        const taken = new Set(shards.filter((shard) => asRendered?.took(shard)));
        const indexedAnyway = new Set(shards.filter((shard) => taken.has(shard) || !hasOutput(shard)));
        const places = new Map<string, SearchPlace>();
        const current = new Map<string, string>();
        const placedLater = new Map<string, string>();
        for (const path of sitePaths(built.stamps.keys())) {
          const file = fileForPath(dist, path);
          const shard = articleShards.get(path);
          const given = asRendered?.placeOf(path);
          if (!given && shard && indexedAnyway.has(shard) && !memo.knows(path, file)) {
            placedLater.set(path, shard);
            current.set(path, shard);
            continue;
          }
          const place = memo.valueOf(path, file, searchPlace, given);
          places.set(path, place);
          current.set(path, place.shard);
        }
        /** Records a page placed later, with the place its shard's writer gave (or, without one, read from its file). */
        const place = (path: string, given: SearchPlace | undefined) => {
          const value = memo.valueOf(path, fileForPath(dist, path), searchPlace, given);
          if (value.shard !== placedLater.get(path)) {
            throw new Error(`${path}: the page is in the search shard ${value.shard || '(none)'}, its article in ${placedLater.get(path)}`);
          }
          places.set(path, value);
          placedLater.delete(path);
        };
        const reindexed = new Set([...memo.changed].filter((path) => earlier.get(path)?.indexed !== places.get(path)!.indexed));
        const pathsByShard = new Map<string, string[]>();
        for (const [path, shard] of current) {
          if (!shard) continue;
          const paths = pathsByShard.get(shard) ?? [];
          paths.push(path);
          pathsByShard.set(shard, paths);
        }
        const earlierShards = new Map([...earlier].map(([path, place]) => [path, place.shard]));
        const toIndex = changedShards(earlierShards, current, reindexed, hasOutput);

        // Nothing else in the folder: the shards of quarters that no longer have articles, and files of another layout, go.
        mkdirSync(folder, { recursive: true });
        for (const name of readdirSync(folder)) if (!pathsByShard.has(name)) rmSync(join(folder, name), { recursive: true, force: true });
        const write = async () => {
          const early = (await asRendered?.finish()) ?? { written: new Map(), failed: new Set<string>() };
          for (const [path, shard] of placedLater) if (taken.has(shard)) place(path, asRendered?.placeOf(path));
          asRendered = undefined;
          // Written during generation with exactly the pages the built site has, in the same order, as they ended.
          const writtenAsBuilt = (shard: string) => {
            const written = [...(early.written.get(shard) ?? [])];
            const built = pathsByShard.get(shard)!;
            return (
              written.length === built.length &&
              written.every(([path, { indexed }], at) => path === built[at] && indexed === places.get(path)!.indexed)
            );
          };
          const indexedNow = new Set([...toIndex, ...taken].filter((shard) => pathsByShard.has(shard)));
          const jobs = [...indexedNow]
            .filter((shard) => !writtenAsBuilt(shard))
            .map((shard) => ({ shard, paths: pathsByShard.get(shard)! }));
          const written = await writeShards(dist, jobs);
          for (const path of [...placedLater.keys()]) place(path, written.get(path));
          const list: ShardList = { shards: [...pathsByShard.keys()].sort().reverse() };
          writeFileSync(join(folder, SHARD_LIST_FILE), `${JSON.stringify(list)}\n`);
          memo.save();
          const articles = [...pathsByShard.values()].reduce((total, paths) => total + paths.length, 0);
          logger.info(
            `${articles} articole de căutat, în ${pathsByShard.size} părți ale indexului (${indexedNow.size} indexate din nou, ${early.written.size} în timpul generării paginilor) ${secondsSince(started)}`,
          );
        };
        indexing = write();
        // Awaited by the build marker; until then a failure must not count as unhandled.
        indexing.catch(() => {});
      },
    },
  };
}
