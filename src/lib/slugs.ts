/**
 * Turns a Romanian title, section, tag or name into an ASCII URL slug.
 * Diacritics are dropped after Unicode decomposition, which covers both the comma-below
 * letters (ș ț) and the legacy cedilla ones (ş ţ) that old keyboards still produce.
 *
 * @example
 * slugify('Știri externe') // => 'stiri-externe'
 * slugify('Ţară şi Împărăţie') // => 'tara-si-imparatie'
 */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A slug made only of digits would collide with a listing's page number (`/sport/2/`).
 *
 * @example
 * isPageNumberSlug('2024') // => true
 * isPageNumberSlug('euro-2024') // => false
 */
export function isPageNumberSlug(slug: string): boolean {
  return /^\d+$/.test(slug);
}

/**
 * First path segments the site itself uses. Slugs never contain a dot, so the site's files
 * (`/rss.xml`, `/sitemap-index.xml`, `/robots.txt`) cannot be shadowed; these folders can.
 */
export const RESERVED_SECTION_SLUGS: ReadonlySet<string> = new Set(['tag', 'autor', 'cautare', 'pagefind', 'previzualizare', 'og', 'admin']);

/**
 * Whether a section slug would take over one of the site's own folders.
 *
 * @example
 * isReservedSectionSlug('tag') // => true
 * isReservedSectionSlug('sport') // => false
 */
export function isReservedSectionSlug(slug: string): boolean {
  return RESERVED_SECTION_SLUGS.has(slug);
}
