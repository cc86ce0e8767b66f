/**
 * Checks the articles in seconds, without building: `npm run check:articles [files…] [--json]`.
 * The same checks, in the same words, as the build makes before it renders (`checkArticles`):
 * frontmatter, sections, breaking news, URLs, links and pictures. What only a render finds (a
 * render failure, an iframe the sanitiser removes) stays with the build. With files, only their
 * problems are listed (the checks across articles still read them all). Exit code 1 on a mistake.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkArticles } from '../src/lib/article-checks.ts';
import { articlesFolder } from '../src/lib/build-settings.ts';
import { formatArticleDate, toBucharestIso } from '../src/lib/dates.ts';
import { type ArticleProblem, formatProblem } from '../src/lib/problems.ts';
import { buildTime, isPublished } from '../src/lib/publishing.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' } } });
const root = process.cwd();
// npm runs scripts from the project's folder; paths are the ones the editor typed, where they were.
const asked = new Set(
  positionals.map((path) =>
    relative(root, resolve(process.env.INIT_CWD ?? root, path))
      .split('\\')
      .join('/'),
  ),
);
const concerns = (problem: { file: string }) => asked.size === 0 || asked.has(problem.file);

const now = buildTime();
const { files, scheduled, errors, warnings } = await checkArticles(root, articlesFolder(), now);
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
    const next = embargoed[0] && ` (primul: ${formatArticleDate(embargoed[0].data!.date)})`;
    console.log(
      `${files.length} articole verificate, nicio problemă: ${scheduled.length - embargoed.length} publicate, ${embargoed.length} programate${next ?? ''}, ${drafts.length} ciorne.`,
    );
  }
}
process.exit(shownErrors.length > 0 ? 1 : 0);
