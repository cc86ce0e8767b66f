import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { SyntaxValidator } from 'fast-xml-validator';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/lib/site-index';
import { NEWS_WINDOW_MS, newsUrlset, recentArticles } from '../../src/lib/sitemap';
import { breadcrumbList, newsArticle, serializeJsonLd, webSite } from '../../src/lib/structured-data';
import { excerpt, plainText } from '../../src/lib/text';
import rehypeAbsoluteUrls from '../../src/plugins/rehype-absolute-urls';
import { site } from '../../src/site';

describe('serializeJsonLd', () => {
  it('escapes what could end the script element or trip old parsers', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script> & \u2028' });
    expect(json).toBe('{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u2028"}');
    expect(JSON.parse(json).headline).toBe('</script><script>alert(1)</script> & \u2028');
  });
});

describe('newsArticle', () => {
  const input = {
    url: 'https://foaia.ro/sport/x/',
    title: 'Titlu',
    description: 'Lead',
    published: new Date('2025-12-01T08:00:00Z'),
    bylines: ['Ana Pop', 'Redacția'],
    section: 'Sport',
    tags: ['fotbal'],
    images: [{ url: 'https://foaia.ro/a.jpg', width: 1200, height: 675, alt: 'A', credit: 'Agerpres' }],
  };

  it('dates in Bucharest time, and modified defaults to published', () => {
    const data = newsArticle(input, site);
    expect(data.datePublished).toBe('2025-12-01T10:00:00+02:00');
    expect(data.dateModified).toBe('2025-12-01T10:00:00+02:00');
    expect(newsArticle({ ...input, updated: new Date('2025-12-01T09:30:00Z') }, site).dateModified).toBe('2025-12-01T11:30:00+02:00');
  });

  it('makes people Persons with their author page and the newsroom an Organization', () => {
    expect(newsArticle(input, site).author).toEqual([
      { '@type': 'Person', name: 'Ana Pop', url: 'https://foaia.ro/autor/ana-pop/' },
      { '@type': 'Organization', name: 'Redacția', url: 'https://foaia.ro/' },
    ]);
    expect(newsArticle({ ...input, bylines: [] }, site).author).toEqual([
      { '@type': 'Organization', name: 'Foaia', url: 'https://foaia.ro/' },
    ]);
  });

  it('credits each image', () => {
    expect(newsArticle(input, site).image).toEqual([
      {
        '@type': 'ImageObject',
        url: 'https://foaia.ro/a.jpg',
        contentUrl: 'https://foaia.ro/a.jpg',
        width: 1200,
        height: 675,
        caption: 'A',
        creditText: 'Agerpres',
        copyrightNotice: 'Agerpres',
      },
    ]);
  });

  it('lists the breadcrumb in order, and names the site', () => {
    expect(
      breadcrumbList([
        { name: 'Prima pagină', url: 'https://foaia.ro/' },
        { name: 'Sport', url: 'https://foaia.ro/sport/' },
      ]),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Prima pagină', item: 'https://foaia.ro/' },
        { '@type': 'ListItem', position: 2, name: 'Sport', item: 'https://foaia.ro/sport/' },
      ],
    });
    expect(webSite(site)).toMatchObject({ '@type': 'WebSite', url: 'https://foaia.ro/', inLanguage: 'ro' });
  });
});

describe('text helpers', () => {
  it('reads the text of HTML, entities decoded', () => {
    expect(plainText('<p>Un <em>text</em> &amp; altul</p><p>Doi</p>')).toBe('Un text & altul Doi');
  });
  it('cuts an excerpt at a word, with an ellipsis', () => {
    expect(excerpt('Liderul nord-coreean Kim Jong Un și președintele rus', 30)).toBe('Liderul nord-coreean Kim Jong…');
    expect(excerpt('Scurt', 30)).toBe('Scurt');
  });
});

describe('Google News sitemap', () => {
  const now = new Date('2025-09-15T12:00:00Z');
  const entry = (id: string, date: string) => ({
    id,
    data: { title: `T ${id}`, breadcrumb: ['Sport'], tags: [], byline: [], date: new Date(date) },
  });
  const index = buildSiteIndex([
    entry('acum-o-ora', '2025-09-15T11:00:00Z'),
    entry('limita', new Date(now.getTime() - NEWS_WINDOW_MS).toISOString()),
    entry('prea-vechi', '2025-09-13T11:59:59Z'),
    entry('cinci-zile', '2025-09-10T12:00:00Z'),
  ]);

  it('keeps the articles of the last 48 hours, newest first', () => {
    expect(recentArticles(index, now).map((article) => article.path)).toEqual(['/sport/acum-o-ora/', '/sport/limita/']);
  });

  it('writes valid XML in the news namespace, escaping titles', () => {
    const xml = newsUrlset([{ path: '/sport/x/', title: 'Tom & „Jerry” <3', published: now }], 'https://foaia.ro', 'Foaia');
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(xml).toContain(
      '<url><loc>https://foaia.ro/sport/x/</loc><news:news><news:publication><news:name>Foaia</news:name><news:language>ro</news:language></news:publication>' +
        '<news:publication_date>2025-09-15T15:00:00+03:00</news:publication_date><news:title>Tom &amp; „Jerry” &lt;3</news:title></news:news></url>',
    );
  });
});

describe('rehypeAbsoluteUrls', () => {
  it('makes links, images, srcset and fragments absolute against the page', async () => {
    const html = String(
      await unified()
        .use(rehypeParse, { fragment: true })
        .use(rehypeAbsoluteUrls, { base: 'https://foaia.ro/sport/x/' })
        .use(rehypeStringify)
        .process(
          '<a href="/fotbal/">F</a><a href="#nota">N</a><img src="/_astro/a.webp" srcset="/_astro/a-400.webp 400w, b.webp 800w"><a href="https://exemplu.ro/">E</a>',
        ),
    );
    expect(html).toBe(
      '<a href="https://foaia.ro/fotbal/">F</a><a href="https://foaia.ro/sport/x/#nota">N</a>' +
        '<img src="https://foaia.ro/_astro/a.webp" srcset="https://foaia.ro/_astro/a-400.webp 400w, https://foaia.ro/sport/x/b.webp 800w">' +
        '<a href="https://exemplu.ro/">E</a>',
    );
  });
});
