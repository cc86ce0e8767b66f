import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { removeStaleFiles, staleFiles } from '../build-cache/stale-output';
import { SEARCH_INDEX_FOLDER } from '../search/shards';
import { ADMIN_FOLDER } from '../cms/bundle';

/**
 * Keeps the output folder between builds (Astro does not empty it: see `astro.config.ts`) and,
 * once the pages are written, deletes what this build did not make, so that `dist/` holds the
 * same files as a clean build would. Runs before the CMS and the search index (which rewrite
 * their own folders) and the verification.
 */
export function pruneOutput(): AstroIntegration {
  let buildStart = 0;
  return {
    name: 'foaia-prune-output',
    hooks: {
      'astro:config:setup': () => {
        buildStart = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const folder = fileURLToPath(dir);
        const outputs = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const removed = removeStaleFiles(folder, staleFiles(folder, outputs, buildStart, [SEARCH_INDEX_FOLDER, ADMIN_FOLDER]));
        if (removed > 0) logger.info(`${removed} fișiere din construirea anterioară șterse (pagini sau resurse care nu mai există)`);
      },
    },
  };
}
