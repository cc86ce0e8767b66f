import { cacheDir } from 'astro:config/server';
import { type CollectionEntry, getCollection, render } from 'astro:content';
import { readRenderedHtml, renderCacheFolder } from '../build-cache/render-cache';
import type { BreakingNews } from '../schemas/breaking-news';
import { readBreakingNews } from './breaking-news';
import { breakingNewsFile, sectionsFile } from './build-settings';
import { buildTime, isPublished } from './publishing';
import { menuPositions, readSectionsFile, sectionNames } from './section-menu';
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
    const sections = readSectionsFile(sectionsFile());
    return buildSiteIndex(
      entries.filter((entry) => isPublished(entry.data, now)),
      menuPositions(sections),
      sectionNames(sections),
    );
  });
  return siteIndex;
}

let breakingNews: BreakingNews | undefined | null = null;

/**
 * The breaking news the fronts show in this build (`content/ultima-ora.yaml`), read once.
 *
 * @example
 * const news = getBreakingNews(); // undefined: no strip
 */
export function getBreakingNews(): BreakingNews | undefined {
  if (breakingNews === null) breakingNews = readBreakingNews(breakingNewsFile(), buildTime());
  return breakingNews;
}

/**
 * An article's body as its page shows it: the HTML the loader kept in the render cache (it is not
 * in the content store), and Astro's component for it, with the body's pictures resolved.
 *
 * @example
 * const { html, Content } = await renderArticle(article.entry);
 */
export async function renderArticle(
  entry: ArticleEntry,
): Promise<{ html: string; Content: Awaited<ReturnType<typeof render>>['Content'] }> {
  const htmlKey = entry.rendered?.metadata?.htmlKey;
  if (typeof htmlKey !== 'string') throw new Error(`${entry.filePath}: the article's entry does not name its rendered HTML`);
  const html = readRenderedHtml(renderCacheFolder(cacheDir), htmlKey);
  const { Content } = await render({ ...entry, rendered: { ...entry.rendered, html } });
  return { html, Content };
}

/** How many articles a listing page shows. */
export const LISTING_PAGE_SIZE = 20;

/** How many items a feed carries. */
export const FEED_SIZE = 50;
