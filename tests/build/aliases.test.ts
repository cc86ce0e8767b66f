import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distFile, hasPage, page, xmlFile } from './dist';

const ARTICLE = '/stiri-interne/stire-de-acum-cinci-zile/';

describe("an article's earlier paths (aliases)", () => {
  it('are permanent redirects in _redirects, each to the URL of today', () => {
    expect(readFileSync(distFile('/_redirects'), 'utf8').split('\n').filter(Boolean)).toEqual([
      `/arhiva/2025/stire-veche.html ${ARTICLE} 301`,
      `/interne/stire-veche/ ${ARTICLE} 301`,
    ]);
  });

  it('answer on hosts without redirect rules with a page that sends the reader on, canonical to the article and not indexed', () => {
    const $ = page('/interne/stire-veche/');
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${ARTICLE}`);
    expect($('link[rel="canonical"]').attr('href')).toBe(`https://foaia.ro${ARTICLE}`);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('main a').attr('href')).toBe(ARTICLE);
    expect($('html').attr('lang')).toBe('ro');
  });

  it('leave a file-like old path to the redirect rules, and are in no sitemap', () => {
    expect(hasPage('/arhiva/2025/stire-veche.html')).toBe(false);
    const locs = [xmlFile('/sitemap-1.xml').urlset.url].flat().map((url: { loc: string }) => url.loc);
    expect(locs.some((loc: string) => loc.includes('stire-veche'))).toBe(false);
  });
});
