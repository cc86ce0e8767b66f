/**
 * How long a build step took, for its log line: `(în 8.21 s)`. The benchmark reads these lines
 * to split a build into phases.
 *
 * @example
 * secondsSince(performance.now() - 8210) // => '(în 8.21 s)'
 */
export function secondsSince(start: number, now = performance.now()): string {
  return `(în ${((now - start) / 1000).toFixed(2)} s)`;
}
