import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import remarkArticleLinks from './remark-article-links';

/**
 * The newsroom's Markdown pipeline, shared by the site's config and the plugin tests.
 * Quotes follow Romanian typography: „…” outside, «…» inside. A single straight quote is
 * left as typed, because in names and elisions (O'Neill) it is an apostrophe, not a quote.
 */
export const markdownOptions: UnifiedProcessorOptions = {
  gfm: true,
  smartypants: {
    openingQuotes: { double: '„', single: "'" },
    closingQuotes: { double: '”', single: "'" },
    backticks: false,
    // Romanian sets asides with a spaced en dash (2024 – prima): `--` gives –, `---` gives —.
    dashes: 'oldschool',
  },
  remarkPlugins: [remarkArticleLinks],
  rehypePlugins: [],
};
