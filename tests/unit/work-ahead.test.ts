import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readHtmlAt, renderCacheFolder } from '../../src/build-cache/render-cache';
import { renderThreadCount } from '../../src/build-cache/render-threads';
import { configReadForWorkAhead, startWorkAhead, stopWorkAhead, takeWorkAhead } from '../../src/build-cache/work-ahead';
import { parseArticleFile } from '../../src/lib/article-file';
import { tempTree } from './temp-tree';

const article = (title: string, { date = '2025-08-13T09:04', draft = false, body = 'Text cu [o legătură](../07/alt.md).' } = {}) =>
  `---\ntitle: "${title}"\ndate: ${date}\nbreadcrumb: ["Prima pagină", "Știri externe"]\n${draft ? 'draft: true\n' : ''}---\n${body}\n`;

const few = {
  'content/articles/2025/08/unu.md': article('Unu'),
  'content/articles/2025/08/doi.md': `\uFEFF${article('Doi')}`,
  'content/articles/2025/09/fara-titlu.md': article(''),
};

const now = new Date('2025-09-01T00:00:00Z');
const image = { domains: [], remotePatterns: [] };
const settingsFor = (root: string) => ({ root, base: 'content/articles', cacheDir: pathToFileURL(join(root, 'cache/')) });

/** Enough articles for the render threads: one linked to, one embargoed, one draft, the rest linking to them. */
const many: Record<string, string> = {
  'content/articles/2025/07/alt.md': article('Alt', { body: 'Textul celălalt.' }),
  'content/articles/2025/07/programat.md': article('Programat', { date: '2025-12-01T09:00', body: 'Mai târziu.' }),
  'content/articles/2025/07/ciorna.md': article('Ciornă', { draft: true, body: 'Încă nu.' }),
  ...Object.fromEntries(
    Array.from({ length: 120 }, (_, position) => [
      `content/articles/2025/08/articol-${position}.md`,
      article(`Articolul ${position}`, {
        body: `Vezi [altul](../07/alt.md), [programatul](../07/programat.md) și [ciorna](../07/ciorna.md). ${position}`,
      }),
    ]),
  ),
};

describe('startWorkAhead', () => {
  it('gives the loader, once, every parse it would have made, by the memo’s key', async () => {
    const root = tempTree(few);
    startWorkAhead(settingsFor(root), now);
    const { parses, renders } = await takeWorkAhead(image);
    const expected = Object.entries(few).flatMap(([file, contents]) => {
      const parsed = parseArticleFile(file, contents);
      return parsed ? [[parsed.key, parsed.parse]] : [];
    });
    expect(parses).toHaveLength(2);
    expect(new Map(parses)).toEqual(new Map(expected as [string, unknown][]));
    // Too few articles to start render threads for.
    expect(await renders).toBeUndefined();
    expect((await takeWorkAhead(image)).parses).toEqual([]);
  });

  it('renders every article that is not a draft, with the links answered as the checks answer them at the build’s time', async () => {
    const root = tempTree(many);
    startWorkAhead(settingsFor(root), now);
    configReadForWorkAhead(image);
    const made = await (await takeWorkAhead(image)).renders;
    if (renderThreadCount(Object.keys(many).length) === 0) {
      expect(made).toBeUndefined();
      return;
    }
    // Those that link to no other file first: the parse hands them over before it has every answer.
    expect(made!.jobs.map(({ file }) => file)).toEqual(
      ['content/articles/2025/07/alt.md', 'content/articles/2025/07/programat.md'].concat(
        Object.keys(many)
          .filter((file) => file.includes('/08/'))
          .sort(),
      ),
    );
    const position = made!.jobs.findIndex(({ file }) => file === 'content/articles/2025/08/articol-7.md');
    expect(made!.jobs[position]!.body).toBe(
      'Vezi [altul](../07/alt.md), [programatul](../07/programat.md) și [ciorna](../07/ciorna.md). 7',
    );
    const outcome = made!.outcomes[position]!;
    if ('error' in outcome) throw new Error(outcome.error);
    expect(outcome.events).toEqual([
      { link: 'content/articles/2025/07/alt.md', answer: { href: '/stiri-externe/alt/' } },
      { link: 'content/articles/2025/07/programat.md', answer: { unpublished: true } },
      { link: 'content/articles/2025/07/ciorna.md', answer: { unpublished: true } },
    ]);
    expect(readHtmlAt(renderCacheFolder(settingsFor(root).cacheDir), outcome.htmlAt)).toBe(
      '<p>Vezi <a href="/stiri-externe/alt/">altul</a>, programatul și ciorna. 7</p>',
    );
  });

  it('starts nothing when the build has its memo of parses (a rebuild)', async () => {
    const root = tempTree(few);
    mkdirSync(join(root, 'cache/foaia'), { recursive: true });
    writeFileSync(join(root, 'cache/foaia/article-parses.bin'), '');
    startWorkAhead(settingsFor(root), now);
    expect((await takeWorkAhead(image)).parses).toEqual([]);
  });

  it('keeps the work started for the same build, and starts anew for another', async () => {
    const first = tempTree(few);
    const second = tempTree({ 'content/articles/2025/08/unu.md': article('Unu') });
    startWorkAhead(settingsFor(first), now);
    // A start anew would now find a memo, and start nothing.
    mkdirSync(join(first, 'cache/foaia'), { recursive: true });
    writeFileSync(join(first, 'cache/foaia/article-parses.bin'), '');
    startWorkAhead({ ...settingsFor(first), root: `${first}/` }, now);
    expect((await takeWorkAhead(image)).parses).toHaveLength(2);
    startWorkAhead(settingsFor(second), now);
    startWorkAhead(settingsFor(tempTree(few)), now);
    startWorkAhead(settingsFor(second), now);
    expect((await takeWorkAhead(image)).parses).toHaveLength(1);
  });

  it('gives nothing once stopped (a command that is not a build)', async () => {
    startWorkAhead(settingsFor(tempTree(few)), now);
    stopWorkAhead();
    expect((await takeWorkAhead(image)).parses).toEqual([]);
  });
});
