import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { LoaderContext } from 'astro/loaders';
import { mayContainGfm } from '../lib/gfm-syntax';
import { markdownOptions, markdownOptionsWithoutGfm } from '../plugins';
import { type ArticleBuildContext, BUILD_CONTEXT } from '../plugins/build-context';
import type { CachedRender, LinkAnswer, RenderEvent } from './render-cache';

type CreateRenderer = LoaderContext['config']['markdown']['processor']['createRenderer'];

/** Astro's Markdown renderer, as `markdown.processor.createRenderer()` makes it. */
export type MarkdownRenderer = Awaited<ReturnType<CreateRenderer>>;

/** The newsroom's pipeline (`src/plugins`), and the same without GFM for an article that cannot use it. */
export interface MarkdownRenderers {
  withGfm: MarkdownRenderer;
  withoutGfm: MarkdownRenderer;
}

/**
 * Both renderers, from Astro's `unified()` processor with the newsroom's plugins, and the options
 * Astro shares with every processor (images, syntax highlighting).
 *
 * @example
 * const renderers = await createMarkdownRenderers({ image, syntaxHighlight: false })
 */
export async function createMarkdownRenderers(shared: Parameters<CreateRenderer>[0]): Promise<MarkdownRenderers> {
  const [withGfm, withoutGfm] = await Promise.all([
    unified(markdownOptions).createRenderer(shared),
    unified(markdownOptionsWithoutGfm).createRenderer(shared),
  ]);
  return { withGfm, withoutGfm };
}

/** What a render needs of one article: plain data, so that a worker thread can be handed it. */
export interface RenderJob {
  /** The article's file, relative to the project root. */
  file: string;
  /** Its Markdown, trimmed (as the render cache's key has it). */
  body: string;
  /** Its frontmatter, as the loader read it. */
  frontmatter: Record<string, unknown>;
}

/** A fresh render: its HTML, and what the render cache keeps beside it. */
export type ArticleRender = Omit<CachedRender, 'htmlKey' | 'htmlAt'> & { html: string };

/**
 * Renders one article with the newsroom's pipeline, without GFM when the Markdown cannot hold a
 * GFM construct (`mayContainGfm()`: the HTML is the same). Links to other articles' files are answered
 * by `answerFor` (a target relative to the project root); every answer and every warning a plugin
 * gives is recorded, in order, for the loader to tell the editor and for the render cache to
 * check on reuse. The same function serves the loader's own thread and the worker threads.
 *
 * @example
 * const { html, events } = await renderArticle(renderers, '/site', { file: 'content/articles/a.md', body: '[b](b.md)', frontmatter: {} }, answerFor)
 * // events => [{ link: 'content/articles/b.md', answer: { href: '/sport/b/' } }]
 */
export async function renderArticle(
  renderers: MarkdownRenderers,
  root: string,
  job: RenderJob,
  answerFor: (link: string) => LinkAnswer,
): Promise<ArticleRender> {
  const events: RenderEvent[] = [];
  const context: ArticleBuildContext = {
    resolveArticleLink(absolutePath) {
      const link = relative(root, absolutePath).split('\\').join('/');
      const answer = answerFor(link);
      events.push({ link, answer });
      return 'missing' in answer ? undefined : answer;
    },
    warn(message) {
      events.push({ warning: message });
    },
  };
  const renderer = mayContainGfm(job.body) ? renderers.withGfm : renderers.withoutGfm;
  const result = await renderer.render(job.body, {
    frontmatter: { ...job.frontmatter, [BUILD_CONTEXT]: context },
    fileURL: pathToFileURL(resolve(root, job.file)),
  });
  return {
    html: result.code,
    headings: result.metadata.headings,
    localImagePaths: result.metadata.localImagePaths,
    remoteImagePaths: result.metadata.remoteImagePaths,
    events,
  };
}
