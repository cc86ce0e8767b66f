import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'astro/zod';
import { type ArticleProblem, formatProblem, issueProblems } from './problems';
import { parseYaml, type YAMLException } from './yaml';

/** What a newsroom's YAML file is, for messages: its name in the editors' words. */
export interface YamlFileKind<Schema extends z.ZodType> {
  /** How a message names the file: `fișierul secțiunilor`. */
  label: string;
  schema: Schema;
  /** The fields allowed at a path of the file, named when an unknown one is found. */
  allowedKeys?: (path: readonly PropertyKey[]) => readonly string[];
}

/** A newsroom file that breaks its rules: every problem, each naming the file and the field. */
export class YamlFileError extends Error {
  readonly problems: ArticleProblem[];

  constructor(problems: ArticleProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
    this.name = 'YamlFileError';
  }
}

/** Only blank lines and comments: YAML reads no document there. */
function isBlank(source: string): boolean {
  return source.split('\n').every((line) => /^\s*(#.*)?$/.test(line));
}

/**
 * Reads one of the newsroom's YAML files (`file` relative to `root`, as messages name it):
 * `undefined` when it does not exist or is empty (an editor removes the breaking news by deleting
 * or emptying its file). A file that is not valid YAML or breaks the schema throws a
 * `YamlFileError` listing every mistake, each with the file and the field.
 *
 * @example
 * readYamlFile('content/ultima-ora.yaml', { label: 'fișierul „Ultima oră”', schema: breakingNewsSchema })
 * // => { title: 'Cutremur de 5,2 grade în Vrancea', url: '/stiri-interne/cutremur/' }
 */
export function readYamlFile<Schema extends z.ZodType>(
  file: string,
  kind: YamlFileKind<Schema>,
  root = process.cwd(),
): z.output<Schema> | undefined {
  const path = resolve(root, file);
  if (!existsSync(path)) return undefined;
  const source = readFileSync(path, 'utf8');
  if (isBlank(source)) return undefined;
  let parsed: unknown;
  try {
    parsed = parseYaml(source);
  } catch (error) {
    const { mark, reason } = error as YAMLException;
    throw new YamlFileError([
      { file, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1, message: `${kind.label} nu este YAML valid: ${reason}` },
    ]);
  }
  if (parsed === null) return undefined;
  const result = kind.schema.safeParse(parsed);
  if (result.success) return result.data;
  throw new YamlFileError(result.error.issues.flatMap((issue) => issueProblems(file, issue, kind.allowedKeys ?? (() => []))));
}
