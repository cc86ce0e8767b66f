import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The arguments `npm run build` gives Node (`package.json`'s `build` script), so that the bench
 * and the build tests run the build exactly as an editor's CI does, without npm's own start-up.
 * Relative paths in them are the project's: run them from its root.
 *
 * @example
 * spawn(process.execPath, buildArguments(root), { cwd: root })
 * // buildArguments(root) => ['--import', './scripts/ts-resolve.mjs', …, 'node_modules/astro/bin/astro.mjs', 'build']
 */
export function buildArguments(root: string): string[] {
  const script: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.build;
  const [program, ...args] = script.trim().split(/\s+/);
  if (program !== 'node') throw new Error(`package.json: the build script must run node, found "${script}"`);
  return args;
}
