import { getNewsSitemapFiles } from '../lib/site-sitemaps';
import { newsSitemapPath, sitemapIndex } from '../lib/sitemap';
import { site } from '../site';

export async function GET() {
  const files = (await getNewsSitemapFiles()).map((articles) => articles.map((article) => ({ lastmod: article.published })));
  return new Response(sitemapIndex(files, site.url, newsSitemapPath), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
