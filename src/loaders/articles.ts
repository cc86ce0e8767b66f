import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { type ArticleFile, readArticleFiles } from '../lib/article-file';
import { articleUrl, checkArticleSet } from '../lib/article-set';
import { type ArticleProblem, formatProblem, formatProblemReport } from '../lib/problems';
import { buildTime, isPublished } from '../lib/publishing';
import { type ArticleBuildContext, BUILD_CONTEXT } from '../plugins/build-context';

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

type Renderer = Awaited<ReturnType<LoaderContext['config']['markdown']['processor']['createRenderer']>>;

async function createRenderer({ markdown, image }: LoaderContext['config']): Promise<Renderer> {
  return markdown.processor.createRenderer({
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  });
}

/**
 * Loads `content/articles/**.md` into the `articles` collection. Unlike Astro's `glob()`, it reads
 * frontmatter with our own YAML rules (dates stay as written), checks every file and the set of
 * them together, fails the build with all problems at once (a render error included, which
 * `glob()` only logs), stores only published articles (so no draft or embargoed photo is ever
 * processed), and resolves links between articles on every build, never from a cached render.
 */
export function articleLoader({ base }: ArticleLoaderOptions): Loader {
  return {
    name: 'foaia-articles',
    load: async (context) => {
      await syncArticles(context, base);
      const { watcher, logger } = context;
      if (!watcher) return;
      // In `astro dev`, any change under the folder reloads every article: links and URLs
      // depend on the other files. A mistake is shown, and the last good content stays.
      const folder = resolve(fileURLToPath(context.config.root), base);
      watcher.add(folder);
      const reload = async (changed: string) => {
        if (!changed.startsWith(folder)) return;
        try {
          await syncArticles(context, base);
          logger.info(`articole reîncărcate după ${relative(folder, changed)}`);
        } catch (error) {
          logger.error((error as Error).message);
        }
      };
      for (const event of ['add', 'change', 'unlink']) watcher.on(event, reload);
    },
  };
}

/** Reads, checks and renders every article, then replaces the collection with the published ones. */
async function syncArticles(context: LoaderContext, base: string): Promise<void> {
  const root = fileURLToPath(context.config.root);
  const now = buildTime();
  const files = await readArticleFiles(root, base);

  const isDraft = (article: ArticleFile) => (article.data ? article.data.draft : article.frontmatter.draft === true);
  const errors: ArticleProblem[] = [];
  const warnings: ArticleProblem[] = [];
  for (const article of files) (isDraft(article) ? warnings : errors).push(...article.problems);

  const scheduled = files.filter((article) => article.data && !article.data.draft);
  errors.push(...checkArticleSet(scheduled.map(({ file, data }) => ({ file, data: data! }))));

  const byPath = new Map(files.map((article) => [resolve(root, article.file), article]));
  const contextFor = (article: ArticleFile): ArticleBuildContext => ({
    resolveArticleLink(target) {
      const linked = byPath.get(target);
      if (!linked) {
        const named = relative(root, target).split('\\').join('/');
        errors.push({ file: article.file, message: `legătura către ${named} duce la un articol care nu există` });
        return undefined;
      }
      if (linked.data && isPublished(linked.data, now)) return { href: articleUrl(linked.file, linked.data) };
      warnings.push({
        file: article.file,
        message: `legătura către ${linked.file} apare ca text simplu până când acel articol este publicat`,
      });
      return { unpublished: true };
    },
    warn(message) {
      warnings.push({ file: article.file, message });
    },
  });

  const renderer = await createRenderer(context.config);
  const rendered = new Map<ArticleFile, Awaited<ReturnType<Renderer['render']>>>();
  for (const article of scheduled) {
    try {
      const result = await renderer.render(article.body.trim(), {
        frontmatter: { ...article.frontmatter, [BUILD_CONTEXT]: contextFor(article) },
        fileURL: pathToFileURL(resolve(root, article.file)),
      });
      for (const image of result.metadata.localImagePaths) {
        if (!existsSync(resolve(root, dirname(article.file), decodeURI(image)))) {
          errors.push({ file: article.file, message: `imaginea „${image}” din text nu există lângă articol` });
        }
      }
      rendered.set(article, result);
    } catch (error) {
      errors.push({ file: article.file, message: `textul articolului nu a putut fi transformat în HTML: ${(error as Error).message}` });
    }
  }

  for (const warning of warnings) context.logger.warn(formatProblem(warning));
  if (errors.length > 0) throw new ArticleProblemsError(errors);

  context.store.clear();
  for (const article of scheduled) {
    if (!isPublished(article.data!, now)) continue;
    const id = relative(base, article.file).replace(/\.md$/i, '');
    const filePath = resolve(root, article.file);
    const result = rendered.get(article)!;
    context.store.set({
      id,
      data: await context.parseData({ id, data: article.frontmatter, filePath }),
      // No `body`: pages use the rendered HTML, and a 50,000-article archive need not hold its Markdown twice.
      filePath: article.file,
      rendered: {
        html: result.code,
        metadata: {
          headings: result.metadata.headings,
          imagePaths: [...result.metadata.localImagePaths, ...result.metadata.remoteImagePaths],
        },
      },
    });
  }
}
