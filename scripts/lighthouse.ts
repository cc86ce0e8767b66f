/**
 * Prints Lighthouse's four scores (mobile) for the seed article, the home page and the seed's
 * section page, from the site in `dist/` served on 127.0.0.1:
 *
 *   npm run build && npm run lighthouse
 *
 * Served from 127.0.0.1, the canonical URL points at "another domain", so that one audit is
 * skipped here; nothing else is.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { DIST, REFERENCE_PAGES, requireBuiltSite } from './reference-pages.ts';
import { serveSite } from './serve-site.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

requireBuiltSite('lighthouse');

const server = await serveSite(DIST);
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROMIUM_ARGS });
let lowest = 100;
try {
  for (const [name, path] of Object.entries(REFERENCE_PAGES)) {
    const result = await lighthouse(
      `${server.url}${path}`,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
      { extends: 'lighthouse:default', settings: { skipAudits: ['canonical'] } },
    );
    const categories = result!.lhr.categories;
    const scores = CATEGORIES.map((id) => Math.round((categories[id]?.score ?? 0) * 100));
    lowest = Math.min(lowest, ...scores);
    console.log(`${name.padEnd(14)} ${CATEGORIES.map((id, index) => `${id} ${scores[index]}`).join('  ')}`);
    for (const [id, audit] of Object.entries(result!.lhr.audits)) {
      if (
        audit.score !== null &&
        audit.score < 1 &&
        audit.scoreDisplayMode !== 'informative' &&
        audit.scoreDisplayMode !== 'notApplicable'
      ) {
        console.log(`  hint, not scored against: ${audit.title} (${id}) ${audit.displayValue ?? ''}`);
      }
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
process.exitCode = lowest === 100 ? 0 : 1;
