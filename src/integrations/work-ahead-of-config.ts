/**
 * Starts a clean `astro build`'s work ahead (`startWorkAhead()`) as soon as this module is loaded,
 * if the build runs in the project's folder. `npm run build` loads it first of all (`node
 * --import`, with `scripts/ts-resolve.mjs` before it), before Astro's command line loads: Astro
 * takes about a second to get to the config, with one core busy and the other idle, and the
 * renders that follow the parse are what the loader waits for. `astro.config.ts` imports it first
 * too, for a build started otherwise (`npx astro build`); there, as in the integration's hook, the
 * work already started is kept. Any other start (another command, `--root`, Astro's JavaScript
 * API) leaves the start to `workAhead()`'s hook, which keeps this work when the config agrees
 * with it.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startWorkAhead } from '../build-cache/work-ahead';
import { articlesFolder, astroBuildInWorkingFolder, cacheFolder } from '../lib/build-settings';
import { buildTime } from '../lib/publishing';

if (astroBuildInWorkingFolder(process.argv)) {
  const root = process.cwd();
  startWorkAhead({ root, base: articlesFolder(), cacheDir: pathToFileURL(`${resolve(root, cacheFolder())}/`) }, buildTime());
}
