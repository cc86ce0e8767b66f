import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarkdownHeading } from 'astro';

/** What the build answered when a render asked about a link to another article's file. */
export type LinkAnswer = { href: string } | { unpublished: true } | { missing: true };

/** Something a render asked the build or told the editor, in the order it happened. */
export type RenderEvent = { link: string; answer: LinkAnswer } | { warning: string };

/** One article's render, kept so that an unchanged article is never rendered twice. */
export interface CachedRender {
  html: string;
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
 * Article renders on disk, one file per key. The key is content-addressed (the Markdown, its
 * file and the renderer's code), so a cache restored on another machine is as good as a local one;
 * what a render learned from other articles is checked on each reuse instead.
 */
export class RenderCache {
  readonly #folder: string;
  readonly #used = new Set<string>();

  constructor(folder: string) {
    this.#folder = folder;
    mkdirSync(folder, { recursive: true });
  }

  /** The render kept under this key, if any; it counts as used by this build. */
  get(key: string): CachedRender | undefined {
    try {
      const render = JSON.parse(readFileSync(this.#file(key), 'utf8')) as CachedRender;
      this.#used.add(key);
      return render;
    } catch {
      return undefined;
    }
  }

  set(key: string, render: CachedRender): void {
    writeFileSync(this.#file(key), JSON.stringify(render));
    this.#used.add(key);
  }

  /** Deletes the renders this build did not use: old versions of articles, deleted articles. */
  prune(): number {
    let pruned = 0;
    for (const name of readdirSync(this.#folder)) {
      if (this.#used.has(name.replace(/\.json$/, ''))) continue;
      rmSync(join(this.#folder, name), { force: true });
      pruned++;
    }
    return pruned;
  }

  #file(key: string): string {
    return join(this.#folder, `${key}.json`);
  }
}
