import type { APIContext, GetStaticPaths } from 'astro';
import { getSiteIndex } from '../../../lib/collections';
import { rssFeed } from '../../../lib/feeds';
import { type Listing, listingFeeds } from '../../../lib/listings';
import { tagPath } from '../../../lib/urls';

export const getStaticPaths = (async () => listingFeeds((await getSiteIndex()).tags.values(), 'tag')) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ listing: Listing }>) {
  return rssFeed({ title: props.listing.name, articles: props.listing.articles, path: tagPath(props.listing.slug) });
}
