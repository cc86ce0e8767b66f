import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { startParsingAhead } from '../build-cache/parse-ahead';
import { parseMemoFile } from '../build-cache/parse-memo';
import { articlesFolder } from '../lib/build-settings';

/**
 * Starts a clean build's parse of the articles as soon as the config is read, on a thread of its
 * own (`startParsingAhead()`), for the articles' loader to take when Astro syncs the content.
 */
export function parseArticlesAhead(): AstroIntegration {
  return {
    name: 'foaia-parse-ahead',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        startParsingAhead({ root: fileURLToPath(config.root), base: articlesFolder() }, parseMemoFile(config.cacheDir));
      },
    },
  };
}
