import type { PaginateFunction } from 'astro';
import { articleKey, listingPageKey, pageKey } from '../build-cache/page-keys';
import { FEED_SIZE, getSiteIndex, LISTING_PAGE_SIZE, type SiteTopic } from './collections';

/** A section, tag or author: what a listing page lists (a section is a topic with a place in the tree). */
export type Listing = SiteTopic;

/**
 * The pages of every listing of one kind, 20 articles each, newest first: page 1 at
 * `/<…>/<slug>/`, then `/<…>/<slug>/2/`… (`param` names the route's slug parameter), each with
 * the cache key of what it shows. `firstPageShows` is what a listing's first page shows above the
 * list (a section front's breaking news, an author's profile), so that it enters its key.
 *
 * @example
 * export const getStaticPaths = async ({ paginate }) => listingPages(paginate, (await getSiteIndex()).tags.values(), 'tag');
 */
export async function listingPages<Kind extends Listing>(
  paginate: PaginateFunction,
  listings: Iterable<Kind>,
  param: string,
  firstPageShows: (listing: Kind) => unknown = () => null,
) {
  const index = await getSiteIndex();
  return [...listings].flatMap((listing) =>
    paginate(listing.articles, { params: { [param]: listing.slug }, props: { listing }, pageSize: LISTING_PAGE_SIZE }).map((path) => {
      const { currentPage, lastPage, data } = path.props.page;
      return {
        ...path,
        cacheKey: listingPageKey(index, listing, currentPage, lastPage, data, currentPage === 1 ? firstPageShows(listing) : null),
      };
    }),
  );
}

/**
 * The feed route of every listing of one kind.
 *
 * @example
 * export const getStaticPaths = async () => listingFeeds((await getSiteIndex()).authors.values(), 'author');
 */
export async function listingFeeds<Kind extends Listing>(listings: Iterable<Kind>, param: string) {
  const index = await getSiteIndex();
  return [...listings].map((listing) => ({
    params: { [param]: listing.slug },
    props: { listing },
    cacheKey: pageKey(index, 'feed', listing.slug, listing.name, listing.articles.slice(0, FEED_SIZE).map(articleKey)),
  }));
}
