import rss from '@astrojs/rss';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { t } from '../i18n';
import rehypeAbsoluteUrls from '../plugins/rehype-absolute-urls';
import { site } from '../site';
import { type Article, FEED_SIZE, renderArticle } from './collections';
import Corrections from '../components/Corrections.astro';
import { toBucharestIso } from './dates';
import { shownUpdate } from './publishing';
import { photoShareImages } from './share-images';
import { escapeXml, withSiteName } from './text';
import { absoluteUrl, authorPath, JSON_FEED_PATH } from './urls';

/** One article as every feed format carries it. */
interface FeedItem {
  url: string;
  title: string;
  summary?: string;
  published: Date;
  updated?: Date;
  authors: { name: string; url: string }[];
  tags: string[];
  photo?: { url: string; width: number; height: number; alt: string; credit: string; caption?: string | undefined };
  /** The full body, with absolute URLs; only the site-wide feeds carry it. */
  html?: string;
}

let container: Promise<AstroContainer> | undefined;

/** Makes every URL of an article body absolute, against the article's own URL. */
const absolutize = (base: string) => unified().use(rehypeParse, { fragment: true }).use(rehypeAbsoluteUrls, { base }).use(rehypeStringify);

/** Bodies already made: `/rss.xml` and `/feed.json` carry the same latest articles. */
const bodies = new Map<string, Promise<string>>();

/** The article body as its page shows it (images resolved), with every URL made absolute. */
function bodyHtml(article: Article, url: string): Promise<string> {
  let body = bodies.get(article.id);
  if (!body) {
    body = (async () => {
      container ??= AstroContainer.create();
      const { Content } = await renderArticle(article.entry);
      return String(await absolutize(url).process(await (await container).renderToString(Content)));
    })();
    bodies.set(article.id, body);
  }
  return body;
}

/** The corrections as the article page shows them, at the end of a full-content item. */
async function correctionsHtml(corrections: Article['data']['corrections']): Promise<string> {
  if (corrections.length === 0) return '';
  container ??= AstroContainer.create();
  return (await container).renderToString(Corrections, { props: { corrections } });
}

async function feedItem(article: Article, withBody: boolean): Promise<FeedItem> {
  const { data } = article;
  const url = absoluteUrl(article.url, site.url);
  const [image] = data.photo ? await photoShareImages(data.photo, site.url) : [];
  const photo = image && { ...image, credit: image.credit ?? '', caption: data.photo?.caption };
  return {
    url,
    title: data.title,
    summary: data.lead,
    published: data.date,
    updated: shownUpdate(data),
    authors: data.byline.map((name) => ({ name, url: absoluteUrl(authorPath(name), site.url) })),
    tags: article.tags.map((tag) => tag.name),
    photo,
    html: withBody
      ? `${photo ? photoFigure(photo) : ''}${await bodyHtml(article, url)}${await correctionsHtml(data.corrections)}`
      : undefined,
  };
}

/**
 * The article's photo at the top of a full-content item, as its page shows it (caption and credit
 * on lines of their own): a feed reader shows `content:encoded` and would otherwise leave the
 * story without its picture and credit.
 */
function photoFigure(photo: NonNullable<FeedItem['photo']>): string {
  const caption = photo.caption ? `<p>${escapeXml(photo.caption)}</p>` : '';
  return (
    `<figure><img src="${escapeXml(photo.url)}" alt="${escapeXml(photo.alt)}" width="${photo.width}" height="${photo.height}">` +
    `<figcaption>${caption}<p>${escapeXml(t('article.photoCredit'))} ${escapeXml(photo.credit)}</p></figcaption></figure>`
  );
}

/** `<media:content>` for the photo, with its description and credit (Media RSS). */
function mediaContent(photo: NonNullable<FeedItem['photo']>): string {
  return (
    `<media:content url="${escapeXml(photo.url)}" medium="image" type="image/jpeg" width="${photo.width}" height="${photo.height}">` +
    `<media:description type="plain">${escapeXml(photo.alt)}</media:description>` +
    `<media:credit>${escapeXml(photo.credit)}</media:credit></media:content>`
  );
}

export interface FeedOptions {
  /** The listing's name; the site's name is added. Absent for the site-wide feed. */
  title?: string;
  /** Newest first; only the first `FEED_SIZE` are carried. */
  articles: readonly Article[];
  /** Whether items carry the full body (`content:encoded`), or only the lead. */
  fullContent?: boolean;
  /** The page the feed follows (the channel's `<link>`): a listing's path; the home page by default. */
  path?: string;
}

/**
 * An RSS 2.0 feed of a listing's latest articles: absolute links, RFC 822 dates, the photo as
 * Media RSS with its credit, and the full body when asked.
 *
 * @example
 * export const GET = () => rssFeed({ title: 'Sport', articles: section.articles, path: '/sport/' });
 */
export async function rssFeed({ title, articles, fullContent = false, path = '/' }: FeedOptions): Promise<Response> {
  const items = await Promise.all(articles.slice(0, FEED_SIZE).map((article) => feedItem(article, fullContent)));
  return rss({
    title: withSiteName(title, site.name),
    description: site.description,
    // The channel's `<link>`; every item's link is already absolute.
    site: absoluteUrl(path, site.url),
    trailingSlash: true,
    xmlns: { media: 'http://search.yahoo.com/mrss/', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: '<language>ro</language>',
    items: items.map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: item.published,
      description: item.summary,
      content: item.html,
      categories: item.tags,
      customData: [
        ...item.authors.map((author) => `<dc:creator>${escapeXml(author.name)}</dc:creator>`),
        item.photo ? mediaContent(item.photo) : '',
      ].join(''),
    })),
  });
}

/**
 * The site's latest articles as JSON Feed 1.1, with full bodies.
 *
 * @example
 * export const GET = async () => jsonFeed((await getSiteIndex()).articles);
 */
export async function jsonFeed(articles: readonly Article[]): Promise<Response> {
  const items = await Promise.all(articles.slice(0, FEED_SIZE).map((article) => feedItem(article, true)));
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.name,
    description: site.description,
    home_page_url: absoluteUrl('/', site.url),
    feed_url: absoluteUrl(JSON_FEED_PATH, site.url),
    icon: absoluteUrl(site.publisher.logo.path, site.url),
    favicon: absoluteUrl('/favicon.svg', site.url),
    language: 'ro',
    items: items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      content_html: item.html,
      ...(item.summary ? { summary: item.summary } : {}),
      ...(item.photo ? { image: item.photo.url } : {}),
      date_published: toBucharestIso(item.published),
      ...(item.updated ? { date_modified: toBucharestIso(item.updated) } : {}),
      ...(item.authors.length > 0 ? { authors: item.authors } : {}),
      tags: item.tags,
    })),
  };
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
