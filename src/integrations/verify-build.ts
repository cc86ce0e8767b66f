import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readArticleFiles } from '../lib/article-file';
import { articleUrl } from '../lib/article-set';
import { articlesFolder } from '../lib/build-settings';
import { secondsSince } from '../lib/durations';
import { brokenLinks, scanBuiltSite } from '../lib/built-site';
import { buildTime, isPublished } from '../lib/publishing';

/**
 * After `astro build`, checks the site in `dist/` before anyone can deploy it: every published
 * article has a page with text, and every internal link and asset resolves. Any failure fails
 * the build, listing every problem.
 */
export function verifyBuild(): AstroIntegration {
  let root = '';
  let site = '';
  return {
    name: 'foaia-verify-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        site = config.site ?? 'http://localhost';
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const started = performance.now();
        const now = buildTime();
        const scans = scanBuiltSite(dist);
        const problems: string[] = [];
        for (const article of await readArticleFiles(root, articlesFolder())) {
          if (!article.data || !isPublished(article.data, now)) continue;
          const url = articleUrl(article.file, article.data);
          const scan = scans.get(url);
          if (!scan) problems.push(`${article.file}: articolul publicat nu are pagină la ${url}`);
          else if (!scan.articleBodyText) problems.push(`${article.file}: pagina ${url} nu are text`);
        }
        problems.push(...brokenLinks(dist, scans, site).map((link) => `legătură ruptă: ${link}`));
        if (problems.length > 0) {
          throw new Error(`Site-ul construit are ${problems.length} probleme; nu îl publicați:\n  ${problems.join('\n  ')}`);
        }
        logger.info(
          `${scans.size} pagini HTML verificate: fiecare articol publicat are pagină cu text, fiecare legătură internă duce undeva ${secondsSince(started)}`,
        );
      },
    },
  };
}
