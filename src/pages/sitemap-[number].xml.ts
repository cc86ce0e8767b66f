import type { APIContext, GetStaticPaths } from 'astro';
import { getSiteIndex } from '../lib/collections';
import { photoShareImages } from '../lib/share-images';
import { type SitemapUrl, sitemapFiles, sitemapUrls, urlset } from '../lib/sitemap';
import { site } from '../site';

export const getStaticPaths = (async () => {
  const index = await getSiteIndex();
  const images = new Map(
    await Promise.all(
      index.articles
        .filter((article) => article.data.photo)
        .map(
          async (article) =>
            [article, (await photoShareImages(article.data.photo!, site.url)).slice(0, 1).map((image) => image.url)] as const,
        ),
    ),
  );
  const files = sitemapFiles(sitemapUrls(index, (article) => images.get(article) ?? []));
  return files.map((urls, position) => ({ params: { number: String(position + 1) }, props: { urls } }));
}) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ urls: SitemapUrl[] }>) {
  return new Response(urlset(props.urls, site.url), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
