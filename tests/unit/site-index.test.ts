import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { buildSiteIndex, type IndexableEntry, relatedArticles, topSectionOf } from '../../src/lib/site-index';
import { sitemapFiles, sitemapIndex, sitemapUrls, urlset } from '../../src/lib/sitemap';
import { escapeXml } from '../../src/lib/text';

function entry(id: string, breadcrumb: string[], date: string, tags: string[] = [], byline: string[] = []): IndexableEntry {
  return { id, data: { breadcrumb, tags, byline, date: new Date(date) } };
}

const entries = [
  entry('2025/08/a', ['Prima pagină', 'Sport', 'Fotbal'], '2025-08-01T10:00:00Z', ['UE', 'Fotbal'], ['Ana Pop']),
  entry('2025/08/b', ['Prima pagină', 'Sport', 'Tenis'], '2025-08-03T10:00:00Z', ['ue'], ['Ana Pop', 'Redacția']),
  entry('2025/08/c', ['Prima pagină', 'Sport'], '2025-08-02T10:00:00Z', ['Educație']),
  entry('2025/08/d', ['Prima pagină', 'Economie'], '2025-08-04T10:00:00Z', ['UE', 'EDUCAȚIE']),
  entry('2025/08/e', ['Prima pagină', 'Știri externe'], '2025-08-05T10:00:00Z', ['educatie']),
];
const index = buildSiteIndex(entries);

describe('buildSiteIndex', () => {
  it('sorts articles newest first and gives each its URL', () => {
    expect(index.articles.map((article) => article.url)).toEqual([
      '/stiri-externe/e/',
      '/economie/d/',
      '/tenis/b/',
      '/sport/c/',
      '/fotbal/a/',
    ]);
  });

  it("lists a section's own and its subsections' articles", () => {
    expect(index.sections.get('sport')!.articles.map((article) => article.id)).toEqual(['2025/08/b', '2025/08/c', '2025/08/a']);
    expect(index.sections.get('fotbal')!.articles.map((article) => article.id)).toEqual(['2025/08/a']);
    expect(index.sections.get('fotbal')!.parent?.slug).toBe('sport');
    expect(topSectionOf(index.sections.get('tenis')!).slug).toBe('sport');
  });

  it('orders top sections by name without menu positions, never by size, and shows them all in the menu', () => {
    expect(index.topSections.map((section) => section.slug)).toEqual(['economie', 'sport', 'stiri-externe']);
    expect(index.menu).toEqual(index.topSections);
  });

  it('orders the menu as the sections file does, leaving out sections it gives no place', () => {
    const placed = buildSiteIndex(entries, {
      menuPositions: new Map([
        ['stiri-externe', 1],
        ['sport', 2],
      ]),
    });
    expect(placed.topSections.map((section) => section.slug)).toEqual(['stiri-externe', 'sport', 'economie']);
    expect(placed.menu.map((section) => section.slug)).toEqual(['stiri-externe', 'sport']);
  });

  it('spells sections as the sections file does, whatever the breadcrumbs write', () => {
    const spelled = buildSiteIndex([
      entry('2025/08/f', ['Prima pagină', 'stiri externe'], '2025-08-06T10:00:00Z'),
      entry('2025/08/g', ['Prima pagină', 'stiri externe'], '2025-08-07T10:00:00Z'),
      ...entries,
    ]);
    expect(spelled.sections.get('stiri-externe')!.name).toBe('stiri externe');
    const named = buildSiteIndex(
      spelled.articles.map((article) => article.entry),
      {
        sectionNames: new Map([['stiri-externe', 'Știri externe']]),
      },
    );
    expect(named.sections.get('stiri-externe')!.name).toBe('Știri externe');
  });

  it('merges tags that differ only in case or diacritics, under the most used spelling', () => {
    const educatie = index.tags.get('educatie')!;
    expect(educatie.articles.map((article) => article.id)).toEqual(['2025/08/e', '2025/08/d', '2025/08/c']);
    expect(index.tags.get('ue')!.name).toBe('UE');
    expect(index.tags.get('ue')!.articles).toHaveLength(3);
  });

  it('indexes every byline as an author', () => {
    expect(index.authors.get('ana-pop')!.articles.map((article) => article.id)).toEqual(['2025/08/b', '2025/08/a']);
    expect(index.authors.get('redactia')!.name).toBe('Redacția');
  });

  it('spells an author as their author file does, whatever the bylines write', () => {
    const named = buildSiteIndex(entries, { authorNames: new Map([['ana-pop', 'ANA POP']]) });
    expect(named.authors.get('ana-pop')!.name).toBe('ANA POP');
  });
});

describe('relatedArticles', () => {
  const byId = (id: string) => index.articles.find((article) => article.id === id)!;

  it('takes articles sharing a tag, nearest in time first, never the article itself', () => {
    expect(relatedArticles(byId('2025/08/d'), 4).map((article) => article.id)).toEqual([
      '2025/08/b',
      '2025/08/e',
      '2025/08/c',
      '2025/08/a',
    ]);
  });

  it('leaves out articles that share nothing', () => {
    expect(relatedArticles(byId('2025/08/a'), 4).map((article) => article.id)).toEqual(['2025/08/b', '2025/08/d']);
  });

  it('stops at the count asked for', () => {
    expect(relatedArticles(byId('2025/08/d'), 2)).toHaveLength(2);
  });

  it('keeps the best of many candidates, in order, whatever order they come in', () => {
    const days = [9, 2, 14, 5, 11, 1, 7, 13, 3, 12, 6, 10, 4, 8];
    const crowd = buildSiteIndex([
      entry('x', ['Sport'], '2025-08-15T10:00:00Z', ['A', 'B']),
      ...days.map((day) => entry(`day-${day}`, ['Economie'], `2025-08-${String(day).padStart(2, '0')}T10:00:00Z`, ['A'])),
      entry('twice', ['Cultură'], '2025-08-10T09:00:00Z', ['A', 'B']),
    ]);
    const x = crowd.articles.find((article) => article.id === 'x')!;
    expect(relatedArticles(x, 3).map((article) => article.id)).toEqual(['twice', 'day-14', 'day-13']);
    expect(relatedArticles(x, 0)).toEqual([]);
  });

  it('prefers more shared tags over nearness', () => {
    const many = buildSiteIndex([
      entry('x', ['Sport'], '2025-08-01T10:00:00Z', ['A', 'B']),
      entry('near', ['Sport'], '2025-08-01T11:00:00Z', ['A']),
      entry('far', ['Economie'], '2025-01-01T10:00:00Z', ['A', 'B']),
    ]);
    expect(relatedArticles(many.articles.find((article) => article.id === 'x')!).map((article) => article.id)).toEqual(['far', 'near']);
  });
});

describe('sitemap', () => {
  const urls = sitemapUrls(index);

  it('lists the home page, every listing and every article with its last change', () => {
    expect(urls[0]).toEqual({ path: '/', lastmod: new Date('2025-08-05T10:00:00Z') });
    expect(urls.map((url) => url.path)).toEqual(
      expect.arrayContaining(['/sport/', '/fotbal/', '/tag/ue/', '/autor/ana-pop/', '/fotbal/a/', '/stiri-externe/e/']),
    );
    expect(urls.find((url) => url.path === '/sport/')!.lastmod).toEqual(new Date('2025-08-03T10:00:00Z'));
  });

  it('cuts the URLs into files of at most 50,000', () => {
    expect(sitemapFiles(Array.from({ length: 120_000 }, (_, n) => n)).map((file) => file.length)).toEqual([50_000, 50_000, 20_000]);
    expect(sitemapFiles([])).toEqual([]);
  });

  it('writes valid XML with absolute URLs and Bucharest-time lastmod', () => {
    const xml = urlset(urls.slice(0, 2), 'https://foaia.ro');
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<url><loc>https://foaia.ro/</loc><lastmod>2025-08-05T13:00:00+03:00</lastmod></url>');
    const indexXml = sitemapIndex(sitemapFiles(urls, 3), 'https://foaia.ro');
    expect(SyntaxValidator.validate(indexXml)).toBe(true);
    expect(indexXml.match(/<sitemap>/g)).toHaveLength(Math.ceil(urls.length / 3));
  });

  it('escapes XML special characters', () => {
    expect(escapeXml(`Tom & "Jerry" <3 '`)).toBe('Tom &amp; &quot;Jerry&quot; &lt;3 &apos;');
  });
});
