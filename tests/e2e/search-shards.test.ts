import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';
import { serveSite } from '../../scripts/serve-site.ts';
import { astroBuild, projectRoot } from '../build/astro-build.ts';

const work = join(projectRoot, 'tests/e2e/.work/shards');
const content = join(work, 'content');
const dist = join(work, 'dist');

/** One article a quarter from 2022 to 2025, each with a word no other article has. */
const YEARS = [2022, 2023, 2024, 2025];
const articles = YEARS.flatMap((year) =>
  [1, 4, 7, 10].flatMap((month) =>
    [0, 1].map((half) => {
      const n = (year - 2022) * 8 + ((month - 1) / 3) * 2 + half;
      const word = `${['zăvor', 'mușat', 'țarină', 'ogaș'][n % 4]}${'bcdfghjklmnprstvz'[n % 17]}${'aeiou'[n % 5]}${'bcdfghjklmnprstvz'[(n * 7) % 17]}ex`;
      return { year, slug: `arhiva-${n}`, word, date: `${year}-${String(month).padStart(2, '0')}-${10 + half}T10:00` };
    }),
  ),
);

function writeArticles(): void {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  for (const { slug, word, date } of articles) {
    writeFileSync(
      join(content, `${slug}.md`),
      [
        '---',
        `title: "Arhiva orașului, episodul ${slug.slice(7)}"`,
        `date: ${date}`,
        'breadcrumb: ["Prima pagină", "Cultură"]',
        '---',
        '',
        `Despre ${word}, cuvântul acestui episod din arhivă, s-a scris mult. Consiliul local a discutat proiectul în ședința de joi.`,
        '',
      ].join('\n'),
    );
  }
}

/** Strips diacritics, as a reader typing on a phone without a Romanian keyboard does. */
const plain = (word: string) => word.normalize('NFD').replace(/\p{Diacritic}/gu, '');

let browser: Browser;
let page: Page;
let server: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  writeArticles();
  const result = await astroBuild({ content, dist, cache: join(work, 'cache'), now: '2026-01-01T00:00:00Z' });
  if (result.code !== 0) throw new Error(result.output);
  // The same pages in one index, as the reference the shards are compared with.
  const { index } = await pagefind.createIndex({});
  await index!.addDirectory({ path: dist });
  await index!.writeFiles({ outputPath: join(dist, 'pagefind-single') });
  await pagefind.close();
  server = await serveSite(dist);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.url}/cautare/`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The result URLs of a query, from the shards merged as the search page merges them, and from one
 * index. Written as browser source: the test runner would rewrite an `import()` in a function.
 */
const SEARCH_BOTH = `async (query) => {
  const urls = async (pagefind) => Promise.all((await pagefind.search(query)).results.map(async (result) => (await result.data()).url));
  // Merged once per page, as the search page does: a module is imported once, whatever the calls.
  window.shardedSearch ??= (async () => {
    const { shards } = await (await fetch('/pagefind/shards.json')).json();
    const primary = await import('/pagefind/' + shards[0] + '/pagefind.js');
    for (const shard of shards.slice(1)) await primary.mergeIndex('/pagefind/' + shard + '/');
    return primary;
  })();
  const sharded = await window.shardedSearch;
  const single = await import('/pagefind-single/pagefind.js');
  return { sharded: await urls(sharded), single: await urls(single) };
}`;

function searchBoth(query: string): Promise<{ sharded: string[]; single: string[] }> {
  return page.evaluate(`(${SEARCH_BOTH})(${JSON.stringify(query)})`);
}

describe('search in one shard per quarter', () => {
  it('writes a shard for each quarter, newest first', async () => {
    const list = await (await fetch(`${server.url}/pagefind/shards.json`)).json();
    expect(list).toEqual({ shards: YEARS.toReversed().flatMap((year) => [4, 3, 2, 1].map((quarter) => `${year}-t${quarter}`)) });
  });

  it.each(articles.map((article, position) => ({ ...article, query: position % 2 ? plain(article.word) : article.word })))(
    'finds $query ($year) in the top 3, with the results a single index gives',
    async ({ query, slug }) => {
      const { sharded, single } = await searchBoth(query);
      expect(sharded.slice(0, 3)).toContain(`/cultura/${slug}/`);
      expect(new Set(sharded)).toEqual(new Set(single));
    },
  );

  it('finds a word every article has in every shard, as a single index does', async () => {
    const { sharded, single } = await searchBoth('sedinta');
    expect(sharded).toHaveLength(articles.length);
    expect(new Set(sharded)).toEqual(new Set(single));
  });

  it('finds an old article from the search page itself', async () => {
    const old = articles[0]!;
    await page.goto(`${server.url}/cautare/?q=${encodeURIComponent(old.word)}`);
    await page.locator('#search-results li').first().waitFor();
    const links = await page.locator('#search-results li h2 a').evaluateAll((found) => found.map((link) => link.getAttribute('href')));
    expect(links).toContain(`/cultura/${old.slug}/`);
  });
});
