import { type SectionEntry, sectionsFileSchema } from '../schemas/sections';
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
