import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BUILD_MARKER, type HashMemo, writeBuildMarker } from '../deploy/manifest';
import { secondsSince } from '../lib/durations';

/**
 * The build's last step: once the pages, the CMS and the search index are written and the site is
 * verified, records the hash of every file of `dist/` (`src/deploy/manifest.ts`). The marker
 * is removed when a build starts, so a build that fails leaves none and `npm run deploy` refuses
 * it; the cache keeps each file's hash with its modification time, so only changed files are
 * hashed again. `waitFor` is work other steps started and left running (the search index): its
 * files must be written, and it must have succeeded, before `dist/` is marked.
 */
export function buildMarker({ waitFor = [] }: { waitFor?: (() => Promise<void>)[] } = {}): AstroIntegration {
  let outDir = '';
  let memoFile = '';
  return {
    name: 'foaia-build-marker',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        memoFile = join(fileURLToPath(config.cacheDir), 'foaia/dist-hashes.json');
      },
      'astro:build:start': () => {
        rmSync(join(outDir, BUILD_MARKER), { force: true });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await Promise.all(waitFor.map((work) => work()));
        const started = performance.now();
        const earlier = existsSync(memoFile) ? (JSON.parse(readFileSync(memoFile, 'utf8')) as HashMemo) : undefined;
        const hashes = writeBuildMarker(fileURLToPath(dir), earlier);
        mkdirSync(dirname(memoFile), { recursive: true });
        writeFileSync(memoFile, JSON.stringify(hashes));
        logger.info(
          `${Object.keys(hashes.files).length} fișiere în ${BUILD_MARKER}: acest dist/ poate fi publicat ${secondsSince(started)}`,
        );
      },
    },
  };
}
