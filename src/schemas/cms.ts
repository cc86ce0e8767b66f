import { z } from 'astro/zod';

/** Where the CMS at `/admin/` reads and writes the newsroom's files, and how editors sign in. */
export const cmsSettingsSchema = z.strictObject({
  /** The GitHub repository holding the site (`owner/name`). */
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  /** The branch the site publishes from; each story is a pull request against it. */
  branch: z.string().min(1),
  /** The GitHub OAuth worker editors sign in through (Sveltia's `sveltia-cms-auth`). */
  authEndpoint: z.url({ protocol: /^https$/ }),
});

export type CmsSettings = z.output<typeof cmsSettingsSchema>;
