/** What decides whether an article leads the home page: enough of its frontmatter. */
export interface FeaturingState {
  /** `true`, or the time until which the article leads the home page. */
  featured?: boolean | Date | undefined;
}

/**
 * Whether an editor has put the article at the top of the home page at `now`: `featured: true`, or
 * a `featured` time that has not passed.
 *
 * @example
 * isFeatured({ featured: true }, new Date('2025-08-13T12:00:00Z')) // => true
 * isFeatured({ featured: new Date('2025-08-13T15:00:00Z') }, new Date('2025-08-13T16:00:00Z')) // => false
 * isFeatured({}, new Date('2025-08-13T12:00:00Z')) // => false
 */
export function isFeatured(article: FeaturingState, now: Date): boolean {
  return article.featured === true || (article.featured instanceof Date && article.featured > now);
}

/** How many stories each part of the home page shows. */
export interface FrontPageCounts {
  /** Stories with thumbnails under the lead. */
  latest: number;
  /** Headlines with their times, after those. */
  headlines: number;
}

/** The stories of the home page, each shown once. */
export interface FrontPage<Story> {
  /** The featured story, else the newest. */
  lead: Story | undefined;
  /** The newest stories after the lead, with thumbnails. */
  latest: Story[];
  /** The next newest, as a list of headlines with their times. */
  headlines: Story[];
}

/**
 * Lays out the home page from the published stories, newest first: the lead is the most recently
 * published featured story (so a newer `featured: true` takes over from an older one) or, when
 * none is featured, the newest; then the newest others, then their headlines. A story whose
 * `featured` time has passed is back in its place by date.
 *
 * @example
 * frontPage([newest, older, featuredOld], new Date(), { latest: 1, headlines: 1 })
 * // => { lead: featuredOld, latest: [newest], headlines: [older] }
 */
export function frontPage<Story extends { data: FeaturingState }>(
  newestFirst: readonly Story[],
  now: Date,
  counts: FrontPageCounts,
): FrontPage<Story> {
  const lead = newestFirst.find((story) => isFeatured(story.data, now)) ?? newestFirst[0];
  const others = newestFirst.filter((story) => story !== lead);
  return {
    lead,
    latest: others.slice(0, counts.latest),
    headlines: others.slice(counts.latest, counts.latest + counts.headlines),
  };
}
