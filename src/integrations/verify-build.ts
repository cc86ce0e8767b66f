import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PageMemo } from '../build-cache/page-memo';
import { readPublishedArticles } from '../build-cache/published-articles';
import { secondsSince } from '../lib/durations';
import { brokenLinks, type BuiltFiles, listedFileExists, listedStamp, PAGE_SCAN_CODEC, scanBuiltSite } from '../lib/built-site';

/**
 * After `astro build`, checks the site in `dist/` before anyone can deploy it: every article the
 * content loader published has a page with text, and every internal link and asset resolves. Any failure fails
 * the build, listing every problem. Every link of every page is checked on every build; a page
 * the build reused is not read again (its scan from the last verified build is, while its file is
 * unchanged). `FOAIA_VERIFY=all` reads every page.
 */
export function verifyBuild({ builtFiles }: { builtFiles: () => BuiltFiles }): AstroIntegration {
  let cacheDir: URL;
  let site = '';
  let scansFile = '';
  return {
    name: 'foaia-verify-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
        site = config.site ?? 'http://localhost';
        scansFile = join(fileURLToPath(config.cacheDir), 'foaia/page-scans.json');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const started = performance.now();
        const built = builtFiles();
        const memo = PageMemo.load(scansFile, PAGE_SCAN_CODEC, {
          readAll: process.env.FOAIA_VERIFY === 'all',
          stampOf: listedStamp(dist, built),
        });
        const scans = await scanBuiltSite(dist, memo, built.stamps.keys());
        const problems: string[] = [];
        const articles = readPublishedArticles(cacheDir);
        for (const { file, url } of articles) {
          const scan = scans.get(url);
          if (!scan) problems.push(`${file}: articolul publicat nu are pagină la ${url}`);
          else if (!scan.articleBodyText) problems.push(`${file}: pagina ${url} nu are text`);
        }
        // A preview may link to what only its publication creates (a new section's or tag's page).
        const previews = new Set(articles.filter((article) => article.preview).map((article) => article.url));
        const fileExists = listedFileExists(dist, built);
        problems.push(
          ...brokenLinks(dist, scans, site, (page) => !previews.has(page), fileExists).map((link) => `legătură ruptă: ${link}`),
        );
        for (const link of brokenLinks(dist, scans, site, (page) => previews.has(page), fileExists)) {
          logger.warn(`previzualizare: legătură care va funcționa abia după publicare: ${link}`);
        }
        if (problems.length > 0) {
          throw new Error(`Site-ul construit are ${problems.length} probleme; nu îl publicați:\n  ${problems.join('\n  ')}`);
        }
        memo.save();
        logger.info(
          `${scans.size} pagini HTML verificate (${memo.changed.size} citite din nou): fiecare articol publicat are pagină cu text, fiecare legătură internă duce undeva ${secondsSince(started)}`,
        );
      },
    },
  };
}
