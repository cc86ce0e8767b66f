import { describe, expect, it } from 'vitest';
import { isPageNumberSlug, isReservedSectionSlug, slugify } from '../../src/lib/slugs';

describe('slugify', () => {
  it.each([
    ['Știri externe', 'stiri-externe'],
    ['Sănătate', 'sanatate'],
    ['Învățământ și Cercetare', 'invatamant-si-cercetare'],
    ['Ţară şi Împărăţie', 'tara-si-imparatie'],
    [
      '  Convorbire între Putin și Kim Jong Un, înainte de summitul SUA-Rusia din ALASKA ',
      'convorbire-intre-putin-si-kim-jong-un-inainte-de-summitul-sua-rusia-din-alaska',
    ],
    ['Liga a III-a', 'liga-a-iii-a'],
    ['„Citat” — cu semne!', 'citat-cu-semne'],
    ['Euro 2024', 'euro-2024'],
    ['???', ''],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('treats cedilla and comma-below letters alike', () => {
    expect(slugify('şţŞŢ')).toBe(slugify('șțȘȚ'));
  });
});

describe('isPageNumberSlug', () => {
  it('flags slugs made only of digits', () => {
    expect(isPageNumberSlug('2024')).toBe(true);
    expect(isPageNumberSlug('euro-2024')).toBe(false);
  });
});

describe('isReservedSectionSlug', () => {
  it.each(['tag', 'autor', 'cautare', 'pagefind'])('%s is reserved', (slug) => {
    expect(isReservedSectionSlug(slug)).toBe(true);
  });
  it('leaves ordinary sections alone', () => {
    expect(isReservedSectionSlug('sport')).toBe(false);
  });
});
