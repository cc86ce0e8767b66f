// First: a clean `astro build` started otherwise than by `npm run build` (which loads this before Astro
// itself) starts parsing and rendering the articles before the modules below load.
import './src/integrations/work-ahead-of-config';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { buildMarker } from './src/integrations/build-marker';
import { cmsAdmin } from './src/integrations/cms-admin';
import { freshContentImports } from './src/integrations/fresh-content-imports';
import { previewInDev } from './src/integrations/preview-in-dev';
import { pagesOnlyInDist } from './src/integrations/pages-only-in-dist';
import { pruneOutput } from './src/integrations/prune-output';
import { hostFiles } from './src/integrations/host-files';
import { searchIndex } from './src/integrations/search-index';
import { SEARCH_INDEX_FOLDER } from './src/search/shards';
import { verifyBuild } from './src/integrations/verify-build';
import { workAhead } from './src/integrations/work-ahead';
import { cacheFolder, variablesInlinedIntoPages } from './src/lib/build-settings';
import { contentSecurityPolicyDirectives } from './src/lib/security';
import { markdownOptions, SYNTAX_HIGHLIGHT } from './src/plugins';
import { site } from './src/site';

// A variable Astro would write into every page's code (`variablesInlinedIntoPages()`) goes before
// Astro reads the environment: the value `_` or `P` happened to have in one build must not make the
// next one render the whole site again.
for (const name of variablesInlinedIntoPages()) delete process.env[name];

/**
 * Pages generated at once. Astro 7.3.5 reuses pages at any concurrency (`generate.js` hands its
 * cache to either loop, and each render collects what it read in its own async context), whatever
 * its documentation says of `build.concurrency` above 1; the identity build test holds it to that.
 * Four pages in flight overlap each page's file writes with the next pages' rendering: a
 * 5,000-article clean build took 37.3 s instead of 42.8 s (median of three, interleaved), with the
 * same bytes in `dist/`.
 */
const PAGES_IN_PARALLEL = 4;

const prune = pruneOutput();
const search = searchIndex({ builtFiles: prune.builtFiles });

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  outDir: process.env.FOAIA_OUT_DIR ?? './dist',
  cacheDir: cacheFolder(),
  prerenderConflictBehavior: 'error',
  build: { concurrency: PAGES_IN_PARALLEL },
  // Reused pages stay where the last build wrote them instead of being copied back one by one
  // from the cache (about 1 ms a page); pruneOutput() deletes what this build no longer makes.
  vite: { build: { emptyOutDir: false } },
  // A clean build's articles are parsed and rendered on threads while Astro starts (begun by the
  // first import above, or else by the first integration). The host files and the CMS are written
  // first; then stale files go, and the listing of `dist/` this leaves serves every step after it.
  // The search index is started, so the check that follows sees the whole site (the index is
  // written beside it); the marker that makes `dist/` deployable comes last, once the index is
  // written too.
  integrations: [
    workAhead(),
    pagesOnlyInDist(),
    previewInDev(),
    freshContentImports(),
    hostFiles(),
    cmsAdmin(),
    prune,
    search,
    verifyBuild({ builtFiles: prune.builtFiles }),
    buildMarker({ builtFiles: prune.builtFiles, waitFor: [{ done: search.written, folder: SEARCH_INDEX_FOLDER }] }),
  ],
  markdown: {
    processor: unified(markdownOptions),
    syntaxHighlight: SYNTAX_HIGHLIGHT,
  },
  image: {
    responsiveStyles: false,
  },
  experimental: {
    // Pages whose cache key and code are unchanged are copied from the previous build (see docs/architecture.md).
    incrementalBuild: true,
  },
  security: {
    csp: { directives: contentSecurityPolicyDirectives() },
  },
});
