/**
 * A worker thread's side of `startWorkAhead()`: reads and parses every article file as the loader
 * would (`parseArticleFile()`), and answers twice: how many files there are, as soon as they are
 * listed (the render threads start then), and once they are parsed, the parses by the memo's key,
 * the render of each article the loader would render (every valid one that is not a draft) and
 * the answer to a link to each file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { linkAnswer } from '../lib/article-checks';
import { editorFileNames, parseArticleFile, renderJob, withoutByteOrderMark } from '../lib/article-file';
import type { RenderJob } from './article-render';
import type { LinkAnswers } from './render-threads';
import type { ArticlesListed, ArticlesParsed, ParseAheadData } from './work-ahead';

const { root, base, now } = workerData as ParseAheadData;
const files = await editorFileNames(root, base, '**/*.md');
parentPort!.postMessage({ files: files.length } satisfies ArticlesListed);

const parses: ArticlesParsed['parses'] = [];
const renders: RenderJob[] = [];
const answers: LinkAnswers = {};
for (const file of files) {
  const contents = readFileSync(resolve(root, file), 'utf8');
  const parsed = parseArticleFile(file, contents);
  answers[file] = linkAnswer(parsed && { file, data: parsed.parse.data }, new Date(now));
  if (!parsed) continue;
  parses.push([parsed.key, parsed.parse]);
  const { data, bodyStart, frontmatter } = parsed.parse;
  if (!data.draft) renders.push(renderJob({ file, body: withoutByteOrderMark(contents).slice(bodyStart), frontmatter }));
}
parentPort!.postMessage({ parses, renders, answers } satisfies ArticlesParsed);
