import { NEWS_SITEMAP_INDEX_PATH, SITEMAP_INDEX_PATH } from '../lib/sitemap';
import { absoluteUrl } from '../lib/urls';
import { site } from '../site';

export function GET() {
  const sitemaps = [SITEMAP_INDEX_PATH, NEWS_SITEMAP_INDEX_PATH].map((path) => `Sitemap: ${absoluteUrl(path, site.url)}`);
  return new Response(`User-agent: *\nAllow: /\n\n${sitemaps.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
