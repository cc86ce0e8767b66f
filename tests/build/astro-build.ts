import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArguments } from '../../scripts/build-command.ts';

/** The project under test. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The folder where build tests write their fixtures, outputs and caches. */
export const buildWork = join(projectRoot, 'tests/build/.work');

export interface BuildResult {
  code: number | null;
  output: string;
  /** The content folder and the output folder, relative to the project root. */
  content: string;
  dist: string;
  /** The build's clock. */
  now: string;
}

export interface BuildOptions {
  /** Absolute folders: the articles, the output, and the build's own cache (never the project's). */
  content: string;
  dist: string;
  cache: string;
  now: string;
  /** The project to build: this one, or a copy of it that a test changes. */
  root?: string;
  /** More settings (`FOAIA_BREAKING_NEWS_FILE`…). */
  env?: Record<string, string>;
}

/**
 * Runs what `npm run build` runs (`buildArguments()`), in a child process, on fixture content.
 *
 * @example
 * const result = await astroBuild({ content, dist, cache, now: '2025-09-15T12:00:00Z' });
 */
export function astroBuild({ content, dist, cache, now, root = projectRoot, env = {} }: BuildOptions): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, buildArguments(root), {
      cwd: root,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        FOAIA_CONTENT_DIR: relative(root, content),
        FOAIA_OUT_DIR: relative(root, dist),
        FOAIA_CACHE_DIR: relative(root, cache),
        FOAIA_NOW: now,
        NO_COLOR: '1',
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, content: relative(root, content), dist: relative(root, dist), now }));
  });
}

/**
 * Every file of a built site with the hash of its bytes, to compare two builds.
 *
 * @example
 * expect(fingerprint(incrementalDist)).toEqual(fingerprint(cleanDist));
 */
export function fingerprint(dist: string): Record<string, string> {
  const files = (readdirSync(dist, { recursive: true }) as string[]).filter((name) => statSync(join(dist, name)).isFile()).sort();
  return Object.fromEntries(
    files.map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(join(dist, name)))
        .digest('hex'),
    ]),
  );
}

/**
 * The site's committed articles: a corpus generated into `content/` for a benchmark stays out.
 * In a tree without `.git` (a release tarball), the folder as it is.
 */
export function copyCommittedContent(destination: string): void {
  let files: string[];
  try {
    files = execFileSync('git', ['ls-files', '-z', 'content/articles'], {
      cwd: projectRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\0')
      .filter(Boolean);
  } catch {
    cpSync(join(projectRoot, 'content/articles'), destination, { recursive: true });
    return;
  }
  for (const file of files) {
    const target = join(destination, relative('content/articles', file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(projectRoot, file), target);
  }
}
