import type { ArticleData } from '../schemas/article';
import { articleSlug, articleUrl } from './article-set';
import { articleSection, breadcrumbSections } from './sections';
import { slugify } from './slugs';

/** A published article as the site's pages see it. */
export interface IndexedArticle<Entry extends IndexableEntry = IndexableEntry> {
  /** The collection entry, for rendering its body. */
  entry: Entry;
  /** The collection id: the file's path under the articles folder, without `.md`. */
  id: string;
  data: Entry['data'];
  /** Its URL slug, unique within its section. */
  slug: string;
  /** Its page path, `/<section>/<slug>/`. */
  url: string;
  /** The sections of its breadcrumb, outermost first; the last is its own. */
  trail: Section<Entry>[];
  tags: Topic<Entry>[];
  authors: Topic<Entry>[];
}

/** What the index needs of a collection entry. */
export interface IndexableEntry {
  id: string;
  data: Pick<ArticleData, 'breadcrumb' | 'slug' | 'tags' | 'byline' | 'date' | 'updated'> & { retracted?: ArticleData['retracted'] };
}

/** A section of the site, with its articles and its subsections' articles, newest first. */
export interface Section<Entry extends IndexableEntry = IndexableEntry> {
  slug: string;
  name: string;
  parent?: Section<Entry>;
  children: Section<Entry>[];
  articles: IndexedArticle<Entry>[];
}

/** A tag or an author: a name, its slug, and its articles, newest first. */
export interface Topic<Entry extends IndexableEntry = IndexableEntry> {
  slug: string;
  name: string;
  articles: IndexedArticle<Entry>[];
}

/** Everything the pages list, computed once per build. */
export interface SiteIndex<Entry extends IndexableEntry = IndexableEntry> {
  /** Every published article, newest first. */
  articles: IndexedArticle<Entry>[];
  sections: Map<string, Section<Entry>>;
  /**
   * Sections directly under the home page: those with a menu position first, in that order, then
   * the others by name (never by article count, which changes with every new article).
   */
  topSections: Section<Entry>[];
  /** The sections the site's menu shows, in order: those the sections file gives a position. */
  menu: Section<Entry>[];
  tags: Map<string, Topic<Entry>>;
  authors: Map<string, Topic<Entry>>;
  /** Retracted articles: each keeps its URL for a notice, and is in no list, feed or sitemap. */
  retracted: RetractedArticle<Entry>[];
}

/** A retracted article: what its notice needs. */
export interface RetractedArticle<Entry extends IndexableEntry = IndexableEntry> {
  entry: Entry;
  data: Entry['data'];
  slug: string;
  /** Its page path, where the notice stands. */
  url: string;
  /** Its section's slug, the first part of the URL. */
  sectionSlug: string;
}

const collator = new Intl.Collator('ro');

/** Picks the spelling most articles use for names that share a slug (`UE`, `ue`). */
class Spellings {
  #counts = new Map<string, Map<string, number>>();
  add(slug: string, name: string): void {
    const counts = this.#counts.get(slug) ?? new Map<string, number>();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    this.#counts.set(slug, counts);
  }
  preferred(slug: string): string {
    const counts = [...(this.#counts.get(slug) ?? new Map<string, number>())];
    counts.sort(([a, countA], [b, countB]) => countB - countA || collator.compare(b, a));
    return counts[0]?.[0] ?? slug;
  }
}

function newestFirst(a: IndexedArticle, b: IndexedArticle): number {
  return b.data.date.getTime() - a.data.date.getTime() || collator.compare(a.id, b.id);
}

function topicsOf<Entry extends IndexableEntry>(
  names: readonly string[],
  topics: Map<string, Topic<Entry>>,
  spellings: Spellings,
): Topic<Entry>[] {
  const own = new Map<string, Topic<Entry>>();
  for (const name of names) {
    const slug = slugify(name);
    if (slug === '' || own.has(slug)) continue;
    spellings.add(slug, name);
    const topic = topics.get(slug) ?? { slug, name, articles: [] };
    topics.set(slug, topic);
    own.set(slug, topic);
  }
  return [...own.values()];
}

/** What the newsroom's own files say of the names the index finds in articles. */
export interface IndexSettings {
  /** Slug → place in the menu, from the sections file. */
  menuPositions?: ReadonlyMap<string, number>;
  /** Slug → the section's name as the sections file spells it. */
  sectionNames?: ReadonlyMap<string, string>;
  /** Slug → the author's name as their author file spells it. */
  authorNames?: ReadonlyMap<string, string>;
}

/**
 * Indexes the published articles once per build: by section (with subsections), tag and author,
 * newest first, so each page's work does not grow with the archive. `menuPositions` orders the
 * sections as the sections file does; `sectionNames` and `authorNames` spell sections and
 * authors as the newsroom's files do; a name they do not give takes the spelling most articles use.
 *
 * @example
 * buildSiteIndex([{ id: '2025/08/pace', data: { breadcrumb: ['Prima pagină', 'Sport', 'Fotbal'], tags: [], byline: [], date } }])
 *   .sections.get('sport')?.articles.length // => 1
 */
export function buildSiteIndex<Entry extends IndexableEntry>(
  entries: readonly Entry[],
  { menuPositions = new Map(), sectionNames = new Map(), authorNames = new Map() }: IndexSettings = {},
): SiteIndex<Entry> {
  const sections = new Map<string, Section<Entry>>();
  const tags = new Map<string, Topic<Entry>>();
  const authors = new Map<string, Topic<Entry>>();
  const sectionSpellings = new Spellings();
  const tagSpellings = new Spellings();
  const authorSpellings = new Spellings();

  const retracted = entries
    .filter((entry) => entry.data.retracted)
    .map((entry) => ({
      entry,
      data: entry.data,
      slug: articleSlug(entry.id, entry.data),
      url: articleUrl(entry.id, entry.data),
      sectionSlug: articleSection(entry.data.breadcrumb)!.slug,
    }));
  const articles = entries
    .filter((entry) => !entry.data.retracted)
    .map((entry): IndexedArticle<Entry> => {
      const { id, data } = entry;
      const refs = breadcrumbSections(data.breadcrumb);
      const trail = refs.map(({ slug, name }, level) => {
        sectionSpellings.add(slug, name);
        let section = sections.get(slug);
        if (!section) {
          const parent = level > 0 ? sections.get(refs[level - 1]!.slug) : undefined;
          section = { slug, name, parent, children: [], articles: [] };
          sections.set(slug, section);
          parent?.children.push(section);
        }
        return section;
      });
      return {
        entry,
        id,
        data,
        slug: articleSlug(id, data),
        url: articleUrl(id, data),
        trail,
        tags: topicsOf(data.tags, tags, tagSpellings),
        authors: topicsOf(data.byline, authors, authorSpellings),
      };
    });
  articles.sort(newestFirst);

  for (const article of articles) {
    for (const section of article.trail) section.articles.push(article);
    for (const tag of article.tags) tag.articles.push(article);
    for (const author of article.authors) author.articles.push(article);
  }
  for (const section of sections.values()) section.name = sectionNames.get(section.slug) ?? sectionSpellings.preferred(section.slug);
  for (const tag of tags.values()) tag.name = tagSpellings.preferred(tag.slug);
  for (const author of authors.values()) author.name = authorNames.get(author.slug) ?? authorSpellings.preferred(author.slug);
  const position = (section: Section<Entry>) => menuPositions.get(section.slug) ?? Number.POSITIVE_INFINITY;
  const inMenuOrder = (a: Section<Entry>, b: Section<Entry>) => position(a) - position(b) || collator.compare(a.name, b.name);
  for (const section of sections.values()) section.children.sort(inMenuOrder);
  const topSections = [...sections.values()].filter((section) => !section.parent).sort(inMenuOrder);
  const menu = menuPositions.size === 0 ? topSections : topSections.filter((section) => menuPositions.has(section.slug));

  return { articles, sections, topSections, menu, tags, authors, retracted };
}

/** Where an article stands in a newest-first list, by binary search. */
function positionIn<Entry extends IndexableEntry>(list: IndexedArticle<Entry>[], article: IndexedArticle<Entry>): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(list[middle]!, article) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** An article that shares tags or the section with the one whose related articles are chosen. */
interface RelatedCandidate<Entry extends IndexableEntry> {
  article: IndexedArticle<Entry>;
  /** Two for each shared tag, one for the shared section. */
  score: number;
  /** Milliseconds between the two articles' dates. */
  distance: number;
}

/** How far along a tag's list, each way, related articles are looked for: a constant per article. */
const RELATED_WINDOW = 12;

/**
 * Up to `count` articles to read next: those sharing the most tags (then the section), nearest
 * in time. Only a fixed window of each tag's list is looked at, so the cost per article stays
 * the same on a 50,000-article archive.
 *
 * @example
 * relatedArticles(index.articles[0], 4).length // => at most 4
 */
export function relatedArticles<Entry extends IndexableEntry>(article: IndexedArticle<Entry>, count = 4): IndexedArticle<Entry>[] {
  const scores = new Map<IndexedArticle<Entry>, number>();
  const around = (list: IndexedArticle<Entry>[], weight: number) => {
    const position = positionIn(list, article);
    const end = Math.min(list.length, position + RELATED_WINDOW + 1);
    for (let at = Math.max(0, position - RELATED_WINDOW); at < end; at++) {
      const other = list[at]!;
      if (other !== article) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
  };
  for (const tag of article.tags) around(tag.articles, 2);
  around(article.trail.at(-1)!.articles, 1);
  const time = article.data.date.getTime();
  const ranksBefore = (a: RelatedCandidate<Entry>, b: RelatedCandidate<Entry>) =>
    b.score - a.score || a.distance - b.distance || collator.compare(a.article.id, b.article.id);
  // The first `count` of the ranking, kept in order as the candidates pass: sorting every
  // candidate (about a hundred) to keep four took 2.3 times as long, 0.6 s of a 20,000-article build.
  const best: RelatedCandidate<Entry>[] = [];
  for (const [other, score] of scores) {
    const candidate = { article: other, score, distance: Math.abs(other.data.date.getTime() - time) };
    if (best.length === count) {
      if (count === 0 || ranksBefore(candidate, best[count - 1]!) >= 0) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && ranksBefore(candidate, best[at - 1]!) < 0) at--;
    best.splice(at, 0, candidate);
  }
  return best.map((candidate) => candidate.article);
}

/**
 * The section directly under the home page that contains this one, for the header's navigation.
 *
 * @example
 * topSectionOf(index.sections.get('fotbal')!).slug // => 'sport'
 */
export function topSectionOf<Entry extends IndexableEntry>(section: Section<Entry>): Section<Entry> {
  let top = section;
  while (top.parent) top = top.parent;
  return top;
}
