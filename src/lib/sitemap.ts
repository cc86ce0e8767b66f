import { toBucharestIso } from './dates';
import type { IndexableEntry, SiteIndex } from './site-index';
import { absoluteUrl, authorPath, sectionPath, tagPath } from './urls';

/** One page in the sitemap and when its content last changed. */
export interface SitemapUrl {
  path: string;
  lastmod: Date;
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
export function sitemapUrls<Entry extends IndexableEntry>(index: SiteIndex<Entry>): SitemapUrl[] {
  const lastChange = (articles: readonly { data: { date: Date; updated?: Date } }[]) =>
    new Date(articles.reduce((latest, { data }) => Math.max(latest, (data.updated ?? data.date).getTime()), 0));
  return [
    ...(index.articles.length > 0 ? [{ path: '/', lastmod: lastChange(index.articles) }] : []),
    ...[...index.sections.values()].map((section) => ({ path: sectionPath(section.slug), lastmod: lastChange(section.articles) })),
    ...[...index.tags.values()].map((tag) => ({ path: tagPath(tag.slug), lastmod: lastChange(tag.articles) })),
    ...[...index.authors.values()].map((author) => ({ path: authorPath(author.slug), lastmod: lastChange(author.articles) })),
    ...index.articles.map((article) => ({ path: article.url, lastmod: article.data.updated ?? article.data.date })),
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

/**
 * Escapes text for an XML element or attribute.
 *
 * @example
 * escapeXml('Tom & "Jerry" <3') // => 'Tom &amp; &quot;Jerry&quot; &lt;3'
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[character]};`);
}

/** The path of the n-th sitemap file (from 1). */
export function sitemapPath(number: number): string {
  return `/sitemap-${number}.xml`;
}

/** The sitemap index's path, named in robots.txt. */
export const SITEMAP_INDEX_PATH = '/sitemap-index.xml';

/**
 * A `<urlset>` document.
 *
 * @example
 * urlset([{ path: '/', lastmod }], 'https://foaia.ro') // => '<?xml …><urlset …><url><loc>https://foaia.ro/</loc>…'
 */
export function urlset(urls: readonly SitemapUrl[], site: string): string {
  const entries = urls.map(
    ({ path, lastmod }) => `<url><loc>${escapeXml(absoluteUrl(path, site))}</loc><lastmod>${toBucharestIso(lastmod)}</lastmod></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}

/**
 * A `<sitemapindex>` naming each sitemap file, with its newest `lastmod`.
 *
 * @example
 * sitemapIndex([[{ path: '/', lastmod }]], 'https://foaia.ro') // => '…<loc>https://foaia.ro/sitemap-1.xml</loc>…'
 */
export function sitemapIndex(files: readonly SitemapUrl[][], site: string): string {
  const entries = files.map((urls, position) => {
    const lastmod = new Date(urls.reduce((latest, url) => Math.max(latest, url.lastmod.getTime()), 0));
    return `<sitemap><loc>${escapeXml(absoluteUrl(sitemapPath(position + 1), site))}</loc><lastmod>${toBucharestIso(lastmod)}</lastmod></sitemap>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}
