import { SITEMAP_INDEX_PATH } from '../lib/sitemap';
import { absoluteUrl } from '../lib/urls';
import { site } from '../site';

export function GET() {
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(SITEMAP_INDEX_PATH, site.url)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
