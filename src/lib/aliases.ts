import type { ArticleProblem } from './problems';
import { breadcrumbSections } from './sections';
import { RESERVED_SECTION_SLUGS } from './slugs';

/** An article with its earlier paths (`aliases:`) and the URL they lead to. */
export interface AliasedArticle {
  /** The file, relative to the project root. */
  file: string;
  /** Its page path today. */
  url: string;
  breadcrumb: readonly string[];
  aliases: readonly string[];
}

/** The site's own files at its root: no alias may take their place. */
const ROOT_FILES =
  /^\/(rss\.xml|feed\.json|robots\.txt|404\.html|index\.html|favicon\.svg|logo\.png|_headers|_redirects|sitemap[\w-]*\.xml)$/;

/** Folders of the site's own that are not sections (`/_astro/`, the search index, the CMS…). */
const SITE_FOLDERS = new Set([...RESERVED_SECTION_SLUGS, '_astro']);

/**
 * What two paths are the same for: a host may answer either spelling of one, so an alias that
 * differs from another only by case, a trailing slash or its escaping is the same alias.
 *
 * @example
 * aliasKey('/Externe/Pace') // => '/externe/pace'
 */
export function aliasKey(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // An escape that does not decode is compared as written.
  }
  return decoded.toLowerCase().replace(/\/+$/, '') || '/';
}

/**
 * Where an alias's redirecting page is written in `dist/`: `<path>/index.html`, or the path itself
 * when it names a file (`/arhiva/pace.html`).
 *
 * @example
 * aliasPage('/externe/pace/') // => 'externe/pace/index.html'
 * aliasPage('/arhiva/pace.html') // => 'arhiva/pace.html'
 */
export function aliasPage(path: string): string {
  const relative = decodeURI(path).replace(/^\/+/, '');
  return /\.[a-z0-9]+$/i.test(relative) ? relative : `${relative.replace(/\/*$/, '/')}index.html`;
}

/**
 * The mistakes in the articles' `aliases`: an alias must start with `/`, must not be a path the
 * site itself writes (an article, a section and its pages and feed, a tag, an author, the search,
 * the CMS, the site's files), nor its own article's address, nor another alias (whatever its case
 * or trailing slash), nor another article's address (a chain, or a loop when they alias each other).
 *
 * @example
 * aliasProblems([{ file: 'a.md', url: '/sport/a/', breadcrumb: ['Prima pagină', 'Sport'], aliases: ['/sport/'] }])[0].message
 * // => 'adresa veche „/sport/” este o pagină a site-ului (secțiunea „sport”): o redirecționare ar ascunde-o'
 */
export function aliasProblems(articles: readonly AliasedArticle[]): ArticleProblem[] {
  const articleByUrl = new Map(articles.map((article) => [aliasKey(article.url), article]));
  const sections = new Set(articles.flatMap((article) => breadcrumbSections(article.breadcrumb).map((section) => section.slug)));
  const firstClaim = new Map<string, { file: string; alias: string }>();
  const problems: ArticleProblem[] = [];
  for (const article of articles) {
    article.aliases.forEach((alias, position) => {
      const problem = (message: string) => problems.push({ file: article.file, field: `aliases.${position}`, message });
      if (!alias.startsWith('/') || alias.startsWith('//')) {
        problem(`adresa veche „${alias}” trebuie să înceapă cu „/” (o cale din site, de exemplu /externe/pace/), fără domeniu`);
        return;
      }
      const key = aliasKey(alias);
      const [, first = '', second = '', ...rest] = key.split('/');
      const owner = articleByUrl.get(key);
      if (owner === article) return problem(`adresa veche „${alias}” este chiar adresa articolului: ștergeți-o`);
      if (owner) {
        return problem(
          `adresa veche „${alias}” este adresa articolului ${owner.file}: o redirecționare l-ar ascunde, iar un articol nu poate redirecționa spre altul (lanț sau buclă)`,
        );
      }
      const section = sections.has(first) && (second === '' || /^\d+$/.test(second) || second === 'rss.xml') && rest.length === 0;
      if (key === '/' || ROOT_FILES.test(key) || SITE_FOLDERS.has(first) || section) {
        const what = section ? `secțiunea „${first}”` : key === '/' ? 'prima pagină' : SITE_FOLDERS.has(first) ? `/${first}/` : key;
        return problem(`adresa veche „${alias}” este o pagină a site-ului (${what}): o redirecționare ar ascunde-o`);
      }
      const earlier = firstClaim.get(key);
      if (earlier) {
        const same = earlier.alias === alias ? 'aceeași adresă veche' : `aceeași adresă veche (scrisă „${earlier.alias}”)`;
        return problem(`${same} apare și în ${earlier.file}: o adresă veche duce la un singur articol`);
      }
      firstClaim.set(key, { file: article.file, alias });
    });
  }
  return problems;
}
