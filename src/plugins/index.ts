import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { t } from '../i18n';
import rehypeEmbeds from './rehype-embeds';
import rehypePrefixedFragments from './rehype-prefixed-fragments';
import remarkArticleLinks from './remark-article-links';
import { newsroomSanitizeSchema } from './sanitize-schema';

/**
 * The newsroom's Markdown pipeline, shared by the site's config and the plugin tests.
 * Quotes follow Romanian typography: „…” outside, «…» inside. A single straight quote is
 * left as typed, because in names and elisions (O'Neill) it is an apostrophe, not a quote.
 * Raw HTML is parsed, then sanitised: nothing an article contains runs in a reader's browser.
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
  remarkRehype: {
    // The sanitiser prefixes ids itself; prefixing them here too would double the prefix.
    clobberPrefix: '',
    footnoteLabel: t('footnotes.label'),
    footnoteBackLabel: (referenceIndex: number) => t('footnotes.backLabel', { number: referenceIndex + 1 }),
  },
  rehypePlugins: [rehypeRaw, [rehypeSanitize, newsroomSanitizeSchema], rehypePrefixedFragments, rehypeEmbeds],
};
