import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../src/lib/article-file';
import { newArticleSource, publishedSource, slugFromTitle } from '../../src/lib/editor-files';
import { runEditorCommand } from '../editor-command';
import { tempTree } from './temp-tree';

const root = join(import.meta.dirname, '../..');

/** Runs `npm run new` or `npm run publish` as an editor does, at a given clock: its exit code and its message. */
function run(script: 'new' | 'publish', args: string[], env: Record<string, string>) {
  const { code, stdout, stderr } = runEditorCommand(script === 'new' ? 'new-article' : 'publish-article', args, { env });
  return { code, output: code === 0 ? stdout : stderr };
}

describe('the files the editor commands write', () => {
  it('cut a long title to a slug at a word', () => {
    expect(slugFromTitle('Guvernul a adoptat în ședința de miercuri bugetul rectificat pentru anul viitor, după negocieri')).toBe(
      'guvernul-a-adoptat-in-sedinta-de-miercuri-bugetul-rectificat',
    );
  });

  it('write a draft the contract accepts', () => {
    const source = newArticleSource({
      title: 'Acord "istoric"',
      date: '2025-08-20T10:30',
      breadcrumb: ['Prima pagină', 'Sport', 'Fotbal'],
      byline: ['Ana Pop'],
      tags: ['fotbal', 'derby'],
    });
    const article = readArticleFile('x.md', source, tempTree({}));
    expect(article.problems).toEqual([]);
    expect(article.data).toMatchObject({
      title: 'Acord „istoric”',
      lead: undefined,
      draft: true,
      byline: ['Ana Pop'],
      tags: ['fotbal', 'derby'],
    });
  });

  it('publish by changing the date and draft values only', () => {
    const source = '---\ntitle: "X"   # titlu\ndate: 2025-08-01T10:00 # ieri\r\ndraft: true\ntags: ["date: 1"]\n---\n\ndate: în text\n';
    expect(publishedSource(source, '2025-08-13T09:04')).toBe(
      '---\ntitle: "X"   # titlu\ndate: 2025-08-13T09:04 # ieri\r\ndraft: false\ntags: ["date: 1"]\n---\n\ndate: în text\n',
    );
    expect(() => publishedSource('---\ntitle: "X"\n---\nText', '2025-08-13T09:04')).toThrow('frontmatter-ul nu are câmpul date');
  });
});

describe('npm run new and npm run publish', () => {
  const sections = join(
    tempTree({ 'sections.yaml': '- name: Știri externe\n- name: Sport\n  children:\n    - name: Fotbal\n' }),
    'sections.yaml',
  );
  const env = (content: string, now: string) => ({ FOAIA_CONTENT_DIR: content, FOAIA_SECTIONS_FILE: sections, FOAIA_NOW: now });

  it('start a draft in the section’s place, dated now in Bucharest, and publish it now or later', () => {
    const content = tempTree({});
    const started = run('new', ['Meciul anului', '--section', 'fotbal', '--byline', 'Ana Pop'], env(content, '2025-08-13T06:04:00Z'));
    expect(started.code).toBe(0);
    const file = join(content, '2025/08/meciul-anului.md');
    expect(started.output).toContain(`Articol nou (ciornă): ${file}`);
    expect(started.output).toContain('https://foaia.ro/fotbal/meciul-anului/');
    const draft = readArticleFile(file, readFileSync(file, 'utf8'), root);
    expect(draft.problems).toEqual([]);
    expect(draft.frontmatter).toMatchObject({ date: '2025-08-13T09:04', breadcrumb: ['Prima pagină', 'Sport', 'Fotbal'], draft: true });

    expect(run('publish', [file], env(content, '2025-08-15T07:00:00Z'))).toMatchObject({
      code: 1,
      output: expect.stringContaining('textul de început'),
    });
    writeFileSync(file, readFileSync(file, 'utf8').replace('Textul articolului.', 'Echipele au jucat.'));
    const before = readFileSync(file, 'utf8');
    const now = run('publish', [file], env(content, '2025-08-15T07:00:00Z'));
    expect(now.output).toContain('publicat cu data 15 aug. 2025, 10:00');
    expect(readFileSync(file, 'utf8')).toBe(
      before.replace('date: 2025-08-13T09:04', 'date: 2025-08-15T10:00').replace('draft: true', 'draft: false'),
    );

    const later = run('publish', [file, '--at', '2025-08-16T09:00'], env(content, '2025-08-15T07:00:00Z'));
    expect(later.output).toContain('programat pentru 16 aug. 2025, 09:00');
    expect(readArticleFile(file, readFileSync(file, 'utf8'), root).frontmatter).toMatchObject({ date: '2025-08-16T09:00', draft: false });
  });

  it('refuse an unknown section, a taken address, an impossible date', () => {
    const content = tempTree({});
    expect(run('new', ['Titlu', '--section', 'Stiri extrene'], env(content, '2025-08-13T06:04:00Z'))).toEqual({
      code: 1,
      output: expect.stringContaining('Secțiunea „Stiri extrene” nu este în'),
    });
    expect(run('new', ['Titlu', '--section', 'Stiri extrene'], env(content, '2025-08-13T06:04:00Z')).output).toContain(
      '(ați vrut „Știri externe”?)',
    );
    expect(run('new', ['Meciul anului', '--section', 'Fotbal'], env(content, '2025-07-01T06:00:00Z')).code).toBe(0);
    expect(run('new', ['Meciul anului', '--section', 'Fotbal'], env(content, '2025-07-01T09:00:00Z'))).toEqual({
      code: 1,
      output: expect.stringMatching(/^Fișierul \S*2025\/07\/meciul-anului\.md există deja: alegeți alt titlu\./),
    });
    const taken = run('new', ['Meciul anului', '--section', 'Fotbal'], env(content, '2025-08-13T06:04:00Z'));
    expect(taken.code).toBe(1);
    expect(taken.output).toMatch(/^Adresa \/fotbal\/meciul-anului\/ este deja a articolului \S*2025\/07\/meciul-anului\.md\./);
    expect(taken.output).toContain('slug: meciul-anului-2');
    const file = join(content, '2025/07/meciul-anului.md');
    expect(run('publish', [file, '--at', '2025-02-30T09:00'], env(content, '2025-08-13T06:04:00Z')).output).toContain(
      '--at: ziua 30 nu există în februarie 2025',
    );
  });
});

describe('the pre-commit check (npm run check:articles -- --staged)', () => {
  const article = (title: string, body = 'Text.') =>
    `---\ntitle: "${title}"\ndate: 2025-08-13T09:04\nbreadcrumb: ["Prima pagină", "Știri externe"]\n---\n\n${body}\n`;

  it('checks the staged articles and those linking to a staged deletion, not the others', () => {
    const repo = tempTree({
      'content/articles/a.md': article('A'),
      'content/articles/b.md': article('B', 'Vezi [c](./c.md).'),
      'content/articles/c.md': article('C'),
      'content/articles/d.md': article(''),
    });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Redacția', '-c', 'user.email=redactia@foaia.ro', ...args], { cwd: repo });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'start', '--no-verify');
    git('rm', '-q', 'content/articles/c.md');
    writeFileSync(join(repo, 'content/articles/a.md'), article('A, schimbat'));
    git('add', 'content/articles/a.md');
    const { code, stdout: output } = runEditorCommand('check-articles', ['--staged'], {
      cwd: repo,
      env: { FOAIA_NOW: '2025-09-01T00:00:00Z', FOAIA_CONTENT_DIR: 'content/articles', INIT_CWD: repo },
    });
    expect(code).toBe(1);
    expect(output).toContain('content/articles/b.md:7: legătura către content/articles/c.md duce la un articol care nu există');
    expect(output).not.toContain('d.md');
  });
});
