import { toBucharestIso } from './dates';
import { lastModified } from './publishing';
import { escapeXml } from './text';
import type { IndexableEntry, IndexedArticle, SiteIndex } from './site-index';
import { absoluteUrl, authorPath, sectionPath, tagPath } from './urls';

/** One page in the sitemap, when its content last changed, and its images' absolute URLs. */
export interface SitemapUrl {
  path: string;
  lastmod: Date;
  images?: readonly string[];
}

/** The protocol's limit of URLs per sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;

/**
 * Every page worth indexing: the home page, the first page of every listing, every article.
 * A listing's `lastmod` is its newest article's.
 *
 * @example
 * sitemapUrls(index)[0] // => { path: '/', lastmod: <the newest article's date> }
 */
export function sitemapUrls<Entry extends IndexableEntry>(
  index: SiteIndex<Entry>,
  imagesOf: (article: IndexedArticle<Entry>) => readonly string[] = () => [],
): SitemapUrl[] {
  const lastChange = (articles: readonly { data: { date: Date; updated?: Date } }[]) =>
    new Date(articles.reduce((latest, { data }) => Math.max(latest, lastModified(data).getTime()), 0));
  return [
    ...(index.articles.length > 0 ? [{ path: '/', lastmod: lastChange(index.articles) }] : []),
    ...[...index.sections.values()].map((section) => ({ path: sectionPath(section.slug), lastmod: lastChange(section.articles) })),
    ...[...index.tags.values()].map((tag) => ({ path: tagPath(tag.slug), lastmod: lastChange(tag.articles) })),
    ...[...index.authors.values()].map((author) => ({ path: authorPath(author.slug), lastmod: lastChange(author.articles) })),
    ...index.articles.map((article) => ({
      path: article.url,
      lastmod: lastModified(article.data),
      images: imagesOf(article),
    })),
  ];
}

/**
 * The sitemap files: the URLs cut into files of at most `size`.
 *
 * @example
 * sitemapFiles(Array(120_000).fill(url)).map((file) => file.length) // => [50000, 50000, 20000]
 */
export function sitemapFiles<T>(urls: readonly T[], size = SITEMAP_MAX_URLS): T[][] {
  const files: T[][] = [];
  for (let start = 0; start < urls.length; start += size) files.push(urls.slice(start, start + size));
  return files;
}

/** The path of the n-th sitemap file (from 1). */
export function sitemapPath(number: number): string {
  return `/sitemap-${number}.xml`;
}

/** The sitemap index's path, named in robots.txt. */
export const SITEMAP_INDEX_PATH = '/sitemap-index.xml';

const IMAGE_NAMESPACE = 'http://www.google.com/schemas/sitemap-image/1.1';
const NEWS_NAMESPACE = 'http://www.google.com/schemas/sitemap-news/0.9';

/** Google News reads articles from the last two days only. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;

/** Google News takes at most 1,000 URLs per sitemap file. */
export const NEWS_SITEMAP_MAX_URLS = 1_000;

/** The Google News sitemap index's path, named in robots.txt. */
export const NEWS_SITEMAP_INDEX_PATH = '/sitemap-news-index.xml';

/** The path of the n-th Google News sitemap file (from 1). */
export function newsSitemapPath(number: number): string {
  return `/sitemap-news-${number}.xml`;
}

/** One article in the Google News sitemap. */
export interface NewsSitemapArticle {
  path: string;
  title: string;
  published: Date;
}

/**
 * The articles published in the 48 hours before the build, newest first, as Google News wants them.
 *
 * @example
 * recentArticles(index, new Date('2025-09-15T12:00:00Z')).map((article) => article.path) // => ['/stiri/ieri/']
 */
export function recentArticles<Entry extends IndexableEntry & { data: { title: string } }>(
  index: SiteIndex<Entry>,
  now: Date,
): NewsSitemapArticle[] {
  const since = now.getTime() - NEWS_WINDOW_MS;
  return index.articles
    .filter((article) => article.data.date.getTime() >= since && article.data.date.getTime() <= now.getTime())
    .map((article) => ({ path: article.url, title: article.data.title, published: article.data.date }));
}

/**
 * A Google News `<urlset>`: publication name and language, publication date, title.
 *
 * @example
 * newsUrlset([{ path: '/x/', title: 'T', published }], 'https://foaia.ro', 'Foaia') // => '…<news:name>Foaia</news:name>…'
 */
export function newsUrlset(articles: readonly NewsSitemapArticle[], site: string, publicationName: string): string {
  const entries = articles.map(
    (article) =>
      `<url><loc>${escapeXml(absoluteUrl(article.path, site))}</loc><news:news>` +
      `<news:publication><news:name>${escapeXml(publicationName)}</news:name><news:language>ro</news:language></news:publication>` +
      `<news:publication_date>${toBucharestIso(article.published)}</news:publication_date>` +
      `<news:title>${escapeXml(article.title)}</news:title></news:news></url>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="${NEWS_NAMESPACE}">\n${entries.join('\n')}\n</urlset>\n`
  );
}

/**
 * A `<urlset>` document.
 *
 * @example
 * urlset([{ path: '/', lastmod }], 'https://foaia.ro') // => '<?xml …><urlset …><url><loc>https://foaia.ro/</loc>…'
 */
export function urlset(urls: readonly SitemapUrl[], site: string): string {
  const entries = urls.map(({ path, lastmod, images = [] }) => {
    const imageTags = images.map((image) => `<image:image><image:loc>${escapeXml(image)}</image:loc></image:image>`).join('');
    return `<url><loc>${escapeXml(absoluteUrl(path, site))}</loc><lastmod>${toBucharestIso(lastmod)}</lastmod>${imageTags}</url>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="${IMAGE_NAMESPACE}">\n${entries.join('\n')}\n</urlset>\n`
  );
}

/**
 * A `<sitemapindex>` naming each sitemap file, with its newest `lastmod`.
 *
 * @example
 * sitemapIndex([[{ path: '/', lastmod }]], 'https://foaia.ro') // => '…<loc>https://foaia.ro/sitemap-1.xml</loc>…'
 */
export function sitemapIndex(files: readonly { lastmod?: Date }[][], site: string, pathOf = sitemapPath): string {
  const entries = files.map((urls, position) => {
    const latest = urls.reduce((newest, url) => Math.max(newest, url.lastmod?.getTime() ?? 0), 0);
    const lastmod = latest > 0 ? `<lastmod>${toBucharestIso(new Date(latest))}</lastmod>` : '';
    return `<sitemap><loc>${escapeXml(absoluteUrl(pathOf(position + 1), site))}</loc>${lastmod}</sitemap>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}
