import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { readPublishedArticles } from '../../src/build-cache/published-articles';
import { readRenderedHtml, renderCacheFolder } from '../../src/build-cache/render-cache';
import { ArticleProblemsError, articleLoader } from '../../src/loaders/articles';
import { markdownOptions, SYNTAX_HIGHLIGHT } from '../../src/plugins';
import { tempTree } from './temp-tree';

const article = (title: string, extra = '', body = 'Text.') =>
  `---\ntitle: "${title}"\ndate: 2025-08-13T09:04\nbreadcrumb: ["Prima pagină", "Știri interne"]\n${extra}---\n\n${body}\n`;

type StoredEntry = {
  id: string;
  digest: string;
  data: Record<string, unknown>;
  rendered?: { html: string; metadata: { htmlKey: string } };
};

/** The HTML an entry's pages show: kept in the render cache, not in the store. */
const htmlOf = (root: string, entry: StoredEntry) =>
  readRenderedHtml(renderCacheFolder(pathToFileURL(`${root}/cache/`)), entry.rendered!.metadata.htmlKey);

/** A loader context as Astro gives it, with a store that lives as long as the returned object. */
function context(root: string, processor = unified(markdownOptions)) {
  const entries = new Map<string, StoredEntry>();
  const warnings: string[] = [];
  const renders = { count: 0 };
  const counting = {
    ...processor,
    createRenderer: async (options: never) => {
      const renderer = await processor.createRenderer(options);
      return {
        render: (...args: Parameters<typeof renderer.render>) => {
          renders.count++;
          return renderer.render(...args);
        },
      };
    },
  };
  const fake = {
    config: {
      root: pathToFileURL(`${root}/`),
      cacheDir: pathToFileURL(`${root}/cache/`),
      markdown: { processor: counting, syntaxHighlight: SYNTAX_HIGHLIGHT },
      image: {},
    },
    store: {
      get: (id: string) => entries.get(id),
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
      set: (entry: StoredEntry) => entries.set(entry.id, entry),
    },
    meta: { set: () => {}, delete: () => {} },
    logger: { warn: (message: string) => warnings.push(message), info: () => {} },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
  } as unknown as LoaderContext;
  return {
    fake,
    warnings,
    renders,
    get stored() {
      return [...entries.values()];
    },
  };
}

process.env.FOAIA_NOW = '2025-09-01T00:00:00Z';

/** The pages of the articles the last load published as new or changed: those the build renders anew. */
const changedPages = (root: string) =>
  readPublishedArticles(pathToFileURL(`${root}/cache/`))
    .filter((published) => published.changed)
    .map((published) => published.url)
    .sort();

/** Three articles, one linking to a draft, loaded once, with the store kept for the next load. */
async function loadedOnce() {
  const root = tempTree({
    'content/articles/a.md': article('Publicat', '', 'Vezi [ciorna](./b.md).'),
    'content/articles/b.md': article('Ciornă', 'draft: true\n'),
    'content/articles/c.md': article('Altul'),
    'src/content.config.ts': 'export const collections = {};\n',
  });
  const loaded = context(root);
  const loader = articleLoader({ base: 'content/articles' });
  await loader.load(loaded.fake);
  return { root, loaded, loader };
}

describe('articleLoader', () => {
  it('stores only published articles, rendered, and warns about drafts and links to them', async () => {
    const root = tempTree({
      'content/articles/a.md': article('Publicat', '', 'Vezi [ciorna](./b.md) și [programatul](./c.md).'),
      'content/articles/b.md': article('Ciornă', 'draft: true\n'),
      'content/articles/c.md': article('Programat', '').replace('2025-08-13T09:04', '2030-01-01T09:00'),
    });
    const loaded = context(root);
    await articleLoader({ base: 'content/articles' }).load(loaded.fake);
    const { stored, warnings } = loaded;
    expect(stored.map((entry) => entry.id)).toEqual(['a']);
    expect(stored[0]!.rendered!.html).toBe('');
    expect(htmlOf(root, stored[0]!)).toBe('<p>Vezi ciorna și programatul.</p>');
    expect(warnings).toEqual([
      'content/articles/a.md:7: legătura către content/articles/b.md apare ca text simplu până când acel articol este publicat',
      'content/articles/a.md:7: legătura către content/articles/c.md apare ca text simplu până când acel articol este publicat',
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
    const loaded = context(root, failing as never);
    const loading = articleLoader({ base: 'content/articles' }).load(loaded.fake);
    await expect(loading).rejects.toThrow(ArticleProblemsError);
    await expect(loading).rejects.toThrow('content/articles/b.md: textul articolului nu a putut fi transformat în HTML: plugin crashed');
    expect(loaded.stored).toEqual([]);
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

  it('renders an unchanged article once, giving its warnings again on every build', async () => {
    const { root, loaded, loader } = await loadedOnce();
    const firstDigests = loaded.stored.map((entry) => entry.digest);
    const firstWarnings = [...loaded.warnings];
    expect(loaded.renders.count).toBe(2);
    expect(changedPages(root)).toEqual(['/stiri-interne/a/', '/stiri-interne/c/']);

    loaded.warnings.length = 0;
    await loader.load(loaded.fake);
    expect(loaded.renders.count).toBe(2);
    expect(loaded.warnings).toEqual(firstWarnings);
    expect(loaded.stored.map((entry) => entry.digest)).toEqual(firstDigests);
    expect(firstDigests.every((digest) => typeof digest === 'string' && digest.length > 0)).toBe(true);
    expect(changedPages(root)).toEqual([]);
  });

  it('gives every entry a new digest when the schema changes, so each is parsed again', async () => {
    const { root, loaded, loader } = await loadedOnce();
    const firstDigests = loaded.stored.map((entry) => entry.digest);
    writeFileSync(join(root, 'src/content.config.ts'), 'export const collections = { changed: true };\n');
    await loader.load(loaded.fake);
    const digests = loaded.stored.map((entry) => entry.digest);
    expect(digests).toHaveLength(firstDigests.length);
    expect(digests.filter((digest) => firstDigests.includes(digest))).toEqual([]);
  });

  it('renders again an article whose linked article was published, and drops one no longer published', async () => {
    const { root, loaded, loader } = await loadedOnce();
    writeFileSync(join(root, 'content/articles/b.md'), article('Ciornă'));
    writeFileSync(join(root, 'content/articles/c.md'), article('Altul', 'draft: true\n'));
    await loader.load(loaded.fake);
    expect(loaded.renders.count).toBe(4);
    expect(loaded.stored.map((entry) => entry.id).sort()).toEqual(['a', 'b']);
    expect(changedPages(root)).toEqual(['/stiri-interne/a/', '/stiri-interne/b/']);
    expect(
      htmlOf(
        root,
        loaded.stored.find((entry) => entry.id === 'a')!,
      ),
    ).toBe('<p>Vezi <a href="/stiri-interne/b/">ciorna</a>.</p>');
  });
});
