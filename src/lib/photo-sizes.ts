/**
 * The widths photos are made in, WebP. Cards use the smaller ones of the same list, so a photo's
 * card and article page share files and no extra image work is done for listings.
 */
export const PHOTO_WIDTHS = [400, 800, 1200];

/** The card sizes: half the list's width on wide screens, the full width on phones. */
export const CARD_WIDTHS = PHOTO_WIDTHS.slice(0, 2);

/** The format every photo is served in. */
export const PHOTO_FORMAT = 'webp';
