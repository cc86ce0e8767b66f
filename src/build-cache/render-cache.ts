import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownHeading } from 'astro';
import { contentHash } from './content-hash';

/** What the build answered when a render asked about a link to another article's file. */
export type LinkAnswer = { href: string } | { unpublished: true } | { missing: true };

/** Something a render asked the build or told the editor, in the order it happened. */
export type RenderEvent = { link: string; answer: LinkAnswer } | { warning: string };

/** One article's render, kept so that an unchanged article is never rendered twice. */
export interface CachedRender {
  /** The HTML's own fingerprint: where `readRenderedHtml()` finds it. */
  htmlKey: string;
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

const htmlFile = (folder: string, htmlKey: string) => join(folder, `${htmlKey}.html`);

/**
 * An article's rendered HTML, by the key its render recorded. The HTML is kept out of Astro's
 * content store, which the build bundles whole (two thirds of it was HTML): only the pages that
 * are rendered again read it.
 *
 * @example
 * readRenderedHtml(renderCacheFolder(cacheDir), entry.rendered.metadata.htmlKey) // => '<p>…</p>'
 */
export function readRenderedHtml(folder: string, htmlKey: string): string {
  return readFileSync(htmlFile(folder, htmlKey), 'utf8');
}

/**
 * Writes an article's HTML where `readRenderedHtml()` finds it; returns its key. Worker threads
 * that render call it themselves, so the HTML never travels back to the loader's thread.
 *
 * @example
 * writeRenderedHtml(renderCacheFolder(cacheDir), '<p>…</p>') // => 'Qm9v…' (32 characters)
 */
export function writeRenderedHtml(folder: string, html: string): string {
  const htmlKey = contentHash(html);
  writeFileSync(htmlFile(folder, htmlKey), html);
  return htmlKey;
}

/**
 * Article renders on disk: one index of every render's headings, images and events by key, and
 * beside it each distinct HTML once, named by its own hash. The key is content-addressed (the
 * Markdown, its file and the renderer's code), so a cache restored on another machine is as good
 * as a local one; what a render learned from other articles is checked on each reuse instead.
 * One index file, not a file per render: a build reads all of them (20,000 small files cost
 * 0.7 s to read).
 */
export class RenderCache {
  readonly #folder: string;
  readonly #earlier: Record<string, CachedRender>;
  readonly #used = new Map<string, CachedRender>();

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
    if (!render || !existsSync(htmlFile(this.#folder, render.htmlKey))) return undefined;
    this.#used.set(key, render);
    return render;
  }

  /** Keeps a new render whose HTML is written (`writeRenderedHtml()`); returns it as `get()` will. */
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
   * articles, their HTML. Returns how many renders went.
   */
  prune(): number {
    writeFileSync(this.#indexFile, JSON.stringify(Object.fromEntries(this.#used)));
    const usedHtml = new Set([...this.#used.values()].map((render) => render.htmlKey));
    for (const name of readdirSync(this.#folder)) {
      if (name === INDEX_FILE || usedHtml.has(name.replace(/\.html$/, ''))) continue;
      rmSync(join(this.#folder, name), { force: true });
    }
    return Object.keys(this.#earlier).filter((key) => !this.#used.has(key)).length;
  }

  get #indexFile(): string {
    return join(this.#folder, INDEX_FILE);
  }
}
