import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderers, type MarkdownRenderers, renderArticle } from '../../src/build-cache/article-render';
import { mayContainGfm } from '../../src/lib/gfm-syntax';
import { SYNTAX_HIGHLIGHT } from '../../src/plugins';

const renderers = await createMarkdownRenderers({ image: {}, syntaxHighlight: SYNTAX_HIGHLIGHT });
const onlyWith = (renderer: keyof MarkdownRenderers): MarkdownRenderers => ({
  withGfm: renderers[renderer],
  withoutGfm: renderers[renderer],
});

async function html(markdown: string, use: MarkdownRenderers = renderers): Promise<string> {
  const job = { file: 'content/articles/2025/08/a.md', body: markdown, frontmatter: {} };
  return (await renderArticle(use, '/site', job, () => ({ missing: true }))).html;
}

describe('mayContainGfm', () => {
  it('finds the mark of every GFM construct, the one-column table without a pipe included', () => {
    for (const markdown of [
      'Scrieți la redactie@foaia.ro.',
      'Vezi WWW.foaia.ro.',
      'Sursa: HTTPS://foaia.ro/',
      '| a | b |\n| - | - |',
      'Județ\n:--',
      'Județ\n--:',
      '~~retras~~',
      'Text[^1]\n\n[^1]: Notă.',
      '- [ ] de verificat\n- [x] verificat',
      '* [\n] sarcină',
    ]) {
      expect(mayContainGfm(markdown), markdown).toBe(true);
    }
    expect(mayContainGfm('## Context\n\nUn paragraf *simplu*, cu [o legătură](../07/alt.md): 3 - 2 = 1.\n\n---')).toBe(false);
  });

  it('renders with GFM what needs it: a one-column table without a pipe, a literal link', async () => {
    expect(await html('Județ\n:--', onlyWith('withoutGfm'))).not.toContain('<table>');
    expect(await html('Județ\n:--')).toContain('<table>');
    expect(await html('Vezi www.foaia.ro.')).toContain('<a href="http://www.foaia.ro">www.foaia.ro</a>');
  });

  it('leaves out only Markdown that renders the same without GFM', async () => {
    // Lines of Markdown's own marks, GFM's among them: the ones with a GFM mark are left out.
    const marks = [
      ' ',
      '\t',
      'a',
      'ș',
      '*',
      '_',
      '#',
      '-',
      ':',
      '>',
      '`',
      '[',
      ']',
      '(',
      ')',
      '!',
      '<',
      '\\',
      '^',
      'x',
      '1.',
      '|',
      '~',
      '@',
      'www.',
      'http://',
      '- ',
      '[ ]',
      '[x]',
      '[^1]',
      ':-',
    ];
    const line = fc.array(fc.constantFrom(...marks), { maxLength: 5 }).map((parts) => parts.join(''));
    const markdown = fc.array(line, { maxLength: 6 }).map((lines) => lines.join('\n'));
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        fc.pre(!mayContainGfm(text));
        expect(await html(text, onlyWith('withoutGfm'))).toBe(await html(text, onlyWith('withGfm')));
      }),
      { numRuns: 1000 },
    );
  });
});
