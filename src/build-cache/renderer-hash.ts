import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { contentHash } from './content-hash';

/** Relative module specifiers in `import … from './x'`, `export … from './x'` and `import './x'`. */
const RELATIVE_IMPORT = /(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g;

const MODULE_SUFFIXES = ['', '.ts', '.js', '.mjs', '/index.ts', '/index.js'];

function resolveModule(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return MODULE_SUFFIXES.map((suffix) => base + suffix).find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
}

/**
 * Every project file a module imports, directly or not (packages excluded: the lockfile stands
 * for them), sorted.
 *
 * @example
 * importGraph('/site/src/plugins/index.ts') // => ['/site/src/i18n/index.ts', …, '/site/src/plugins/index.ts', …]
 */
export function importGraph(entry: string): string[] {
  if (!existsSync(entry)) return [];
  const seen = new Set<string>([entry]);
  const pending = [entry];
  for (let file = pending.pop(); file; file = pending.pop()) {
    if (!/\.(ts|js|mjs)$/.test(file)) continue;
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const imported = resolveModule(file, specifier!);
      if (imported && !seen.has(imported)) {
        seen.add(imported);
        pending.push(imported);
      }
    }
  }
  return [...seen].sort();
}

/**
 * What an article's HTML and entry depend on besides its own file: the Markdown pipeline's code
 * (every file the plugins import), the loader's and its render threads' (which decide what a
 * cached render holds), the collection's schema (`src/content.config.ts`, which makes the entry's
 * data), the site's config and the locked package versions. When this changes, every cached
 * render and entry is stale.
 *
 * @example
 * rendererHash('/site') // => 'k3Jb…' (32 characters)
 */
export function rendererHash(root: string): string {
  const files = [
    ...new Set(
      // The render threads' entry is started by its path, not imported: named here so that it counts.
      ['src/plugins/index.ts', 'src/loaders/articles.ts', 'src/build-cache/render-thread.ts', 'src/content.config.ts'].flatMap((entry) =>
        importGraph(resolve(root, entry)),
      ),
    ),
    resolve(root, 'astro.config.ts'),
    resolve(root, 'package-lock.json'),
  ];
  return contentHash(...files.flatMap((file) => [relative(root, file), existsSync(file) ? readFileSync(file) : '']));
}
