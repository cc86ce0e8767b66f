import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readPublishedArticles } from '../build-cache/published-articles';

/**
 * Writes the files hosts and search engines read rather than readers: `dist/_redirects` (Netlify,
 * Cloudflare Pages; the S3 deploy turns it into object redirects), where each published article's
 * earlier paths (`aliases:`) answer 301 with its URL, and with `FOAIA_INDEXNOW_KEY` the IndexNow
 * key file (`/<key>.txt`) that proves the site's announcements are its own. Hosts without redirect
 * rules get the page `src/pages/[...alias].astro` writes at each old path.
 */
export function hostFiles(): AstroIntegration {
  let cacheDir: URL;
  return {
    name: 'foaia-host-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const key = process.env.FOAIA_INDEXNOW_KEY;
        if (key) {
          if (!/^[A-Za-z0-9-]{8,128}$/.test(key)) throw new Error('FOAIA_INDEXNOW_KEY must be 8 to 128 letters, digits or dashes');
          writeFileSync(join(dist, `${key}.txt`), key);
        }
        const rules = readPublishedArticles(cacheDir)
          .flatMap(({ url, aliases = [] }) => aliases.map((alias) => `${alias} ${url} 301`))
          .sort();
        if (rules.length === 0) return;
        writeFileSync(join(dist, '_redirects'), `${rules.join('\n')}\n`);
        logger.info(`${rules.length} adrese vechi redirecționate (_redirects)`);
      },
    },
  };
}
