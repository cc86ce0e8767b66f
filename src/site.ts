import { siteSchema } from './schemas/site';

/**
 * The publication's settings. `FOAIA_SITE_URL` overrides the address for staging deployments.
 */
export const site = siteSchema.parse({
  name: 'Foaia',
  url: process.env.FOAIA_SITE_URL ?? 'https://foaia.ro',
  description: 'Știri din România și din lume, verificate și explicate.',
  newsroomBylines: ['Redacția'],
});
