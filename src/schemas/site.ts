import { z } from 'astro/zod';

/** The publication's own settings, read by pages, feeds and metadata. */
export const siteSchema = z.strictObject({
  /** The publication's name, as readers know it. */
  name: z.string().min(1),
  /** The public address pages are served from, used for every absolute URL. */
  url: z.url({ protocol: /^https?$/ }),
  /** One sentence about the publication, for the home page and feeds. */
  description: z.string().min(1),
  /** Bylines that are the newsroom itself rather than a person. */
  newsroomBylines: z.array(z.string().min(1)),
});

export type SiteSettings = z.output<typeof siteSchema>;
