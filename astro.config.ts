import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { markdownOptions } from './src/plugins';
import { site } from './src/site';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  outDir: process.env.FOAIA_OUT_DIR ?? './dist',
  prerenderConflictBehavior: 'error',
  markdown: {
    processor: unified(markdownOptions),
  },
  image: {
    responsiveStyles: false,
  },
});
