import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../src/lib/article-file';
import { typesetSource } from '../../src/lib/source-typography';
import { renderMarkdown } from './pipeline';
import { runEditorCommand } from '../editor-command';
import { tempTree } from './temp-tree';

const ARTICLE = [
  '---',
  'title: "Acord \\"istoric\\" -- sau nu..."   # titlu',
  'lead: \'El a zis "da"\'',
  'date: 2025-08-13T09:04 # "nu" -- neatins',
  'breadcrumb: ["Prima pagină", "Politică"]',
  'photo:',
  '  src: ./x.jpg',
  '  alt: "Un \\"alt\\""',
  '  credit: Arhivă',
  '  caption: Sala "mare" -- după vot',
  '---',
  '',
  'El a spus "da" -- apoi... Vezi https://exemplu.ro/a--b și `cod -- "x"`, aşa.',
  '',
  '<a href="a--b" title="x -- y">"x"</a>',
  '',
  '```',
  '"bloc" --',
  '```',
  '',
  '[Link "text"](https://x.ro/a--b)',
  '',
].join('\n');

const FIXED = [
  '---',
  'title: "Acord „istoric” – sau nu…"   # titlu',
  "lead: 'El a zis „da”'",
  'date: 2025-08-13T09:04 # "nu" -- neatins',
  'breadcrumb: ["Prima pagină", "Politică"]',
  'photo:',
  '  src: ./x.jpg',
  '  alt: "Un \\"alt\\""',
  '  credit: Arhivă',
  '  caption: Sala „mare” – după vot',
  '---',
  '',
  'El a spus „da” – apoi… Vezi https://exemplu.ro/a--b și `cod -- "x"`, așa.',
  '',
  '<a href="a--b" title="x -- y">„x”</a>',
  '',
  '```',
  '"bloc" --',
  '```',
  '',
  '[Link „text”](https://x.ro/a--b)',
  '',
].join('\n');

describe('typography fixed in the source', () => {
  it('changes the prose only, by position: keys, comments, code, addresses and HTML attributes stay', () => {
    const { source, changes } = typesetSource(ARTICLE);
    expect(source).toBe(FIXED);
    expect(changes.map((change) => change.line)).toEqual([2, 3, 10, 13, 13, 15, 21]);
  });

  it('is idempotent, and gives what the build shows', async () => {
    expect(typesetSource(FIXED)).toEqual({ source: FIXED, changes: [] });
    const original = readArticleFile('x.md', ARTICLE, tempTree({ 'x.jpg': '' }));
    const fixed = readArticleFile('x.md', FIXED, tempTree({ 'x.jpg': '' }));
    expect(fixed.data?.title).toBe(original.data?.title);
    expect(fixed.data?.lead).toBe(original.data?.lead);
    expect(fixed.data?.photo?.caption).toBe(original.data?.photo?.caption);
    expect(await renderMarkdown(fixed.body)).toBe(await renderMarkdown(original.body));
  });

  it('npm run fix --check lists the changes and exits 1; npm run fix writes them', () => {
    const folder = tempTree({ '2025/08/a.md': ARTICLE, '2025/08/b.md': FIXED });
    const run = (args: string[]) => {
      const { code, stdout } = runEditorCommand('fix-typography', args, { env: { FOAIA_CONTENT_DIR: folder } });
      return { code, output: stdout };
    };
    const check = run(['--check']);
    expect(check.code).toBe(1);
    expect(check.output).toContain('2025/08/a.md:2: "Acord \\"istoric\\" -- sau nu..." → "Acord „istoric” – sau nu…"');
    expect(check.output).toContain('De corectat: un articol (npm run fix).');
    expect(readFileSync(join(folder, '2025/08/a.md'), 'utf8')).toBe(ARTICLE);
    expect(run([]).output).toContain('Corectate: un articol.');
    expect(readFileSync(join(folder, '2025/08/a.md'), 'utf8')).toBe(FIXED);
    expect(run(['--check'])).toEqual({ code: 0, output: 'Tipografia e în regulă în toate articolele.\n' });
  });
});
