import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { ShareImage } from './structured-data';
import { absoluteUrl, SITE_SHARE_CARD, shareCardPath } from './urls';

/** The size social networks show large: 1.91:1. */
export const SHARE_CARD = { width: 1200, height: 630 } as const;

/** The widest crop Google asks for in article structured data. */
const CROP_WIDTH = 1200;

/** The ratios Google asks for (16:9, 4:3, 1:1); the first is also the link preview. */
const CROP_RATIOS = [16 / 9, 4 / 3, 1] as const;

/** What an article's photo frontmatter holds once Astro has read the image. */
export interface ArticlePhoto {
  src: ImageMetadata;
  alt: string;
  credit: string;
}

/**
 * The photo cropped to 16:9, 4:3 and 1:1, as absolute URLs: each the largest crop of its ratio
 * up to 1200 px wide that the photo holds without enlarging it.
 *
 * @example
 * (await photoShareImages(photo, 'https://foaia.ro'))[0] // => { url: 'https://foaia.ro/_astro/x.jpg', width: 1200, height: 675, … }
 */
export async function photoShareImages(photo: ArticlePhoto, site: string): Promise<ShareImage[]> {
  return (await cropsOf(photo.src, site)).map((crop) => ({ ...crop, alt: photo.alt, credit: photo.credit }));
}

type Crop = Pick<ShareImage, 'url' | 'width' | 'height'>;

/**
 * The crops already asked for, by image: an article's page, its sitemap entry and its feed items
 * share them, and so do articles whose photos are the same file (Astro emits identical files once).
 */
const cropsByImage = new Map<string, Promise<Crop[]>>();

function cropsOf(image: ImageMetadata, site: string): Promise<Crop[]> {
  const key = `${image.src} ${site}`;
  let made = cropsByImage.get(key);
  if (!made) {
    made = Promise.all(
      CROP_RATIOS.map(async (ratio) => {
        const width = Math.floor(Math.min(CROP_WIDTH, image.width, image.height * ratio));
        const height = Math.round(width / ratio);
        const crop = await getImage({ src: image, width, height, fit: 'cover', format: 'jpg', quality: 80 });
        return { url: absoluteUrl(crop.src, site), width, height };
      }),
    );
    cropsByImage.set(key, made);
  }
  return made;
}

/**
 * A section's share card (or the site's), for pages and articles without a photo.
 *
 * @example
 * shareCard('sport', 'Sport', 'https://foaia.ro').url // => 'https://foaia.ro/og/sport.png'
 */
export function shareCard(sectionSlug: string | undefined, alt: string, site: string): ShareImage {
  return { url: absoluteUrl(shareCardPath(sectionSlug ?? SITE_SHARE_CARD), site), ...SHARE_CARD, alt };
}
