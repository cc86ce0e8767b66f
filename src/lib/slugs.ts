/**
 * Slugs made so far, by text: a build slugs every article's title, section and tags several times
 * (the checks, the URLs, the listings), 0.4 s at 20,000 articles when each was made anew.
 */
const slugs = new Map<string, string>();

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
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = text
      .normalize('NFD')
      .replace(/\p{Mn}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    slugs.set(text, slug);
  }
  return slug;
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
export const RESERVED_SECTION_SLUGS: ReadonlySet<string> = new Set([
  'tag',
  'autor',
  'cautare',
  'pagefind',
  'previzualizare',
  'og',
  'admin',
]);

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
