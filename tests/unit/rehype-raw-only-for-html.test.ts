import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './pipeline';

const footnotes = (reference: string) =>
  `<section data-footnotes${reference} class="footnotes"><h2 class="sr-only" id="user-content-footnote-label">Note</h2>\n<ol>\n` +
  '<li id="user-content-fn-1">\n<p>Nota. <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Înapoi la textul notei 1" class="data-footnote-backref">↩</a></p>\n</li>\n</ol>\n</section>';
const call = (value: string) =>
  `<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref${value} aria-describedby="user-content-footnote-label">1</a>`;

describe('rehype-raw only for articles with HTML', () => {
  it('leaves the tree of Markdown without HTML as Markdown made it: valueless attributes written bare', async () => {
    expect(await renderMarkdown('Text cu **gras**[^1].\n\n[^1]: Nota.')).toBe(
      `<p>Text cu <strong>gras</strong><sup>${call('')}</sup>.</p>\n${footnotes('')}`,
    );
  });

  it('parses the tree of Markdown with HTML as a browser does', async () => {
    expect(await renderMarkdown('Text cu <b>gras</b>[^1].\n\n[^1]: Nota.')).toBe(
      `<p>Text cu <b>gras</b><sup>${call('=""')}</sup>.</p>\n${footnotes('=""')}`,
    );
  });

  it('parses a link inside a link as a browser does, Markdown alone though it is: in two', async () => {
    expect(await renderMarkdown('[Vezi[^1]](https://exemplu.ro)\n\n[^1]: Nota.')).toBe(
      `<p><a href="https://exemplu.ro">Vezi<sup></sup></a>${call('=""')}</p>\n${footnotes('=""')}`,
    );
  });
});
