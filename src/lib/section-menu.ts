import { existsSync, readFileSync } from 'node:fs';
import { type SectionEntry, sectionsFileSchema } from '../schemas/sections';
import { slugify } from './slugs';
import { parseYaml, type YAMLException } from './yaml';

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

/**
 * Reads the sections file (`content/sections.yaml`); without one, no section has a menu position.
 * A malformed file throws, naming the file and what is wrong.
 *
 * @example
 * readSectionsFile('/site/content/sections.yaml')[0] // => { name: 'Știri externe', menu: 1 }
 */
export function readSectionsFile(file: string): SectionEntry[] {
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8')) ?? [];
  } catch (error) {
    const { mark, reason } = error as YAMLException;
    throw new Error(`${file}:${(mark?.line ?? 0) + 1}: fișierul secțiunilor nu este YAML valid: ${reason}`);
  }
  const result = sectionsFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || 'secțiuni'}: ${issue.message}`);
  }
  return result.data;
}
