import { z } from 'astro/zod';

/** A raster image served from `public/`, with its size, as structured data wants it. */
const publicImage = z.strictObject({
  /** Its path on the site, from `public/` (`/logo.png`). */
  path: z.string().startsWith('/'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** The publication's own settings, read by pages, feeds and metadata: one typed place. */
export const siteSchema = z.strictObject({
  /** The publication's name, as readers know it. */
  name: z.string().min(1),
  /** The public address pages are served from, used for every absolute URL. */
  url: z.url({ protocol: /^https?$/ }),
  /** One sentence about the publication, for the home page, feeds and link previews. */
  description: z.string().min(1),
  /** The Open Graph locale of the pages. */
  locale: z.string().regex(/^[a-z]{2}_[A-Z]{2}$/),
  /** The publisher behind the publication, as structured data names it. */
  publisher: z.strictObject({
    /** The organisation's name. */
    name: z.string().min(1),
    /** Its logo: square, at least 112 px, as Google asks. */
    logo: publicImage,
  }),
  /** The publication's name as registered with Google News. */
  googleNewsName: z.string().min(1),
  /** The X (Twitter) account, for `twitter:site`. */
  xHandle: z
    .string()
    .regex(/^@\w{1,15}$/)
    .optional(),
  /** The publication's profiles elsewhere (Facebook page, X, Instagram), for structured data `sameAs`. */
  profiles: z.array(z.url()).default([]),
  /** Bylines that are the newsroom itself rather than a person. */
  newsroomBylines: z.array(z.string().min(1)),
});

export type SiteSettings = z.output<typeof siteSchema>;
