import { siteSchema } from './schemas/site';

/**
 * The publication's settings. `FOAIA_SITE_URL` overrides the address for staging deployments.
 * Fill in `xHandle` and `profiles` with the newsroom's own accounts.
 */
export const site = siteSchema.parse({
  name: 'Foaia',
  url: process.env.FOAIA_SITE_URL || 'https://foaia.ro',
  description: 'Știri din România și din lume, verificate și explicate.',
  locale: 'ro_RO',
  publisher: {
    name: 'Foaia',
    logo: { path: '/logo.png', width: 512, height: 512 },
  },
  googleNewsName: 'Foaia',
  profiles: [],
  newsroomBylines: ['Redacția'],
});
