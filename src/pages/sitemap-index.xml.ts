import { getSiteIndex } from '../lib/collections';
import { sitemapFiles, sitemapIndex, sitemapUrls } from '../lib/sitemap';
import { site } from '../site';

export async function GET() {
  const files = sitemapFiles(sitemapUrls(await getSiteIndex()));
  return new Response(sitemapIndex(files, site.url), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
