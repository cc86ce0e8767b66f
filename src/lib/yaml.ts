import * as yaml from 'js-yaml';

/**
 * The newsroom's YAML (frontmatter, the sections file): the core schema, so timestamps stay text
 * and a date is read exactly as written (YAML 1.1 would turn `2026-02-30` into March 2 and an
 * offset-less time into UTC). Throws `YAMLException` (with the place of the mistake).
 *
 * @example
 * parseYaml('date: 2025-08-13T09:04') // => { date: '2025-08-13T09:04' }
 */
export function parseYaml(source: string): unknown {
  return yaml.load(source, { schema: yaml.CORE_SCHEMA });
}

export { YAMLException } from 'js-yaml';
