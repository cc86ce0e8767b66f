/**
 * What the build tells each article's render, and how plugins talk back to it. Astro's Markdown
 * renderer hands plugins the frontmatter it was given and returns nothing else, so the loader
 * passes this object under a symbol key of the frontmatter.
 */
import type { VFile } from 'vfile';

/** What the build knows of a linked article file: its page, or that it is not published yet. */
export type ArticleLinkTarget = { href: string } | { unpublished: true } | undefined;

export interface ArticleBuildContext {
  /** Answers for an absolute file path; the build records a missing or unpublished target itself. */
  resolveArticleLink(absolutePath: string): ArticleLinkTarget;
  /** Tells the editor about something the render changed, without failing the build. */
  warn(message: string): void;
}

/** The frontmatter key under which the loader passes the context. */
export const BUILD_CONTEXT = Symbol.for('foaia.buildContext');

/**
 * The context of the article being rendered, or undefined outside the article loader.
 *
 * @example
 * buildContextOf(file)?.warn('iframe eliminat')
 */
export function buildContextOf(file: VFile): ArticleBuildContext | undefined {
  const frontmatter = (file.data as { astro?: { frontmatter?: Record<symbol, unknown> } }).astro?.frontmatter;
  return frontmatter?.[BUILD_CONTEXT] as ArticleBuildContext | undefined;
}
