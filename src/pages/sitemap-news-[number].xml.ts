import type { APIContext, GetStaticPaths } from 'astro';
import { getNewsSitemapFiles } from '../lib/site-sitemaps';
import { type NewsSitemapArticle, newsUrlset } from '../lib/sitemap';
import { site } from '../site';

export const getStaticPaths = (async () =>
  (await getNewsSitemapFiles()).map((articles, position) => ({
    params: { number: String(position + 1) },
    props: { articles },
  }))) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ articles: NewsSitemapArticle[] }>) {
  return new Response(newsUrlset(props.articles, site.url, site.googleNewsName), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
