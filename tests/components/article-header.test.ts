import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import ArticleHeader from '../../src/components/ArticleHeader.astro';
import { breadcrumbSections } from '../../src/lib/sections';

const container = await AstroContainer.create();

async function renderHeader(props: Partial<Parameters<typeof ArticleHeader>[0]> = {}) {
  const html = await container.renderToString(ArticleHeader, {
    props: {
      title: 'Convorbire între Putin și Kim Jong Un, înainte de summitul SUA-Rusia din ALASKA',
      lead: 'Liderul rus a lăudat „spiritul de sacrificiu” al nord-coreenilor',
      sections: breadcrumbSections(['Prima pagină', 'Știri externe']),
      date: new Date('2025-08-13T06:04:00Z'),
      byline: ['Redacția'],
      ...props,
    },
  });
  return load(html);
}

describe('ArticleHeader', () => {
  it('shows the breadcrumb as links that end with the section, not the headline', async () => {
    const $ = await renderHeader();
    const items = $('nav.breadcrumb li');
    expect(items.map((_, item) => $(item).text()).get()).toEqual(['Prima pagină', 'Știri externe']);
    expect(
      $('nav.breadcrumb a')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual(['/', '/stiri-externe/']);
    expect($('nav.breadcrumb [aria-current]')).toHaveLength(0);
    expect($('nav.breadcrumb').attr('aria-label')).toBe('Navigare ierarhică');
  });

  it('shows the headline and the lead', async () => {
    const $ = await renderHeader();
    expect($('h1').text()).toBe('Convorbire între Putin și Kim Jong Un, înainte de summitul SUA-Rusia din ALASKA');
    expect($('.lead').text()).toBe('Liderul rus a lăudat „spiritul de sacrificiu” al nord-coreenilor');
  });

  it('prints the date in Bucharest time with the instant in datetime', async () => {
    const $ = await renderHeader();
    expect($('time').text()).toBe('13 aug. 2025, 09:04');
    expect($('time').attr('datetime')).toBe('2025-08-13T09:04:00+03:00');
    expect($('.updated')).toHaveLength(0);
  });

  it('adds "Actualizat" when the article was updated', async () => {
    const $ = await renderHeader({ updated: new Date('2025-08-13T08:30:00Z') });
    expect($('.updated').text().replace(/\s+/g, ' ').trim()).toBe('Actualizat 13 aug. 2025, 11:30');
    expect($('.updated time').attr('datetime')).toBe('2025-08-13T11:30:00+03:00');
  });

  it('links every byline to its author page', async () => {
    const $ = await renderHeader({ byline: ['Andreea Popescu', 'Ștefan Mărgărit', 'Redacția'] });
    expect($('.byline').text().replace(/\s+/g, ' ').trim()).toBe('De Andreea Popescu, Ștefan Mărgărit și Redacția');
    expect(
      $('.byline a')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual(['/autor/andreea-popescu/', '/autor/stefan-margarit/', '/autor/redactia/']);
  });

  it('leaves the byline out when nobody signed', async () => {
    const $ = await renderHeader({ byline: [] });
    expect($('.byline')).toHaveLength(0);
  });

  it('renders nested sections in order', async () => {
    const $ = await renderHeader({ sections: breadcrumbSections(['Prima pagină', 'Sport', 'Fotbal']) });
    expect(
      $('nav.breadcrumb a')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual(['/', '/sport/', '/fotbal/']);
  });
});

describe('HeroPhoto credit', () => {
  it('prints the caption and "Foto: <credit>" as paragraphs of their own', async () => {
    const { default: HeroPhoto } = await import('../../src/components/HeroPhoto.astro');
    const html = await container.renderToString(HeroPhoto, {
      props: {
        src: { src: '/foto.jpg', width: 1600, height: 900, format: 'jpg' },
        alt: 'Două receptoare',
        credit: 'Profimedia',
        caption: 'Ilustrație',
      },
    });
    const $ = load(html);
    expect($('figcaption > p.caption').text()).toBe('Ilustrație');
    expect($('figcaption > p.credit').text()).toBe('Foto: Profimedia');
    expect($('figcaption > p.caption + p.credit')).toHaveLength(1);
    expect($('img').attr('alt')).toBe('Două receptoare');
  });
});
