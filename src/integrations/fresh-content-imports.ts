import { rmSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

/**
 * The files in which Astro lists the images and modules the content store imports. They live in
 * the project's `.astro/` folder, not in the cache folder beside the store they describe, and
 * Astro rewrites them only when an entry changed in this build. With a cache folder per build
 * context (CI, tests, the benchmark) and unchanged entries kept, another context's list would be
 * used, and a kept article's photo would reach the page as a bare path. Removing them before the
 * content is synced makes Astro write them from the whole store, every time (a few milliseconds).
 */
const CONTENT_IMPORT_FILES = ['content-assets.mjs', 'content-modules.mjs'];

export function freshContentImports(): AstroIntegration {
  return {
    name: 'foaia-fresh-content-imports',
    hooks: {
      'astro:config:setup': ({ config }) => {
        for (const file of CONTENT_IMPORT_FILES) rmSync(new URL(`.astro/${file}`, config.root), { force: true });
      },
    },
  };
}
