import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';
import { CORRECTED_STORY, RETRACTED_STORY } from './front-page-content.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = 'test-results/screenshots';

/** One page of each kind a reader meets. */
const PAGES = {
  home: '/',
  section: '/stiri-externe/',
  article: '/stiri-externe/convorbire-putin-kim/',
  corrected: CORRECTED_STORY,
  retracted: RETRACTED_STORY,
  tag: '/tag/padureni/',
  author: '/autor/redactia/',
  authorProfile: '/autor/sorin-balaceanu/',
  search: '/cautare/?q=pod',
  notFound: '/pagina-care-nu-exista/',
} as const;

const VIEWPORTS = { phone: { width: 375, height: 740 }, desktop: { width: 1280, height: 900 } } as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(() => browser?.close());

/** Opens a page, recording console errors, CSP reports and failed requests along the way. */
async function open(path: string, viewport: (typeof VIEWPORTS)[keyof typeof VIEWPORTS], colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const problems: string[] = [];
  const url = `${inject('siteUrl')}${path}`;
  // The 404 page is served with status 404, which the browser reports about the document itself.
  const isOwnStatus = (message: ConsoleMessage) => path === PAGES.notFound && message.location().url === url;
  page.on('console', (message) => {
    if ((message.type() === 'error' || message.type() === 'warning') && !isOwnStatus(message)) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !(path === PAGES.notFound && response.url() === url)) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, problems, close: () => context.close() };
}

/** Loads the lazy photos too, so a full-page screenshot shows the whole page as a reader scrolls it. */
async function screenshot(page: Page, path: string, fullPage = true): Promise<void> {
  await page.evaluate(async () => {
    const images = [...document.images];
    for (const image of images) image.loading = 'eager';
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
  });
  await page.screenshot({ path, fullPage });
}

async function axe(page: Page): Promise<AxeResults['violations']> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return results.violations;
  });
}

const describeViolations = (violations: AxeResults['violations']) =>
  violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);

describe.each(Object.entries(PAGES))('%s page', (name, path) => {
  it.each(Object.entries(VIEWPORTS))(
    'passes axe (WCAG 2.1 AA) at %s width, with no console error or failed request',
    async (viewportName, viewport) => {
      const { page, problems, close } = await open(path, viewport);
      expect(describeViolations(await axe(page))).toEqual([]);
      expect(problems).toEqual([]);
      await screenshot(page, `${SCREENSHOTS}/${name}-${viewportName}.png`);
      await close();
    },
  );

  it('passes axe in dark mode', async () => {
    const { page, close } = await open(path, VIEWPORTS.phone, 'dark');
    expect(describeViolations(await axe(page))).toEqual([]);
    await screenshot(page, `${SCREENSHOTS}/${name}-phone-dark.png`, false);
    await close();
  });

  it('does not scroll sideways at 375 px', async () => {
    const { page, close } = await open(path, VIEWPORTS.phone);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    await close();
  });
});

describe('keyboard', () => {
  it('reaches the skip link first, and it leads to the content', async () => {
    const { page, close } = await open(PAGES.article, VIEWPORTS.desktop);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      href: document.activeElement?.getAttribute('href'),
    }));
    expect(focused).toEqual({ text: 'Sari la conținut', href: '#continut' });
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await close();
  });
});

describe('pages without JavaScript', () => {
  it.each(['home', 'section', 'article', 'tag', 'author', 'notFound'] as const)('%s sends no script', async (name) => {
    const { page, close } = await open(PAGES[name], VIEWPORTS.phone);
    const scripts = await page.evaluate(() => [...document.scripts].filter((script) => script.type !== 'application/ld+json').length);
    expect(scripts).toBe(0);
    await close();
  });
});
