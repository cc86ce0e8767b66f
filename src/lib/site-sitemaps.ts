import { getSiteIndex } from './collections';
import { buildTime } from './publishing';
import { photoShareImages } from './share-images';
import { NEWS_SITEMAP_MAX_URLS, type NewsSitemapArticle, recentArticles, type SitemapUrl, sitemapFiles, sitemapUrls } from './sitemap';
import { site } from '../site';

let siteFiles: Promise<SitemapUrl[][]> | undefined;

/**
 * The site's sitemap files, computed once per build: the index and each file read the same split.
 * Articles with a photo carry its 16:9 crop as `image:image`.
 *
 * @example
 * (await getSitemapFiles()).length // => 1 up to 50,000 URLs
 */
export function getSitemapFiles(): Promise<SitemapUrl[][]> {
  siteFiles ??= (async () => {
    const index = await getSiteIndex();
    const images = new Map(
      await Promise.all(
        index.articles
          .filter((article) => article.data.photo)
          .map(async (article) => [article, [(await photoShareImages(article.data.photo!, site.url))[0]!.url]] as const),
      ),
    );
    return sitemapFiles(sitemapUrls(index, (article) => images.get(article) ?? []));
  })();
  return siteFiles;
}

/**
 * The Google News sitemap files: the articles of the 48 hours before the build, 1,000 a file.
 * There is always at least one file, empty when nothing is recent, so the index and robots.txt
 * never point at nothing.
 *
 * @example
 * (await getNewsSitemapFiles())[0] // => [{ path: '/stiri/azi/', title: '…', published }]
 */
export async function getNewsSitemapFiles(): Promise<NewsSitemapArticle[][]> {
  const files = sitemapFiles(recentArticles(await getSiteIndex(), buildTime()), NEWS_SITEMAP_MAX_URLS);
  return files.length > 0 ? files : [[]];
}
