import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { t } from '../i18n';
import rehypeEmbeds from './rehype-embeds';
import rehypePrefixedFragments from './rehype-prefixed-fragments';
import { rehypeHoldMarkdownOnly, rehypeReleaseMarkdownOnly } from './rehype-raw-only-for-html';
import remarkArticleLinks from './remark-article-links';
import remarkRomanianTypography from './remark-romanian-typography';
import { newsroomSanitizeSchema } from './sanitize-schema';

/**
 * The newsroom's Markdown pipeline, shared by the site's config and the plugin tests.
 * Typography is Romanian (`remark-romanian-typography`, in place of SmartyPants).
 * Raw HTML is parsed, then sanitised: nothing an article contains runs in a reader's browser.
 * An article without HTML skips the HTML parser (`rehype-raw-only-for-html`).
 */
export const markdownOptions: UnifiedProcessorOptions = {
  gfm: true,
  smartypants: false,
  remarkPlugins: [remarkRomanianTypography, remarkArticleLinks],
  remarkRehype: {
    // The sanitiser prefixes ids itself; prefixing them here too would double the prefix.
    clobberPrefix: '',
    footnoteLabel: t('footnotes.label'),
    footnoteBackLabel: (referenceIndex: number) => t('footnotes.backLabel', { number: referenceIndex + 1 }),
  },
  rehypePlugins: [
    rehypeHoldMarkdownOnly,
    rehypeRaw,
    rehypeReleaseMarkdownOnly,
    [rehypeSanitize, newsroomSanitizeSchema],
    rehypePrefixedFragments,
    rehypeEmbeds,
  ],
};

/**
 * The same pipeline without GFM's syntax, for an article in which no GFM construct can occur
 * (`mayContainGfm()`): it renders the same HTML in half the time.
 */
export const markdownOptionsWithoutGfm: UnifiedProcessorOptions = { ...markdownOptions, gfm: false };

/**
 * No syntax highlighting: Shiki colours code with inline styles, which the Content-Security-Policy
 * forbids, and news articles rarely show code; plain `<pre><code>` needs no script or style.
 */
export const SYNTAX_HIGHLIGHT = false;
