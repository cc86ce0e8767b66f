import { basename } from 'node:path';
import type { ArticleData } from '../schemas/article';
import type { ArticleProblem } from './problems';
import { articleSection, breadcrumbSections } from './sections';
import { isPageNumberSlug, isReservedSectionSlug, slugify } from './slugs';
import { articlePath } from './urls';

/** An article whose own file is valid, before checks that need the other files. */
export interface CheckedArticle {
  /** The file, relative to the project root. */
  file: string;
  data: Pick<ArticleData, 'breadcrumb' | 'slug'>;
}

/**
 * The article's URL slug: `slug:` if given, else the file name, transliterated.
 *
 * @example
 * articleSlug('content/articles/2025/08/Convorbire-Putin.md', {}) // => 'convorbire-putin'
 * articleSlug('content/articles/x.md', { slug: 'Alt titlu' }) // => 'alt-titlu'
 */
export function articleSlug(file: string, data: Pick<ArticleData, 'slug'>): string {
  return slugify(data.slug ?? basename(file).replace(/\.md$/i, ''));
}

/**
 * The article's page path, from its section (last breadcrumb item) and slug.
 *
 * @example
 * articleUrl('content/articles/2025/08/pace.md', { breadcrumb: ['Prima pagină', 'Știri externe'] })
 * // => '/stiri-externe/pace/'
 */
export function articleUrl(file: string, data: CheckedArticle['data']): string {
  return articlePath(articleSection(data.breadcrumb)?.slug ?? '', articleSlug(file, data));
}

function slugProblems({ file, data }: CheckedArticle): ArticleProblem[] {
  const slug = articleSlug(file, data);
  const field = data.slug === undefined ? undefined : 'slug';
  const source = data.slug === undefined ? 'numele fișierului' : 'slug-ul';
  if (slug === '') return [{ file, field, message: `${source} nu conține nicio literă sau cifră din care să se facă adresa articolului` }];
  if (isPageNumberSlug(slug)) {
    return [{ file, field, message: `${source} „${slug}” are doar cifre și s-ar confunda cu o pagină a secțiunii; adăugați un cuvânt` }];
  }
  return [];
}

function sectionProblems({ file, data }: CheckedArticle): ArticleProblem[] {
  return breadcrumbSections(data.breadcrumb).flatMap(({ name, slug }) => {
    if (slug === '') return [{ file, field: 'breadcrumb', message: `secțiunea „${name}” nu conține nicio literă sau cifră` }];
    if (isReservedSectionSlug(slug)) {
      return [
        { file, field: 'breadcrumb', message: `secțiunea „${name}” ar ocupa adresa /${slug}/, rezervată site-ului; alegeți alt nume` },
      ];
    }
    return [];
  });
}

/**
 * Checks that need every article at once: two articles on one URL, a section placed under two
 * different parents, slugs that would collide with pagination or the site's own paths.
 * Each problem names all the files involved.
 *
 * @example
 * checkArticleSet([
 *   { file: 'a/pace.md', data: { breadcrumb: ['Prima pagină', 'Politică'] } },
 *   { file: 'b/pace.md', data: { breadcrumb: ['Prima pagină', 'Politică'] } },
 * ])[0].message // => 'are aceeași adresă, /politica/pace/, ca b/pace.md'
 */
export function checkArticleSet(articles: readonly CheckedArticle[]): ArticleProblem[] {
  const problems = articles.flatMap((article) => [...slugProblems(article), ...sectionProblems(article)]);

  const filesByUrl = new Map<string, string[]>();
  for (const { file, data } of articles) {
    const url = articleUrl(file, data);
    filesByUrl.set(url, [...(filesByUrl.get(url) ?? []), file]);
  }
  for (const [url, files] of filesByUrl) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((other) => other !== file).join(', ');
      problems.push({ file, message: `are aceeași adresă, ${url}, ca ${others}` });
    }
  }

  const placeOf = (parentName: string | undefined) => (parentName ? `sub „${parentName}”` : 'direct sub „Prima pagină”');
  const parentBySection = new Map<string, { parentSlug?: string; parentName?: string; file: string }>();
  for (const { file, data } of articles) {
    const trail = breadcrumbSections(data.breadcrumb);
    trail.forEach(({ slug, name }, level) => {
      const parent = trail[level - 1];
      const seen = parentBySection.get(slug);
      if (!seen) {
        parentBySection.set(slug, { parentSlug: parent?.slug, parentName: parent?.name, file });
      } else if (seen.parentSlug !== parent?.slug) {
        problems.push({
          file,
          field: 'breadcrumb',
          message: `secțiunea „${name}” este ${placeOf(parent?.name)}, dar în ${seen.file} este ${placeOf(seen.parentName)}; o secțiune are un singur loc în site`,
        });
      }
    });
  }
  return problems;
}
