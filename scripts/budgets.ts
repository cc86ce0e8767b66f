/**
 * Prints the page-weight budgets of the site in `dist/` and fails when one is exceeded:
 *
 *   npm run build && npm run budgets
 *
 * - article, home and section pages send no JavaScript;
 * - the seed article's HTML and CSS together weigh at most 40 KB, uncompressed;
 * - every image has width and height, is WebP with srcset and sizes; the page's first image (the
 *   article's hero photo, a listing's first story: the largest paint) loads eagerly with
 *   fetchpriority="high", every other image lazily.
 */
import { readFileSync, statSync } from 'node:fs';
import { load } from 'cheerio';
import { fileForPath } from '../src/lib/built-site.ts';
import { DIST, REFERENCE_PAGES, requireBuiltSite, SEED_PAGE } from './reference-pages.ts';

const HTML_CSS_BUDGET = 40 * 1024;

requireBuiltSite('budgets');

const fileOf = (path: string) => fileForPath(DIST, path);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const failures: string[] = [];
const check = (ok: boolean, line: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
  if (!ok) failures.push(line);
};

for (const [name, path] of Object.entries(REFERENCE_PAGES)) {
  const html = readFileSync(fileOf(path), 'utf8');
  const $ = load(html);
  const scripts = $('script').filter((_, script) => $(script).attr('type') !== 'application/ld+json');
  const scriptBytes = scripts.get().reduce((total, script) => {
    const src = $(script).attr('src');
    return total + (src ? statSync(fileOf(src)).size : $(script).text().length);
  }, 0);
  check(scripts.length === 0, `${name}: ${scripts.length} scripts, ${kb(scriptBytes)} of JavaScript`);

  const styles = $('link[rel="stylesheet"]')
    .map((_, link) => statSync(fileOf($(link).attr('href')!)).size)
    .get();
  const inlineStyles = Buffer.byteLength($('style').text());
  const weight = Buffer.byteLength(html) + styles.reduce((total, size) => total + size, 0) + inlineStyles;
  if (path === SEED_PAGE) check(weight <= HTML_CSS_BUDGET, `${name}: HTML + CSS ${kb(weight)} (budget ${kb(HTML_CSS_BUDGET)})`);
  else console.log(`     ${name}: HTML + CSS ${kb(weight)}`);

  $('main img').each((index, image) => {
    const attributes = image.attribs;
    const label = `${name}: image ${attributes.src}`;
    check(Boolean(attributes.width && attributes.height), `${label} has width and height (${attributes.width}×${attributes.height})`);
    check(/\.webp$/.test(attributes.src ?? '') && Boolean(attributes.srcset && attributes.sizes), `${label} is WebP with srcset and sizes`);
    if (index === 0)
      check(
        attributes.loading === 'eager' && attributes.fetchpriority === 'high',
        `${label} (first) loads eagerly with fetchpriority=high`,
      );
    else check(attributes.loading === 'lazy', `${label} loads lazily`);
  });
}

console.log(failures.length === 0 ? 'all budgets met' : `${failures.length} budgets exceeded`);
process.exitCode = failures.length === 0 ? 0 : 1;
