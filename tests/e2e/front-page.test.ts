import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';
import { BREAKING_NEWS, FEATURED_STORY, VIDEO_STORY } from './front-page-content.ts';

/** Phone, tablet and desktop; phones and tablets at the pixel density they ship with. */
const VIEWPORTS = [
  { width: 375, height: 740, deviceScaleFactor: 2 },
  { width: 768, height: 1024, deviceScaleFactor: 2 },
  { width: 1280, height: 900, deviceScaleFactor: 1 },
] as const;

/** Every kind of page that shows photos: each place a photo can sit is on one of them. */
const PAGES_WITH_PHOTOS = ['/', '/politica/', '/autor/redactia/', '/autor/sorin-balaceanu/', FEATURED_STORY];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

async function open(path: string, viewport: (typeof VIEWPORTS)[number]): Promise<{ page: Page; close: () => Promise<void> }> {
  const { deviceScaleFactor, ...size } = viewport;
  const context = await browser.newContext({ viewport: size, deviceScaleFactor });
  const page = await context.newPage();
  await page.goto(`${inject('siteUrl')}${path}`, { waitUntil: 'networkidle' });
  return { page, close: () => context.close() };
}

interface MeasuredPhoto {
  alt: string;
  sizes: string;
  /** The width `sizes` gives at this viewport, in CSS pixels. */
  slot: number;
  /** The width the CSS gives it. */
  displayed: number;
  /** The width of the `srcset` candidate the browser loaded, and the widest one offered. */
  loaded: number;
  widest: number;
}

/** Loads every photo of the page (lazy ones too) and measures it against its `sizes` and `srcset`. */
function measurePhotos(page: Page): Promise<MeasuredPhoto[]> {
  return page.evaluate(async () => {
    const images = [...document.querySelectorAll<HTMLImageElement>('img[srcset]')];
    for (const image of images) image.loading = 'eager';
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
    const probe = document.createElement('div');
    probe.style.position = 'absolute';
    document.body.append(probe);
    /** The width a `sizes` attribute gives: its first entry whose media condition holds. */
    const slotOf = (sizes: string) => {
      const entries = sizes.split(/,(?![^(]*\))/).map((entry) => entry.trim());
      for (const entry of entries) {
        const match = /^(\(.*?\))\s+(.+)$/.exec(entry);
        if (match && !matchMedia(match[1]!).matches) continue;
        probe.style.width = match ? match[2]! : entry;
        return probe.getBoundingClientRect().width;
      }
      return Number.NaN;
    };
    const measured = images.map((image) => {
      const candidates = image.srcset.split(',').map((candidate) => {
        const [url, width] = candidate.trim().split(/\s+/);
        return { url: new URL(url!, location.href).href, width: Number.parseInt(width!, 10) };
      });
      return {
        alt: image.alt,
        sizes: image.sizes,
        slot: slotOf(image.sizes),
        displayed: image.getBoundingClientRect().width,
        loaded: candidates.find((candidate) => candidate.url === image.currentSrc)?.width ?? 0,
        widest: Math.max(...candidates.map((candidate) => candidate.width)),
      };
    });
    probe.remove();
    return measured;
  });
}

describe('photos are served at the width they are shown', () => {
  for (const path of PAGES_WITH_PHOTOS) {
    it.each(VIEWPORTS.map((viewport) => [viewport.width, viewport] as const))(`${path} at %i px`, async (_, viewport) => {
      const { page, close } = await open(path, viewport);
      const photos = await measurePhotos(page);
      expect(photos.length).toBeGreaterThan(0);
      for (const photo of photos) {
        const where = `${photo.alt} (sizes="${photo.sizes}")`;
        // `sizes` says the width the CSS gives the photo: not less (blurry), at most 10% more (wasted bytes).
        expect(photo.slot, where).toBeGreaterThanOrEqual(photo.displayed - 1);
        expect(photo.slot, where).toBeLessThanOrEqual(photo.displayed * 1.1 + 1);
        // The file the browser chose covers the photo's device pixels, unless none is wider.
        expect(photo.loaded, where).toBeGreaterThanOrEqual(Math.min(photo.displayed * viewport.deviceScaleFactor, photo.widest) - 1);
      }
      await close();
    });
  }
});

describe('the home page', () => {
  it('opens with the featured story and its photo', async () => {
    const { page, close } = await open('/', VIEWPORTS[2]);
    expect(await page.locator('.lead-story .card-title a').getAttribute('href')).toBe(FEATURED_STORY);
    const photo = await page.locator('.lead-story img').boundingBox();
    expect(photo!.width).toBeGreaterThan(700);
    await close();
  });
});

describe('the section menu at 375 px', () => {
  it('is one line that scrolls sideways, not three lines before the news', async () => {
    const { page, close } = await open('/stiri-interne/', VIEWPORTS[0]);
    const menu = await page.evaluate(() => {
      const list = document.querySelector<HTMLElement>('.site-nav ul')!;
      const items = [...list.querySelectorAll('li')].map((item) => item.getBoundingClientRect().top);
      return { rows: new Set(items).size, height: list.getBoundingClientRect().height, scrolls: list.scrollWidth > list.clientWidth };
    });
    expect(menu).toMatchObject({ rows: 1, scrolls: true });
    expect(menu.height).toBeLessThan(48);
    await close();
  });

  it('underlines the current section below the comma of „Ș”', async () => {
    const { page, close } = await open('/stiri-interne/', VIEWPORTS[0]);
    const current = page.locator('.site-nav a[aria-current]');
    expect(await current.textContent()).toBe('Știri interne');
    const { offset, fontSize } = await current.evaluate((link) => {
      const style = getComputedStyle(link);
      return { offset: Number.parseFloat(style.textUnderlineOffset), fontSize: Number.parseFloat(style.fontSize) };
    });
    // The comma reaches about 0.25em below the baseline.
    expect(offset).toBeGreaterThanOrEqual(0.4 * fontSize);
    await close();
  });
});

describe('the breaking-news strip', () => {
  it.each(['/', '/stiri-interne/', '/sport/'])('opens the front %s', async (path) => {
    const { page, close } = await open(path, VIEWPORTS[0]);
    const strip = page.locator('.breaking');
    expect(await strip.isVisible()).toBe(true);
    expect(await strip.locator('a').textContent()).toBe(BREAKING_NEWS);
    const top = await strip.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeLessThan(200);
    await close();
  });

  it.each([FEATURED_STORY, '/tag/padureni/'])('is not on %s', async (path) => {
    const { page, close } = await open(path, VIEWPORTS[0]);
    expect(await page.locator('.breaking').count()).toBe(0);
    await close();
  });
});

describe('a video embed', () => {
  it.each(VIEWPORTS.map((viewport) => [viewport.width, viewport] as const))(
    'fills the column at its 16:9 shape at %i px, from YouTube’s cookie-free host',
    async (_, viewport) => {
      const { page, close } = await open(VIDEO_STORY, viewport);
      const video = await page.evaluate(() => {
        const frame = document.querySelector<HTMLIFrameElement>('.article-body iframe')!;
        const box = frame.getBoundingClientRect();
        return { src: frame.src, width: box.width, height: box.height, column: frame.parentElement!.getBoundingClientRect().width };
      });
      expect(video.src).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\//);
      expect(video.width).toBeCloseTo(video.column, 0);
      expect(video.height).toBeCloseTo((video.width * 9) / 16, 0);
      await close();
    },
  );
});
