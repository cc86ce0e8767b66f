import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readPublishedArticles } from '../build-cache/published-articles';

/**
 * Writes `dist/_redirects` (Netlify and Cloudflare Pages): each published article's earlier paths
 * (`aliases:`) answer 301 with its URL. The build has checked that no alias is a path it writes.
 * Hosts without redirect rules get the page `src/pages/[...alias].astro` writes at each old path.
 */
export function redirects(): AstroIntegration {
  let cacheDir: URL;
  return {
    name: 'foaia-redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:done': ({ dir, logger }) => {
        const rules = readPublishedArticles(cacheDir)
          .flatMap(({ url, aliases = [] }) => aliases.map((alias) => `${alias} ${url} 301`))
          .sort();
        if (rules.length === 0) return;
        writeFileSync(join(fileURLToPath(dir), '_redirects'), `${rules.join('\n')}\n`);
        logger.info(`${rules.length} adrese vechi redirecționate (_redirects)`);
      },
    },
  };
}
