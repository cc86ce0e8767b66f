/**
 * Cache keys of the pages Astro's incremental build may copy from the previous build instead of
 * rendering. A page is reused only when its route's code and its key are both unchanged, so a key
 * must cover every input the page shows that its code does not: its articles (their page digest
 * covers frontmatter, HTML, photo and pictures), the names it prints that come from other articles
 * (a section's or tag's most used spelling), the navigation and the site's settings.
 * `contentHash` refuses an undefined input, so a missing digest fails the build instead of
 * serving a stale page.
 */
import { site } from '../site';
import { contentHash } from './content-hash';

interface KeyedArticle {
  /** The loader's digest of everything a page shows of the article (not where the home page puts it). */
  entry: { rendered?: { metadata?: Record<string, unknown> } };
  url: string;
  trail: readonly { slug: string; name: string }[];
  tags: readonly { name: string }[];
}

interface Navigation {
  menu: readonly { slug: string; name: string }[];
}

interface NamedListing {
  slug: string;
  name: string;
  /** A section's parent: where it stands in the tree decides the navigation's current item. */
  parent?: NamedListing;
}

function ancestry(listing: NamedListing): string[] {
  return listing.parent ? [...ancestry(listing.parent), listing.slug] : [listing.slug];
}

/**
 * What an article contributes to a page that lists it or links to it.
 *
 * @example
 * articleKey(article) // => ['digest…', '/sport/meci/', ['Sport'], ['Derby local']]
 */
export function articleKey(article: KeyedArticle): unknown[] {
  const digest = article.entry.rendered?.metadata?.pageDigest;
  if (typeof digest !== 'string')
    throw new Error(`${article.url}: the article's entry has no page digest, so no page showing it can be keyed`);
  return [digest, article.url, article.trail.map((section) => section.name), article.tags.map((tag) => tag.name)];
}

/**
 * The key of a page in the site's layout (header, footer, settings) that shows these inputs.
 *
 * @example
 * pageKey(index, 'tag', tag.slug, tag.name, page.currentPage) // => 'Vb1x…'
 */
export function pageKey(navigation: Navigation, ...inputs: unknown[]): string {
  return contentHash(layoutKey(navigation), ...inputs);
}

/** The site's settings and menu, hashed once per build rather than once per page. */
const layoutKeys = new WeakMap<Navigation, string>();

function layoutKey(navigation: Navigation): string {
  let key = layoutKeys.get(navigation);
  if (key === undefined) {
    key = contentHash(
      site,
      navigation.menu.map((section) => [section.slug, section.name]),
    );
    layoutKeys.set(navigation, key);
  }
  return key;
}

/**
 * The key of a listing's page: the listing's name, where the page stands, its articles, and what
 * it shows above them (the breaking news on a section's first page; `null` for nothing).
 *
 * @example
 * listingPageKey(index, section, 2, 7, page.data)
 * listingPageKey(index, section, 1, 7, page.data, breakingNews ?? null)
 */
export function listingPageKey(
  navigation: Navigation,
  listing: NamedListing,
  current: number,
  last: number,
  articles: readonly KeyedArticle[],
  shownAbove: unknown = null,
): string {
  return pageKey(navigation, ancestry(listing), listing.name, current, last, articles.map(articleKey), shownAbove);
}
