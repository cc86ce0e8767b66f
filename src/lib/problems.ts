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
}

/**
 * One line an editor can act on: file, then field or line:column, then the message.
 *
 * @example
 * formatProblem({ file: 'content/articles/2025/08/x.md', field: 'photo.alt', message: 'lipsește textul alternativ' })
 * // => 'content/articles/2025/08/x.md: photo.alt: lipsește textul alternativ'
 */
export function formatProblem(problem: ArticleProblem): string {
  const place = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
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
