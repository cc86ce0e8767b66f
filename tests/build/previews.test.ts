import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from './astro-build';
import { BuiltSite, hasPage } from './dist';

const build = inject('previewBuild');
const preview = new BuiltSite(join(projectRoot, build.dist));
const production = new BuiltSite(join(projectRoot, inject('validBuild').dist));
const EMBARGOED = '/stiri-interne/embargo-alegeri/';
const DRAFT = '/stiri-interne/ciorna-buna/';

const robots = (path: string) => preview.page(path)('meta[name="robots"]').attr('content');
const pageCount = (site: BuiltSite) => {
  const shards: string[] = JSON.parse(readFileSync(site.file('/pagefind/shards.json'), 'utf8')).shards;
  return shards
    .map((shard) => JSON.parse(readFileSync(site.file(`/pagefind/${shard}/pagefind-entry.json`), 'utf8')).languages.ro.page_count)
    .reduce((total: number, count: number) => total + count, 0);
};

describe('a preview build (FOAIA_PREVIEW=1)', () => {
  it('shows an embargoed article at its address, with its time in a banner, its photo, and noindex', () => {
    const $ = preview.page(EMBARGOED);
    expect($('.preview-banner strong').text()).toBe('Programat pentru 20 sept. 2025, 08:00');
    expect($('.preview-banner').text()).toContain('Previzualizare: pagina nu este publică.');
    expect($('.preview-banner a').attr('href')).toBe('/previzualizare/');
    expect($('h1').text()).toBe('Rezultatele alegerilor din Pădureni, sub embargo');
    expect(robots(EMBARGOED)).toMatch(/noindex/);
    const photo = $('.hero img').attr('src')!;
    expect(preview.has(photo)).toBe(true);
  });

  it('shows a valid draft as "Ciornă", and not a draft with mistakes', () => {
    expect(preview.page(DRAFT)('.preview-banner strong').text()).toBe('Ciornă');
    expect(robots(DRAFT)).toMatch(/noindex/);
    expect(preview.has('/stiri-interne/ciorna-neterminata/')).toBe(false);
  });

  it('lists them at /previzualizare/, scheduled first, with their state and section', () => {
    const $ = preview.page('/previzualizare/');
    expect(robots('/previzualizare/')).toMatch(/noindex/);
    const items = $('.preview-list li')
      .map((_, item) => ({ href: $(item).find('a').attr('href'), state: $(item).find('.preview-state').text() }))
      .get();
    expect(items).toEqual([
      { href: EMBARGOED, state: 'Programat pentru 20 sept. 2025, 08:00 · Știri interne' },
      { href: DRAFT, state: 'Ciornă · Știri interne' },
    ]);
  });

  it('keeps them out of every list, feed, sitemap and the search index', () => {
    const listed = [EMBARGOED, DRAFT];
    for (const path of ['/', '/stiri-interne/', '/tag/alegeri/', '/autor/redactia/']) {
      if (!preview.has(path)) continue;
      const $ = preview.page(path);
      const links = $('main a')
        .map((_, link) => $(link).attr('href'))
        .get();
      expect(links.filter((link) => listed.includes(link))).toEqual([]);
    }
    for (const file of ['/rss.xml', '/feed.json', '/sitemap-1.xml', '/sitemap-news-1.xml', '/stiri-interne/rss.xml']) {
      const text = readFileSync(preview.file(file), 'utf8');
      expect(text).not.toContain(EMBARGOED);
      expect(text).not.toContain(DRAFT);
    }
    expect(preview.page(EMBARGOED)('[data-pagefind-body]')).toHaveLength(0);
    expect(pageCount(preview)).toBe(pageCount(production));
  });

  it('warns, without failing, of a link that only publication makes work', () => {
    expect(build.output).toContain(
      `previzualizare: legătură care va funcționa abia după publicare: ${EMBARGOED} → /tag/alegeri/ (nu există)`,
    );
  });
});

describe('a production build', () => {
  it('has no preview list, and no page or photo of what is not published', () => {
    expect(hasPage('/previzualizare/')).toBe(false);
    expect(hasPage(EMBARGOED)).toBe(false);
    expect(hasPage(DRAFT)).toBe(false);
    expect(readdirSync(join(production.dist, '_astro')).filter((file) => file.startsWith('embargo-alegeri'))).toEqual([]);
  });
});
