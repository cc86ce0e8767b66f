/** What the editors' commands (`npm run new`, `publish`, `fix`, `check:articles`) share. */
import { relative, resolve } from 'node:path';

/** Prints an editor's message and stops the command with exit code 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * A path the editor typed, relative to the project: npm runs a script from the project's folder,
 * while the editor typed the path from where they were (`INIT_CWD`).
 *
 * @example
 * typedPath('x.md', '/site', { INIT_CWD: '/site/content/articles/2025/08' }) // => 'content/articles/2025/08/x.md'
 */
export function typedPath(path: string, root = process.cwd(), env: Record<string, string | undefined> = process.env): string {
  return relative(root, resolve(env.INIT_CWD ?? root, path))
    .split('\\')
    .join('/');
}
