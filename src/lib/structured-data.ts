import type { SiteSettings } from '../schemas/site';
import { toBucharestIso } from './dates';
import { lastModified } from './publishing';
import { slugify } from './slugs';
import { absoluteUrl, authorPath } from './urls';

/** A JSON-LD object. */
export type JsonLd = Record<string, unknown>;

/** An image as structured data and link previews need it: absolute URL and size. */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
  /** What the image shows. */
  alt: string;
  /** Who owns it, printed "Foto: …" on the page. */
  credit?: string;
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are escaped so no value
 * (a title with `</script>` in it) can end the element, and U+2028/2029 so old parsers cope.
 *
 * @example
 * serializeJsonLd({ headline: '</script><b>' }) // => '{"headline":"\\u003c/script\\u003e\\u003cb\\u003e"}'
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The publisher, as `NewsMediaOrganization` with its logo.
 *
 * @example
 * newsMediaOrganization(site).logo.url // => 'https://foaia.ro/logo.png'
 */
export function newsMediaOrganization(site: SiteSettings) {
  const { logo } = site.publisher;
  return {
    '@type': 'NewsMediaOrganization',
    '@id': absoluteUrl('/#organization', site.url),
    name: site.publisher.name,
    url: absoluteUrl('/', site.url),
    logo: { '@type': 'ImageObject', url: absoluteUrl(logo.path, site.url), width: logo.width, height: logo.height },
    ...(site.profiles.length > 0 ? { sameAs: site.profiles } : {}),
  };
}

/**
 * The home page's `WebSite`, naming its publisher.
 *
 * @example
 * webSite(site)['@type'] // => 'WebSite'
 */
export function webSite(site: SiteSettings): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': absoluteUrl('/#website', site.url),
    name: site.name,
    description: site.description,
    url: absoluteUrl('/', site.url),
    inLanguage: 'ro',
    publisher: { '@id': absoluteUrl('/#organization', site.url) },
  };
}

/**
 * The organisation behind the site, for the home page.
 *
 * @example
 * organization(site)['@type'] // => 'NewsMediaOrganization'
 */
export function organization(site: SiteSettings): JsonLd {
  return { '@context': 'https://schema.org', ...newsMediaOrganization(site) };
}

/** One step of a breadcrumb: its name and absolute URL. */
export interface BreadcrumbStep {
  name: string;
  url: string;
}

/**
 * `BreadcrumbList` for the breadcrumb the page shows, in the same order.
 *
 * @example
 * breadcrumbList([{ name: 'Prima pagină', url: 'https://foaia.ro/' }]).itemListElement[0].position // => 1
 */
export function breadcrumbList(steps: readonly BreadcrumbStep[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: steps.map((step, index) => ({ '@type': 'ListItem', position: index + 1, name: step.name, item: step.url })),
  };
}

/** What `newsArticle` needs of an article. */
export interface NewsArticleInput {
  url: string;
  title: string;
  description: string;
  published: Date;
  updated?: Date;
  bylines: readonly string[];
  section: string;
  tags: readonly string[];
  images: readonly ShareImage[];
  /** What the authors' files say of the bylines that have one, by the name's slug. */
  profiles?: ReadonlyMap<string, PersonFacts>;
}

/** What an author file tells structured data of a person, beyond the name. */
export interface PersonFacts {
  /** Their role at the newsroom. */
  jobTitle?: string;
  /** Their profiles elsewhere. */
  sameAs: readonly string[];
  /** Their portrait's absolute URL. */
  image?: string;
}

/**
 * A byline as a `Person` (Google's author markup): the name as signed, the author page as `url`,
 * and what their author file adds (role, profiles, portrait) when there is one.
 *
 * @example
 * person('Ana Pop', site, { jobTitle: 'Redactor', sameAs: ['https://x.com/anapop'] })
 * // => { '@type': 'Person', name: 'Ana Pop', url: 'https://foaia.ro/autor/ana-pop/', jobTitle: 'Redactor', sameAs: ['https://x.com/anapop'] }
 */
export function person(name: string, site: SiteSettings, facts?: PersonFacts): JsonLd {
  return {
    '@type': 'Person',
    name,
    url: absoluteUrl(authorPath(name), site.url),
    ...(facts?.jobTitle ? { jobTitle: facts.jobTitle } : {}),
    ...(facts?.image ? { image: facts.image } : {}),
    ...(facts && facts.sameAs.length > 0 ? { sameAs: facts.sameAs } : {}),
  };
}

/**
 * The author page of someone with an author file, as Google's `ProfilePage` markup: the person,
 * with their biography as `description`.
 *
 * @example
 * profilePage(person('Ana Pop', site), 'Redactor din 2019.')['@type'] // => 'ProfilePage'
 */
export function profilePage(about: JsonLd, description: string | undefined): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    mainEntity: { ...about, ...(description ? { description } : {}) },
  };
}

function imageObject(image: ShareImage) {
  return {
    '@type': 'ImageObject',
    url: image.url,
    contentUrl: image.url,
    width: image.width,
    height: image.height,
    caption: image.alt,
    ...(image.credit ? { creditText: image.credit, copyrightNotice: image.credit } : {}),
  };
}

/**
 * `NewsArticle` as Google's article documentation describes it: dates with the Bucharest offset
 * (as the page shows them), one `Person` per byline with their author file's role and profiles
 * (an `Organization` for the newsroom's own),
 * the publisher with its logo, and the images with their credit.
 *
 * @example
 * newsArticle(article, site).datePublished // => '2025-08-13T09:04:00+03:00'
 */
export function newsArticle(article: NewsArticleInput, site: SiteSettings): JsonLd {
  const newsroom = new Set(site.newsroomBylines);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${article.url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    url: article.url,
    headline: article.title,
    description: article.description,
    image: article.images.map(imageObject),
    datePublished: toBucharestIso(article.published),
    dateModified: toBucharestIso(lastModified({ date: article.published, updated: article.updated })),
    author: (article.bylines.length > 0 ? article.bylines : [site.publisher.name]).map((name) =>
      newsroom.has(name) || name === site.publisher.name
        ? { '@type': 'Organization', name, url: absoluteUrl('/', site.url) }
        : person(name, site, article.profiles?.get(slugify(name))),
    ),
    publisher: newsMediaOrganization(site),
    articleSection: article.section,
    keywords: article.tags,
    inLanguage: 'ro',
    isAccessibleForFree: true,
  };
}
