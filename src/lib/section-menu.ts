import { distance } from 'fastest-levenshtein';
import { t } from '../i18n';
import { type SectionEntry, sectionsFileSchema } from '../schemas/sections';
import { breadcrumbSections } from './sections';
import { slugify } from './slugs';
import { readYamlFile } from './yaml-file';

/**
 * The menu positions the sections file gives, by section slug. The menu follows this file, never
 * the article counts: a new article must not reorder (and so re-render) every page of the site.
 *
 * @example
 * menuPositions([{ name: 'Sport', menu: 2 }, { name: 'Știri externe', menu: 1 }, { name: 'Meteo' }])
 * // => Map { 'sport' => 2, 'stiri-externe' => 1 }
 */
export function menuPositions(sections: readonly SectionEntry[]): Map<string, number> {
  const positions = new Map<string, number>();
  for (const section of sections) {
    if (section.menu !== undefined) positions.set(slugify(section.name), section.menu);
  }
  return positions;
}

/** Every section of the tree with the path of names that leads to it, outermost first. */
function sectionPaths(sections: readonly SectionEntry[], above: readonly string[] = []): string[][] {
  return sections.flatMap((section) => {
    const path = [...above, section.name];
    return [path, ...sectionPaths(section.children ?? [], path)];
  });
}

/**
 * Every section's name as the sections file spells it, by slug: a breadcrumb that writes
 * "stiri externe" is shown as "Știri externe".
 *
 * @example
 * sectionNames([{ name: 'Sport', children: [{ name: 'Fotbal' }] }]) // => Map { 'sport' => 'Sport', 'fotbal' => 'Fotbal' }
 */
export function sectionNames(sections: readonly SectionEntry[]): Map<string, string> {
  return new Map(sectionPaths(sections).map((path) => [slugify(path.at(-1)!), path.at(-1)!]));
}

/**
 * The section of the tree whose name is nearest to a misspelt one, when one is near enough.
 *
 * @example
 * nearestSection('Stiri extrene', [{ name: 'Știri externe' }, { name: 'Sport' }]) // => 'Știri externe'
 */
export function nearestSection(name: string, sections: readonly SectionEntry[]): string | undefined {
  const slug = slugify(name);
  return sectionPaths(sections)
    .map((path) => ({ name: path.at(-1)!, apart: distance(slug, slugify(path.at(-1)!)) }))
    .filter(({ apart }) => apart <= Math.max(2, Math.floor(slug.length / 3)))
    .sort((a, b) => a.apart - b.apart)[0]?.name;
}

/**
 * The full breadcrumb of a section named anywhere in the tree, by slug: what a new article in it
 * writes. `undefined` when the tree has no such section.
 *
 * @example
 * breadcrumbFor('fotbal', [{ name: 'Sport', children: [{ name: 'Fotbal' }] }]) // => ['Prima pagină', 'Sport', 'Fotbal']
 */
export function breadcrumbFor(name: string, sections: readonly SectionEntry[]): string[] | undefined {
  const path = sectionPaths(sections).find((candidate) => slugify(candidate.at(-1)!) === slugify(name));
  return path && [t('site.home'), ...path];
}

/**
 * What is wrong with a breadcrumb whose sections are not a path of the sections file's tree, in
 * an editor's words (with the section meant, when one is near); `undefined` when it is one.
 * Names match by slug, so spelling and diacritics do not matter.
 *
 * @example
 * breadcrumbProblem(['Prima pagină', 'Știri extrene'], sections, 'content/sections.yaml')
 * // => 'secțiunea „Știri extrene” nu este în content/sections.yaml (ați vrut „Știri externe”?); …'
 * breadcrumbProblem(['Prima pagină', 'Fotbal'], sections, 'content/sections.yaml')
 * // => 'secțiunea „Fotbal” este în content/sections.yaml sub „Sport”: scrieți ["Prima pagină", "Sport", "Fotbal"]'
 */
export function breadcrumbProblem(breadcrumb: readonly string[], sections: readonly SectionEntry[], file: string): string | undefined {
  let level = sections;
  for (const { name, slug } of breadcrumbSections(breadcrumb)) {
    const section = level.find((candidate) => slugify(candidate.name) === slug);
    if (section) {
      level = section.children ?? [];
      continue;
    }
    const paths = sectionPaths(sections);
    const elsewhere = paths.find((path) => slugify(path.at(-1)!) === slug);
    if (elsewhere) {
      const parent = elsewhere.length > 1 ? `sub „${elsewhere.at(-2)}”` : 'direct sub „Prima pagină”';
      return `secțiunea „${elsewhere.at(-1)}” este în ${file} ${parent}: scrieți ${JSON.stringify(['Prima pagină', ...elsewhere]).replaceAll(',', ', ')}`;
    }
    const nearest = nearestSection(name, sections);
    const hint = nearest ? ` (ați vrut „${nearest}”?)` : '';
    const here = level.length > 0 ? `; aici puteți alege: ${level.map((candidate) => candidate.name).join(', ')}` : '';
    return `secțiunea „${name}” nu este în ${file}${hint}${here}`;
  }
  return undefined;
}

/** The fields of a section in the sections file, at any depth. */
const SECTION_FIELDS = ['name', 'menu', 'children'];

/**
 * Reads the sections file (`content/sections.yaml`, relative to `root`); without one, no section
 * has a menu position. A malformed file throws, naming the file and what is wrong.
 *
 * @example
 * readSectionsFile('content/sections.yaml')[0] // => { name: 'Știri externe', menu: 1 }
 */
export function readSectionsFile(file: string, root = process.cwd()): SectionEntry[] {
  return readYamlFile(file, { label: 'fișierul secțiunilor', schema: sectionsFileSchema, allowedKeys: () => SECTION_FIELDS }, root) ?? [];
}
