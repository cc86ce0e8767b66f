import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { describe, expect, inject, it } from 'vitest';
import { renderThreadCount } from '../../src/build-cache/render-threads';
import { readArticleFile } from '../../src/lib/article-file';
import { brokenLinks, scanBuiltSite } from '../../src/lib/built-site';
import { articleUrl } from '../../src/lib/article-set';
import { toBucharestIso } from '../../src/lib/dates';
import { isPublished } from '../../src/lib/publishing';
import { breadcrumbSections } from '../../src/lib/sections';
import { sectionPath } from '../../src/lib/urls';
import { BuiltSite } from './dist';

const root = fileURLToPath(new URL('../..', import.meta.url));
const build = inject('completenessBuild');
const site = new BuiltSite(join(root, build.dist));

/** What the content says should be published: every valid, non-draft article whose time has come. */
const expected = (await glob('**/*.md', { cwd: join(root, build.content) }))
  .map((name) => {
    const file = `${build.content}/${name}`;
    return readArticleFile(file, readFileSync(join(root, file), 'utf8'), root);
  })
  .filter((article) => article.data && isPublished(article.data, new Date(build.now)))
  .map((article) => ({
    url: articleUrl(article.file, article.data!),
    /** A retracted article keeps its page (a notice) and leaves every list. */
    listed: !article.data!.retracted,
    sections: breadcrumbSections(article.data!.breadcrumb),
    quarter: ((iso) => `${iso.slice(0, 4)}-t${Math.ceil(Number(iso.slice(5, 7)) / 3)}`)(toBucharestIso(article.data!.date)),
  }));

const listedArticles = expected.filter(({ listed }) => listed);

describe(`a site of ${expected.length} published articles`, () => {
  it('was rendered while Astro started, when there were enough articles for the render threads', () => {
    const [, rendering, rendered, ahead] =
      /(\d+) articole: (\d+) transformate în HTML( \((\d+) în timpul pornirii\))?/.exec(build.output) ?? [];
    expect(Number(rendered)).toBe(Number(rendering));
    // A clean build renders every article it publishes, and those under embargo.
    expect(Number(rendering)).toBeGreaterThanOrEqual(expected.length);
    if (renderThreadCount(Number(rendering)) > 0) expect(ahead).toBe(` (${rendering} în timpul pornirii)`);
    else expect(ahead).toBeUndefined();
  });

  it('has a page for every article', () => {
    const missing = expected.filter(({ url }) => !site.has(url)).map(({ url }) => url);
    expect(missing).toEqual([]);
  });

  it("reaches every article of every section through the section's pagination", () => {
    const bySection = new Map<string, Set<string>>();
    for (const { url, sections } of listedArticles) {
      for (const { slug } of sections) bySection.set(slug, (bySection.get(slug) ?? new Set()).add(url));
    }
    for (const [slug, urls] of bySection) {
      const { articleLinks } = site.walkListing(sectionPath(slug));
      expect(new Set(articleLinks), slug).toEqual(urls);
      expect(articleLinks.length, slug).toBe(urls.size);
    }
  });

  it('indexes every article for search, and nothing else, in one shard per quarter of publication', () => {
    const { shards } = JSON.parse(readFileSync(site.file('/pagefind/shards.json'), 'utf8')) as { shards: string[] };
    expect(shards).toEqual([...new Set(listedArticles.map(({ quarter }) => quarter))].sort().reverse());
    const indexed = shards.map(
      (shard) => JSON.parse(readFileSync(site.file(`/pagefind/${shard}/pagefind-entry.json`), 'utf8')).languages.ro.page_count,
    );
    expect(indexed.reduce((total: number, count: number) => total + count, 0)).toBe(listedArticles.length);
  });

  it('lists every article in the sitemap', () => {
    const index = site.xml('/sitemap-index.xml');
    const locs = new Set(
      [index.sitemapindex.sitemap]
        .flat()
        .flatMap((entry: { loc: string }) => [site.xml(new URL(entry.loc).pathname).urlset.url].flat())
        .map((url: { loc: string }) => new URL(url.loc).pathname),
    );
    expect(listedArticles.filter(({ url }) => !locs.has(url)).map(({ url }) => url)).toEqual([]);
    expect(expected.filter(({ listed, url }) => !listed && locs.has(url))).toEqual([]);
  });

  it('never links to a Markdown file, and every internal link resolves', async () => {
    const scans = await scanBuiltSite(site.dist);
    const markdownLinks = [...scans].flatMap(([path, scan]) =>
      scan.urls.filter((url) => /\.md($|[#?])/i.test(url)).map((url) => `${path} → ${url}`),
    );
    expect(markdownLinks).toEqual([]);
    expect(brokenLinks(site.dist, scans, 'https://foaia.ro')).toEqual([]);
  });
});
