/**
 * Checks the articles in seconds, without building: `npm run check:articles [files…] [--json]`,
 * and `--staged` for the pre-commit hook (the staged articles, those linking to a staged deletion
 * or rename, and every problem across files).
 * The same checks, in the same words, as the build makes before it renders (`checkArticles`):
 * frontmatter, sections, breaking news, author files, URLs, links and pictures. What only a render finds (a
 * render failure, an iframe the sanitiser removes) stays with the build. With files, only their
 * problems are listed (the checks across articles still read them all). Exit code 1 on a mistake.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { articlesToCommit, checkArticles, embargoNotice } from '../src/lib/article-checks.ts';
import { articlesFolder } from '../src/lib/build-settings.ts';
import { toBucharestIso } from '../src/lib/dates.ts';
import { type ArticleProblem, formatProblem } from '../src/lib/problems.ts';
import { buildTime, isPublished } from '../src/lib/publishing.ts';
import { typedPath } from './editor-cli.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean' }, staged: { type: 'boolean' } },
});
const root = process.cwd();
const now = buildTime();
const { files, authors, scheduled, errors, warnings } = await checkArticles(root, articlesFolder(), now);
const inProject = (path: string, from: string) => relative(root, resolve(from, path)).split('\\').join('/');

/** The files a commit adds or changes, and those it deletes or renames away, relative to the project. */
function stagedChanges(): { changed: string[]; removed: string[] } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  const top = git('rev-parse', '--show-toplevel').trim();
  const changed: string[] = [];
  const removed: string[] = [];
  for (const line of git('diff', '--cached', '--name-status', '-M').split('\n').filter(Boolean)) {
    const [status = '', first = '', second = ''] = line.split('\t');
    if (status.startsWith('D') || status.startsWith('R')) removed.push(inProject(first, top));
    if (status.startsWith('R')) changed.push(inProject(second, top));
    else if (!status.startsWith('D')) changed.push(inProject(first, top));
  }
  return { changed, removed };
}

const asked = values.staged
  ? articlesToCommit(files, root, stagedChanges())
  : positionals.length > 0
    ? new Set(positionals.map((path) => typedPath(path, root)))
    : undefined;
// Problems across files are everyone's: a commit must not add a second article on one URL.
const concerns = (problem: ArticleProblem) => !asked || problem.acrossFiles === true || asked.has(problem.file);

const inFileOrder = (a: ArticleProblem, b: ArticleProblem) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
const shownErrors = errors.filter(concerns).sort(inFileOrder);
const shownWarnings = warnings.filter(concerns).sort(inFileOrder);
const embargoed = scheduled
  .filter((article) => !isPublished(article.data!, now))
  .sort((a, b) => a.data!.date.getTime() - b.data!.date.getTime());
const drafts = files.filter((article) => (article.data ? article.data.draft : article.frontmatter.draft === true));

if (values.json) {
  console.log(
    JSON.stringify(
      {
        articles: files.length,
        authors: authors.length,
        published: scheduled.length - embargoed.length,
        scheduled: embargoed.map((article) => ({ file: article.file, date: toBucharestIso(article.data!.date) })),
        drafts: drafts.length,
        errors: shownErrors,
        warnings: shownWarnings,
      },
      null,
      2,
    ),
  );
} else {
  for (const problem of shownErrors) console.log(formatProblem(problem));
  for (const problem of shownWarnings) console.log(`atenție: ${formatProblem(problem)}`);
  if (shownErrors.length > 0) {
    console.log(
      `${shownErrors.length === 1 ? 'o problemă' : `${shownErrors.length} probleme`} de corectat; nimic nu se publică până atunci.`,
    );
  } else {
    console.log(
      `${files.length} articole${authors.length > 0 ? ` și ${authors.length} autori` : ''} verificate, nicio problemă: ${scheduled.length - embargoed.length} publicate, ${embargoed.length} programate, ${drafts.length} ciorne.`,
    );
    for (const article of embargoed) console.log(embargoNotice(article));
  }
}
// Set, not forced: a forced exit can cut a long list of problems short in a pipe.
process.exitCode = shownErrors.length > 0 ? 1 : 0;
