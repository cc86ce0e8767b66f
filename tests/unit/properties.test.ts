import { load } from 'cheerio';
import fc from 'fast-check';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../src/lib/article-file';
import { embedProvider } from '../../src/lib/embeds';
import { renderMarkdown } from './pipeline';

const render = renderMarkdown;

describe('random frontmatter', () => {
  const keys = fc.constantFrom(
    'title',
    'lead',
    'date',
    'updated',
    'breadcrumb',
    'byline',
    'photo',
    'tags',
    'draft',
    'slug',
    'darft',
    'titlu',
  );
  const dates = fc.oneof(
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    fc.constantFrom('2025-08-13T09:04', '2026-02-30T10:00', '2026-03-29T03:30', '2025-10-26T03:30', '13 aug. 2025'),
  );
  const values = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    dates,
    fc.array(fc.string(), { maxLength: 4 }),
    fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  );
  const frontmatter = fc.dictionary(keys, values, { maxKeys: 10 });
  const fileText = fc.oneof(
    frontmatter.map((data) => `---\n${yaml.dump(data)}---\nText.\n`),
    fc.string().map((text) => `---\n${text}\n---\nText.\n`),
    fc.string(),
  );

  it('gives a valid article or problems naming the file and where, never a crash', () => {
    fc.assert(
      fc.property(fileText, (contents) => {
        const result = readArticleFile('content/articles/x.md', contents, '/nonexistent');
        if (result.data) {
          expect(result.problems).toEqual([]);
          expect(result.data.title.length).toBeGreaterThan(0);
          expect(Number.isNaN(result.data.date.getTime())).toBe(false);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.file).toBe('content/articles/x.md');
            expect(problem.message.trim().length).toBeGreaterThan(0);
            expect(problem.message).not.toMatch(/undefined|\[object Object\]/);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('random Markdown without raw HTML', () => {
  const word = fc.stringMatching(/^[a-zA-ZăâîșțĂÂÎȘȚ][a-zA-Z0-9ăâîșțĂÂÎȘȚ]{0,10}$/);
  const punctuation = fc.constantFrom(
    ' ',
    ' ',
    ' ',
    ', ',
    '. ',
    '; ',
    ' - ',
    ' -- ',
    '...',
    '"',
    "'",
    '*',
    '_',
    '`',
    '~~',
    '?',
    '!',
    ':',
    '/',
    '|',
    '\\',
    '#',
    '„',
    '”',
    '=',
    '+',
  );
  const line = fc
    .tuple(word, fc.array(fc.tuple(punctuation, word), { maxLength: 12 }))
    .map(([first, rest]) => first + rest.map(([mark, next]) => mark + next).join(''));
  /** A block: its Markdown, and its text without the block's own marker (`1. `, `# `). */
  const block = fc
    .tuple(fc.constantFrom('', '', '# ', '## ', '> ', '- ', '* ', '1. ', '    ', '```\n'), fc.array(line, { minLength: 1, maxLength: 3 }))
    .map(([marker, lines]) => ({
      markdown: marker === '```\n' ? `\`\`\`\n${lines.join('\n')}\n\`\`\`` : marker + lines.join('\n'),
      text: lines.join('\n'),
    }));
  const article = fc.array(block, { minLength: 1, maxLength: 6 });

  it('renders a page whose text contains every word of the input', async () => {
    await fc.assert(
      fc.asyncProperty(article, async (blocks) => {
        const text = load(await render(blocks.map((each) => each.markdown).join('\n\n'))).text();
        for (const { text: written } of blocks) {
          for (const found of written.match(/[\p{L}\p{N}]+/gu) ?? []) expect(text).toContain(found);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('random HTML fragments', () => {
  const scheme = fc.constantFrom(
    'javascript:',
    'JaVaScRiPt:',
    ' javascript:',
    'java\tscript:',
    '&#106;avascript:',
    '&#x6A;avascript:',
    'jav&#x09;ascript:',
    'vbscript:',
    'data:text/html,',
    'DATA:text/html;base64,',
    'https://',
    '/',
    '',
  );
  const url = fc
    .tuple(scheme, fc.constantFrom('alert(1)', 'evil.example/x', 'player.vimeo.com/video/1', 'www.youtube.com/embed/x'))
    .map(([a, b]) => a + b);
  const attribute = fc.oneof(
    fc.tuple(
      fc.constantFrom('onerror', 'onload', 'onclick', 'ONMOUSEOVER', 'onfocus', 'style', 'srcdoc', 'formaction'),
      fc.constantFrom('alert(1)', 'x'),
    ),
    fc.tuple(fc.constantFrom('href', 'src', 'action', 'xlink:href', 'poster', 'data', 'background', 'srcset'), url),
    fc.tuple(fc.constantFrom('id', 'class', 'title', 'name'), fc.string({ maxLength: 8 })),
  );
  const tag = fc.constantFrom(
    'script',
    'img',
    'a',
    'iframe',
    'svg',
    'math',
    'style',
    'div',
    'p',
    'object',
    'embed',
    'form',
    'input',
    'button',
    'base',
    'meta',
    'link',
    'video',
    'details',
    'template',
    'noscript',
    'textarea',
    'title',
    'body',
  );
  const element: fc.Memo<string> = fc.memo((depth) =>
    fc
      .tuple(
        tag,
        fc.array(attribute, { maxLength: 3 }),
        depth > 1 ? fc.array(fc.oneof(element(depth - 1), fc.string({ maxLength: 10 })), { maxLength: 3 }) : fc.constant([]),
      )
      .map(
        ([name, attributes, children]) =>
          `<${name}${attributes.map(([key, value]) => ` ${key}="${value.replaceAll('"', '&quot;')}"`).join('')}>${children.join('')}</${name}>`,
      ),
  );
  const fragment = fc
    .array(fc.oneof(element(3), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join(''));

  const dangerous = /^(javascript|vbscript|data):/;
  const normalise = (value: string) => value.replace(/[\u0000-\u0020]/g, '').toLowerCase();

  it('never yields anything executable', async () => {
    await fc.assert(
      fc.asyncProperty(fragment, async (input) => {
        const $ = load(await render(input));
        expect($('script, style, object, embed, form, base, meta, link, template, svg, math').length).toBe(0);
        $('*').each((_, node) => {
          if (node.type !== 'tag') return;
          for (const [name, value] of Object.entries(node.attribs)) {
            expect(name.startsWith('on'), `${name} in ${input}`).toBe(false);
            expect(['style', 'srcdoc', 'formaction', 'action'].includes(name), `${name} in ${input}`).toBe(false);
            expect(dangerous.test(normalise(value)), `${name}=${value} in ${input}`).toBe(false);
          }
          if (node.name === 'iframe') expect(embedProvider(node.attribs.src ?? ''), input).toBeDefined();
        });
      }),
      { numRuns: 300 },
    );
  });
});
