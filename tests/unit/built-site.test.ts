import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageMemo } from '../../src/build-cache/page-memo';
import {
  brokenLinks,
  builtPages,
  fileForPath,
  inTopFolder,
  listBuiltFiles,
  listedFileExists,
  listedStamp,
  PAGE_SCAN_CODEC,
  scanBuiltSite,
  scanPage,
  sitePaths,
} from '../../src/lib/built-site';
import { tempTree } from './temp-tree';

describe('scanPage', () => {
  it('collects ids, URLs (srcset candidates and image meta tags included) and article text', () => {
    const scan = scanPage(
      '<meta property="og:image" content="https://foaia.ro/og.png"><link rel="stylesheet" href="/_astro/a.css">' +
        '<h2 id="sus">Sus</h2><img src="/a.webp" srcset="/a-400.webp 400w, /a-800.webp 800w">' +
        '<div class="article-body x"><p>Un <em>text</em></p><a href="#sus">sus</a></div><footer>Subsol</footer>',
    );
    expect([...scan.ids]).toEqual(['sus']);
    expect(scan.urls).toEqual(['https://foaia.ro/og.png', '/_astro/a.css', '/a.webp', '/a-400.webp', '/a-800.webp', '#sus']);
    expect(scan.articleBodyText).toBe('Untextsus'.length);
  });

  it('reads ids, URLs and text as the browser does, character references decoded', () => {
    const scan = scanPage(
      '<h2 id="a&amp;b">A și B</h2><a href="/cauta/?q=a&amp;p=2">caută</a><img srcset="/x.webp?w=4&#38;h=3 400w">' +
        '<meta name="twitter&#58;image" content="/og.png?v=1&amp;t=2"><div class="article-body">&nbsp; &#160;</div>',
    );
    expect([...scan.ids]).toEqual(['a&b']);
    expect(scan.urls).toEqual(['/cauta/?q=a&p=2', '/x.webp?w=4&h=3', '/og.png?v=1&t=2']);
    expect(scan.articleBodyText).toBe(0);
    expect(scanPage('<div class="article-body">&icirc;n</div>').articleBodyText).toBe('în'.length);
  });

  it('has no article text when the page has no article body', () => {
    expect(scanPage('<main><p>Listă</p></main>').articleBodyText).toBeUndefined();
    expect(scanPage('<div class="article-body"></div>').articleBodyText).toBe(0);
  });
});

describe('brokenLinks', () => {
  it('finds missing pages, assets and fragments, each once a page, relative links from their own page, and ignores external and mail links', async () => {
    const dist = tempTree({
      'index.html':
        '<a href="/sport/">ok</a><a href="/lipsa/">missing</a><a href="/sport/#meci">fragment ok</a><a href="/sport/#nu">no fragment</a>' +
        '<img src="/_astro/a.webp"><a href="https://foaia.ro/sport/">absolute ok</a><a href="https://foaia.ro/x/">absolute missing</a>' +
        '<a href="https://exemplu.ro/x/">external</a><a href="mailto:a@b.ro">mail</a><a href="rss.xml">relative</a>' +
        '<a href="2/">relative ok here, missing from /sport/</a><a href="/lipsa/">missing, once a page</a>',
      'sport/index.html':
        '<h2 id="meci">Meci</h2><a href="/lipsa/">missing</a><a href="../rss.xml">relative ok</a><a href="2/">relative missing</a>',
      'rss.xml': '<rss/>',
      '2/index.html': '',
    });
    expect(brokenLinks(dist, await scanBuiltSite(dist), 'https://foaia.ro')).toEqual([
      '/ → /lipsa/ (nu există)',
      '/ → /sport/#nu (nu există elementul #nu)',
      '/ → /_astro/a.webp (nu există)',
      '/ → https://foaia.ro/x/ (nu există)',
      '/sport/ → /lipsa/ (nu există)',
      '/sport/ → 2/ (nu există)',
    ]);
  });

  it('lists the pages of a site and maps paths to files', () => {
    const dist = tempTree({
      'index.html': '',
      '404.html': '',
      'sport/2/index.html': '',
      'pagefind/ui.html': '',
      'sport/pagefind/index.html': '',
    });
    expect(builtPages(dist)).toEqual(['/', '/404.html', '/pagefind/ui.html', '/sport/2/', '/sport/pagefind/']);
    expect(builtPages(dist, ['pagefind'])).toEqual(['/', '/404.html', '/sport/2/', '/sport/pagefind/']);
    const listed = listBuiltFiles(dist, ['pagefind']);
    expect(sitePaths(listed.stamps.keys())).toEqual(builtPages(dist, ['pagefind']));
    expect(listed.unlisted).toEqual(['pagefind']);
    expect(listedStamp(dist, listed)(join(dist, 'sport/2/index.html'))).toBe(listed.stamps.get('sport/2/index.html'));
    expect(listedStamp(dist, listed)(join(dist, 'pagefind/ui.html')).size).toBe(0);
    const exists = listedFileExists(dist, listed);
    expect(['sport/2/index.html', 'pagefind/ui.html', 'sport', 'sport/3/index.html'].map((name) => exists(join(dist, name)))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(['pagefind/ui.html', 'sport/pagefind/index.html', 'pagefind'].map((name) => inTopFolder(name, ['pagefind']))).toEqual([
      true,
      false,
      false,
    ]);
    expect(fileForPath('dist', '/sport/')).toBe(join('dist', 'sport/index.html'));
    expect(fileForPath('dist', '/%C8%99tiri/')).toBe(join('dist', 'știri/index.html'));
  });
});

describe('scanBuiltSite', () => {
  it('reads again only the pages whose file changed since the scans an earlier build kept', async () => {
    const dist = tempTree({ 'index.html': '<a href="/sport/">Sport</a>', 'sport/index.html': '<h2 id="meci">Meci</h2>' });
    const memoFile = join(dist, '..', `${basename(dist)}-scans.json`);
    const first = PageMemo.load(memoFile, PAGE_SCAN_CODEC);
    await scanBuiltSite(dist, first);
    expect(first.changed).toEqual(new Set(['/', '/sport/']));
    first.save();
    expect(JSON.parse(readFileSync(memoFile, 'utf8')).strings).toEqual(['/sport/', 'meci']);
    writeFileSync(join(dist, 'sport/index.html'), '<h2 id="scor">Scorul</h2>');
    const second = PageMemo.load(memoFile, PAGE_SCAN_CODEC);
    const scans = await scanBuiltSite(dist, second);
    expect(second.changed).toEqual(new Set(['/sport/']));
    expect(scans.get('/')!.urls).toEqual(['/sport/']);
    expect([...scans.get('/sport/')!.ids]).toEqual(['scor']);
    expect(PageMemo.load(memoFile, PAGE_SCAN_CODEC, { readAll: true }).earlierValues().size).toBe(0);
  });

  it('reads only the pages listed, and tells a changed one by the stamp listed', async () => {
    const dist = tempTree({
      'index.html': '<a href="/sport/">Sport</a>',
      'sport/index.html': '<h2 id="meci">Meci</h2>',
      'pagefind/ui.html': '',
    });
    const memoFile = join(dist, '..', `${basename(dist)}-scans.json`);
    const listed = listBuiltFiles(dist, ['pagefind']);
    const first = PageMemo.load(memoFile, PAGE_SCAN_CODEC, { stampOf: listedStamp(dist, listed) });
    expect([...(await scanBuiltSite(dist, first, listed.stamps.keys())).keys()]).toEqual(['/', '/sport/']);
    first.save();
    writeFileSync(join(dist, 'sport/index.html'), '<h2 id="scor">Scorul</h2>');
    const second = PageMemo.load(memoFile, PAGE_SCAN_CODEC, { stampOf: listedStamp(dist, listBuiltFiles(dist, ['pagefind'])) });
    await scanBuiltSite(dist, second, listed.stamps.keys());
    expect(second.changed).toEqual(new Set(['/sport/']));
  });
});
