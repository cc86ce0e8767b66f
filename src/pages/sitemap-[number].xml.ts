import type { APIContext, GetStaticPaths } from 'astro';
import { getSitemapFiles } from '../lib/site-sitemaps';
import { type SitemapUrl, urlset } from '../lib/sitemap';
import { site } from '../site';

export const getStaticPaths = (async () =>
  (await getSitemapFiles()).map((urls, position) => ({
    params: { number: String(position + 1) },
    props: { urls },
  }))) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ urls: SitemapUrl[] }>) {
  return new Response(urlset(props.urls, site.url), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
