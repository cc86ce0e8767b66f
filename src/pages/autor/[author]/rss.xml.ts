import type { APIContext, GetStaticPaths } from 'astro';
import { getSiteIndex } from '../../../lib/collections';
import { rssFeed } from '../../../lib/feeds';
import { type Listing, listingFeeds } from '../../../lib/listings';
import { authorPath } from '../../../lib/urls';

export const getStaticPaths = (async () => listingFeeds((await getSiteIndex()).authors.values(), 'author')) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ listing: Listing }>) {
  return rssFeed({ title: props.listing.name, articles: props.listing.articles, path: authorPath(props.listing.slug) });
}
