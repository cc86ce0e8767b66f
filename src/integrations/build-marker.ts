import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BUILD_MARKER, type HashMemo, hashTree, joinHashes, writeBuildMarker } from '../deploy/manifest';
import type { BuiltFiles } from '../lib/built-site';
import { secondsSince } from '../lib/durations';

/** Work another step started and left running, and the top-level folder of `dist/` it writes into. */
export interface UnfinishedWork {
  /** Settles when the work is done; rejects when it failed. */
  done: () => Promise<void>;
  folder: string;
}

/**
 * The build's last step: once the pages, the CMS and the search index are written and the site is
 * verified, records the hash of every file of `dist/` (`src/deploy/manifest.ts`). The marker
 * is removed when a build starts, so a build that fails leaves none and `npm run deploy` refuses
 * it; the cache keeps each file's hash with its modification time, so only changed files are
 * hashed again. The files come from the build's listing of `dist/` (`builtFiles`), the folders it
 * leaves out walked here. `waitFor` is work other steps left running (the search index): the rest
 * of `dist/` is hashed meanwhile (a rebuild's main thread otherwise idles there), its folder once
 * it has succeeded.
 */
export function buildMarker({ builtFiles, waitFor = [] }: { builtFiles: () => BuiltFiles; waitFor?: UnfinishedWork[] }): AstroIntegration {
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
        const started = performance.now();
        const dist = fileURLToPath(dir);
        const unfinished = Promise.all(waitFor.map((work) => work.done()));
        // Until it is awaited below, a failure must not count as unhandled.
        unfinished.catch(() => {});
        const earlier = existsSync(memoFile) ? (JSON.parse(readFileSync(memoFile, 'utf8')) as HashMemo) : undefined;
        const built = builtFiles();
        // What the listing left out is listed here, with what other steps are still writing.
        const folders = [...new Set([...built.unlisted, ...waitFor.map((work) => work.folder)])];
        const beside = hashTree(dist, earlier, { listed: built, skip: folders });
        const waitStarted = performance.now();
        await unfinished;
        // The time the marker's own work took, not the wait.
        const waited = performance.now() - waitStarted;
        const hashes = joinHashes([beside, hashTree(dist, earlier, { only: folders })]);
        writeBuildMarker(dist, hashes);
        mkdirSync(dirname(memoFile), { recursive: true });
        writeFileSync(memoFile, JSON.stringify(hashes));
        logger.info(
          `${Object.keys(hashes.files).length} fișiere în ${BUILD_MARKER}: acest dist/ poate fi publicat ${secondsSince(started + waited)}`,
        );
      },
    },
  };
}
