/**
 * The widths photos are made in, WebP. Cards and thumbnails use the smaller ones of the same list,
 * so a photo's card and article page share files and no extra image work is done for listings.
 */
export const PHOTO_WIDTHS = [400, 800, 1200];

/** The format every photo is served in. */
export const PHOTO_FORMAT = 'webp';

/** Where a photo is shown: the widths it is offered in, and the width the page's CSS gives it. */
export interface PhotoLayout {
  widths: readonly number[];
  /** The `sizes` attribute: the CSS width of the photo at each viewport width. */
  sizes: string;
}

/**
 * Every place a photo appears, with `sizes` written from the CSS that places it (`global.css`):
 * the page is 72rem wide at most, with 1rem of padding on each side. The browser tests measure
 * each photo at 375, 768 and 1280 px against these, so the two cannot drift apart.
 */
export const PHOTO_LAYOUTS = {
  /** The article's photo: the 42rem column (`.article`), or the screen less its padding. */
  hero: { widths: PHOTO_WIDTHS, sizes: '(min-width: 44rem) 42rem, calc(100vw - 2rem)' },
  /** The home page's lead story: two thirds of the page, less the 2rem gap, from 60rem (`.front`). */
  lead: {
    widths: PHOTO_WIDTHS,
    sizes: '(min-width: 72rem) calc((70rem - 2rem) * 2 / 3), (min-width: 60rem) calc((100vw - 4rem) * 2 / 3), calc(100vw - 2rem)',
  },
  /** A card of a grid (`.card-grid`): one column, two from 48rem, three from 64rem, 2rem apart. */
  card: {
    widths: PHOTO_WIDTHS.slice(0, 2),
    sizes:
      '(min-width: 72rem) 22rem, (min-width: 64rem) calc((100vw - 6rem) / 3), (min-width: 48rem) calc((100vw - 4rem) / 2), calc(100vw - 2rem)',
  },
  /** A thumbnail beside a headline (`.card-thumbnail`): 8rem at every width. */
  thumbnail: { widths: PHOTO_WIDTHS.slice(0, 1), sizes: '8rem' },
  /** An author's portrait on their page (`.author-portrait`): 8rem at every width. */
  portrait: { widths: PHOTO_WIDTHS.slice(0, 1), sizes: '8rem' },
} as const satisfies Record<string, PhotoLayout>;

/** The name of a place photos are shown. */
export type PhotoLayoutName = keyof typeof PHOTO_LAYOUTS;

/**
 * The size a photo is served at by default: the largest of `widths` it holds without being
 * enlarged, at its own ratio. That file is also in the `srcset`, so no extra image is made for it.
 *
 * @example
 * servedSize({ width: 1600, height: 900 }, PHOTO_WIDTHS) // => { width: 1200, height: 675 }
 */
export function servedSize(photo: { width: number; height: number }, widths: readonly number[]): { width: number; height: number } {
  const width = Math.min(Math.max(...widths), photo.width);
  return { width, height: Math.round((width * photo.height) / photo.width) };
}
