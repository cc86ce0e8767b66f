import { readFileSync } from 'node:fs';
import { type CheerioAPI, load } from 'cheerio';
import { SyntaxValidator } from 'fast-xml-validator';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { distFile, hasPage, jsonLdOfType, page, xmlFile } from './dist';

const SITE = 'https://foaia.ro';
const SEED = '/stiri-externe/convorbire-putin-kim/';
const NO_PHOTO = '/stiri-interne/stire-de-acum-o-ora/';

const meta = ($: CheerioAPI, property: string) => $(`meta[property="${property}"], meta[name="${property}"]`).attr('content');
const isAbsolute = (url: string) => url.startsWith(`${SITE}/`);

describe('NewsArticle structured data (Google: Article)', () => {
  const $ = page(SEED);
  const article = jsonLdOfType($, 'NewsArticle');

  it('names the article, its page and its language', () => {
    expect(article['@context']).toBe('https://schema.org');
    expect(article.headline).toBe($('h1').text());
    expect(article.description).toBe($('.lead').text());
    expect(article.mainEntityOfPage['@id']).toBe(`${SITE}${SEED}`);
    expect(article.inLanguage).toBe('ro');
    expect(article.articleSection).toBe('Știri externe');
    expect(article.keywords).toEqual(['Rusia', 'Coreea de Nord', 'Vladimir Putin', 'Kim Jong Un']);
  });

  it('dates it as the page shows, with the Bucharest offset', () => {
    expect(article.datePublished).toBe('2025-08-13T09:04:00+03:00');
    expect(article.datePublished).toBe($('.article-header time').first().attr('datetime'));
    expect(article.dateModified).toBe(article.datePublished);
  });

  it('gives 16:9, 4:3 and 1:1 crops up to 1200 px wide, as absolute URLs, with the credit', async () => {
    // The seed's photo is 1600×900: the square crop is as large as it holds, 900×900.
    expect(article.image.map((image: { width: number; height: number }) => [image.width, image.height])).toEqual([
      [1200, 675],
      [1200, 900],
      [900, 900],
    ]);
    for (const image of article.image) {
      expect(isAbsolute(image.url)).toBe(true);
      expect(image.creditText).toBe('Profimedia');
      expect(image.copyrightNotice).toBe('Profimedia');
      const file = await sharp(distFile(new URL(image.url).pathname)).metadata();
      expect([file.width, file.height]).toEqual([image.width, image.height]);
    }
  });

  it('credits the newsroom as an Organization and people as Persons with their page', () => {
    expect(article.author).toEqual([{ '@type': 'Organization', name: 'Redacția', url: `${SITE}/` }]);
    const two = jsonLdOfType(page('/stiri-interne/podul-nou-din-valea-lunga-de-sus/'), 'NewsArticle');
    expect(two.author).toEqual([
      { '@type': 'Person', name: 'Corina Mărgineanu', url: `${SITE}/autor/corina-margineanu/` },
      { '@type': 'Person', name: 'Tudor Vlăsceanu', url: `${SITE}/autor/tudor-vlasceanu/` },
    ]);
    expect(two.dateModified).toBe('2025-08-20T14:15:00+03:00');
    expect(two.dateModified).toBe(page('/stiri-interne/podul-nou-din-valea-lunga-de-sus/')('.updated time').attr('datetime'));
  });

  it('names the publisher as a NewsMediaOrganization with its logo', () => {
    expect(article.publisher['@type']).toBe('NewsMediaOrganization');
    expect(article.publisher.name).toBe('Foaia');
    expect(isAbsolute(article.publisher.logo.url)).toBe(true);
    expect(hasPage(new URL(article.publisher.logo.url).pathname)).toBe(true);
  });

  it('falls back on the section share card when the article has no photo', () => {
    const noPhoto = jsonLdOfType(page(NO_PHOTO), 'NewsArticle');
    expect(noPhoto.image).toEqual([expect.objectContaining({ url: `${SITE}/og/stiri-interne.png`, width: 1200, height: 630 })]);
    expect(noPhoto.description).toMatch(/^Apare în harta pentru Google News/);
  });

  it('escapes values so a title cannot end the script element', () => {
    const raw = readFileSync(distFile('/stiri-interne/titlu-periculos/'), 'utf8');
    const bodies = [...raw.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(body).not.toMatch(/[<>]/);
    expect(jsonLdOfType(page('/stiri-interne/titlu-periculos/'), 'NewsArticle').headline).toBe(
      'Titlu cu </script><script>alert(1)</script> și <b>etichete</b>',
    );
  });
});

describe('BreadcrumbList', () => {
  it('is the visible breadcrumb, then the article itself', () => {
    const $ = page('/fotbal/cs-padureni-castiga-derbiul/');
    const list = jsonLdOfType($, 'BreadcrumbList');
    const visible = $('nav.breadcrumb li')
      .map((_, item) => $(item).text())
      .get();
    expect(list.itemListElement.map((item: { name: string }) => item.name)).toEqual([...visible, $('h1').text()]);
    expect(list.itemListElement.map((item: { position: number }) => item.position)).toEqual([1, 2, 3, 4]);
    expect(list.itemListElement.map((item: { item: string }) => item.item)).toEqual([
      `${SITE}/`,
      `${SITE}/sport/`,
      `${SITE}/fotbal/`,
      `${SITE}/fotbal/cs-padureni-castiga-derbiul/`,
    ]);
  });
});

describe('home page structured data', () => {
  it('describes the WebSite and the NewsMediaOrganization', () => {
    const $ = page('/');
    expect(jsonLdOfType($, 'WebSite')).toMatchObject({ name: 'Foaia', url: `${SITE}/`, inLanguage: 'ro' });
    expect(jsonLdOfType($, 'NewsMediaOrganization')).toMatchObject({ name: 'Foaia', url: `${SITE}/`, logo: { width: 512, height: 512 } });
  });
});

describe('link previews and search snippets', () => {
  it('gives an article its canonical URL, description and Open Graph article tags', () => {
    const $ = page(SEED);
    expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}${SEED}`);
    expect(meta($, 'description')).toBe('Liderul rus a lăudat „spiritul de sacrificiu” al nord-coreenilor');
    expect(meta($, 'robots')).toBe('max-image-preview:large');
    expect(meta($, 'og:type')).toBe('article');
    expect(meta($, 'og:locale')).toBe('ro_RO');
    expect(meta($, 'og:site_name')).toBe('Foaia');
    expect(meta($, 'og:title')).toBe($('h1').text());
    expect(meta($, 'og:url')).toBe(`${SITE}${SEED}`);
    expect(isAbsolute(meta($, 'og:image')!)).toBe(true);
    expect([meta($, 'og:image:width'), meta($, 'og:image:height')]).toEqual(['1200', '675']);
    expect(meta($, 'og:image:alt')).toBe($('figure.hero img').attr('alt'));
    expect(meta($, 'article:published_time')).toBe('2025-08-13T09:04:00+03:00');
    expect(meta($, 'article:modified_time')).toBe('2025-08-13T09:04:00+03:00');
    expect(meta($, 'article:section')).toBe('Știri externe');
    expect(
      $('meta[property="article:tag"]')
        .map((_, tag) => $(tag).attr('content'))
        .get(),
    ).toEqual(['Rusia', 'Coreea de Nord', 'Vladimir Putin', 'Kim Jong Un']);
    expect(meta($, 'twitter:card')).toBe('summary_large_image');
  });

  it('previews a listing with its section share card, 1200×630 with the section name', async () => {
    const $ = page('/sport/');
    expect(meta($, 'og:type')).toBe('website');
    expect(meta($, 'og:image')).toBe(`${SITE}/og/sport.png`);
    const card = await sharp(distFile('/og/sport.png')).metadata();
    expect([card.width, card.height, card.format]).toEqual([1200, 630, 'png']);
  });

  it('offers the matching feed on every listing', () => {
    expect(page('/tag/derby-local/')('link[rel="alternate"][type="application/rss+xml"][href="/tag/derby-local/rss.xml"]')).toHaveLength(1);
    expect(page('/autor/redactia/')('link[rel="alternate"][href="/autor/redactia/rss.xml"]')).toHaveLength(1);
    expect(page('/')('link[rel="alternate"][type="application/feed+json"]').attr('href')).toBe('/feed.json');
  });
});

describe('feeds', () => {
  const items = (path: string) => [xmlFile(path).rss.channel.item].flat();

  it('are RSS 2.0 with the channel and item elements the format requires, each channel linking to its own page', () => {
    for (const path of ['/rss.xml', '/stiri-externe/rss.xml', '/tag/derby-local/rss.xml', '/autor/redactia/rss.xml']) {
      expect(SyntaxValidator.validate(readFileSync(distFile(path), 'utf8')), path).toBe(true);
      const { rss } = xmlFile(path);
      expect(rss['@version'], path).toBe('2.0');
      expect(rss.channel, path).toMatchObject({
        title: expect.any(String),
        link: `${SITE}${path.replace(/rss\.xml$/, '')}`,
        description: expect.any(String),
        language: 'ro',
      });
      for (const item of items(path)) {
        expect(item, path).toMatchObject({ title: expect.any(String), link: expect.any(String), pubDate: expect.any(String) });
        expect(item.guid['#text'], path).toBe(item.link);
      }
    }
  });

  it('carry the photo as media:content with its credit', () => {
    const seed = items('/stiri-externe/rss.xml').find((item) => item.link === `${SITE}${SEED}`);
    expect(seed['media:content']['@medium']).toBe('image');
    expect(isAbsolute(seed['media:content']['@url'])).toBe(true);
    expect(seed['media:content']['media:credit']).toBe('Profimedia');
  });

  it("/rss.xml's full content opens with the photo, its alt text and credit", () => {
    const seed = items('/rss.xml').find((item) => item.link === `${SITE}${SEED}`);
    const content = load(seed['content:encoded']);
    const figure = content('figure').first();
    expect(figure.find('img').attr('src')).toBe(seed['media:content']['@url']);
    expect(figure.find('img').attr('alt')).toBe(seed['media:content']['media:description']['#text']);
    expect(figure.find('figcaption').text()).toBe('Foto: Profimedia');
    expect(content('body').children().first().is('figure')).toBe(true);
  });

  it('/rss.xml carries full bodies with absolute links; listing feeds the lead only', () => {
    const site = items('/rss.xml').find((item) => item.link === `${SITE}/stiri-interne/legaturi-intre-articole/`);
    expect(site['content:encoded']).toContain(
      `href="${SITE}/stiri-externe/convorbire-putin-kim/#rusia-prioritatea-politicii-externe-a-coreei-de-nord"`,
    );
    for (const path of ['/stiri-interne/rss.xml', '/tag/derby-local/rss.xml', '/autor/redactia/rss.xml']) {
      const source = readFileSync(distFile(path), 'utf8');
      expect(SyntaxValidator.validate(source), path).toBe(true);
      expect(items(path).length, path).toBeGreaterThan(0);
      expect(
        items(path).every((item) => !('content:encoded' in item)),
        path,
      ).toBe(true);
      expect(
        items(path).every((item) => isAbsolute(item.link) && !Number.isNaN(Date.parse(item.pubDate))),
        path,
      ).toBe(true);
    }
  });

  it('/feed.json is JSON Feed 1.1 with full bodies', () => {
    const feed = JSON.parse(readFileSync(distFile('/feed.json'), 'utf8'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language).toBe('ro');
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.length).toBeLessThanOrEqual(50);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(isAbsolute(item.url)).toBe(true);
      expect(item.content_html.length).toBeGreaterThan(0);
      expect(item.date_published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    }
    const seed = feed.items.find((item: { url: string }) => item.url === `${SITE}${SEED}`);
    expect(seed?.image).toMatch(/^https:\/\/foaia\.ro\/_astro\/.+\.jpg$/);
  });
});

describe('sitemaps', () => {
  it('are well-formed sitemap XML: an index of files, each URL with loc and lastmod', () => {
    for (const path of ['/sitemap-index.xml', '/sitemap-1.xml', '/sitemap-news-index.xml', '/sitemap-news-1.xml']) {
      expect(SyntaxValidator.validate(readFileSync(distFile(path), 'utf8')), path).toBe(true);
    }
    const index = xmlFile('/sitemap-index.xml').sitemapindex;
    expect(index['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urlset = xmlFile('/sitemap-1.xml').urlset;
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset['@xmlns:image']).toBe('http://www.google.com/schemas/sitemap-image/1.1');
    for (const url of [urlset.url].flat()) {
      expect(isAbsolute(url.loc)).toBe(true);
      expect(url.lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    }
  });
});

describe('Google News sitemap', () => {
  const index = xmlFile('/sitemap-news-index.xml');
  const files = [index.sitemapindex.sitemap].flat().map((entry: { loc: string }) => new URL(entry.loc).pathname);
  const urls = files.flatMap((file) => [xmlFile(file).urlset.url ?? []].flat());

  it('lists the articles of the 48 hours before the build, and only them', () => {
    const locs = urls.map((url: { loc: string }) => url.loc);
    expect(locs).toContain(`${SITE}${NO_PHOTO}`);
    expect(locs).not.toContain(`${SITE}/stiri-interne/stire-de-acum-cinci-zile/`);
    expect(locs).not.toContain(`${SITE}${SEED}`);
  });

  it('gives each its publication, language, date and title', () => {
    const recent = urls.find((url: { loc: string }) => url.loc === `${SITE}${NO_PHOTO}`);
    expect(recent['news:news']['news:publication']).toEqual({ 'news:name': 'Foaia', 'news:language': 'ro' });
    expect(recent['news:news']['news:publication_date']).toBe('2025-09-15T14:00:00+03:00');
    expect(recent['news:news']['news:title']).toBe('Știre publicată cu o oră înaintea construirii site-ului');
  });

  it('uses the news namespace, at most 1,000 URLs a file, and is named in robots.txt', () => {
    for (const file of files) {
      const source = readFileSync(distFile(file), 'utf8');
      expect(SyntaxValidator.validate(source)).toBe(true);
      expect(xmlFile(file).urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
      expect([xmlFile(file).urlset.url ?? []].flat().length).toBeLessThanOrEqual(1000);
    }
    const robots = readFileSync(distFile('/robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap-news-index.xml`);
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });

  it('gives the normal sitemap image:image for articles with a photo', () => {
    const url = [xmlFile('/sitemap-1.xml').urlset.url].flat().find((entry: { loc: string }) => entry.loc === `${SITE}${SEED}`);
    expect(isAbsolute(url['image:image']['image:loc'])).toBe(true);
  });
});
