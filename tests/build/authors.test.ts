import { describe, expect, inject, it } from 'vitest';
import { hasPage, jsonLdOfType, page } from './dist';

const SITE = 'https://foaia.ro';
const PROFILE = '/autor/sorin-balaceanu/';
const LINKS = ['https://x.com/sorinbalaceanu', 'https://www.linkedin.com/in/sorin-balaceanu'];

describe('an author with an author file', () => {
  const $ = page(PROFILE);
  const profile = $('main .author-profile');

  it('has their name as the heading, and the profile above their articles', () => {
    expect($('main h1').text()).toBe('Sorin Bălăceanu');
    expect($('main h1 + .author-profile')).toHaveLength(1);
    expect($('main .author-profile ~ .card-grid .card')).not.toHaveLength(0);
  });

  it('shows the portrait with its alternative text and credit, the role and the biography in the text typography', () => {
    const portrait = profile.find('.author-portrait img');
    expect(portrait.attr('alt')).toBe('Sorin Bălăceanu, portret');
    expect(portrait.attr('src')).toMatch(/^\/_astro\/.+\.webp$/);
    expect(portrait.attr('sizes')).toBe('8rem');
    expect(profile.find('.author-portrait .credit').text()).toBe('Foto: Foaia');
    expect(profile.find('.author-role').text()).toBe('Redactor, Sport');
    expect(profile.find('.author-biography p').text()).toBe(
      'Scrie despre fotbalul județean din 2012. A transmis în direct peste 300 de meciuri din „Liga a IV-a”.',
    );
  });

  it('links their profiles elsewhere, marked as theirs', () => {
    const links = profile.find('.author-links a');
    expect(links.map((_, link) => $(link).attr('href')).get()).toEqual(LINKS);
    expect(links.map((_, link) => $(link).text()).get()).toEqual(['x.com', 'linkedin.com']);
    expect(links.first().attr('rel')).toBe('me noopener');
  });

  it('describes the page by the biography, as a ProfilePage of a Person', () => {
    expect($('meta[name="description"]').attr('content')).toMatch(/^Scrie despre fotbalul județean din 2012\./);
    const data = jsonLdOfType($, 'ProfilePage');
    expect(data.mainEntity).toMatchObject({
      '@type': 'Person',
      name: 'Sorin Bălăceanu',
      url: `${SITE}${PROFILE}`,
      jobTitle: 'Redactor, Sport',
      sameAs: LINKS,
    });
    // The portrait the page shows, the same file.
    expect(data.mainEntity.image).toBe(`${SITE}${$('.author-portrait img').attr('src')}`);
  });

  it('keeps the profile to the first page: the next ones list articles under the usual heading', () => {
    const second = page(`${PROFILE}2/`);
    expect(second('main h1').text()).toBe('Articole de Sorin Bălăceanu');
    expect(second('.author-profile')).toHaveLength(0);
  });

  it('is the byline link and the Person, with its profiles, in the structured data of the articles they signed', () => {
    const article = page('/fotbal/meci-1/');
    expect(article('.byline a').attr('href')).toBe(PROFILE);
    expect(jsonLdOfType(article, 'NewsArticle').author).toEqual([
      { '@type': 'Person', name: 'Sorin Bălăceanu', url: `${SITE}${PROFILE}`, jobTitle: 'Redactor, Sport', sameAs: LINKS },
    ]);
  });
});

describe('an author without an author file', () => {
  const $ = page('/autor/corina-margineanu/');

  it("keeps the plain page: a heading and the author's articles", () => {
    expect($('main h1').text()).toBe('Articole de Corina Mărgineanu');
    expect($('.author-profile')).toHaveLength(0);
    expect(jsonLdOfType($, 'ProfilePage')).toBeUndefined();
  });

  it('is a Person with the author page and nothing more in structured data', () => {
    const article = page('/stiri-interne/legaturi-intre-articole/');
    expect(jsonLdOfType(article, 'NewsArticle').author).toEqual([
      { '@type': 'Person', name: 'Corina Mărgineanu', url: `${SITE}/autor/corina-margineanu/` },
    ]);
  });
});

describe('an author file no byline uses', () => {
  it('is a warning, naming the file and the name, and makes no page', () => {
    expect(inject('validBuild').output).toMatch(
      /tests\/build\/\.work\/authors\/ioana-vlad\.md:2: name: niciun articol nu este semnat „Ioana Vlad”: pagina autorului apare odată cu primul articol semnat așa/,
    );
    expect(hasPage('/autor/ioana-vlad/')).toBe(false);
  });
});
