import type { AstroIntegration } from 'astro';

/**
 * `astro dev` shows drafts and embargoed articles, as a preview build does (`FOAIA_PREVIEW=1`):
 * an editor sees a story before it goes live. `FOAIA_PREVIEW=0 npm run dev` shows the site as
 * production would.
 */
export function previewInDev(): AstroIntegration {
  return {
    name: 'foaia-preview-in-dev',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // Vitest loads this config as a dev server too (`getViteConfig`): the builds its tests start
        // from that process inherit its environment, and must stay production builds.
        if (command === 'dev' && !process.env.VITEST) process.env.FOAIA_PREVIEW ??= '1';
      },
    },
  };
}
