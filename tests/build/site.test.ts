import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, inject, it } from 'vitest';
import { FOOTBALL_FIXTURE_COUNT } from './global-setup';
import { dist, distFile, hasPage, htmlPaths, page, walkListing, xmlFile } from './dist';

const SITE = 'https://foaia.ro';
const articlePages = () =>
  htmlPaths().filter((path) => /^\/[^/]+\/[^/]+\/$/.test(path) && !/^\/(tag|autor)\//.test(path) && !/\/\d+\/$/.test(path));

describe('section pages', () => {
  it('paginate a section 20 articles a page, newest first, reaching every article', () => {
    const { pages, articleLinks } = walkListing('/fotbal/');
    expect(pages).toEqual(['/fotbal/', '/fotbal/2/', '/fotbal/3/']);
    expect(articleLinks).toHaveLength(FOOTBALL_FIXTURE_COUNT + 1);
    expect(new Set(articleLinks).size).toBe(articleLinks.length);
    expect(articleLinks[0]).toBe('/fotbal/cs-padureni-castiga-derbiul/');
    expect(articleLinks.at(-1)).toBe('/fotbal/meci-1/');
    expect(page('/fotbal/')('main .card')).toHaveLength(20);
  });

  it('link pages both ways and mark the current one', () => {
    const second = page('/fotbal/2/');
    expect(second('a[rel="prev"]').attr('href')).toBe('/fotbal/');
    expect(second('a[rel="next"]').attr('href')).toBe('/fotbal/3/');
    expect(second('.pagination [aria-current="page"]').text()).toBe('Pagina 2 din 3');
    expect(page('/fotbal/')('a[rel="prev"]')).toHaveLength(0);
    expect(page('/fotbal/3/')('a[rel="next"]')).toHaveLength(0);
  });

  it("list a section's subsections' articles too", () => {
    const { articleLinks } = walkListing('/sport/');
    expect(articleLinks).toContain('/tenis/turneul-de-tenis-pentru-juniori/');
    expect(articleLinks).toContain('/fotbal/meci-7/');
    expect(articleLinks).toHaveLength(FOOTBALL_FIXTURE_COUNT + 2);
  });

  it('offer the section feed', () => {
    expect(page('/fotbal/')('link[rel="alternate"][href="/fotbal/rss.xml"]')).toHaveLength(1);
  });
});

describe('tag and author pages', () => {
  it('merge tags that differ only in case, under one page', () => {
    const { articleLinks } = walkListing('/tag/derby-local/');
    expect(articleLinks).toHaveLength(FOOTBALL_FIXTURE_COUNT + 1);
    expect(page('/tag/derby-local/')('h1').text()).toBe('Etichetă: derby local');
  });

  it('list an author’s articles', () => {
    const { articleLinks } = walkListing('/autor/sorin-balaceanu/');
    expect(articleLinks).toContain('/tenis/turneul-de-tenis-pentru-juniori/');
    expect(articleLinks).toHaveLength(FOOTBALL_FIXTURE_COUNT + 2);
  });
});

describe('navigation', () => {
  it('orders the menu as content/sections.yaml does, whatever the article counts', () => {
    const $ = page('/sport/');
    const menu = $('.site-nav li:not(.site-nav-search) a')
      .map((_, link) => $(link).text().trim())
      .get();
    expect(menu).toEqual(['Știri interne', 'Știri externe', 'Politică', 'Economie', 'Sport', 'Cultură', 'Meteo']);
  });
});

describe('publishing rules', () => {
  it('publishes no draft and no embargoed article: no page, feed item, sitemap entry or photo', () => {
    expect(hasPage('/stiri-interne/embargo-alegeri/')).toBe(false);
    expect(hasPage('/stiri-interne/ciorna-buna/')).toBe(false);
    expect(hasPage('/stiri-interne/ciorna-neterminata/')).toBe(false);
    const everything = htmlPaths()
      .map((path) => readFileSync(distFile(path), 'utf8'))
      .join('\n');
    expect(everything).not.toContain('sub embargo');
    expect(readFileSync(distFile('/rss.xml'), 'utf8')).not.toContain('embargo');
    expect(readFileSync(distFile('/sitemap-1.xml'), 'utf8')).not.toContain('embargo');
    expect(readdirSync(join(dist, '_astro')).filter((file) => file.includes('embargo'))).toEqual([]);
  });

  it('turns a link to an article file into its URL, and one to an unpublished article into text', () => {
    const $ = page('/stiri-interne/legaturi-intre-articole/');
    expect(
      $('.article-body a')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual(['/stiri-externe/convorbire-putin-kim/#rusia-prioritatea-politicii-externe-a-coreei-de-nord']);
    expect($('.article-body').text()).toContain('Mâine: rezultatele alegerilor, iar ciorna rămâne nepublicată.');
  });

  it('verifies the built site after the build', () => {
    expect(inject('validBuild').output).toMatch(
      /\d+ pagini HTML verificate \(\d+ citite din nou\): fiecare articol publicat are pagină cu text/,
    );
  });

  it('names each article it holds back, and until when', () => {
    expect(inject('validBuild').output).toMatch(/programat: \S*embargo-alegeri\.md apare la prima construire după 20 sept\. 2025, 08:00/);
  });

  it('warns about the draft with mistakes and the links to unpublished articles, without failing', () => {
    const { output } = inject('validBuild');
    expect(output).toMatch(/ciorna-neterminata\.md:\d+: title: lipsește titlul articolului/);
    expect(output).toMatch(/legaturi-intre-articole\.md:\d+: legătura către/);
  });
});

describe('feeds', () => {
  it('/rss.xml is RSS 2.0 in Romanian, newest first, with absolute links', () => {
    const source = readFileSync(distFile('/rss.xml'), 'utf8');
    expect(SyntaxValidator.validate(source)).toBe(true);
    const { rss } = xmlFile('/rss.xml');
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.language).toBe('ro');
    const items = rss.channel.item;
    expect(items.length).toBeLessThanOrEqual(50);
    expect(items[0].link).toBe(`${SITE}/stiri-interne/stire-de-acum-o-ora/`);
    expect(items.every((item: { link: string }) => item.link.startsWith(`${SITE}/`))).toBe(true);
    const dates = items.map((item: { pubDate: string }) => Date.parse(item.pubDate));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('each section has its own feed', () => {
    const { rss } = xmlFile('/stiri-externe/rss.xml');
    const item = [rss.channel.item].flat()[0];
    expect(item.title).toBe('Convorbire între Putin și Kim Jong Un, înainte de summitul SUA-Rusia din ALASKA');
    expect(new Date(item.pubDate).toISOString()).toBe('2025-08-13T06:04:00.000Z');
  });
});

describe('sitemap and robots.txt', () => {
  it('lists every article page, with lastmod, in sitemaps named by the index', () => {
    const index = xmlFile('/sitemap-index.xml');
    const files = [index.sitemapindex.sitemap].flat().map((entry: { loc: string }) => entry.loc);
    expect(files).toEqual([`${SITE}/sitemap-1.xml`]);
    const urls = files.flatMap((file: string) => [xmlFile(new URL(file).pathname).urlset.url].flat());
    const locs = new Set(urls.map((url: { loc: string }) => url.loc));
    // Every article page but a retraction notice, which no sitemap lists (nor an alias's redirecting page).
    const listed = (path: string) => page(path)('.retraction, meta[http-equiv="refresh"]').length === 0;
    for (const path of articlePages().filter(listed)) {
      expect(locs.has(`${SITE}${path}`), path).toBe(true);
    }
    expect(urls.every((url: { lastmod: string }) => !Number.isNaN(Date.parse(url.lastmod)))).toBe(true);
  });

  it('robots.txt names the sitemap index', () => {
    expect(readFileSync(distFile('/robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });
});

describe('404 page', () => {
  it('exists, in Romanian, and is not indexed', () => {
    const $ = page('/404.html');
    expect($('html').attr('lang')).toBe('ro');
    expect($('h1').text()).toBe('Pagina nu a fost găsită');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
  });
});
