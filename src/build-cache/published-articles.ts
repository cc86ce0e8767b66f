import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** An article the content loader published in this build, and where its page must be. */
export interface PublishedArticle {
  /** The article's file, relative to the project root. */
  file: string;
  /** Its page's path on the site. */
  url: string;
  /** Shown by a preview build only: a draft or an embargoed article. */
  preview?: true;
  /** Its earlier paths, which redirect to `url`. */
  aliases?: string[];
  /** The search index's shard its page goes to (`shardOfTime()`); none for a preview or a retraction, whose pages are not indexed. */
  searchShard?: string;
  /** New, or changed since the last build (its page digest): this build renders its page anew. */
  changed?: true;
}

const listFile = (cacheDir: URL | string) => join(fileURLToPath(cacheDir), 'foaia/published-articles.json');

/**
 * Records what the loader published (and, in a preview build, what it shows unpublished), for the check of the built site: it then need not read and
 * parse every article file a second time (a second on 20,000 articles).
 *
 * @example
 * writePublishedArticles(config.cacheDir, [{ file: 'content/articles/a.md', url: '/sport/a/' }]);
 */
export function writePublishedArticles(cacheDir: URL | string, articles: readonly PublishedArticle[]): void {
  const file = listFile(cacheDir);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(articles));
}

/**
 * What the loader of this build published.
 *
 * @example
 * readPublishedArticles(config.cacheDir) // => [{ file: 'content/articles/a.md', url: '/sport/a/' }]
 */
export function readPublishedArticles(cacheDir: URL | string): PublishedArticle[] {
  return JSON.parse(readFileSync(listFile(cacheDir), 'utf8')) as PublishedArticle[];
}
