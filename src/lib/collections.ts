import { resolve } from 'node:path';
import { type CollectionEntry, getCollection } from 'astro:content';
import { sectionsFile } from './build-settings';
import { buildTime, isPublished } from './publishing';
import { menuPositions, readSectionsFile } from './section-menu';
import { buildSiteIndex, type IndexedArticle, type Section, type SiteIndex, type Topic } from './site-index';

export type ArticleEntry = CollectionEntry<'articles'>;
export type Article = IndexedArticle<ArticleEntry>;
export type SiteSection = Section<ArticleEntry>;
export type SiteTopic = Topic<ArticleEntry>;

let siteIndex: Promise<SiteIndex<ArticleEntry>> | undefined;

/**
 * The published articles, indexed once per build and shared by every page.
 *
 * @example
 * const { articles, sections } = await getSiteIndex();
 */
export function getSiteIndex(): Promise<SiteIndex<ArticleEntry>> {
  siteIndex ??= getCollection('articles').then((entries) => {
    const now = buildTime();
    const menu = menuPositions(readSectionsFile(resolve(sectionsFile())));
    return buildSiteIndex(
      entries.filter((entry) => isPublished(entry.data, now)),
      menu,
    );
  });
  return siteIndex;
}

/** How many articles a listing page shows. */
export const LISTING_PAGE_SIZE = 20;

/** How many items a feed carries. */
export const FEED_SIZE = 50;
