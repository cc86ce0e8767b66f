import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { ArticleProblemsError, articleLoader } from '../../src/loaders/articles';
import { markdownOptions, SYNTAX_HIGHLIGHT } from '../../src/plugins';
import { tempTree } from './temp-tree';

const article = (title: string, extra = '', body = 'Text.') =>
  `---\ntitle: "${title}"\ndate: 2025-08-13T09:04\nbreadcrumb: ["Prima pagină", "Știri interne"]\n${extra}---\n\n${body}\n`;

function context(root: string, processor = unified(markdownOptions)) {
  const stored: Array<{ id: string; data: Record<string, unknown>; rendered?: { html: string } }> = [];
  const warnings: string[] = [];
  const fake = {
    config: { root: pathToFileURL(`${root}/`), markdown: { processor, syntaxHighlight: SYNTAX_HIGHLIGHT }, image: {} },
    store: { clear: () => (stored.length = 0), set: (entry: (typeof stored)[number]) => stored.push(entry) },
    logger: { warn: (message: string) => warnings.push(message) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
  } as unknown as LoaderContext;
  return { fake, stored, warnings };
}

process.env.FOAIA_NOW = '2025-09-01T00:00:00Z';

describe('articleLoader', () => {
  it('stores only published articles, rendered, and warns about drafts and links to them', async () => {
    const root = tempTree({
      'content/articles/a.md': article('Publicat', '', 'Vezi [ciorna](./b.md) și [programatul](./c.md).'),
      'content/articles/b.md': article('Ciornă', 'draft: true\n'),
      'content/articles/c.md': article('Programat', '').replace('2025-08-13T09:04', '2030-01-01T09:00'),
    });
    const { fake, stored, warnings } = context(root);
    await articleLoader({ base: 'content/articles' }).load(fake);
    expect(stored.map((entry) => entry.id)).toEqual(['a']);
    expect(stored[0]!.rendered!.html).toBe('<p>Vezi ciorna și programatul.</p>');
    expect(warnings).toEqual([
      'content/articles/a.md: legătura către content/articles/b.md apare ca text simplu până când acel articol este publicat',
      'content/articles/a.md: legătura către content/articles/c.md apare ca text simplu până când acel articol este publicat',
    ]);
  });

  it('fails the build, naming the file, when an article cannot be rendered', async () => {
    const root = tempTree({ 'content/articles/a.md': article('Bun'), 'content/articles/b.md': article('Stricat', '', 'BOOM') });
    const failing = {
      ...unified(markdownOptions),
      createRenderer: async () => ({
        render: async (body: string) => {
          if (body.includes('BOOM')) throw new Error('plugin crashed');
          return { code: '<p>ok</p>', metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], frontmatter: {} } };
        },
      }),
    };
    const { fake, stored } = context(root, failing as never);
    const loading = articleLoader({ base: 'content/articles' }).load(fake);
    await expect(loading).rejects.toThrow(ArticleProblemsError);
    await expect(loading).rejects.toThrow('content/articles/b.md: textul articolului nu a putut fi transformat în HTML: plugin crashed');
    expect(stored).toEqual([]);
  });

  it('reports every problem of every file together', async () => {
    const root = tempTree({
      'content/articles/a.md': article(''),
      'content/articles/b.md': article('B', 'darft: true\n'),
      'content/articles/c.md': article('C', '', '[lipsă](./nu-exista.md)'),
    });
    const { fake } = context(root);
    const error: ArticleProblemsError = await articleLoader({ base: 'content/articles' })
      .load(fake)
      .then(
        () => undefined as never,
        (thrown) => thrown,
      );
    expect(error.problems.map((problem) => problem.file)).toEqual([
      'content/articles/a.md',
      'content/articles/b.md',
      'content/articles/c.md',
    ]);
    expect(error.message).toMatch(/^3 probleme în articole:/);
  });
});
