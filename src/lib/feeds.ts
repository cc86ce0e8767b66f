import rss from '@astrojs/rss';
import { site } from '../site';
import { type Article, FEED_SIZE } from './collections';

export interface FeedOptions {
  /** The listing's name; the site's name is added. */
  title?: string;
  /** Newest first; only the first `FEED_SIZE` are carried. */
  articles: readonly Article[];
}

/**
 * An RSS 2.0 feed of the latest articles of a listing, with the lead as each item's summary.
 *
 * @example
 * export const GET = () => articleFeed({ title: 'Sport', articles: section.articles });
 */
export function articleFeed({ title, articles }: FeedOptions): Promise<Response> {
  return rss({
    title: title ? `${title} | ${site.name}` : site.name,
    description: site.description,
    site: site.url,
    trailingSlash: true,
    customData: '<language>ro</language>',
    items: articles.slice(0, FEED_SIZE).map((article) => ({
      title: article.data.title,
      link: article.url,
      pubDate: article.data.date,
      description: article.data.lead,
      categories: article.tags.map((tag) => tag.name),
    })),
  });
}
