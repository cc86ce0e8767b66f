import { cmsSettingsSchema } from '../schemas/cms';

/**
 * The CMS's repository and sign-in (README, "A CMS for editors who do not use git"). Replace them
 * with the newsroom's own; `FOAIA_CMS_REPOSITORY` and `FOAIA_CMS_AUTH_ENDPOINT` override them.
 */
export const cmsSettings = cmsSettingsSchema.parse({
  repository: process.env.FOAIA_CMS_REPOSITORY ?? 'foaia-ro/foaia',
  branch: 'main',
  authEndpoint: process.env.FOAIA_CMS_AUTH_ENDPOINT ?? 'https://foaia-cms-auth.foaia.workers.dev',
});
