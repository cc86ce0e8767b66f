/** What decides whether an article is public: enough of its frontmatter. */
export interface PublishingState {
  /** A draft is never published. */
  draft: boolean;
  /** Publication time; before it the article is under embargo. */
  date: Date;
}

/**
 * The one rule for what readers may see, used by the loader, every page, feed, sitemap and
 * image: not a draft, and its time has come by the build's clock.
 *
 * @example
 * isPublished({ draft: false, date: new Date('2025-08-13T06:04:00Z') }, new Date('2025-08-13T07:00:00Z')) // => true
 * isPublished({ draft: false, date: new Date('2025-08-14T06:00:00Z') }, new Date('2025-08-13T07:00:00Z')) // => false
 * isPublished({ draft: true, date: new Date('2025-08-13T06:04:00Z') }, new Date('2025-08-13T07:00:00Z')) // => false
 */
export function isPublished(article: PublishingState, now: Date): boolean {
  return !article.draft && article.date.getTime() <= now.getTime();
}

/**
 * The build's clock: `FOAIA_NOW` (an ISO instant, so tests and scheduled rebuilds can set it),
 * else the moment it is first asked for. It is written back to the environment because the
 * content loader and the pages run in separate module graphs of one process and must agree.
 *
 * @example
 * buildTime({ FOAIA_NOW: '2025-08-13T07:00:00Z' }) // => 2025-08-13T07:00:00.000Z
 */
export function buildTime(env: Record<string, string | undefined> = process.env): Date {
  env.FOAIA_NOW ??= new Date().toISOString();
  const now = new Date(env.FOAIA_NOW);
  if (Number.isNaN(now.getTime())) throw new Error(`FOAIA_NOW must be an ISO 8601 instant, found "${env.FOAIA_NOW}"`);
  return now;
}

/**
 * When an article last changed: the latest of its publication, its update and its corrections.
 * Sitemaps, Open Graph, structured data, feeds and the "Actualizat" line all say the same.
 *
 * @example
 * lastModified({ date: new Date('2025-08-20T07:30:00Z'), updated: new Date('2025-08-20T11:15:00Z') }) // => 2025-08-20T11:15:00.000Z
 * lastModified({ date: new Date('2025-08-20T07:30:00Z'), corrections: [{ date: new Date('2025-08-21T08:00:00Z') }] }) // => 2025-08-21T08:00:00.000Z
 */
export function lastModified(article: { date: Date; updated?: Date | undefined; corrections?: readonly { date: Date }[] }): Date {
  const times = [article.date, article.updated, ...(article.corrections ?? []).map((correction) => correction.date)];
  return new Date(Math.max(...times.filter((time) => time !== undefined).map((time) => time.getTime())));
}

/**
 * The last change to show as "Actualizat": only when the article changed after it was published.
 *
 * @example
 * shownUpdate({ date: new Date('2025-08-20T07:30:00Z') }) // => undefined
 */
export function shownUpdate(article: Parameters<typeof lastModified>[0]): Date | undefined {
  const changed = lastModified(article);
  return changed > article.date ? changed : undefined;
}
