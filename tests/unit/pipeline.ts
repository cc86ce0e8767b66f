import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownOptions, SYNTAX_HIGHLIGHT } from '../../src/plugins';

/** The site's own Markdown pipeline (Astro's unified processor with our plugins), for plugin tests. */
export const sitePipeline = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: SYNTAX_HIGHLIGHT });

/** The HTML the site makes of some Markdown, outside any article. */
export async function renderMarkdown(markdown: string): Promise<string> {
  return (await sitePipeline.render(markdown)).code;
}
