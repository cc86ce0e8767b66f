import { getSitemapFiles } from '../lib/site-sitemaps';
import { sitemapIndex } from '../lib/sitemap';
import { site } from '../site';

export async function GET() {
  return new Response(sitemapIndex(await getSitemapFiles(), site.url), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
