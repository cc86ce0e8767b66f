import type { z } from 'astro/zod';
import { closest, distance } from 'fastest-levenshtein';

/** Something wrong with an article that an editor can fix, located as precisely as we can. */
export interface ArticleProblem {
  /** The article's file, relative to the project root. */
  file: string;
  /** The frontmatter field, dotted (`photo.alt`), when the problem is in one. */
  field?: string;
  /** Line and column in the file, when the problem is at a known place (YAML syntax). */
  line?: number;
  column?: number;
  /** What was expected and what was found, in words an editor understands. */
  message: string;
  /** Found across files (two articles on one URL, a newsroom file): reported whichever articles are checked. */
  acrossFiles?: boolean;
}

/**
 * One line an editor can act on: file and line (and column, for a YAML mistake), field, message.
 *
 * @example
 * formatProblem({ file: 'content/articles/2025/08/x.md', line: 9, field: 'photo.alt', message: 'lipsește textul alternativ' })
 * // => 'content/articles/2025/08/x.md:9: photo.alt: lipsește textul alternativ'
 */
export function formatProblem(problem: ArticleProblem): string {
  const place =
    problem.line === undefined
      ? problem.file
      : problem.column === undefined
        ? `${problem.file}:${problem.line}`
        : `${problem.file}:${problem.line}:${problem.column}`;
  return problem.field ? `${place}: ${problem.field}: ${problem.message}` : `${place}: ${problem.message}`;
}

/**
 * The report of a run that found problems: a count, then one line each.
 *
 * @example
 * formatProblemReport([{ file: 'a.md', field: 'title', message: 'lipsește titlul articolului' }])
 * // => '1 problemă în articole:\n  a.md: title: lipsește titlul articolului'
 */
export function formatProblemReport(problems: readonly ArticleProblem[]): string {
  const count = problems.length === 1 ? '1 problemă' : `${problems.length} probleme`;
  return `${count} în articole:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'o valoare goală';
  if (Array.isArray(value)) return 'o listă';
  if (typeof value === 'object') return 'un grup de câmpuri';
  if (typeof value === 'string') return `textul „${value}”`;
  return `${typeof value === 'number' ? 'numărul' : 'valoarea'} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  boolean: 'true sau false',
  array: 'o listă',
  object: 'un grup de câmpuri',
  number: 'un număr',
};

function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const suggestion = allowed.length > 0 ? closest(key, [...allowed]) : undefined;
  const hint = suggestion && distance(key, suggestion) <= Math.max(2, Math.floor(key.length / 3)) ? ` (ați vrut „${suggestion}”?)` : '';
  return `câmp necunoscut „${key}”${hint}; câmpurile permise sunt: ${allowed.join(', ')}`;
}

/**
 * The problems a schema found in an editor's file, in the editor's words: an unknown key names
 * the allowed ones (and the nearest), a wrong type says what was expected and what was found.
 * `allowedKeys` gives the fields allowed at a path of the file.
 *
 * @example
 * issueProblems('content/ultima-ora.yaml', { code: 'unrecognized_keys', keys: ['titel'], path: [], message: '', input: {} }, () => ['title', 'url'])
 * // => [{ file: 'content/ultima-ora.yaml', field: 'titel', message: 'câmp necunoscut „titel” (ați vrut „title”?); câmpurile permise sunt: title, url' }]
 */
export function issueProblems(
  file: string,
  issue: z.core.$ZodIssue,
  allowedKeys: (path: readonly PropertyKey[]) => readonly string[],
): ArticleProblem[] {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(issue.path);
    return issue.keys.map((key) => ({
      file,
      field: field ? `${field}.${key}` : key,
      message: unknownKeyMessage(key, allowed),
    }));
  }
  let message = issue.message;
  if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) {
    message =
      issue.input === undefined
        ? 'câmpul lipsește'
        : `așteptam ${EXPECTED[issue.expected] ?? issue.expected}, am găsit ${describeValue(issue.input)}`;
  }
  return [{ file, field: field || undefined, message }];
}
