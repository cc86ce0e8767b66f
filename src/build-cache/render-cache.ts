import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownHeading } from 'astro';
import { contentHash } from './content-hash';

/** What the build answered when a render asked about a link to another article's file. */
export type LinkAnswer = { href: string } | { unpublished: true } | { missing: true };

/** Something a render asked the build or told the editor, in the order it happened. */
export type RenderEvent = { link: string; answer: LinkAnswer } | { warning: string };

/** Where an HTML is kept: a pack file of the render cache, and its bytes there. */
export interface HtmlLocation {
  /** The pack's file name, in the render cache's folder. */
  pack: string;
  /** Where the HTML starts, in bytes. */
  offset: number;
  /** Its length, in bytes (UTF-8). */
  length: number;
}

/** One article's render, kept so that an unchanged article is never rendered twice. */
export interface CachedRender {
  /** The HTML's own fingerprint: what the pages that show it name it by (`readRenderedHtml()`). */
  htmlKey: string;
  /** Where the HTML is. */
  htmlAt: HtmlLocation;
  headings: MarkdownHeading[];
  localImagePaths: string[];
  remoteImagePaths: string[];
  /**
   * The links the render resolved (targets relative to the project root) and the warnings it gave.
   * A reuse is valid only while every link gets the same answer; the warnings are given again.
   */
  events: RenderEvent[];
}

/**
 * Where the renders live inside a build's cache folder (`cacheDir`), beside Astro's own caches,
 * so CI keeps them together.
 *
 * @example
 * renderCacheFolder(new URL('file:///site/node_modules/.astro/')) // => '/site/node_modules/.astro/foaia/renders'
 */
export function renderCacheFolder(cacheDir: URL | string): string {
  return join(fileURLToPath(cacheDir), 'foaia/renders');
}

const INDEX_FILE = 'renders.json';

/** Where each HTML is, by its key: what the pages read (`readRenderedHtml()`), written with the index. */
const LOCATIONS_FILE = 'html.json';

const PACK_EXTENSION = '.pack';

/**
 * A pack that is at most this large, or at most half of which is still used, is copied into the
 * build's new pack and deleted: a publish writes a pack of one or two renders, and an edit leaves
 * an old version in an older pack.
 */
const SMALL_PACK_BYTES = 1 << 20;

/**
 * Writes rendered HTML into one new pack file of the render cache: the HTML of one article after
 * another. One file per writer (a render thread, the loader), not one per article: a clean build
 * created 20,000 files, each one costly on a file system that searches its inode table for every
 * new file (docs/architecture.md), and CI's cache archives every file.
 *
 * @example
 * const pack = new HtmlPackWriter(renderCacheFolder(cacheDir));
 * pack.write('<p>…</p>') // => { htmlKey: 'Qm9v…', htmlAt: { pack: '<uuid>.pack', offset: 0, length: 8 } }
 */
export class HtmlPackWriter {
  readonly #folder: string;
  readonly #pack = `${randomUUID()}${PACK_EXTENSION}`;
  readonly #written = new Map<string, HtmlLocation>();
  #length = 0;

  constructor(folder: string) {
    this.#folder = folder;
  }

  /** Appends the HTML to this writer's pack (once, however many articles have it); returns its key and where it is. */
  write(html: string): Pick<CachedRender, 'htmlKey' | 'htmlAt'> {
    const htmlKey = contentHash(html);
    let htmlAt = this.#written.get(htmlKey);
    if (!htmlAt) this.#written.set(htmlKey, (htmlAt = this.append(Buffer.from(html))));
    return { htmlKey, htmlAt };
  }

  /** Appends bytes (an HTML, or one copied from an older pack) to this writer's pack; returns where they are. */
  append(bytes: Buffer): HtmlLocation {
    appendFileSync(join(this.#folder, this.#pack), bytes);
    const location = { pack: this.#pack, offset: this.#length, length: bytes.length };
    this.#length += bytes.length;
    return location;
  }
}

/**
 * The HTML at a location of the render cache in `folder`.
 *
 * @example
 * readHtmlAt(renderCacheFolder(cacheDir), render.htmlAt) // => '<p>…</p>'
 */
export function readHtmlAt(folder: string, location: HtmlLocation): string {
  return readLocation(folder, location).toString('utf8');
}

/** The bytes of one kept HTML. */
function readLocation(folder: string, { pack, offset, length }: HtmlLocation): Buffer {
  const bytes = Buffer.alloc(length);
  const file = openSync(join(folder, pack), 'r');
  try {
    if (readSync(file, bytes, 0, length, offset) !== length) {
      throw new Error(`${pack}: the render cache's pack is shorter than its index says`);
    }
  } finally {
    closeSync(file);
  }
  return bytes;
}

/** The locations file of each folder, as last read: re-read when a key is not there (a newer build wrote it). */
const locationsRead = new Map<string, Record<string, HtmlLocation>>();

function locationsOf(folder: string, reread: boolean): Record<string, HtmlLocation> {
  let locations = locationsRead.get(folder);
  if (!locations || reread) {
    try {
      locations = JSON.parse(readFileSync(join(folder, LOCATIONS_FILE), 'utf8')) as Record<string, HtmlLocation>;
    } catch {
      locations = {};
    }
    locationsRead.set(folder, locations);
  }
  return locations;
}

/**
 * An article's rendered HTML, by the key its render recorded. The HTML is kept out of Astro's
 * content store, which the build bundles whole (two thirds of it was HTML): only the pages that
 * are rendered again read it.
 *
 * @example
 * readRenderedHtml(renderCacheFolder(cacheDir), entry.rendered.metadata.htmlKey) // => '<p>…</p>'
 */
export function readRenderedHtml(folder: string, htmlKey: string): string {
  let failure = '';
  for (const reread of [false, true]) {
    const location = locationsOf(folder, reread)[htmlKey];
    if (!location) continue;
    // Read without asking first whether the pack is there (a page reads one HTML: one stat less
    // each); a pack a later build merged away is gone, and the locations are read again.
    try {
      return readHtmlAt(folder, location);
    } catch (error) {
      failure = `: ${(error as Error).message}`;
    }
  }
  throw new Error(`the render cache in ${folder} has no HTML ${htmlKey}${failure}`);
}

/**
 * Article renders on disk: one index of every render's headings, images and events by key, and
 * beside it the HTML, in a few pack files (`HtmlPackWriter`). The key is content-addressed (the
 * Markdown, its file and the renderer's code), so a cache restored on another machine is as good
 * as a local one; what a render learned from other articles is checked on each reuse instead.
 * One index file, not a file per render: a build reads all of them (20,000 small files cost
 * 0.7 s to read).
 */
export class RenderCache {
  readonly #folder: string;
  readonly #earlier: Record<string, CachedRender>;
  readonly #used = new Map<string, CachedRender>();
  readonly #packSizes = new Map<string, number | undefined>();

  constructor(folder: string) {
    this.#folder = folder;
    mkdirSync(folder, { recursive: true });
    try {
      this.#earlier = JSON.parse(readFileSync(this.#indexFile, 'utf8')) as Record<string, CachedRender>;
    } catch {
      this.#earlier = {};
    }
  }

  /**
   * The render kept under this key, if any (and if its HTML is still there, since the pages read
   * it); it counts as used by this build.
   */
  get(key: string): CachedRender | undefined {
    const render = this.#used.get(key) ?? (Object.hasOwn(this.#earlier, key) ? this.#earlier[key] : undefined);
    if (!render?.htmlAt || !this.#holds(render.htmlAt)) return undefined;
    this.#used.set(key, render);
    return render;
  }

  /** Keeps a new render whose HTML is written (`HtmlPackWriter`); returns it as `get()` will. */
  keep(key: string, render: CachedRender): CachedRender {
    this.#used.set(key, render);
    return render;
  }

  /** The folder the HTML is written in. */
  get folder(): string {
    return this.#folder;
  }

  /**
   * Saves the renders this build used and deletes the rest: old versions of articles, deleted
   * articles, their HTML. Small or mostly unused packs are copied together into one new pack
   * first. Returns how many renders went.
   */
  prune(): number {
    const locations = new Map<string, HtmlLocation>();
    const usedBytes = new Map<string, number>();
    for (const { htmlKey, htmlAt } of this.#used.values()) {
      if (locations.has(htmlKey)) continue;
      locations.set(htmlKey, htmlAt);
      usedBytes.set(htmlAt.pack, (usedBytes.get(htmlAt.pack) ?? 0) + htmlAt.length);
    }
    const packUse = [...usedBytes].map(([pack, used]) => ({ pack, used, size: this.#sizeOf(pack) ?? 0 }));
    const mostlyUnused = packUse.filter(({ used, size }) => used * 2 <= size);
    const small = packUse.filter(({ used, size }) => size <= SMALL_PACK_BYTES && used * 2 > size);
    // A lone small pack stays: copying it would only rename it.
    const copied = new Set([...mostlyUnused, ...(small.length > 1 ? small : [])].map(({ pack }) => pack));
    if (copied.size > 0) {
      const writer = new HtmlPackWriter(this.#folder);
      for (const [htmlKey, location] of locations) {
        if (copied.has(location.pack)) locations.set(htmlKey, writer.append(readLocation(this.#folder, location)));
      }
    }
    const kept = Object.fromEntries([...this.#used].map(([key, render]) => [key, { ...render, htmlAt: locations.get(render.htmlKey)! }]));
    writeFileSync(this.#indexFile, JSON.stringify(kept));
    writeFileSync(join(this.#folder, LOCATIONS_FILE), JSON.stringify(Object.fromEntries(locations)));
    const packs = new Set([...locations.values()].map(({ pack }) => pack));
    for (const name of readdirSync(this.#folder)) {
      if (name === INDEX_FILE || name === LOCATIONS_FILE || packs.has(name)) continue;
      rmSync(join(this.#folder, name), { force: true });
    }
    return Object.keys(this.#earlier).filter((key) => !this.#used.has(key)).length;
  }

  /** Whether the pack still holds the bytes the location names. */
  #holds({ pack, offset, length }: HtmlLocation): boolean {
    return (this.#sizeOf(pack) ?? -1) >= offset + length;
  }

  #sizeOf(pack: string): number | undefined {
    if (!this.#packSizes.has(pack)) {
      this.#packSizes.set(pack, existsSync(join(this.#folder, pack)) ? statSync(join(this.#folder, pack)).size : undefined);
    }
    return this.#packSizes.get(pack);
  }

  get #indexFile(): string {
    return join(this.#folder, INDEX_FILE);
  }
}
