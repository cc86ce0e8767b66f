import { describe, expect, it } from 'vitest';
import { articleReferences, localTarget } from '../../src/lib/article-references';

describe('what a body refers to, found without rendering', () => {
  it('finds links and pictures in Markdown and raw HTML, with their lines, and skips code', () => {
    const body = [
      'Text cu [un articol](../07/alt.md "titlu") și ![harta](./harta.png).',
      '',
      '```',
      '![nu](./din-cod.png) [nici](./cod.md)',
      '```',
      '`[nici](./inline.md)` <!-- [nici](./comentariu.md) -->',
      '<img src="./poza.jpg"> <a href=\'../08/x.md\'>x</a>',
      '[definiție]: <./def articol.md>',
      '<blockquote class="instagram-media"><p>o postare</p></blockquote>',
    ].join('\n');
    expect(articleReferences(body, 10)).toEqual([
      { kind: 'link', target: '../07/alt.md', line: 10, html: false },
      { kind: 'image', target: './harta.png', alt: 'harta', line: 10, html: false },
      { kind: 'image', target: './poza.jpg', alt: '', line: 16, html: true },
      { kind: 'link', target: '../08/x.md', line: 16, html: true },
      { kind: 'link', target: './def articol.md', line: 17, html: false },
      { kind: 'social', provider: 'Instagram', line: 18 },
    ]);
  });

  it('reads HTML attributes as a browser does', () => {
    expect(articleReferences('<a href="JaVaScRiPt&colon;alert(1)">x</a>')).toEqual([
      { kind: 'link', target: 'JaVaScRiPt:alert(1)', line: 1, html: true },
    ]);
  });

  it.each([
    ['../07/alt%20articol.md#context', '../07/alt articol.md'],
    ['./harta.png?v=2', './harta.png'],
    ['https://exemplu.ro/x.jpg', undefined],
    ['/sport/', undefined],
    ['#nota', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['jav\tascript:alert(1)', undefined],
    ['mailto:redactie@foaia.ro', undefined],
  ])('%s is the file %s beside the article', (target, file) => {
    expect(localTarget(target)).toBe(file);
  });
});
