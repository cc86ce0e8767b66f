import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { distFile, htmlPaths, jsonLdOfType, page, xmlFile } from './dist';

const SITE = 'https://foaia.ro';
/** Published 10 Sept. 2025, 15:00, corrected 12 Sept. 2025, 10:00 (Bucharest time). */
const CORRECTED = '/stiri-interne/stire-de-acum-cinci-zile/';
const CORRECTED_AT = '2025-09-12T10:00:00+03:00';
const TEXT = 'Ora publicării era greșită în versiunea „inițială”.';

describe('a corrected article', () => {
  const $ = page(CORRECTED);

  it('shows the dated correction after the text, linked from the dateline', () => {
    const corrections = $('article .corrections');
    expect(corrections.attr('id')).toBe('corectii');
    expect(corrections.find('h2').text()).toBe('Corecții');
    expect(corrections.find('li p').text()).toBe(`Corecție (12 sept. 2025, 10:00): ${TEXT}`);
    expect(corrections.find('time').attr('datetime')).toBe(CORRECTED_AT);
    expect($('.article-body + .corrections')).toHaveLength(1);
    expect($('.dateline a.corrected').attr('href')).toBe('#corectii');
  });

  it('changed last when corrected: the dateline, Open Graph, structured data, sitemap and JSON Feed agree', () => {
    expect($('.dateline .updated time').attr('datetime')).toBe(CORRECTED_AT);
    expect($('meta[property="article:modified_time"]').attr('content')).toBe(CORRECTED_AT);
    const article = jsonLdOfType($, 'NewsArticle');
    expect(article.dateModified).toBe(CORRECTED_AT);
    const entry = [xmlFile('/sitemap-1.xml').urlset.url].flat().find((url: { loc: string }) => url.loc === `${SITE}${CORRECTED}`);
    expect(entry.lastmod).toBe(CORRECTED_AT);
    const feed = JSON.parse(readFileSync(distFile('/feed.json'), 'utf8'));
    const item = feed.items.find((candidate: { url: string }) => candidate.url === `${SITE}${CORRECTED}`);
    expect(item.date_modified).toBe(CORRECTED_AT);
    expect(load(item.content_html)('.corrections li p').text()).toBe(`Corecție (12 sept. 2025, 10:00): ${TEXT}`);
  });

  it('carries the correction at the end of the RSS item', () => {
    const item = [xmlFile('/rss.xml').rss.channel.item].flat().find((entry: { link: string }) => entry.link === `${SITE}${CORRECTED}`);
    const content = load(item['content:encoded']);
    expect(content('.corrections li p').text()).toBe(`Corecție (12 sept. 2025, 10:00): ${TEXT}`);
    expect(content('body').children().last().is('.corrections')).toBe(true);
  });

  it('an article without corrections has neither the note nor the link', () => {
    const plain = page('/stiri-interne/stire-de-acum-o-ora/');
    expect(plain('.corrections')).toHaveLength(0);
    expect(plain('.corrected')).toHaveLength(0);
  });
});

describe('a retracted article', () => {
  const RETRACTED = '/economie/articol-retras/';
  const everywhere = () =>
    htmlPaths()
      .filter((path) => path !== RETRACTED)
      .map((path) => page(path).html());

  it('keeps its URL with a notice: title, reason, dates, not indexed', () => {
    const $ = page(RETRACTED);
    expect($('.retraction-label').text()).toBe('Articol retras');
    expect($('h1').text()).toBe('Fabrica din Stejaru se închide');
    expect($('.retraction-reason').text()).toBe('Articolul se baza pe o sursă care s-a dovedit falsă – fabrica rămâne deschisă.');
    expect($('.retraction-dates').text()).toBe('Publicat la 11 sept. 2025, 09:00. Retras la 13 sept. 2025, 12:00.');
    expect($('meta[name="robots"]').attr('content')).toContain('noindex');
    expect($('[data-pagefind-body]')).toHaveLength(0);
    expect($('.article-body').text()).not.toContain('zgripțuroaicaretrasă');
  });

  it('leaves every listing, feed, sitemap and related list; links to it still lead to the notice', () => {
    expect(everywhere().filter((html) => html.includes(`href="${RETRACTED}"`))).toHaveLength(1);
    expect(page('/politica/acord-intre-partide/')(`.article-body a[href="${RETRACTED}"]`)).toHaveLength(1);
    const itemLinks = (path: string) => [xmlFile(path).rss.channel.item ?? []].flat().map((item: { link: string }) => item.link);
    for (const feed of ['/rss.xml', '/economie/rss.xml', '/tag/derby-local/rss.xml'])
      expect(itemLinks(feed), feed).not.toContain(`${SITE}${RETRACTED}`);
    const jsonFeed = JSON.parse(readFileSync(distFile('/feed.json'), 'utf8'));
    expect(jsonFeed.items.map((item: { url: string }) => item.url)).not.toContain(`${SITE}${RETRACTED}`);
    for (const sitemap of ['/sitemap-1.xml', '/sitemap-news-1.xml']) {
      const locs = [xmlFile(sitemap).urlset.url ?? []].flat().map((url: { loc: string }) => url.loc);
      expect(locs, sitemap).not.toContain(`${SITE}${RETRACTED}`);
    }
    expect(page('/economie/')(`a[href="${RETRACTED}"]`)).toHaveLength(0);
  });
});
