import type { APIContext, GetStaticPaths } from 'astro';
import { getSiteIndex } from '../lib/collections';
import { buildTime } from '../lib/publishing';
import { NEWS_SITEMAP_MAX_URLS, type NewsSitemapArticle, newsUrlset, recentArticles, sitemapFiles } from '../lib/sitemap';
import { site } from '../site';

export const getStaticPaths = (async () => {
  const files = sitemapFiles(recentArticles(await getSiteIndex(), buildTime()), NEWS_SITEMAP_MAX_URLS);
  // An empty file when nothing is recent, so the index and robots.txt never point at nothing.
  return (files.length > 0 ? files : [[]]).map((articles, position) => ({ params: { number: String(position + 1) }, props: { articles } }));
}) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ articles: NewsSitemapArticle[] }>) {
  return new Response(newsUrlset(props.articles, site.url, site.googleNewsName), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
