/**
 * A worker thread's side of `startWorkAhead()`: reads and parses every article file as the loader
 * would (`parseArticleFile()`), and answers as it goes: how many files there are, as soon as they
 * are listed (the render threads start then); the renders it can already hand over (every valid
 * article that is not a draft and links to no file beside it, whose render needs no link's
 * answer), a few hundred at a time, while it parses the rest; and once every file is parsed, the
 * parses by the memo's key, the answer to a link to each file, and the renders of the articles
 * that link to other files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { linkAnswer } from '../lib/article-checks';
import { editorFileNames, parseArticleFile, renderJob, withoutByteOrderMark } from '../lib/article-file';
import { localTarget } from '../lib/article-references';
import type { RenderJob } from './article-render';
import type { LinkAnswers } from './render-threads';
import type { ArticlesListed, ArticlesParsed, ArticlesToRender, ParseAheadData } from './work-ahead';

/** Renders handed over at once: the render threads start on the first ones while the parse goes on. */
const HANDED_OVER_AT_ONCE = 256;

const { root, base, now } = workerData as ParseAheadData;
const files = await editorFileNames(root, base, '**/*.md');
parentPort!.postMessage({ files: files.length } satisfies ArticlesListed);

const parses: ArticlesParsed['parses'] = [];
const linking: RenderJob[] = [];
let ready: RenderJob[] = [];
const answers: LinkAnswers = {};
for (const file of files) {
  const contents = readFileSync(resolve(root, file), 'utf8');
  const parsed = parseArticleFile(file, contents);
  answers[file] = linkAnswer(parsed && { file, data: parsed.parse.data }, new Date(now));
  if (!parsed) continue;
  parses.push([parsed.key, parsed.parse]);
  const { data, bodyStart, frontmatter, references } = parsed.parse;
  if (data.draft) continue;
  const job = renderJob({ file, body: withoutByteOrderMark(contents).slice(bodyStart), frontmatter });
  if (references.some((reference) => reference.kind === 'link' && localTarget(reference.target) !== undefined)) {
    linking.push(job);
    continue;
  }
  ready.push(job);
  if (ready.length === HANDED_OVER_AT_ONCE) {
    parentPort!.postMessage({ renders: ready } satisfies ArticlesToRender);
    ready = [];
  }
}
parentPort!.postMessage({ renders: ready } satisfies ArticlesToRender);
parentPort!.postMessage({ parses, renders: linking, answers } satisfies ArticlesParsed);
