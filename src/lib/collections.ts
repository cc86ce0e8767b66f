import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { cacheDir } from 'astro:config/server';
import { type CollectionEntry, getCollection, render } from 'astro:content';
import { readRenderedHtml, renderCacheFolder } from '../build-cache/render-cache';
import type { BreakingNews } from '../schemas/breaking-news';
import type { PersonFacts } from './structured-data';
import { readBreakingNews } from './breaking-news';
import { authorsFolder, breakingNewsFile, previewMode, sectionsFile } from './build-settings';
import { buildTime, isPublished } from './publishing';
import { menuPositions, readSectionsFile, sectionNames } from './section-menu';
import { buildSiteIndex, type IndexedArticle, relatedArticles, type Section, type SiteIndex, type Topic } from './site-index';

export type ArticleEntry = CollectionEntry<'articles'>;
export type AuthorEntry = CollectionEntry<'authors'>;
export type Article = IndexedArticle<ArticleEntry>;
export type SiteSection = Section<ArticleEntry>;
export type SiteTopic = Topic<ArticleEntry>;

/**
 * What an author file tells structured data of its author.
 *
 * @example
 * personFacts(profile) // => { jobTitle: 'Redactor, Știri externe', sameAs: ['https://x.com/anapop'] }
 */
export function personFacts(profile: AuthorEntry): PersonFacts {
  return { ...(profile.data.role ? { jobTitle: profile.data.role } : {}), sameAs: profile.data.links };
}

let siteIndex: Promise<SiteIndex<ArticleEntry>> | undefined;
let authorProfiles: Promise<Map<string, AuthorEntry>> | undefined;

/**
 * The authors' profiles (`content/authors/<slug>.md`) by slug, read once per build: the slug a
 * byline's name makes finds its author.
 *
 * @example
 * (await getAuthorProfiles()).get('ana-pop')?.data.role // => 'Redactor, Știri externe'
 */
export function getAuthorProfiles(): Promise<Map<string, AuthorEntry>> {
  authorProfiles ??= hasAuthorFiles()
    ? getCollection('authors').then((entries) => new Map(entries.map((entry) => [entry.id, entry])))
    : Promise.resolve(new Map());
  return authorProfiles;
}

/** Without author files there is nothing to ask for (and Astro would warn of an empty collection). */
function hasAuthorFiles(): boolean {
  const folder = resolve(authorsFolder());
  return existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('.md'));
}

/**
 * The published articles, indexed once per build and shared by every page.
 *
 * @example
 * const { articles, sections } = await getSiteIndex();
 */
export function getSiteIndex(): Promise<SiteIndex<ArticleEntry>> {
  siteIndex ??= indexOf((entry) => isPublished(entry.data, buildTime()));
  return siteIndex;
}

/** The entries `keep` chooses, indexed with the newsroom's sections file and author files. */
async function indexOf(keep: (entry: ArticleEntry) => boolean): Promise<SiteIndex<ArticleEntry>> {
  const [entries, profiles] = await Promise.all([getCollection('articles'), getAuthorProfiles()]);
  const sections = readSectionsFile(sectionsFile());
  return buildSiteIndex(entries.filter(keep), {
    menuPositions: menuPositions(sections),
    sectionNames: sectionNames(sections),
    authorNames: new Map([...profiles].map(([slug, profile]) => [slug, profile.data.name])),
  });
}

/** An article a preview build shows before it is published, and what its page needs. */
export interface Preview {
  article: Article;
  /** Articles to read next, as if it were published (other previews included). */
  related: Article[];
}

let previews: Promise<Preview[]> | undefined;

/**
 * The drafts and embargoed articles of a preview build (`FOAIA_PREVIEW=1`, `astro dev`), soonest
 * first, drafts last; none in any other build, whose content store does not even hold them.
 *
 * @example
 * (await getPreviews()).map(({ article }) => article.url) // => ['/stiri-interne/embargo-alegeri/']
 */
export function getPreviews(): Promise<Preview[]> {
  previews ??= previewMode()
    ? indexOf(() => true).then((index) =>
        index.articles
          .filter((article) => !isPublished(article.data, buildTime()))
          .sort((a, b) => Number(a.data.draft) - Number(b.data.draft) || a.data.date.getTime() - b.data.date.getTime())
          .map((article) => ({ article, related: relatedArticles(article) })),
      )
    : Promise.resolve([]);
  return previews;
}

let breakingNews: BreakingNews | undefined | null = null;

/**
 * The breaking news the fronts show in this build (`content/ultima-ora.yaml`), read once.
 *
 * @example
 * const news = getBreakingNews(); // undefined: no strip
 */
export function getBreakingNews(): BreakingNews | undefined {
  if (breakingNews === null) breakingNews = readBreakingNews(breakingNewsFile(), buildTime());
  return breakingNews;
}

/**
 * An article's body as its page shows it: the HTML the loader kept in the render cache (it is not
 * in the content store), and Astro's component for it, with the body's pictures resolved.
 *
 * @example
 * const { html, Content } = await renderArticle(article.entry);
 */
export async function renderArticle(
  entry: ArticleEntry,
): Promise<{ html: string; Content: Awaited<ReturnType<typeof render>>['Content'] }> {
  const htmlKey = entry.rendered?.metadata?.htmlKey;
  if (typeof htmlKey !== 'string') throw new Error(`${entry.filePath}: the article's entry does not name its rendered HTML`);
  const html = readRenderedHtml(renderCacheFolder(cacheDir), htmlKey);
  const { Content } = await render({ ...entry, rendered: { ...entry.rendered, html } });
  return { html, Content };
}

/** How many articles a listing page shows. */
export const LISTING_PAGE_SIZE = 20;

/** How many items a feed carries. */
export const FEED_SIZE = 50;
