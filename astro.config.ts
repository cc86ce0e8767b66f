import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { searchIndex } from './src/integrations/search-index';
import { verifyBuild } from './src/integrations/verify-build';
import { contentSecurityPolicyDirectives } from './src/lib/security';
import { markdownOptions, SYNTAX_HIGHLIGHT } from './src/plugins';
import { site } from './src/site';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  outDir: process.env.FOAIA_OUT_DIR ?? './dist',
  prerenderConflictBehavior: 'error',
  // The search index is written first, so the check that follows sees the whole site.
  integrations: [searchIndex(), verifyBuild()],
  markdown: {
    processor: unified(markdownOptions),
    syntaxHighlight: SYNTAX_HIGHLIGHT,
  },
  image: {
    responsiveStyles: false,
  },
  security: {
    csp: { directives: contentSecurityPolicyDirectives() },
  },
});
