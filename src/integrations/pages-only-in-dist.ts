import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where Astro 7.3's incremental build keeps its copy of every page, inside the cache folder. */
const ASTRO_PAGE_COPIES = 'dist';

/** The part of Astro's incremental build cache that keeps its copy of the pages (`astro/dist/core/build/incremental.js`). */
interface PageCopies {
  writeOutputFile(...args: unknown[]): Promise<void>;
  restoreOutputFile(...args: unknown[]): Promise<boolean>;
  deleteOutputFile(...args: unknown[]): Promise<void>;
}

/**
 * Astro's incremental build writes every page twice: into `dist/`, and a copy into its cache
 * folder, from which it restores a reused page missing from `dist/`. This build keeps `dist/`
 * between builds (`astro.config.ts`) and CI restores it with the cache, so the copy is never read,
 * yet it doubled the files a build creates (24,700 more files, and as many folders, at 20,000
 * articles; half a gigabyte more in CI's cache). Astro has no option for it: this makes its cache keep the
 * pages' keys only. A reused page missing from `dist/` is rendered again, as `restoreOutputFile()`
 * already does when its copy is missing. Astro is pinned to an exact version; the incremental
 * build test checks that no copy is written, so an upgrade that moves this code is noticed.
 */
export function pagesOnlyInDist(): AstroIntegration {
  return {
    name: 'foaia-pages-only-in-dist',
    hooks: {
      'astro:config:done': ({ config }) => {
        // Not a public entry point, so loaded from its file, by Node itself (Vite's loader would make
        // a module of its own): Node's `require()` of an ES module shares the module Astro's build imports.
        const require = createRequire(import.meta.url);
        const incrementalModule = join(dirname(require.resolve('astro/package.json')), 'dist/core/build/incremental.js');
        const { IncrementalBuildCache } = require(incrementalModule) as { IncrementalBuildCache: { prototype: PageCopies } };
        Object.assign(IncrementalBuildCache.prototype, {
          writeOutputFile: async () => {},
          restoreOutputFile: async () => false,
          deleteOutputFile: async () => {},
        } satisfies PageCopies);
        // The copies an earlier build left are never read again; with the cache folder set to
        // the project itself, that name is the site's own output, which stays.
        const copies = resolve(fileURLToPath(config.cacheDir), ASTRO_PAGE_COPIES);
        if (copies !== resolve(fileURLToPath(config.outDir))) rmSync(copies, { recursive: true, force: true });
      },
    },
  };
}
