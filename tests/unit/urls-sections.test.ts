import { describe, expect, it } from 'vitest';
import { countOf } from '../../src/i18n';
import { PHOTO_LAYOUTS, PHOTO_WIDTHS, servedSize } from '../../src/lib/photo-sizes';
import { articleSection, breadcrumbSections } from '../../src/lib/sections';
import { absoluteUrl, articlePath, authorPath, feedPathOf, sectionPath, tagPath } from '../../src/lib/urls';

describe('URL builder', () => {
  it('builds article, listing and feed paths with trailing slashes', () => {
    expect(articlePath('stiri-externe', 'convorbire-putin-kim')).toBe('/stiri-externe/convorbire-putin-kim/');
    expect(sectionPath('sport')).toBe('/sport/');
    expect(sectionPath('sport', 1)).toBe('/sport/');
    expect(sectionPath('sport', 3)).toBe('/sport/3/');
    expect(tagPath('Coreea de Nord')).toBe('/tag/coreea-de-nord/');
    expect(tagPath('ENERGIE', 2)).toBe('/tag/energie/2/');
    expect(authorPath('Ștefan Mărgărit')).toBe('/autor/stefan-margarit/');
    expect(feedPathOf(sectionPath('sport'))).toBe('/sport/rss.xml');
    expect(feedPathOf(tagPath('UE'))).toBe('/tag/ue/rss.xml');
  });

  it('gives tags that differ only in case or diacritics one page', () => {
    expect(tagPath('Educație')).toBe(tagPath('EDUCATIE'));
    expect(tagPath('Educaţie')).toBe(tagPath('educație'));
  });

  it('makes absolute URLs on the published site', () => {
    expect(absoluteUrl('/sport/', 'https://foaia.ro')).toBe('https://foaia.ro/sport/');
  });
});

describe('breadcrumb → sections', () => {
  it('drops the home item and keeps the sections as written', () => {
    expect(breadcrumbSections(['Prima pagină', 'Știri externe'])).toEqual([{ name: 'Știri externe', slug: 'stiri-externe' }]);
    expect(breadcrumbSections(['Prima pagina', 'Sport', 'Fotbal'])).toEqual([
      { name: 'Sport', slug: 'sport' },
      { name: 'Fotbal', slug: 'fotbal' },
    ]);
  });

  it('accepts a breadcrumb written without the home item', () => {
    expect(breadcrumbSections(['Economie'])).toEqual([{ name: 'Economie', slug: 'economie' }]);
  });

  it("names the article's own section: the last item", () => {
    expect(articleSection(['Prima pagină', 'Sport', 'Tenis'])).toEqual({ name: 'Tenis', slug: 'tenis' });
    expect(articleSection(['Prima pagină'])).toBeUndefined();
  });
});

describe('countOf', () => {
  it.each([
    [2, '2 articole'],
    [3, '3 articole'],
    [19, '19 articole'],
    [20, '20 de articole'],
    [101, '101 articole'],
    [119, '119 articole'],
    [120, '120 de articole'],
    [200, '200 de articole'],
  ])('%i → %s', (count, text) => {
    expect(countOf(count, 'articole')).toBe(text);
  });
});

describe('servedSize', () => {
  it('serves the largest listed width the photo holds, at its own ratio', () => {
    expect(servedSize({ width: 1600, height: 900 }, PHOTO_WIDTHS)).toEqual({ width: 1200, height: 675 });
    expect(servedSize({ width: 640, height: 480 }, PHOTO_LAYOUTS.card.widths)).toEqual({ width: 640, height: 480 });
  });
});
