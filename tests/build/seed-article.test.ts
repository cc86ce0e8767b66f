import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { page } from './dist';

/** The seed as the newsroom published it: header line, date line, paragraphs, sub-heading, credit. */
function readSeed() {
  const lines = readFileSync(new URL('../fixtures/seed.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const [header = '', dateLine = '', ...rest] = lines;
  const [, title = '', lead = ''] = /» ([^»]+?)\. (Liderul.*)$/.exec(header) ?? [];
  const credit = rest.pop() ?? '';
  const paragraphs = rest.filter((line) => /[.”]$/.test(line));
  const subheadings = rest.filter((line) => !/[.”]$/.test(line));
  return { title, lead, dateLine, paragraphs, subheadings, credit };
}

const seed = readSeed();
const $ = page('/stiri-externe/convorbire-putin-kim/');

describe('the seed article page', () => {
  it('is in Romanian', () => {
    expect($('html').attr('lang')).toBe('ro');
  });

  it('has the full title as its only h1, and the lead', () => {
    expect($('h1')).toHaveLength(1);
    expect($('h1').text()).toBe(seed.title);
    expect($('.lead').text()).toBe(seed.lead);
  });

  it('has every paragraph of the seed, in order', () => {
    const body = $('.article-body p')
      .map((_, paragraph) => $(paragraph).text())
      .get();
    expect(seed.paragraphs).toHaveLength(10);
    expect(body).toEqual(seed.paragraphs);
  });

  it('has the sub-heading as an h2', () => {
    expect(
      $('.article-body h2')
        .map((_, heading) => $(heading).text())
        .get(),
    ).toEqual(seed.subheadings);
  });

  it('prints the date as published, in a <time> whose datetime is that instant', () => {
    const time = $('.article-header time').first();
    expect(time.text()).toBe(seed.dateLine);
    expect(time.text()).toBe('13 aug. 2025, 09:04');
    expect(new Date(time.attr('datetime')!).toISOString()).toBe('2025-08-13T06:04:00.000Z');
    expect(time.attr('datetime')).toBe('2025-08-13T09:04:00+03:00');
  });

  it('has the breadcrumb "Prima pagină » Știri externe" as links, without the headline', () => {
    const links = $('nav.breadcrumb a')
      .map((_, link) => [[$(link).text(), $(link).attr('href')]])
      .get();
    expect(links).toEqual([
      ['Prima pagină', '/'],
      ['Știri externe', '/stiri-externe/'],
    ]);
    expect($('nav.breadcrumb li')).toHaveLength(2);
    expect($('nav.breadcrumb').text()).not.toContain(seed.title);
  });

  it('credits the photo "Foto: Profimedia" under a responsive WebP image', () => {
    expect($('figure.hero figcaption').text()).toContain(seed.credit);
    expect(seed.credit).toBe('Foto: Profimedia');
    const image = $('figure.hero img');
    expect(image.attr('alt')).toMatch(/receptoare telefonice/);
    expect(Number(image.attr('width'))).toBeGreaterThan(0);
    expect(Number(image.attr('height'))).toBeGreaterThan(0);
    expect(image.attr('src')).toMatch(/\.webp$/);
    expect(image.attr('srcset')!.split(',').length).toBeGreaterThan(1);
    expect(image.attr('sizes')).toBeTruthy();
  });

  it('signs the article "Redacția", linked to its author page', () => {
    expect($('.byline a').text()).toBe('Redacția');
    expect($('.byline a').attr('href')).toBe('/autor/redactia/');
  });

  it('links its tags', () => {
    expect(
      $('nav.tags a')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toContain('/tag/coreea-de-nord/');
  });
});
