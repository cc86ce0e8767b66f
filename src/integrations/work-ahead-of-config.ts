/**
 * Imported first by `astro.config.ts`, for what it does as it is loaded: a clean `astro build` run
 * in the project's folder starts its work ahead (`startWorkAhead()`) before the rest of the
 * config's modules load, which takes Astro about a second before it calls the first integration
 * hook. Any other start (another command, `--root`, Astro's JavaScript API) leaves the start to
 * `workAhead()`'s hook, which keeps this work when the config agrees with it.
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
