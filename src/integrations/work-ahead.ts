import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { configReadForWorkAhead, startWorkAhead, stopWorkAhead } from '../build-cache/work-ahead';
import { articlesFolder } from '../lib/build-settings';
import { buildTime } from '../lib/publishing';

/**
 * Starts a clean build's parse and renders of the articles on threads of their own
 * (`startWorkAhead()`) once the config is read, unless `astro.config.ts` started them as it began
 * to load (`work-ahead-of-config.ts`); gives them the config's image settings; stops them for a
 * command that is not a build. The articles' loader takes them when Astro syncs the content.
 */
export function workAhead(): AstroIntegration {
  return {
    name: 'foaia-work-ahead',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return stopWorkAhead();
        startWorkAhead({ root: fileURLToPath(config.root), base: articlesFolder(), cacheDir: config.cacheDir }, buildTime());
      },
      'astro:config:done': ({ config }) => configReadForWorkAhead(config.image),
    },
  };
}
