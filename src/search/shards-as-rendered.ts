/**
 * Search shards indexed while Astro still generates the pages. Astro's page loop runs on one
 * thread and leaves part of the processors unused (about a quarter of the second one, measured:
 * `docs/performance.md`, lesson 16), while Pagefind waited for the build's end. Each page the
 * build renders anew is kept as it renders; once a shard holds every page of its quarter that
 * this build renders (in a clean build, all of them; after a publish, the article published or
 * edited), the shard goes to a Pagefind process in a worker thread, its other pages read from
 * `dist/` as the last build left them, all in the order of their paths (Pagefind's index files
 * depend on the order of its pages, and after the build they are read in that order). The places
 * of the pages as indexed come back, so that the build can tell, once every page is written,
 * whether the shard indexed has them as they ended (`ShardsWritten`); a shard that does not fill,
 * or whose pages changed since, is indexed after the build, from `dist/`, as before.
 */
import type { AstroPrerenderer, PathWithRoute } from 'astro';
import { decodedPath } from '../lib/built-site';
import { type SearchPlace, shardOf } from './shards';
import type { ShardWriter } from './write-shards';

/**
 * Pages kept at once, in shards not yet complete (about 12 KB each). A clean build renders the
 * articles newest first, so about one quarter fills at a time; a rebuild that re-renders pages
 * across the archive stops keeping them past this, and leaves its shards to after the build.
 */
const MAX_PAGES_KEPT = 6000;

/**
 * Complete shards waiting for Pagefind, beside the one it is writing. One that completes while
 * Pagefind is that far behind is left to after the build, rather than kept in memory. With the
 * articles' pages generated first (`indexedPagesFirst()`), a clean build completes its quarters
 * faster than the lowest-priority Pagefind indexes them: at 2, six of a 5,000-article build's 16
 * quarters were still left to after the build; at 6, two.
 */
const MAX_SHARDS_WAITING = 6;

/** A shard as this build makes it, from what the content loader published. */
export interface ShardPlan {
  /** The site paths of all its pages. */
  paths: readonly string[];
  /** Those this build renders anew (their article is new or changed); the others are in `dist/` already. */
  rendered: ReadonlySet<string>;
}

/** What `ShardsAsRendered.finish()` reports. */
export interface ShardsWritten {
  /** The shards written: each page's path, in the order indexed, with its place as indexed (`searchPlace()`). */
  written: ReadonlyMap<string, ReadonlyMap<string, SearchPlace>>;
  /** The shards whose writing failed: their folders may be gone, and they are indexed again after the build. */
  failed: ReadonlySet<string>;
}

/** Collects rendered pages by shard and writes each shard once it is complete. */
export class ShardsAsRendered {
  readonly #plans: ReadonlyMap<string, ShardPlan>;
  readonly #startWriter: () => ShardWriter;
  readonly #collected = new Map<string, Map<string, string>>();
  readonly #written = new Map<string, ReadonlyMap<string, SearchPlace>>();
  readonly #failed = new Set<string>();
  readonly #places = new Map<string, SearchPlace>();
  readonly #taken = new Set<string>();
  #writer: ShardWriter | undefined;
  #writing: Promise<void> = Promise.resolve();
  #shardsUnderWay = 0;
  #pagesKept = 0;
  #stopped = false;

  /**
   * @param plans Each shard's pages in this build, and those it renders anew (`ShardPlan`).
   * @param startWriter Starts the Pagefind process, when the first shard is complete.
   */
  constructor(plans: ReadonlyMap<string, ShardPlan>, startWriter: () => ShardWriter) {
    this.#plans = plans;
    this.#startWriter = startWriter;
  }

  /**
   * Has the Pagefind thread start now and read, from `dist/`, the other pages of each shard this
   * build renders only some pages of: after a publish, its quarter is then written as soon as the
   * article's page is rendered, not after the thread's start and the quarter's reading (at 20,000
   * articles, Astro renders an edited article's page about a second before its page loop ends).
   * Nothing is read when that is more than `MAX_PAGES_KEPT` pages.
   *
   * @example
   * shards.readAhead(); // 2025-t3 awaits '/sport/nou/': its 1,300 other pages are read meanwhile
   */
  readAhead(): void {
    const unrendered = [...this.#plans.values()]
      .filter((plan) => plan.rendered.size > 0)
      .flatMap((plan) => plan.paths.filter((path) => !plan.rendered.has(path)));
    if (unrendered.length === 0 || unrendered.length > MAX_PAGES_KEPT) return;
    (this.#writer ??= this.#startWriter()).readAhead(unrendered);
  }

  /**
   * A page Astro rendered, at its site path: kept if its shard awaits it, and the shard written
   * once it holds all the pages this build renders of it. After a failure, or past
   * `MAX_PAGES_KEPT`, no page is kept.
   *
   * @example
   * shards.add('/sport/meci/', html); // the last page of 2025-t3 this build renders: that shard is being written
   */
  add(path: string, html: string): void {
    if (this.#stopped || this.#failed.size > 0) return;
    const shard = shardOf(html);
    const plan = this.#plans.get(shard);
    if (!plan?.rendered.has(path)) return;
    if (++this.#pagesKept > MAX_PAGES_KEPT) {
      this.#stopped = true;
      this.#collected.clear();
      return;
    }
    const pages = this.#collected.get(shard) ?? new Map<string, string>();
    this.#collected.set(shard, pages.set(path, html));
    if (pages.size !== plan.rendered.size) return;
    this.#collected.delete(shard);
    this.#pagesKept -= pages.size;
    if (this.#shardsUnderWay > MAX_SHARDS_WAITING) return;
    const paths = [...plan.paths].sort();
    const job = { shard, paths, pages: paths.map((page) => pages.get(page)) };
    const writer = (this.#writer ??= this.#startWriter());
    this.#taken.add(shard);
    this.#shardsUnderWay++;
    this.#writing = this.#writing.then(async () => {
      try {
        if (this.#failed.size > 0) return;
        const places = await writer.write(job);
        // Only a page handed over here is as its file ends the build; one read from `dist/` may be rendered again later.
        places.forEach((place, at) => {
          if (pages.has(paths[at]!)) this.#places.set(paths[at]!, place);
        });
        this.#written.set(shard, new Map(paths.map((page, at) => [page, places[at]!])));
      } catch {
        this.#failed.add(shard);
      } finally {
        this.#shardsUnderWay--;
      }
    });
  }

  /**
   * Whether a job was started for the shard during generation: its pages handed over get their
   * places from it (`placeOf()`, once `finish()` has settled), or it failed.
   *
   * @example
   * shards.took('2025-t3') // => true
   */
  took(shard: string): boolean {
    return this.#taken.has(shard);
  }

  /**
   * The place in the index of a page handed over and written so far (computed beside Pagefind,
   * from the HTML the file has): the build need not read and parse the page again to remember it.
   *
   * @example
   * shards.placeOf('/sport/meci/') // => { shard: '2025-t3', indexed: 'Qm9…' }, or undefined
   */
  placeOf(path: string): SearchPlace | undefined {
    return this.#places.get(path);
  }

  /**
   * Drops the pages of shards that did not fill, waits for the shards under way and ends the
   * Pagefind process. Never throws: what failed here is indexed again after the build, which
   * reports its errors.
   *
   * @example
   * const { written, failed } = await shards.finish(); // written: Map { '2025-t3' => Map { '/sport/meci/' => { shard, indexed }, … } }
   */
  async finish(): Promise<ShardsWritten> {
    this.#collected.clear();
    await this.#writing;
    await this.#writer?.close().catch(() => {});
    this.#writer = undefined;
    return { written: this.#written, failed: this.#failed };
  }
}

/**
 * The static paths with the indexed pages first, each part in Astro's order. Astro generates its
 * static routes (authors, share cards, feeds, sitemaps, tags) before the articles', so no shard
 * could fill, and the processor Pagefind works on idled, through the first seconds of the page
 * loop (`docs/performance.md`, lesson 26). A path that two routes claim keeps its place, so that
 * the route Astro lets win still does.
 *
 * @example
 * indexedPagesFirst(paths, new Set(['/sport/meci/'])).map(({ pathname }) => pathname) // => ['/sport/meci/', '/autor/ana/', …]
 */
export function indexedPagesFirst(paths: readonly PathWithRoute[], indexed: ReadonlySet<string>): PathWithRoute[] {
  // Compared without their trailing slash: Astro names a page's path as its route gives it.
  const sitePaths = paths.map(({ pathname }) => decodedPath(pathname).replace(/\/$/, ''));
  const claims = new Map<string, number>();
  for (const path of sitePaths) claims.set(path, (claims.get(path) ?? 0) + 1);
  const indexedPaths = new Set([...indexed].map((path) => path.replace(/\/$/, '')));
  const first = sitePaths.map((path) => indexedPaths.has(path) && claims.get(path) === 1);
  return [...paths.filter((_, position) => first[position]), ...paths.filter((_, position) => !first[position])];
}

const utf8 = new TextDecoder();

/**
 * Astro's prerenderer, with each page's HTML handed to `onPage` (with its site path) before Astro
 * writes it. The response is rebuilt from the bytes read, with its status and headers: Astro writes
 * them as they are, and the page is not encoded again (0.2 s of the page loop's thread in a
 * 5,000-article clean build).
 *
 * @example
 * setPrerenderer((prerenderer) => handingOverPages(prerenderer, (path, html) => shards.add(path, html)));
 */
export function handingOverPages(prerenderer: AstroPrerenderer, onPage: (path: string, html: string) => void): AstroPrerenderer {
  return {
    ...prerenderer,
    render: async (request, options) => {
      const result = await prerenderer.render(request, options);
      const response = result instanceof Response ? result : result.response;
      if (options.routeData.type !== 'page' || response.status !== 200 || !response.body) return result;
      const bytes = new Uint8Array(await response.arrayBuffer());
      onPage(sitePath(request.url), utf8.decode(bytes));
      const copy = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
      return result instanceof Response ? copy : { ...result, response: copy };
    },
  };
}

/**
 * A request's path as the built site's files name it (`decodedPath()`).
 *
 * @example
 * sitePath('http://localhost/%C8%99tiri/') // => '/știri/'
 */
export function sitePath(url: string): string {
  return decodedPath(new URL(url).pathname);
}
