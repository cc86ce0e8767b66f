import { readFileSync } from 'node:fs';
import { type CheerioAPI, load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { distFile, htmlPaths, jsonLdOfType, page, xmlFile } from './dist';

const SITE = 'https://foaia.ro';
/** Featured until after the fixture's clock, and older than most: it leads the home page. */
const FEATURED = '/stiri-interne/stire-de-acum-cinci-zile/';
/** Featured until before the fixture's clock: back in its place by date. */
const FEATURE_ENDED = '/stiri-interne/legaturi-intre-articole/';
/** The fixture whose title, lead and caption are typed with straight quotes and `--`. */
const TYPESET = '/politica/acord-intre-partide/';
const TITLE = 'Acord „istoric” între partide – sau doar un armistițiu…';
const LEAD = 'Liderii au spus „da” — apoi au plecat fără declarații…';
const CAPTION = 'Sala „mare” a consiliului – după vot';

const links = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, link) => $(link).attr('href'))
    .get();

describe('the home page', () => {
  const $ = page('/');

  it('opens with the featured article while its `featured` time lasts', () => {
    expect(links($, '.lead-story .card-title a')).toEqual([FEATURED]);
    expect($('.lead-story .card-lead').text()).toBe('Prea veche pentru harta Google News.');
  });

  it('then the newest stories with thumbnails, the one whose featuring ended in its place by date', () => {
    expect(links($, '.story-list .card-title a')).toEqual([
      '/stiri-interne/stire-de-acum-o-ora/',
      FEATURE_ENDED,
      TYPESET,
      '/stiri-interne/titlu-periculos/',
      '/cultura/festivalul-de-teatru-de-strada/',
      '/meteo/cod-galben-de-ploi-in-judetul-stejaru/',
    ]);
    const thumbnail = $(`.story-list .card:has(a[href="${TYPESET}"]) img`);
    expect(thumbnail.attr('sizes')).toBe('8rem');
    expect(thumbnail.attr('srcset')).toMatch(/ 400w$/);
  });

  it('then the next newest headlines with their times, none shown twice', () => {
    const headlines = $('.headline-list li');
    expect(headlines).toHaveLength(12);
    expect(headlines.first().find('a').attr('href')).toBe('/tenis/turneul-de-tenis-pentru-juniori/');
    expect(headlines.first().find('time').attr('datetime')).toBe('2025-09-07T18:20:00+03:00');
    expect(headlines.first().find('time').text()).toBe('7 sept. 2025, 18:20');
    const shown = links($, '.front a[href$="/"]').filter((href) => href.split('/').length === 4);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('then a block per section with its latest stories; a section with one article shows it', () => {
    expect(links($, '.section-block h2 a')).toEqual([
      '/stiri-interne/',
      '/stiri-externe/',
      '/politica/',
      '/economie/',
      '/sport/',
      '/cultura/',
      '/meteo/',
    ]);
    const politics = $('.section-block:has(h2 a[href="/politica/"])');
    expect(links($, '.section-block:has(h2 a[href="/politica/"]) .card-title a')).toEqual([TYPESET]);
    expect(politics.find('img').attr('alt')).toBe('Sala de ședințe, goală');
    expect(politics.find('.section-headlines')).toHaveLength(0);
    const home = $('.section-block:has(h2 a[href="/stiri-interne/"])');
    expect(home.find('.card')).toHaveLength(1);
    expect(home.find('.section-headlines li')).toHaveLength(3);
  });
});

describe('the breaking-news strip', () => {
  const strip = ($: CheerioAPI) => $('.breaking');

  it('opens the home page and the section fronts, typeset, with its link', () => {
    for (const path of ['/', '/stiri-interne/', '/fotbal/', '/sport/']) {
      const $ = page(path);
      expect(strip($), path).toHaveLength(1);
      expect(strip($).find('.breaking-label').text()).toBe('Ultima oră');
      expect(strip($).find('a').text()).toBe('Cutremur de 5,2 grade în Vrancea – nu sunt „victime”');
      expect(strip($).find('a').attr('href')).toBe('/stiri-interne/');
    }
  });

  it('is on no article, no later page of a section, no tag or author page', () => {
    const elsewhere = htmlPaths().filter((path) => path !== '/' && !/^\/[^/]+\/$/.test(path));
    expect(elsewhere).toContain('/fotbal/2/');
    expect(elsewhere).toContain(FEATURED);
    expect(elsewhere.filter((path) => strip(page(path)).length > 0)).toEqual([]);
    expect(strip(page('/cautare/'))).toHaveLength(0);
  });
});

describe('titles, leads and captions in Romanian typography, in every output', () => {
  it('on the article page: headline, <title>, lead, caption, Open Graph and structured data', () => {
    const $ = page(TYPESET);
    expect($('h1').text()).toBe(TITLE);
    expect($('title').text()).toBe(`${TITLE} | Foaia`);
    expect($('.lead').text()).toBe(LEAD);
    expect($('figure.hero .caption').text()).toBe(CAPTION);
    expect($('meta[property="og:title"]').attr('content')).toBe(TITLE);
    expect($('meta[name="description"]').attr('content')).toBe(LEAD);
    const article = jsonLdOfType($, 'NewsArticle');
    expect(article.headline).toBe(TITLE);
    expect(article.description).toBe(LEAD);
  });

  it('in listings, feeds and the news sitemap', () => {
    expect(page('/politica/')('.card-title').text()).toBe(TITLE);
    // Its breadcrumb writes "politica": the section is named as content/sections.yaml spells it.
    expect(page('/politica/')('h1').text()).toBe('Politică');
    expect(page(TYPESET)('.breadcrumb li').last().text()).toBe('Politică');
    expect(page('/')(`.story-list a[href="${TYPESET}"]`).text()).toBe(TITLE);
    const item = [xmlFile('/rss.xml').rss.channel.item].flat().find((entry: { link: string }) => entry.link === `${SITE}${TYPESET}`);
    expect(item.title).toBe(TITLE);
    expect(item.description).toBe(LEAD);
    expect(load(item['content:encoded'])('figcaption p').first().text()).toBe(CAPTION);
    expect([xmlFile('/politica/rss.xml').rss.channel.item].flat()[0].title).toBe(TITLE);
    const feed = JSON.parse(readFileSync(distFile('/feed.json'), 'utf8'));
    const entry = feed.items.find((candidate: { url: string }) => candidate.url === `${SITE}${TYPESET}`);
    expect(entry.title).toBe(TITLE);
    expect(entry.summary).toBe(LEAD);
    const news = [xmlFile('/sitemap-news-1.xml').urlset.url].flat().find((url: { loc: string }) => url.loc === `${SITE}${TYPESET}`);
    expect(news['news:news']['news:title']).toBe(TITLE);
  });
});
