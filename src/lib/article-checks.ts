import { dirname, relative, resolve } from 'node:path';
import type { LinkAnswer, RenderEvent } from '../build-cache/render-cache';
import type { SectionEntry } from '../schemas/sections';
import { aliasProblems } from './aliases';
import type { ParseMemo } from '../build-cache/parse-memo';
import { type ArticleFile, readArticleFiles } from './article-file';
import { type AuthorFile, readAuthorFiles } from './author-file';
import { type ArticleReference, localTarget } from './article-references';
import { articleUrl, checkArticleSet } from './article-set';
import { readBreakingNews } from './breaking-news';
import { authorsFolder, breakingNewsFile, sectionsFile } from './build-settings';
import { formatArticleDate } from './dates';
import { FolderListings } from './local-files';
import type { ArticleProblem } from './problems';
import { isPublished } from './publishing';
import { breadcrumbProblem, readSectionsFile } from './section-menu';
import { slugify } from './slugs';
import { YamlFileError } from './yaml-file';

/** Every article read and checked without rendering, and what the checks found. */
export interface ArticleCheck {
  files: ArticleFile[];
  /** The author files (`content/authors/<slug>.md`), each read and checked. */
  authors: AuthorFile[];
  /** The valid articles that are not drafts: published now or under embargo. */
  scheduled: ArticleFile[];
  /** Mistakes that stop publication. */
  errors: ArticleProblem[];
  /** What an editor should know but need not fix now (a draft's mistakes, a link shown as text). */
  warnings: ArticleProblem[];
  /** What a link to an article file (relative to the project) leads to today. */
  answerFor(target: string): LinkAnswer;
  /** The folders' listings, read once for every check of a file's existence. */
  folders: FolderListings;
}

/**
 * The sections file's tree, and the mistakes in the newsroom's other files (the sections, the
 * breaking news), reported with the articles' so that they are all listed at once.
 */
function readNewsroomFiles(root: string, now: Date): { sections: SectionEntry[]; problems: ArticleProblem[] } {
  const problems: ArticleProblem[] = [];
  const attempt = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof YamlFileError)) throw error;
      problems.push(...error.problems);
      return fallback;
    }
  };
  const sections = attempt(() => readSectionsFile(sectionsFile(), root), []);
  attempt(() => readBreakingNews(breakingNewsFile(), now, root), undefined);
  return { sections, problems };
}

/**
 * What a link to an article file leads to at `now`: the article's page once it is published, else
 * nothing yet (a draft, an embargo, a file whose frontmatter has a mistake), or nothing at all
 * when there is no such file. Renders record these answers; a render is reused only while every
 * answer it recorded is still given.
 *
 * @example
 * linkAnswer({ file: 'content/articles/2025/08/a.md', data }, now) // => { href: '/stiri-externe/a/' }
 * linkAnswer(undefined, now) // => { missing: true }
 */
export function linkAnswer(linked: Pick<ArticleFile, 'file' | 'data'> | undefined, now: Date): LinkAnswer {
  if (!linked) return { missing: true };
  if (linked.data && isPublished(linked.data, now)) return { href: articleUrl(linked.file, linked.data) };
  return { unpublished: true };
}

/**
 * Whether every link a render resolved still gets the answer it got then (`linkAnswer()`).
 *
 * @example
 * answersHold([{ link: 'content/articles/b.md', answer: { unpublished: true } }], answerFor) // => false once b is published
 */
export function answersHold(events: readonly RenderEvent[], answerFor: (link: string) => LinkAnswer): boolean {
  return events.every((event) => 'warning' in event || JSON.stringify(answerFor(event.link)) === JSON.stringify(event.answer));
}

/**
 * What an editor is told of a link to an article file, by what it leads to today: a missing
 * article is a mistake, an unpublished one a warning. The check before rendering and a render's
 * replayed answers use these same words.
 *
 * @example
 * linkProblem('a.md', 'content/articles/b.md', { unpublished: true }).warning?.message
 * // => 'legătura către content/articles/b.md apare ca text simplu până când acel articol este publicat'
 */
export function linkProblem(
  file: string,
  link: string,
  answer: LinkAnswer,
  line?: number,
): { error?: ArticleProblem; warning?: ArticleProblem } {
  if ('missing' in answer) return { error: { file, line, message: `legătura către ${link} duce la un articol care nu există` } };
  if ('unpublished' in answer) {
    return { warning: { file, line, message: `legătura către ${link} apare ca text simplu până când acel articol este publicat` } };
  }
  return {};
}

/** The words of the check for one reference of an article's body: a mistake, a warning, or nothing. */
function referenceProblem(
  article: ArticleFile,
  reference: ArticleReference,
  root: string,
  check: Pick<ArticleCheck, 'answerFor' | 'folders'>,
): { error?: ArticleProblem; warning?: ArticleProblem } {
  const { file } = article;
  const { line } = reference;
  if (reference.kind === 'social') {
    return {
      warning: {
        file,
        line,
        message: `o postare ${reference.provider} lipită ca citat cu script: scriptul este eliminat, cititorii văd doar un citat simplu; încorporați postarea cu iframe-ul ei (<iframe src="…/embed…">)`,
      },
    };
  }
  if (reference.kind === 'image' && reference.alt?.trim() === '') {
    // No Markdown in the words: Astro's error report would turn `![…](…)` into a link.
    const how = reference.html ? 'adăugați alt="…" cu ce se vede în ea' : 'scrieți între parantezele pătrate ce se vede în ea';
    return { error: { file, line, message: `imaginea „${reference.target}” din text nu are text alternativ: ${how}` } };
  }
  const target = localTarget(reference.target);
  if (target === undefined) return {};
  if (reference.kind === 'link' && /\.md$/i.test(target)) {
    const link = relative(root, resolve(root, dirname(file), target))
      .split('\\')
      .join('/');
    return linkProblem(file, link, check.answerFor(link), line);
  }
  const missing = check.folders.missingFile(resolve(root, dirname(file)), target);
  if (!missing) return {};
  return { error: { file, line, message: `${reference.kind === 'image' ? 'imaginea' : 'legătura'} din text: ${missing}` } };
}

/**
 * The line that tells an editor an article is held back, and until when: the build's and the check's.
 *
 * @example
 * embargoNotice({ file: 'content/articles/x.md', data: { date } }) // => 'programat: content/articles/x.md apare la prima construire după 20 sept. 2025, 08:00'
 */
export function embargoNotice(article: { file: string; data?: { date: Date } }): string {
  return `programat: ${article.file} apare la prima construire după ${formatArticleDate(article.data!.date)}`;
}

/**
 * The author files no article's byline names (drafts aside): a misspelt name on either side, or
 * a profile written ahead of its first story. The site has no page for them until a byline does.
 *
 * @example
 * unusedAuthors([anaPop], [])[0].message // => 'niciun articol nu este semnat „Ana Pop”: pagina autorului apare odată cu primul articol semnat așa'
 */
export function unusedAuthors(authors: readonly AuthorFile[], articles: readonly ArticleFile[]): ArticleProblem[] {
  const signed = new Set(articles.flatMap((article) => article.data?.byline ?? []).map(slugify));
  return authors
    .filter((author) => author.data && !signed.has(author.slug))
    .map((author) => ({
      file: author.file,
      field: 'name',
      line: author.fieldLines.name,
      message: `niciun articol nu este semnat „${author.data!.name}”: pagina autorului apare odată cu primul articol semnat așa`,
    }));
}

/**
 * The drafts a preview build can show: the valid ones whose address and sections agree with the
 * articles' (a draft on a published article's URL would replace its page). The others are told
 * as warnings, like every mistake in a draft.
 *
 * @example
 * previewableDrafts(files, scheduled) // => { drafts: [ciorna], problems: [] }
 */
export function previewableDrafts(
  files: readonly ArticleFile[],
  scheduled: readonly ArticleFile[],
): { drafts: ArticleFile[]; problems: ArticleProblem[] } {
  const drafts = files.filter((article) => article.data?.draft);
  const draftFiles = new Set(drafts.map((draft) => draft.file));
  const problems = checkArticleSet([...scheduled, ...drafts].map(({ file, data }) => ({ file, data: data! }))).filter((problem) =>
    draftFiles.has(problem.file),
  );
  const refused = new Set(problems.map((problem) => problem.file));
  return { drafts: drafts.filter((draft) => !refused.has(draft.file)), problems };
}

/**
 * The articles a commit must check: those it adds or changes, and those that link to an article it
 * deletes or renames away (their links would lead nowhere). Paths are relative to the project.
 *
 * @example
 * articlesToCommit(files, root, { changed: ['content/articles/2025/08/a.md'], removed: ['content/articles/2025/07/b.md'] })
 * // => Set { 'content/articles/2025/08/a.md', 'content/articles/2025/08/links-to-b.md' }
 */
export function articlesToCommit(
  files: readonly ArticleFile[],
  root: string,
  { changed, removed }: { changed: readonly string[]; removed: readonly string[] },
): Set<string> {
  const gone = new Set(removed.map((path) => resolve(root, path)));
  const chosen = new Set(changed);
  for (const article of files) {
    const linksToRemoved = article.references.some((reference) => {
      if (reference.kind !== 'link') return false;
      const target = localTarget(reference.target);
      return target !== undefined && gone.has(resolve(root, dirname(article.file), target));
    });
    if (linksToRemoved) chosen.add(article.file);
  }
  return chosen;
}

/**
 * Reads every article under `base` and checks all of it that needs no render: the frontmatter,
 * the sections file and the breaking news, the set (URLs, sections' places), and the body's
 * links and pictures, in Markdown and raw HTML. The build runs this before rendering, and
 * `npm run check:articles` runs it alone: one set of rules, the same words. The build passes its
 * memo of parses, so that an unchanged file's frontmatter is not parsed again.
 *
 * @example
 * const { errors, warnings } = await checkArticles(root, 'content/articles', buildTime());
 */
export async function checkArticles(root: string, base: string, now: Date, parses?: ParseMemo): Promise<ArticleCheck> {
  const folders = new FolderListings();
  const files = await readArticleFiles(root, base, folders, parses);
  const isDraft = (article: ArticleFile) => (article.data ? article.data.draft : article.frontmatter.draft === true);
  const errors: ArticleProblem[] = [];
  const warnings: ArticleProblem[] = [];
  for (const article of files) (isDraft(article) ? warnings : errors).push(...article.problems);

  const newsroom = readNewsroomFiles(root, now);
  errors.push(...newsroom.problems.map((problem) => ({ ...problem, acrossFiles: true })));

  const scheduled = files.filter((article) => article.data && !article.data.draft);
  // Without a sections file, any section an article names is one.
  if (newsroom.sections.length > 0) {
    for (const { file, data } of scheduled) {
      const message = breadcrumbProblem(data!.breadcrumb, newsroom.sections, sectionsFile());
      if (message) errors.push({ file, field: 'breadcrumb', message });
    }
  }
  for (const { file, data } of scheduled) {
    if (data!.retracted && data!.retracted.date > now) {
      errors.push({ file, field: 'retracted.date', message: 'retragerea este datată în viitor, după ora acestei construiri' });
    }
    data!.corrections.forEach((correction, position) => {
      if (correction.date > now) {
        errors.push({
          file,
          field: `corrections.${position}.date`,
          message: 'corecția este datată în viitor, după ora acestei construiri',
        });
      }
    });
  }
  errors.push(
    ...checkArticleSet(scheduled.map(({ file, data }) => ({ file, data: data! }))).map((problem) => ({ ...problem, acrossFiles: true })),
    ...aliasProblems(
      scheduled.map(({ file, data }) => ({ file, url: articleUrl(file, data!), breadcrumb: data!.breadcrumb, aliases: data!.aliases })),
    ).map((problem) => ({ ...problem, acrossFiles: true })),
  );

  const byPath = new Map(files.map((article) => [resolve(root, article.file), article]));
  const answerFor = (target: string): LinkAnswer => linkAnswer(byPath.get(resolve(root, target)), now);
  // Every article that is not a draft, valid or not: a link's mistake is told beside the frontmatter's.
  for (const article of files.filter((file) => !isDraft(file))) {
    for (const reference of article.references) {
      const { error, warning } = referenceProblem(article, reference, root, { answerFor, folders });
      if (error) errors.push(error);
      if (warning) warnings.push(warning);
    }
  }

  // A problem found across files names the field; its line is where that field is written.
  const lines = new Map(files.map((article) => [article.file, article.fieldLines]));
  const located = (problem: ArticleProblem): ArticleProblem =>
    problem.line === undefined && problem.field ? { ...problem, line: lines.get(problem.file)?.[problem.field.split('.')[0]!] } : problem;
  const authors = await readAuthorFiles(root, authorsFolder(), folders);
  errors.push(...authors.flatMap((author) => author.problems));
  warnings.push(...unusedAuthors(authors, scheduled));
  return { files, authors, scheduled, errors: errors.map(located), warnings: warnings.map(located), answerFor, folders };
}
