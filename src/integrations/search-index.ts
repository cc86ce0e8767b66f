import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { secondsSince } from '../lib/durations';

/** The search index's folder in the site: `/pagefind/`. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/**
 * After `astro build`, indexes the article bodies (the elements marked `data-pagefind-body`) with
 * Pagefind into `dist/pagefind/`, for the search page. Pages are Romanian (`lang="ro"`), so words
 * are stemmed as Romanian; Pagefind folds diacritics, so `sedinta` finds „ședință”.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'foaia-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: dist });
          if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
          // Pagefind adds its files to the folder: the last build's, kept in `dist/`, go first.
          rmSync(join(dist, SEARCH_INDEX_FOLDER), { recursive: true, force: true });
          const written = await index.writeFiles({ outputPath: join(dist, SEARCH_INDEX_FOLDER) });
          if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
          logger.info(`${added.page_count} pagini citite, articolele lor indexate pentru căutare ${secondsSince(started)}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
