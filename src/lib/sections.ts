import { t } from '../i18n';
import { slugify } from './slugs';

/** One level of the site's section tree, as a breadcrumb names it. */
export interface SectionRef {
  /** The name as the breadcrumb writes it ("Știri externe"). */
  name: string;
  /** Its URL slug ("stiri-externe"). */
  slug: string;
}

const HOME_SLUG = slugify(t('site.home'));

/**
 * The sections a breadcrumb walks through, outermost first. The leading "Prima pagină" is the
 * home page, not a section, so it is dropped wherever it is written.
 *
 * @example
 * breadcrumbSections(['Prima pagină', 'Sport', 'Fotbal'])
 * // => [{ name: 'Sport', slug: 'sport' }, { name: 'Fotbal', slug: 'fotbal' }]
 */
export function breadcrumbSections(breadcrumb: readonly string[]): SectionRef[] {
  const items = breadcrumb.map((name) => name.trim());
  const withoutHome = slugify(items[0] ?? '') === HOME_SLUG ? items.slice(1) : items;
  return withoutHome.map((name) => ({ name, slug: slugify(name) }));
}

/**
 * The article's own section: the breadcrumb's last item.
 *
 * @example
 * articleSection(['Prima pagină', 'Știri externe']) // => { name: 'Știri externe', slug: 'stiri-externe' }
 */
export function articleSection(breadcrumb: readonly string[]): SectionRef | undefined {
  return breadcrumbSections(breadcrumb).at(-1);
}
