import { slugify } from './slugs';

function listingPath(base: string, page: number): string {
  return page > 1 ? `${base}${page}/` : base;
}

/**
 * An article's page: `/<section>/<slug>/`.
 *
 * @example
 * articlePath('stiri-externe', 'convorbire-putin-kim') // => '/stiri-externe/convorbire-putin-kim/'
 */
export function articlePath(sectionSlug: string, articleSlug: string): string {
  return `/${sectionSlug}/${articleSlug}/`;
}

/**
 * A section's listing; page 1 has no number.
 *
 * @example
 * sectionPath('sport') // => '/sport/'
 * sectionPath('sport', 3) // => '/sport/3/'
 */
export function sectionPath(sectionSlug: string, page = 1): string {
  return listingPath(`/${sectionSlug}/`, page);
}

/**
 * A tag's listing; tags that differ only in case or diacritics share it.
 *
 * @example
 * tagPath('Coreea de Nord') // => '/tag/coreea-de-nord/'
 * tagPath('ENERGIE', 2) // => '/tag/energie/2/'
 */
export function tagPath(tag: string, page = 1): string {
  return listingPath(`/tag/${slugify(tag)}/`, page);
}

/**
 * An author's listing.
 *
 * @example
 * authorPath('Ștefan Mărgărit') // => '/autor/stefan-margarit/'
 */
export function authorPath(author: string, page = 1): string {
  return listingPath(`/autor/${slugify(author)}/`, page);
}

/**
 * The RSS feed of a listing (section, tag or author), beside its first page.
 *
 * @example
 * feedPathOf(sectionPath('sport')) // => '/sport/rss.xml'
 * feedPathOf(tagPath('UE')) // => '/tag/ue/rss.xml'
 */
export function feedPathOf(listingPath: string): string {
  return `${listingPath}rss.xml`;
}

/** What the home page and the site's own pages are shared with. */
export const SITE_SHARE_CARD = 'prima-pagina';

/**
 * The share card of a section, or of the site (`SITE_SHARE_CARD`): the image of link previews
 * for listings and for articles without a photo.
 *
 * @example
 * shareCardPath('sport') // => '/og/sport.png'
 */
export function shareCardPath(sectionSlug: string): string {
  return `/og/${sectionSlug}.png`;
}

/**
 * The site-wide RSS feed.
 *
 * @example
 * SITE_FEED_PATH // => '/rss.xml'
 */
export const SITE_FEED_PATH = '/rss.xml';

/** The site-wide JSON Feed. */
export const JSON_FEED_PATH = '/feed.json';

/** The list of what a preview build shows unpublished (drafts, embargoed articles). */
export const PREVIEWS_PATH = '/previzualizare/';

/**
 * A site path as an absolute URL on the published site.
 *
 * @example
 * absoluteUrl('/sport/', 'https://foaia.ro') // => 'https://foaia.ro/sport/'
 */
export function absoluteUrl(path: string, site: string | URL): string {
  return new URL(path, site).href;
}
