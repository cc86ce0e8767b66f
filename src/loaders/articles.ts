import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentHash } from '../build-cache/content-hash';
import { ParseMemo, parseMemoFile } from '../build-cache/parse-memo';
import { writePublishedArticles } from '../build-cache/published-articles';
import { type MarkdownRenderers, renderArticle } from '../build-cache/article-render';
import {
  type CachedRender,
  HtmlPackWriter,
  type LinkAnswer,
  RenderCache,
  type RenderEvent,
  renderCacheFolder,
} from '../build-cache/render-cache';
import { type RenderOutcome, RenderThreads, renderThreadCount } from '../build-cache/render-threads';
import { rendererHash } from '../build-cache/renderer-hash';
import { withStoreWriteAtEnd } from '../build-cache/store-writes';
import { type RendersAhead, takeWorkAhead } from '../build-cache/work-ahead';
import { answersHold, checkArticles, embargoNotice, linkProblem, previewableDrafts } from '../lib/article-checks';
import { type ArticleFile, renderJob } from '../lib/article-file';
import { articleUrl } from '../lib/article-set';
import { previewMode } from '../lib/build-settings';
import { toBucharestIso } from '../lib/dates';
import { secondsSince } from '../lib/durations';
import { type ArticleProblem, formatProblem, formatProblemReport } from '../lib/problems';
import { buildTime, isPublished } from '../lib/publishing';
import { shardOfTime } from '../search/shards';
import { reloadOnChange } from './watch-folder';

export interface ArticleLoaderOptions {
  /** The articles' folder, relative to the project root. */
  base: string;
}

/** Thrown when articles have problems: the message lists every one of them, file by file. */
export class ArticleProblemsError extends AstroError {
  constructor(readonly problems: ArticleProblem[]) {
    const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
    super(formatProblemReport(sorted), 'Corectați fișierele de mai sus; nimic nu se publică până atunci.');
    this.name = 'ArticleProblemsError';
    // The stack would point at the loader, not at the articles: the list above is the whole story.
    this.stack = '';
  }
}

/**
 * The renderer of Astro's config, for every article rendered on the loader's own thread (a
 * rebuild's few): the threads that render a clean build's thousands build the same pipeline from
 * `src/plugins`, and without GFM for the articles that cannot use it (the same HTML).
 */
async function createRenderers({ markdown, image }: LoaderContext['config']): Promise<MarkdownRenderers> {
  const renderer = await markdown.processor.createRenderer({
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  });
  return { withGfm: renderer, withoutGfm: renderer };
}

/**
 * Loads `content/articles/**.md` into the `articles` collection. Unlike Astro's `glob()`, it reads
 * frontmatter with our own YAML rules (dates stay as written), checks every file and the set of
 * them together, fails the build with all problems at once (a render error included, which
 * `glob()` only logs), stores only published articles outside a preview build (so no draft or
 * embargoed photo is ever processed in production), and resolves links between articles on every build: a cached render is reused only
 * while every link it resolved gets the same answer (same URL, still unpublished, still missing).
 */
export function articleLoader({ base }: ArticleLoaderOptions): Loader {
  return {
    name: 'foaia-articles',
    load: async (context) => {
      const sync = () => withStoreWriteAtEnd(context.meta, () => syncArticles(context, base));
      await sync();
      reloadOnChange(context, base, sync, 'articole reîncărcate');
    },
  };
}

/** A fingerprint of the files an article shows beside its text: its photo and body pictures. */
async function assetHashes(root: string, article: ArticleFile, render: CachedRender): Promise<string[]> {
  const folder = resolve(root, dirname(article.file));
  const pictures = [article.data?.photo?.src, ...render.localImagePaths.map((image) => decodeURI(image))];
  return Promise.all(
    pictures.map(async (picture) => (picture ? contentHash(picture, await readFile(resolve(folder, String(picture)))) : '')),
  );
}

/**
 * Each problem once: what the check before rendering found (with its line) and what a render met
 * again, such as the same missing link, are told the first way.
 */
function onePerMessage(problems: readonly ArticleProblem[]): ArticleProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}\0${problem.field ?? ''}\0${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How many held-back articles the build names one by one; more are counted. */
const EMBARGOES_LISTED = 20;

/** One line per article held back until its time, soonest first: an editor sees what waits, and until when. */
function reportEmbargoes(logger: LoaderContext['logger'], embargoed: readonly ArticleFile[]): void {
  const soonest = [...embargoed].sort((a, b) => a.data!.date.getTime() - b.data!.date.getTime());
  for (const article of soonest.slice(0, EMBARGOES_LISTED)) {
    logger.info(embargoNotice(article));
  }
  if (soonest.length > EMBARGOES_LISTED) logger.info(`programate: încă ${soonest.length - EMBARGOES_LISTED} articole, mai târziu`);
}

/**
 * The renders made ahead (`startWorkAhead()`) that stand for this build's: the same file and
 * Markdown, rendered without error, every link answered as the checks answer it now. The others
 * (an article that changed since, a link whose answer the checks changed) are rendered again.
 */
async function rendersMadeAhead(
  articles: readonly ArticleFile[],
  ahead: Promise<RendersAhead | undefined>,
  answerFor: (link: string) => LinkAnswer,
): Promise<Map<ArticleFile, RenderOutcome>> {
  const made = await ahead;
  const standing = new Map<ArticleFile, RenderOutcome>();
  if (!made) return standing;
  const position = new Map(made.jobs.map((job, at) => [job.file, at]));
  for (const article of articles) {
    const at = position.get(article.file) ?? -1;
    const outcome = made.outcomes[at];
    if (made.jobs[at]?.body !== renderJob(article).body || !outcome || 'error' in outcome) continue;
    if (answersHold(outcome.events, answerFor)) standing.set(article, outcome);
  }
  return standing;
}

/**
 * Renders the articles neither the cache nor the work ahead gave, with the HTML written into the
 * cache: on worker threads when there are enough of them (`renderThreadCount()`), else here, with
 * the renderer of Astro's config (the threads build the same one from `src/plugins`, which that
 * config passes to Astro).
 */
async function renderAll(
  context: LoaderContext,
  root: string,
  cache: RenderCache,
  articles: readonly ArticleFile[],
  known: readonly ArticleFile[],
  answerFor: (link: string) => LinkAnswer,
): Promise<Map<ArticleFile, RenderOutcome>> {
  const jobs = articles.map(renderJob);
  const threadCount = renderThreadCount(jobs.length);
  if (threadCount > 0) {
    const { domains, remotePatterns } = context.config.image;
    const threads = new RenderThreads({ root, cacheFolder: cache.folder }, threadCount);
    threads.ref();
    const answers = Object.fromEntries(known.map((article) => [article.file, answerFor(article.file)]));
    const outcomes = await threads.render([{ answers }, { jobs }], { image: { domains, remotePatterns } });
    return new Map(articles.map((article, position) => [article, outcomes[position]!]));
  }
  const fresh = new Map<ArticleFile, RenderOutcome>();
  let renderers: Promise<MarkdownRenderers> | undefined;
  const pack = new HtmlPackWriter(cache.folder);
  for (const [position, article] of articles.entries()) {
    try {
      renderers ??= createRenderers(context.config);
      const { html, ...render } = await renderArticle(await renderers, root, jobs[position]!, answerFor);
      fresh.set(article, { ...pack.write(html), ...render });
    } catch (error) {
      fresh.set(article, { error: (error as Error).message });
    }
  }
  return fresh;
}

/**
 * Reads and checks every article, renders the ones whose Markdown, renderer or linked articles
 * changed (the others come from the render cache), and updates the collection in place: an
 * unchanged article keeps its entry (same digest), a no-longer-published one leaves.
 */
async function syncArticles(context: LoaderContext, base: string): Promise<void> {
  const root = fileURLToPath(context.config.root);
  const started = performance.now();
  const now = buildTime();
  const rendererKey = rendererHash(root);
  const parses = ParseMemo.load(parseMemoFile(context.config.cacheDir), rendererKey);
  const ahead = await takeWorkAhead(context.config.image);
  parses.adopt(ahead.parses);
  const { files, scheduled, errors, warnings, answerFor, folders } = await checkArticles(root, base, now, parses);
  parses.save();
  // A preview build also renders the drafts; their mistakes stay warnings, as everywhere.
  const previewed = previewMode() ? previewableDrafts(files, scheduled) : { drafts: [], problems: [] };
  warnings.push(...previewed.problems);
  const drafts = new Set(previewed.drafts);
  const mistake = (article: ArticleFile, problem: ArticleProblem) => (drafts.has(article) ? warnings : errors).push(problem);

  /** Tells the editor what a render met: the same words for a fresh render and a reused one. */
  const replay = (article: ArticleFile, event: RenderEvent) => {
    if ('warning' in event) {
      warnings.push({ file: article.file, message: event.warning });
      return;
    }
    const { error, warning } = linkProblem(article.file, event.link, event.answer);
    if (error) mistake(article, error);
    if (warning) warnings.push(warning);
  };

  const cache = new RenderCache(renderCacheFolder(context.config.cacheDir));
  const rendering = [...scheduled, ...drafts];
  const keys = new Map(rendering.map((article) => [article, contentHash(rendererKey, article.file, renderJob(article).body)]));
  const reusable = (article: ArticleFile) => {
    const kept = cache.get(keys.get(article)!);
    return kept !== undefined && answersHold(kept.events, answerFor);
  };
  const stale = rendering.filter((article) => !reusable(article));
  const fresh = await rendersMadeAhead(stale, ahead.renders, answerFor);
  const renderedAhead = fresh.size;
  const left = stale.filter((article) => !fresh.has(article));
  for (const [article, outcome] of await renderAll(context, root, cache, left, files, answerFor)) fresh.set(article, outcome);

  const renders = new Map<ArticleFile, CachedRender>();
  for (const article of rendering) {
    const outcome = fresh.get(article) ?? cache.get(keys.get(article)!)!;
    if ('error' in outcome) {
      mistake(article, { file: article.file, message: `textul articolului nu a putut fi transformat în HTML: ${outcome.error}` });
      continue;
    }
    const render = fresh.has(article) ? cache.keep(keys.get(article)!, outcome) : outcome;
    for (const event of render.events) replay(article, event);
    const missingImages = render.localImagePaths.flatMap(
      (image) => folders.missingFile(resolve(root, dirname(article.file)), decodeURI(image)) ?? [],
    );
    for (const missing of missingImages) mistake(article, { file: article.file, message: `imaginea din text: ${missing}` });
    // A draft with a missing picture is not shown: its page could not be built.
    if (missingImages.length === 0 || !drafts.has(article)) renders.set(article, render);
  }

  // Kept even when the build fails: the renders that succeeded need not be made again.
  const pruned = cache.prune();
  for (const warning of onePerMessage(warnings)) context.logger.warn(formatProblem(warning));
  if (errors.length > 0) throw new ArticleProblemsError(onePerMessage(errors));

  const published = scheduled.filter((article) => isPublished(article.data!, now));
  const embargoed = scheduled.filter((article) => !isPublished(article.data!, now));
  reportEmbargoes(context.logger, embargoed);
  const previews = previewMode() ? [...embargoed, ...previewed.drafts.filter((draft) => renders.has(draft))] : [];
  const shown = [...published, ...previews];
  const digests = await Promise.all(
    shown.map(async (article) => {
      const render = renders.get(article)!;
      // `featured` moves an article on the home page only: the pages that show the article are
      // keyed by a digest without it, so featuring a story re-renders no archive page.
      const { featured = null, ...shown } = article.frontmatter;
      // The renderer's key covers the schema too: new schema code must parse every entry again.
      const pageDigest = contentHash(
        rendererKey,
        article.file,
        shown,
        render.htmlKey,
        render.headings,
        await assetHashes(root, article, render),
      );
      return { pageDigest, digest: contentHash(pageDigest, featured) };
    }),
  );
  const kept = new Set<string>();
  const changed = new Set<ArticleFile>();
  for (const [position, article] of shown.entries()) {
    const id = relative(base, article.file).replace(/\.md$/i, '');
    const { digest, pageDigest } = digests[position]!;
    kept.add(id);
    const earlier = context.store.get(id);
    if (earlier?.rendered?.metadata?.pageDigest !== pageDigest) changed.add(article);
    if (earlier?.digest === digest) continue;
    const render = renders.get(article)!;
    context.store.set({
      id,
      digest,
      data: await context.parseData({ id, data: article.data!, filePath: resolve(root, article.file) }),
      // No `body`, no HTML and no headings (no page shows them; the page digest covers them):
      // Astro bundles the whole store into the build, and writes it whole and compiles it on every
      // build, so a 50,000-article archive need not carry its text there. The pages that show the
      // HTML read it by `htmlKey`.
      filePath: article.file,
      rendered: {
        html: '',
        metadata: {
          imagePaths: [...render.localImagePaths, ...render.remoteImagePaths],
          htmlKey: render.htmlKey,
          pageDigest,
        },
      },
    });
  }
  for (const id of context.store.keys()) if (!kept.has(id)) context.store.delete(id);
  writePublishedArticles(context.config.cacheDir, [
    ...published.map((article) => ({
      file: article.file,
      url: articleUrl(article.file, article.data!),
      aliases: article.data!.aliases,
      // A retracted article's page is its notice, which the search does not index.
      searchShard: article.data!.retracted ? undefined : shardOfTime(toBucharestIso(article.data!.date)),
      ...(changed.has(article) && { changed: true as const }),
    })),
    ...previews.map((article) => ({ file: article.file, url: articleUrl(article.file, article.data!), preview: true as const })),
  ]);
  context.logger.info(
    `${rendering.length} articole: ${stale.length} transformate în HTML${renderedAhead > 0 ? ` (${renderedAhead} în timpul pornirii)` : ''}, ${rendering.length - stale.length} din cache; ${pruned} versiuni vechi șterse din cache${ahead.parses.length > 0 ? `; ${ahead.parses.length} citite în timpul pornirii` : ''} ${secondsSince(started)}`,
  );
}
