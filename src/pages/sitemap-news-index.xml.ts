import { getSiteIndex } from '../lib/collections';
import { buildTime } from '../lib/publishing';
import { NEWS_SITEMAP_MAX_URLS, newsSitemapPath, recentArticles, sitemapFiles, sitemapIndex } from '../lib/sitemap';
import { site } from '../site';

export async function GET() {
  const files = sitemapFiles(recentArticles(await getSiteIndex(), buildTime()), NEWS_SITEMAP_MAX_URLS);
  const dated = (files.length > 0 ? files : [[]]).map((articles) => articles.map((article) => ({ lastmod: article.published })));
  return new Response(sitemapIndex(dated, site.url, newsSitemapPath), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
