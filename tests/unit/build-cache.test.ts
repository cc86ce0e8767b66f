import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/build-cache/content-hash';
import { articleKey, listingPageKey, pageKey } from '../../src/build-cache/page-keys';
import { HtmlPackWriter, RenderCache, readHtmlAt, readRenderedHtml } from '../../src/build-cache/render-cache';
import { importGraph, rendererHash } from '../../src/build-cache/renderer-hash';
import { removeStaleFiles, staleFiles } from '../../src/build-cache/stale-output';
import { pagesOnlyInDist } from '../../src/integrations/pages-only-in-dist';
import { listBuiltFiles } from '../../src/lib/built-site';
import { tempTree } from './temp-tree';

describe('contentHash', () => {
  it('is stable, separates its inputs, and refuses an undefined one', () => {
    expect(contentHash('a', { b: 1 })).toBe(contentHash('a', { b: 1 }));
    expect(contentHash('ab')).not.toBe(contentHash('a', 'b'));
    expect(contentHash('a')).toHaveLength(32);
    expect(() => contentHash('a', undefined)).toThrow('contentHash: input 1 is undefined');
  });
});

describe('rendererHash', () => {
  const project = (typography: string) =>
    tempTree({
      'src/plugins/index.ts': "import typography from './typography';\nexport { typography };\n",
      'src/plugins/typography.ts': `import { t } from '../i18n';\nexport default () => t(${JSON.stringify(typography)});\n`,
      'src/i18n/index.ts': "import words from './ro.json';\nexport const t = (key: string) => words[key];\n",
      'src/i18n/ro.json': '{}',
      'src/pages/index.astro': 'a page',
      'package-lock.json': '{}',
    });

  it('follows the plugins’ imports, folders and JSON included', () => {
    const root = project('x');
    expect(importGraph(join(root, 'src/plugins/index.ts')).map((file) => file.slice(root.length))).toEqual([
      '/src/i18n/index.ts',
      '/src/i18n/ro.json',
      '/src/plugins/index.ts',
      '/src/plugins/typography.ts',
    ]);
  });

  it('changes with a plugin’s code, not with a page’s, nor with the folder the project is in', () => {
    const first = project('x');
    expect(rendererHash(project('x'))).toBe(rendererHash(first));
    expect(rendererHash(project('y'))).not.toBe(rendererHash(first));
  });
});

describe('RenderCache', () => {
  const render = { headings: [], localImagePaths: [], remoteImagePaths: [], events: [] };
  const packsIn = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.pack'));

  it('keeps renders between builds, each distinct HTML once, and prunes what a build did not use', () => {
    const folder = join(tempTree({}), 'renders');
    const first = new RenderCache(folder);
    const pack = new HtmlPackWriter(folder);
    const keep = (key: string, html: string) => first.keep(key, { ...pack.write(html), ...render });
    const old = keep('old', '<p>vechi</p>');
    const kept = keep('kept', '<p>ș</p>');
    expect(keep('same-html', '<p>ș</p>')).toEqual(kept);
    expect(first.prune()).toBe(0);
    expect(packsIn(folder)).toEqual([kept.htmlAt.pack]);
    expect(statSync(join(folder, kept.htmlAt.pack)).size).toBe('<p>vechi</p><p>ș</p>'.length + 1);

    const second = new RenderCache(folder);
    expect(second.get('kept')).toEqual(kept);
    expect(readRenderedHtml(folder, kept.htmlKey)).toBe('<p>ș</p>');
    expect(readRenderedHtml(folder, old.htmlKey)).toBe('<p>vechi</p>');
    expect(second.get('missing')).toBeUndefined();
    // Most of the pack is the old version: what is used moves to a new pack, and the old one goes.
    expect(second.prune()).toBe(2);
    expect(packsIn(folder)).toHaveLength(1);
    expect(packsIn(folder)).not.toContain(kept.htmlAt.pack);
    expect(readRenderedHtml(folder, kept.htmlKey)).toBe('<p>ș</p>');
    expect(() => readRenderedHtml(folder, old.htmlKey)).toThrow(old.htmlKey);

    const third = new RenderCache(folder);
    expect(third.get('old')).toBeUndefined();
    const moved = third.get('kept')!;
    expect(moved.htmlKey).toBe(kept.htmlKey);
    expect(readHtmlAt(folder, moved.htmlAt)).toBe('<p>ș</p>');
    rmSync(join(folder, moved.htmlAt.pack));
    expect(new RenderCache(folder).get('kept')).toBeUndefined();
  });

  it('gathers the small packs of successive publishes into one, and forgets HTML files of the earlier layout', () => {
    const folder = join(tempTree({ 'renders/Qm9vdGxlZ2dlZA.html': '<p>vechi</p>' }), 'renders');
    const html = (build: number) => `<p>Articolul ${build}</p>`;
    for (const build of [1, 2, 3]) {
      const cache = new RenderCache(folder);
      for (let earlier = 1; earlier < build; earlier++) expect(cache.get(`articol-${earlier}`)).toBeDefined();
      cache.keep(`articol-${build}`, { ...new HtmlPackWriter(folder).write(html(build)), ...render });
      cache.prune();
      expect(packsIn(folder)).toHaveLength(1);
    }
    expect(readdirSync(folder).sort()).toEqual([...packsIn(folder), 'html.json', 'renders.json'].sort());
    for (const build of [1, 2, 3]) expect(readRenderedHtml(folder, contentHash(html(build)))).toBe(html(build));
  });
});

describe('page keys', () => {
  const navigation = { menu: [{ slug: 'sport', name: 'Sport' }] };
  const article = (pageDigest: string | undefined, name = 'Fotbal') => ({
    entry: { rendered: { metadata: { pageDigest } } },
    url: '/fotbal/meci/',
    trail: [
      { slug: 'sport', name: 'Sport' },
      { slug: 'fotbal', name },
    ],
    tags: [{ name: 'Derby local' }],
  });
  const fotbal = { slug: 'fotbal', name: 'Fotbal', parent: { slug: 'sport', name: 'Sport' } };

  it('change with an article’s content, a section’s spelling, the navigation and the page’s place', () => {
    const key = listingPageKey(navigation, fotbal, 1, 3, [article('d1')]);
    expect(listingPageKey(navigation, fotbal, 1, 3, [article('d1')])).toBe(key);
    expect(listingPageKey(navigation, fotbal, 1, 3, [article('d2')])).not.toBe(key);
    expect(listingPageKey(navigation, fotbal, 1, 3, [article('d1', 'FOTBAL')])).not.toBe(key);
    expect(listingPageKey(navigation, fotbal, 1, 4, [article('d1')])).not.toBe(key);
    expect(listingPageKey({ menu: [] }, fotbal, 1, 3, [article('d1')])).not.toBe(key);
    expect(listingPageKey(navigation, { ...fotbal, parent: undefined }, 1, 3, [article('d1')])).not.toBe(key);
    expect(listingPageKey(navigation, fotbal, 1, 3, [article('d1')], { title: 'Cutremur' })).not.toBe(key);
  });

  it('fail the build when an article has no page digest', () => {
    expect(() => pageKey(navigation, articleKey(article(undefined)))).toThrow("/fotbal/meci/: the article's entry has no page digest");
  });
});

describe('stale output', () => {
  it('finds the files a build neither wrote nor reused, and removes the folders they leave empty', () => {
    const folder = tempTree({
      'sport/meci/index.html': 'reused',
      'sport/sters/index.html': 'deleted article',
      '_astro/old.css': 'old asset',
      'nou/index.html': 'written',
      'pagefind/fragment/a.pf_fragment': 'the search index’s own',
      'admin/index.html': 'the CMS’s own',
    });
    const later = Date.now() + 60_000;
    utimesSync(join(folder, 'nou/index.html'), later / 1000, later / 1000);
    const built = listBuiltFiles(folder, ['pagefind']);
    const stale = staleFiles(folder, built, new Set([join(folder, 'sport/meci/index.html')]), later - 1000, ['admin']);
    expect(stale.map((file) => file.slice(folder.length)).sort()).toEqual(['/_astro/old.css', '/sport/sters/index.html']);
    expect(removeStaleFiles(folder, stale)).toBe(2);
    expect(existsSync(join(folder, 'sport/sters'))).toBe(false);
    expect(existsSync(join(folder, '_astro'))).toBe(false);
    expect(existsSync(join(folder, 'sport/meci/index.html'))).toBe(true);
    expect(existsSync(join(folder, 'nou/index.html'))).toBe(true);
  });
});

describe('pagesOnlyInDist', () => {
  const configDone = (cacheDir: string, outDir: string) =>
    (pagesOnlyInDist().hooks['astro:config:done'] as (options: unknown) => void)({
      config: { cacheDir: pathToFileURL(`${cacheDir}/`), outDir: pathToFileURL(`${outDir}/`) },
    });

  it('deletes the page copies an earlier build left in the cache, never the site’s own output folder', () => {
    const root = tempTree({ 'cache/dist/sport/index.html': 'copie', 'dist/sport/index.html': 'pagina' });
    configDone(join(root, 'cache'), join(root, 'dist'));
    expect(existsSync(join(root, 'cache/dist'))).toBe(false);
    expect(existsSync(join(root, 'dist/sport/index.html'))).toBe(true);
    configDone(root, join(root, 'dist'));
    expect(existsSync(join(root, 'dist/sport/index.html'))).toBe(true);
  });
});
