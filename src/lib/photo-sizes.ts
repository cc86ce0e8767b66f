/**
 * The widths photos are made in, WebP. Cards use the smaller ones of the same list, so a photo's
 * card and article page share files and no extra image work is done for listings.
 */
export const PHOTO_WIDTHS = [400, 800, 1200];

/** The card sizes: half the list's width on wide screens, the full width on phones. */
export const CARD_WIDTHS = PHOTO_WIDTHS.slice(0, 2);

/** The format every photo is served in. */
export const PHOTO_FORMAT = 'webp';

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
