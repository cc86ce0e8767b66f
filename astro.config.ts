import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { buildMarker } from './src/integrations/build-marker';
import { cmsAdmin } from './src/integrations/cms-admin';
import { freshContentImports } from './src/integrations/fresh-content-imports';
import { previewInDev } from './src/integrations/preview-in-dev';
import { pruneOutput } from './src/integrations/prune-output';
import { hostFiles } from './src/integrations/host-files';
import { searchIndex } from './src/integrations/search-index';
import { verifyBuild } from './src/integrations/verify-build';
import { cacheFolder } from './src/lib/build-settings';
import { contentSecurityPolicyDirectives } from './src/lib/security';
import { markdownOptions, SYNTAX_HIGHLIGHT } from './src/plugins';
import { site } from './src/site';

// Astro inlines into the bundle every environment variable whose name occurs anywhere in a
// module's text (its `import.meta.env` replacement), and `_`, which the shell sets to the command
// that started the build, occurs everywhere: how a build was launched changed every page's code
// hash, and the incremental build then rendered the whole site again.
delete process.env._;

const search = searchIndex();

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  outDir: process.env.FOAIA_OUT_DIR ?? './dist',
  cacheDir: cacheFolder(),
  prerenderConflictBehavior: 'error',
  // Reused pages stay where the last build wrote them instead of being copied back one by one
  // from the cache (about 1 ms a page); pruneOutput() deletes what this build no longer makes.
  vite: { build: { emptyOutDir: false } },
  // Stale files go first, then the CMS is written and the search index started, so the check that
  // follows sees the whole site (the index is written beside it); the marker that makes `dist/`
  // deployable comes last, once the index is written too.
  integrations: [
    previewInDev(),
    freshContentImports(),
    pruneOutput(),
    hostFiles(),
    cmsAdmin(),
    search,
    verifyBuild(),
    buildMarker({ waitFor: [search.written] }),
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
