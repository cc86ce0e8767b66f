import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { renderArticle, type RenderJob } from '../../src/build-cache/article-render';
import { type CachedRender, HtmlPackWriter, type LinkAnswer, readHtmlAt } from '../../src/build-cache/render-cache';
import { RenderThreads, type RenderWork, renderThreadCount } from '../../src/build-cache/render-threads';
import { markdownOptions, SYNTAX_HIGHLIGHT } from '../../src/plugins';
import { tempTree } from './temp-tree';

const answers: Record<string, LinkAnswer> = {
  'content/articles/2025/07/alt.md': { href: '/politica/alt/' },
  'content/articles/2025/09/ciorna.md': { unpublished: true },
};

const bodies = [
  '## Context\n\nVezi [analiza](../07/alt.md#context), [ciorna](../09/ciorna.md) și [lipsa](../07/lipsa.md).',
  'Text cu notă[^1] și "ghilimele".\n\n[^1]: Sursa: Reuters.',
  '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Video"></iframe>\n\n<iframe src="https://rău.example/x"></iframe>',
  '<p onclick="alert(1)">Paragraf <script>alert(2)</script>curat.</p>\n\n![Harta](./harta.png)',
  '| Județ | Voturi |\n| --- | ---: |\n| Cluj | 1.200 |',
];

/** Each body several times, in several files: more jobs than one batch. */
const jobs: RenderJob[] = Array.from({ length: 70 }, (_, position) => ({
  file: `content/articles/2025/08/articol-${position}.md`,
  body: bodies[position % bodies.length]!,
  frontmatter: { title: `Articolul ${position}` },
}));

describe('RenderThreads', () => {
  it('gives, in the jobs’ order, what rendering in the loader’s own thread gives: HTML, headings, images, links and warnings', async () => {
    const root = tempTree({});
    const threaded = join(root, 'threads');
    const here = join(root, 'here');
    mkdirSync(threaded);
    mkdirSync(here);

    const threads = new RenderThreads({ root, cacheFolder: threaded }, 2);
    threads.ref();
    const outcomes = await threads.render([{ answers }, { jobs }], { image: { domains: [], remotePatterns: [] } });

    // The loader's own thread renders every article with GFM; the threads leave it out where it cannot be used.
    const renderer = await unified(markdownOptions).createRenderer({ image: {}, syntaxHighlight: SYNTAX_HIGHLIGHT });
    const renderers = { withGfm: renderer, withoutGfm: renderer };
    const answerFor = (link: string): LinkAnswer => answers[link] ?? { missing: true };
    for (const [position, job] of jobs.entries()) {
      const { html, ...render } = await renderArticle(renderers, root, job, answerFor);
      const { htmlKey } = new HtmlPackWriter(here).write(html);
      expect(outcomes[position]).toEqual({ htmlKey, htmlAt: expect.any(Object), ...render });
      expect(readHtmlAt(threaded, (outcomes[position] as CachedRender).htmlAt)).toBe(html);
    }
    expect(outcomes[0]).toMatchObject({
      headings: [{ depth: 2, slug: 'context', text: 'Context' }],
      events: [
        { link: 'content/articles/2025/07/alt.md', answer: { href: '/politica/alt/' } },
        { link: 'content/articles/2025/09/ciorna.md', answer: { unpublished: true } },
        { link: 'content/articles/2025/07/lipsa.md', answer: { missing: true } },
      ],
    });
    expect(outcomes[2]).toMatchObject({ events: [{ warning: expect.stringContaining('rău.example') }] });
    expect(outcomes[3]).toMatchObject({ localImagePaths: ['./harta.png'] });
  });

  it('renders jobs as they are given, in several parts, the answers given between them reaching every thread before the jobs after', async () => {
    const cacheFolder = tempTree({});
    const threads = new RenderThreads({ root: tempTree({}), cacheFolder }, 2);
    threads.ref();
    const linkFree = jobs.filter(({ body }) => !body.includes('.md'));
    const linking = Array.from({ length: 40 }, (_, position) => ({
      file: `content/articles/2025/09/legat-${position}.md`,
      body: `Vezi [analiza](../07/alt.md) și [ciorna](../09/ciorna.md). ${position}`,
      frontmatter: {},
    }));
    async function* asFound(): AsyncGenerator<RenderWork> {
      yield { jobs: linkFree.slice(0, 20) };
      await new Promise((wait) => setTimeout(wait, 20));
      yield { jobs: linkFree.slice(20) };
      yield { answers };
      yield { jobs: linking };
    }
    const outcomes = await threads.render(asFound(), { image: { domains: [], remotePatterns: [] } });

    expect(outcomes).toHaveLength(linkFree.length + linking.length);
    expect(outcomes.slice(0, linkFree.length).map((outcome) => ('error' in outcome ? outcome.error : outcome.events))).toEqual(
      linkFree.map(({ body }) => (body.includes('rău.example') ? [{ warning: expect.stringContaining('rău.example') }] : [])),
    );
    for (const [position, outcome] of outcomes.slice(linkFree.length).entries()) {
      expect(outcome).toMatchObject({
        events: [
          { link: 'content/articles/2025/07/alt.md', answer: { href: '/politica/alt/' } },
          { link: 'content/articles/2025/09/ciorna.md', answer: { unpublished: true } },
        ],
      });
      expect(readHtmlAt(cacheFolder, (outcome as CachedRender).htmlAt)).toContain(`${position}</p>`);
    }
  });

  it('fails with the work’s own error when the work fails before it is all given', async () => {
    const threads = new RenderThreads({ root: tempTree({}), cacheFolder: tempTree({}) }, 2);
    threads.ref();
    async function* stopped(): AsyncGenerator<RenderWork> {
      yield { jobs: jobs.slice(0, 3) };
      throw new Error('the parse thread stopped before it parsed every article');
    }
    await expect(threads.render(stopped(), { image: { domains: [], remotePatterns: [] } })).rejects.toThrow(
      'the parse thread stopped before it parsed every article',
    );
  });

  it('ends threads started for renders the cache then gave, without rendering', async () => {
    const threads = new RenderThreads({ root: tempTree({}), cacheFolder: tempTree({}) }, 2);
    threads.ref();
    expect(await threads.render([], { image: { domains: [], remotePatterns: [] } })).toEqual([]);
  });

  it('is used only when there are enough renders to pay for starting threads and more than one core, on four cores at most', () => {
    expect(renderThreadCount(5000, 2)).toBe(2);
    expect(renderThreadCount(99, 4)).toBe(0);
    expect(renderThreadCount(5000, 1)).toBe(0);
    expect(renderThreadCount(5000, 16)).toBe(4);
  });
});
