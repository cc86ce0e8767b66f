import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import * as yaml from 'js-yaml';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';
import { readArticleFile } from '../../src/lib/article-file.ts';
import { runEditorCommand } from '../editor-command.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = join(root, 'tests/e2e/.work/cms');
/** The CMS's test backend keeps the repository in the browser's origin private file system, here. */
const TEST_REPOSITORY = 'sveltia-cms-test';

/** A file of the repository the CMS works on: where the CMS sees it, and where it comes from. */
interface RepositoryFile {
  path: string;
  source: string;
  /** Where `npm run check:articles` reads it: the build tests' fixtures are in a folder of their own there. */
  checkedAt?: string;
}

// The build tests' photos are copies of the seed article's, made when they run.
const SEED_PHOTO = join(root, 'content/articles/2025/08/convorbire-putin-kim.jpg');

/** The Markdown files of a folder; the checks read them under `checkedIn`. */
function markdownFiles(folder: string, checkedIn = ''): RepositoryFile[] {
  return (readdirSync(folder, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const path = name.split('\\').join('/');
      return { path, source: join(folder, name), checkedAt: `${checkedIn}${path}` };
    });
}

/** The photos the files name (`photo.src`), beside them. */
function photosOf(files: readonly RepositoryFile[]): RepositoryFile[] {
  return files.flatMap(({ path, source, checkedAt = path }) => {
    const photo = (matter(readFileSync(source, 'utf8')).data as { photo?: { src?: string } }).photo?.src;
    return photo
      ? [{ path: posix.join(posix.dirname(path), photo), source: SEED_PHOTO, checkedAt: posix.join(posix.dirname(checkedAt), photo) }]
      : [];
  });
}

// The site's articles and the build tests' (raw HTML and iframes included), all `<year>/<month>/<name>.md`
// as the CMS lists them; the checks read the build tests' where those tests put them, for their links.
const articles = [...markdownFiles(join(root, 'content/articles')), ...markdownFiles(join(root, 'tests/fixtures/valid'), 'fixtures/')];
// A draft without a title is not a story the CMS can save (its title is required): the build only
// warns of it. The build tests' photos are not beside their articles until those tests copy them.
const editable = articles.filter(({ path, source }) =>
  readArticleFile(path, readFileSync(source, 'utf8'), root).problems.every((problem) => problem.field === 'photo.src'),
);
const authors = markdownFiles(join(root, 'tests/fixtures/authors'));

/** An article with a code sample, only in the CMS's repository: its editor highlights it with a grammar it imports by name. */
const CODE_SAMPLE_ARTICLE = {
  path: '2025/09/exemplu-de-cod.md',
  text: [
    '---',
    'title: "Cum numără aplicația voturile"',
    'date: 2025-09-10T10:00',
    'breadcrumb: ["Prima pagină", "Știri interne"]',
    '---',
    '',
    'Codul publicat de autoritate:',
    '',
    '```javascript',
    'const total = voturi.reduce((suma, vot) => suma + vot, 0);',
    '```',
    '',
  ].join('\n'),
};

let browser: Browser;
let page: Page;
let config: { collections: { name: string; folder?: string }[] };
const problems: string[] = [];
const otherOrigins = new Set<string>();

/** Writes the files into the test backend's repository, in the page's origin. */
async function seed(files: { path: string; base64: string }[]): Promise<void> {
  await page.evaluate(
    async ({ files, repository }) => {
      const top = await (await navigator.storage.getDirectory()).getDirectoryHandle(repository, { create: true });
      for (const { path, base64 } of files) {
        const parts = path.split('/');
        let folder = top;
        for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
        const writable = await (await folder.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(Uint8Array.from(atob(base64), (character) => character.charCodeAt(0)));
        await writable.close();
      }
    },
    { files, repository: TEST_REPOSITORY },
  );
}

/** A file of the test backend's repository, as the CMS saved it. */
function savedFile(path: string): Promise<string> {
  return page.evaluate(
    async ({ path, repository }) => {
      let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(repository);
      const parts = path.split('/');
      for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
      return (await (await folder.getFileHandle(parts.at(-1)!)).getFile()).text();
    },
    { path, repository: TEST_REPOSITORY },
  );
}

const folderOf = (collection: string) => config.collections.find((candidate) => candidate.name === collection)!.folder!;
const base64 = (file: string) => readFileSync(file).toString('base64');

beforeAll(async () => {
  const site = inject('siteUrl');
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const { origin, protocol } = new URL(request.url());
    if (origin !== new URL(site).origin && /^https?:$/.test(protocol)) otherOrigins.add(origin);
  });
  // The configuration the build wrote, with the test backend in place of GitHub (which needs an
  // account), and the folders of a newsroom's repository (the test build's are under a hidden folder).
  const built = yaml.load(await (await fetch(`${site}/admin/config.yml`)).text()) as typeof config;
  const folders: Record<string, string> = { articles: 'content/articles', authors: 'content/authors' };
  config = {
    ...built,
    collections: built.collections.map((collection) =>
      collection.folder ? { ...collection, folder: folders[collection.name] } : collection,
    ),
  };
  await page.route(/\/admin\/config\.yml/, (route) =>
    route.fulfill({
      contentType: 'application/yaml',
      body: yaml.dump({ ...config, backend: { name: 'test-repo' }, publish_mode: 'simple' }),
    }),
  );
  await page.goto(`${site}/favicon.svg`);
  await seed([
    ...[...articles, ...photosOf(articles)].map(({ path, source }) => ({
      path: `${folderOf('articles')}/${path}`,
      base64: base64(source),
    })),
    ...[...authors, ...photosOf(authors)].map(({ path, source }) => ({ path: `${folderOf('authors')}/${path}`, base64: base64(source) })),
    { path: 'content/sections.yaml', base64: base64(join(root, 'content/sections.yaml')) },
    { path: `${folderOf('articles')}/${CODE_SAMPLE_ARTICLE.path}`, base64: Buffer.from(CODE_SAMPLE_ARTICLE.text).toString('base64') },
  ]);
  await page.goto(`${site}/admin/`);
  await page.getByRole('button', { name: 'Work with Test Repository' }).click();
  await page.getByRole('button', { name: 'New' }).first().waitFor();
}, 60_000);
afterAll(() => browser?.close());

/**
 * Opens an entry in the editor and saves it as it is, waiting for the CMS to go back to the list.
 * The CMS offers to save only an entry it would write differently (a byline as a list, say): an
 * entry it would write as it is stays untouched.
 */
async function openAndSave(collection: string, entry: string): Promise<boolean> {
  await page.goto(`${inject('siteUrl')}/admin/#/collections/${collection}/entries/${entry}`);
  await page.getByRole('textbox').first().waitFor();
  const save = page.getByRole('button', { name: 'Save', exact: true });
  if (!(await save.isEnabled())) return false;
  await save.click();
  await page.waitForURL((url) => url.hash === `#/collections/${collection}`);
  return true;
}

describe('the CMS at /admin/', () => {
  it('opens every article and saves it unchanged: the text keeps its bytes', async () => {
    const written: string[] = [];
    for (const { path, source } of editable) {
      if (await openAndSave('articles', path.replace(/\.md$/, ''))) written.push(path);
      const saved = await savedFile(`${folderOf('articles')}/${path}`);
      expect(matter(saved).content, path).toBe(matter(readFileSync(source, 'utf8')).content);
    }
    // The CMS did write: a byline given as text comes back a list, raw HTML and iframes included.
    expect(written).toContain('2025/08/convorbire-putin-kim.md');
    expect(written).toContain('2025/09/titlu-periculos.md');
    expect(matter(await savedFile(`${folderOf('articles')}/2025/08/convorbire-putin-kim.md`)).data.byline).toEqual(['Redacția']);
  }, 180_000);

  it('opens every author file and saves it unchanged', async () => {
    for (const { path, source } of authors.filter(({ path }) => path.endsWith('.md'))) {
      await openAndSave('authors', path.replace(/\.md$/, ''));
      const saved = await savedFile(`${folderOf('authors')}/${path}`);
      expect(matter(saved).content, path).toBe(matter(readFileSync(source, 'utf8')).content);
    }
  }, 60_000);

  it('saves files that pass `npm run check:articles`', async () => {
    rmSync(work, { recursive: true, force: true });
    const content = join(work, 'articles');
    const authorFolder = join(work, 'authors');
    const place = async (folder: string, files: readonly RepositoryFile[], collection: string) => {
      for (const { path, source, checkedAt = path } of files) {
        mkdirSync(join(folder, checkedAt, '..'), { recursive: true });
        if (path.endsWith('.md')) writeFileSync(join(folder, checkedAt), await savedFile(`${folderOf(collection)}/${path}`));
        else cpSync(source, join(folder, checkedAt));
      }
    };
    await place(content, [...articles, ...photosOf(articles)], 'articles');
    await place(authorFolder, [...authors, ...photosOf(authors)], 'authors');
    const check = runEditorCommand('check-articles', [], {
      env: {
        FOAIA_CONTENT_DIR: relative(root, content),
        FOAIA_AUTHORS_DIR: relative(root, authorFolder),
        FOAIA_NOW: '2025-09-15T12:00:00Z',
      },
    });
    expect(check.stdout).toMatch(/nicio problemă/);
    expect(check.code).toBe(0);
  });

  it('highlights a code sample with the grammar its import map names, served by the site', async () => {
    const grammar = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith('/javascript.mjs'));
    await page.goto(`${inject('siteUrl')}/admin/#/collections/articles/entries/${CODE_SAMPLE_ARTICLE.path.replace(/\.md$/, '')}`);
    await page.getByRole('textbox').first().waitFor();
    // The editor draws the body's field, and its preview the code, once scrolled to.
    await page.mouse.move(300, 500);
    for (let step = 0; step < 30; step++) await page.mouse.wheel(0, 400);
    const response = await grammar;
    expect(response.status()).toBe(200);
    expect(new URL(response.url()).pathname).toBe('/admin/modules/@shikijs/langs/dist/javascript.mjs');
    const highlighted = page.locator('pre span[style*="color"]', { hasText: 'reduce' });
    await expect.poll(() => highlighted.count()).toBeGreaterThan(0);
  }, 60_000);

  it('broke no rule of its Content-Security-Policy and asked no other origin for anything', async () => {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("connect-src 'self' data: https://api.github.com");
    expect(policy).toContain("font-src 'self'");
    expect(problems).toEqual([]);
    expect([...otherOrigins]).toEqual([]);
  });
});
