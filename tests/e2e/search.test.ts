import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

async function searchFor(query: string) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${inject('siteUrl')}/cautare/`);
  await page.getByLabel('Caută în articole').fill(query);
  await page.getByRole('button', { name: 'Caută' }).click();
  await page
    .locator('#search-status')
    .filter({ hasText: /articol/i })
    .waitFor();
  const results = await page.locator('#search-results li h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  const status = await page.locator('#search-status').textContent();
  await page.screenshot({ path: `test-results/screenshots/search-${query}.png` });
  await page.close();
  return { results, status, errors };
}

describe('search', () => {
  it('finds „ședință” when the reader types it without diacritics', async () => {
    const { results, status, errors } = await searchFor('sedinta');
    // Only the page with the word: the quarters without it answer with Pagefind's nearest prefix
    // („se”), and the search page leaves those out.
    expect(results).toEqual(['/stiri-interne/podul-nou-din-valea-lunga-de-sus/']);
    expect(status).toMatch(/conține „sedinta”/);
    expect(errors).toEqual([]);
  });

  it('finds words with their diacritics too', async () => {
    const { results } = await searchFor('Phenianul');
    expect(results).toEqual(['/stiri-externe/convorbire-putin-kim/']);
  });

  it('says so when nothing matches', async () => {
    const { results, status } = await searchFor('zzqxj');
    expect(results).toEqual([]);
    expect(status).toBe('Niciun articol nu conține „zzqxj”.');
  });

  it('runs a query given in the address, so a search can be shared', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('siteUrl')}/cautare/?q=${encodeURIComponent('ședință')}`);
    await page.locator('#search-results li').first().waitFor();
    expect(await page.getByLabel('Caută în articole').inputValue()).toBe('ședință');
    await page.close();
  });
});
