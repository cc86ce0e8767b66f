import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ArticleBuildContext, type ArticleLinkTarget, BUILD_CONTEXT } from '../../src/plugins/build-context';
import { sitePipeline } from './pipeline';

const FILE = '/site/content/articles/2025/08/seed.md';

const targets: Record<string, ArticleLinkTarget> = {
  '/site/content/articles/2025/07/alt.md': { href: '/politica/alt/' },
  '/site/content/articles/2025/08/vecin.md': { href: '/sport/vecin/' },
  '/site/content/articles/2025/09/ciorna.md': { unpublished: true },
};

async function render(markdown: string, asked: string[] = []): Promise<string> {
  const context: ArticleBuildContext = {
    resolveArticleLink(path) {
      asked.push(path);
      return targets[path];
    },
    warn() {},
  };
  const { code } = await sitePipeline.render(markdown, { fileURL: pathToFileURL(FILE), frontmatter: { [BUILD_CONTEXT]: context } });
  return code;
}

describe('remarkArticleLinks', () => {
  it('turns a relative link to an article file into its URL, keeping the fragment', async () => {
    expect(await render('[Citește și](../07/alt.md#context)')).toBe('<p><a href="/politica/alt/#context">Citește și</a></p>');
  });

  it('resolves links in the same folder and with escaped characters', async () => {
    expect(await render('[Vecin](vecin.md) și [altul](./%76ecin.md)')).toBe(
      '<p><a href="/sport/vecin/">Vecin</a> și <a href="/sport/vecin/">altul</a></p>',
    );
  });

  it('keeps the words of a link to an unpublished article, without the link', async () => {
    expect(await render('Vezi [**ciorna** de mâine](../09/ciorna.md) aici.')).toBe('<p>Vezi <strong>ciorna</strong> de mâine aici.</p>');
  });

  it('handles reference-style links the same way', async () => {
    expect(await render('[Alt][a] și [ciornă][c]\n\n[a]: ../07/alt.md\n[c]: ../09/ciorna.md')).toBe(
      '<p><a href="/politica/alt/">Alt</a> și ciornă</p>',
    );
  });

  it('asks about every linked file, so the build can report the missing ones', async () => {
    const asked: string[] = [];
    expect(await render('[Lipsă](../07/lipsa.md)', asked)).toBe('<p><a href="../07/lipsa.md">Lipsă</a></p>');
    expect(asked).toEqual(['/site/content/articles/2025/07/lipsa.md']);
  });

  it('leaves external, absolute, anchor and non-Markdown links alone', async () => {
    const asked: string[] = [];
    const markdown = '[a](https://exemplu.ro/x.md) [b](/politica/) [c](#sus) [d](./foto.jpg) [e](mailto:redactie@foaia.ro)';
    expect(await render(markdown, asked)).toBe(
      '<p><a href="https://exemplu.ro/x.md">a</a> <a href="/politica/">b</a> <a href="#sus">c</a> <a href="./foto.jpg">d</a> <a href="mailto:redactie@foaia.ro">e</a></p>',
    );
    expect(asked).toEqual([]);
  });

  it('does nothing outside the article loader', async () => {
    const { code } = await sitePipeline.render('[Alt](../07/alt.md)', { fileURL: pathToFileURL(FILE) });
    expect(code).toBe('<p><a href="../07/alt.md">Alt</a></p>');
  });
});
