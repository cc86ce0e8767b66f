import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';

/** Past this many changed pages, one wildcard invalidation is cheaper than listing them. */
const MAX_LISTED_INVALIDATIONS = 1000;

/**
 * The paths a CDN must drop after a deploy changed these pages (`sport/nou/index.html`): the page
 * under both of its names, or everything when there are too many to list.
 *
 * @example
 * invalidationPaths(['sport/nou/index.html']) // => ['/sport/nou/', '/sport/nou/index.html']
 */
export function invalidationPaths(changedPages: readonly string[]): string[] {
  const paths = changedPages.flatMap((page) => {
    const path = `/${page}`;
    return path.endsWith('/index.html') ? [path.slice(0, -'index.html'.length), path] : [path];
  });
  return paths.length > MAX_LISTED_INVALIDATIONS ? ['/*'] : paths;
}

/** Tells CloudFront to drop the changed pages (`FOAIA_CLOUDFRONT_DISTRIBUTION`). */
export async function invalidateCloudFront(distribution: string, changedPages: readonly string[], reference: string): Promise<void> {
  const paths = invalidationPaths(changedPages);
  if (paths.length === 0) return;
  await new CloudFrontClient({}).send(
    new CreateInvalidationCommand({
      DistributionId: distribution,
      InvalidationBatch: { CallerReference: reference, Paths: { Quantity: paths.length, Items: paths } },
    }),
  );
}

/**
 * The article URLs among the changed pages: what search engines should crawl again.
 *
 * @example
 * changedArticleUrls('dist', ['sport/nou/index.html', 'sport/index.html'], 'https://foaia.ro') // => ['https://foaia.ro/sport/nou/']
 */
export function changedArticleUrls(dist: string, changedPages: readonly string[], site: string): string[] {
  return changedPages
    .filter((page) => {
      try {
        return readFileSync(join(dist, page), 'utf8').includes('"@type":"NewsArticle"');
      } catch {
        return false;
      }
    })
    .map((page) => new URL(`/${page.replace(/index\.html$/, '')}`, site).href);
}

/** IndexNow takes at most this many URLs a request. */
const INDEXNOW_BATCH = 10_000;

/**
 * Announces changed article URLs to the search engines that accept IndexNow; the key's file is
 * at `/<key>.txt` (the build writes it when `FOAIA_INDEXNOW_KEY` is set).
 */
export async function announceIndexNow(urls: readonly string[], key: string, site: string): Promise<void> {
  for (let start = 0; start < urls.length; start += INDEXNOW_BATCH) {
    const response = await fetch('https://api.indexnow.org/indexnow', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        host: new URL(site).host,
        key,
        keyLocation: new URL(`/${key}.txt`, site).href,
        urlList: urls.slice(start, start + INDEXNOW_BATCH),
      }),
    });
    if (!response.ok) throw new Error(`IndexNow answered ${response.status}`);
  }
}
