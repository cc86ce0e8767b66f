import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';
import { Parser } from 'htmlparser2';
// Types only: the budgets script runs this file in plain Node, which resolves no extensionless import.
import type { MemoCodec, PageMemo } from '../build-cache/page-memo';

/** What a built page offers and points at. */
export interface PageScan {
  /** Every `id` on the page, for links to a fragment. */
  ids: Set<string>;
  /** Every URL the page links to or loads (href, src, srcset, content of URL meta tags). */
  urls: string[];
  /** The text length of the article body, when the page is an article. */
  articleBodyText?: number;
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
};

const URL_META = new Set(['og:image', 'og:url', 'twitter:image']);

/** Text as the browser reads it: character references decoded. */
function decoded(raw: string): string {
  return raw.includes('&') ? decodeHTML(raw) : raw;
}

/** An attribute value as the browser reads it (`&amp;` → `&`). */
function decodedAttribute(raw: string): string {
  return raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
}

/**
 * Reads a built page once: its ids, the URLs it uses, and how much text its article body has.
 *
 * The parser leaves character references as written, and only the values kept here are decoded:
 * decoding while tokenizing makes htmlparser2 read every character of text and attribute values
 * one at a time, instead of jumping to the next `<` or quote (a quarter of the scan's time).
 *
 * @example
 * scanPage('<a href="/sport/">Sport</a><div class="article-body"><p>Text</p></div>')
 * // => { ids: Set {}, urls: ['/sport/'], articleBodyText: 4 }
 */
export function scanPage(html: string): PageScan {
  const scan: PageScan = { ids: new Set(), urls: [] };
  let bodyDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id) scan.ids.add(decodedAttribute(attributes.id));
        for (const attribute of URL_ATTRIBUTES[name] ?? []) {
          const raw = attributes[attribute];
          if (raw === undefined) continue;
          const value = decodedAttribute(raw);
          if (attribute === 'srcset') scan.urls.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''));
          else scan.urls.push(value);
        }
        if (name === 'meta' && attributes.content && URL_META.has(decodedAttribute(attributes.property ?? attributes.name ?? ''))) {
          scan.urls.push(decodedAttribute(attributes.content));
        }
        if (bodyDepth > 0) bodyDepth++;
        else if (attributes.class && decodedAttribute(attributes.class).split(/\s+/).includes('article-body')) {
          bodyDepth = 1;
          scan.articleBodyText = 0;
        }
      },
      ontext(text) {
        if (bodyDepth > 0) scan.articleBodyText! += decoded(text).trim().length;
      },
      onclosetag() {
        if (bodyDepth > 0) bodyDepth--;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return scan;
}

/**
 * A site path as the built site's files name it: percent-decoded, or as written when it is not
 * valid percent-encoding (then no file has that name, and a link to it is reported as broken).
 *
 * @example
 * decodedPath('/%C8%99tiri/') // => '/știri/'
 */
export function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The file a site path is served from, in the built site.
 *
 * @example
 * fileForPath('dist', '/sport/') // => 'dist/sport/index.html'
 */
export function fileForPath(dist: string, path: string): string {
  const decoded = decodedPath(path);
  return join(dist, decoded.endsWith('/') ? `${decoded}index.html` : decoded);
}

/**
 * Every file under a folder, as paths relative to it (`sport/index.html`), in no set order.
 * Top-level folders in `skip` (the search index's tens of thousands of files) are not walked.
 *
 * @example
 * filesUnder('dist', ['pagefind']) // => ['index.html', 'sport/index.html', '_astro/a.css', …]
 */
export function filesUnder(folder: string, skip: readonly string[] = []): string[] {
  const files: string[] = [];
  const walk = (relativeFolder: string) => {
    for (const entry of readdirSync(join(folder, relativeFolder), { withFileTypes: true })) {
      const name = relativeFolder ? `${relativeFolder}/${entry.name}` : entry.name;
      if (!entry.isDirectory()) files.push(name);
      else if (relativeFolder || !skip.includes(entry.name)) walk(name);
    }
  };
  walk('');
  return files;
}

/** What tells a file from the one a memo saw: its size and modification time. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** The files of a built site, listed once for every step that reads them after the build. */
export interface BuiltFiles {
  /** Every file, by its path relative to `dist/`, with its stamp; the folders in `unlisted` aside. */
  stamps: ReadonlyMap<string, FileStamp>;
  /** Top-level folders not listed: a later step writes them. */
  unlisted: readonly string[];
}

/**
 * Whether a path relative to `dist/` lies in one of these top-level folders.
 *
 * @example
 * inTopFolder('pagefind/2025-t3/pagefind.js', ['pagefind']) // => true
 * inTopFolder('sport/pagefind/index.html', ['pagefind']) // => false
 */
export function inTopFolder(name: string, folders: readonly string[]): boolean {
  return folders.some((folder) => name.startsWith(`${folder}/`));
}

/**
 * Every file under a folder with its stamp, by its path relative to the folder (top-level folders
 * in `skip` aside): one walk and one `stat` per file, for every step that needs them.
 *
 * @example
 * listBuiltFiles('dist', ['pagefind']).stamps.get('index.html') // => { size: 18204, mtimeMs: 1764… }
 */
export function listBuiltFiles(folder: string, skip: readonly string[] = []): BuiltFiles {
  const stamps = new Map<string, FileStamp>();
  for (const name of filesUnder(folder, skip)) {
    const { size, mtimeMs } = statSync(join(folder, name));
    stamps.set(name, { size, mtimeMs });
  }
  return { stamps, unlisted: skip };
}

/**
 * A file's stamp from the listing, or from the file itself when it was not listed.
 *
 * @example
 * const stampOf = listedStamp('dist', listBuiltFiles('dist', ['pagefind']));
 * stampOf('dist/index.html') // => { size: 18204, mtimeMs: 1764… }, with no `stat`
 */
export function listedStamp(dist: string, built: BuiltFiles): (file: string) => FileStamp {
  return (file) => built.stamps.get(relative(dist, file)) ?? statSync(file);
}

/**
 * Whether a path of the built site exists: a file listed does, anything else is asked of the
 * file system (a folder, or a file in a folder the listing leaves out).
 *
 * @example
 * listedFileExists('dist', listBuiltFiles('dist', ['pagefind']))('dist/sport/index.html') // => true, with no `stat`
 */
export function listedFileExists(dist: string, built: BuiltFiles): (file: string) => boolean {
  return (file) => built.stamps.has(relative(dist, file)) || existsSync(file);
}

/**
 * The site paths of the HTML files among these (paths relative to `dist/`), sorted.
 *
 * @example
 * sitePaths(['sport/index.html', 'index.html', '_astro/a.css']) // => ['/', '/sport/']
 */
export function sitePaths(files: Iterable<string>): string[] {
  return [...files]
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/**
 * Every HTML file of a built site, as site paths, sorted (top-level folders in `skip` aside).
 *
 * @example
 * builtPages('dist', ['pagefind']) // => ['/', '/404.html', '/sport/', …]
 */
export function builtPages(dist: string, skip: readonly string[] = []): string[] {
  return sitePaths(filesUnder(dist, skip));
}

/** How a page's scan is kept between builds: its ids and URLs as numbers of the memo's shared strings. */
export const PAGE_SCAN_CODEC: MemoCodec<PageScan> = {
  toJson: (scan, shared) => ({ ...scan, ids: [...scan.ids].map(shared.numberOf), urls: scan.urls.map(shared.numberOf) }),
  fromJson: (stored, shared) => {
    const scan = stored as Omit<PageScan, 'ids' | 'urls'> & { ids: unknown[]; urls: unknown[] };
    if (!Array.isArray(scan?.ids) || !Array.isArray(scan.urls)) throw new Error('not a page scan');
    return { ...scan, ids: new Set(scan.ids.map(shared.textOf)), urls: scan.urls.map(shared.textOf) };
  },
};

/** Pages read between two turns given back to the event loop. */
const PAGES_PER_TURN = 64;

/**
 * Reads every page of a built site once: the HTML among `files` (paths relative to `dist/`; every
 * file there by default). With a memo of an earlier build's scans, a page whose file is unchanged
 * is not read again (an incremental build leaves the pages it reuses untouched). It gives the event loop a turn every few pages, so work
 * that waits on another process (the search indexer) goes on meanwhile.
 *
 * @example
 * (await scanBuiltSite('dist')).get('/')?.urls.includes('/rss.xml') // => true
 */
export async function scanBuiltSite(
  dist: string,
  memo?: PageMemo<PageScan>,
  files: Iterable<string> = filesUnder(dist),
): Promise<Map<string, PageScan>> {
  const scanFile = (path: string, file: string) => (memo ? memo.valueOf(path, file, scanPage) : scanPage(readFileSync(file, 'utf8')));
  const scans = new Map<string, PageScan>();
  for (const [position, path] of sitePaths(files).entries()) {
    if (position % PAGES_PER_TURN === 0) await new Promise((turn) => setImmediate(turn));
    scans.set(path, scanFile(path, fileForPath(dist, path)));
  }
  return scans;
}

/**
 * Every internal link or asset in the built site that does not resolve: a missing file, or a
 * fragment no element of the target page has. External URLs are not fetched. `from` chooses the
 * pages whose links are checked (every page by default); `fileExists` tells whether a link's
 * file is there (`listedFileExists()`: from the build's listing of `dist/`).
 *
 * @example
 * brokenLinks('dist', await scanBuiltSite('dist'), 'https://foaia.ro') // => ['/sport/ → /fotbal/3/ (nu există)']
 */
export function brokenLinks(
  dist: string,
  scans: ReadonlyMap<string, PageScan>,
  site: string,
  from: (page: string) => boolean = () => true,
  fileExists: (file: string) => boolean = existsSync,
): string[] {
  const origin = new URL(site).origin;
  const exists = new Map<string, boolean>();
  /** What is wrong with a link of `page` ('' when nothing). */
  const problemOf = (url: string, page: string) => {
    if (/^(mailto|tel|data):/i.test(url)) return '';
    const target = new URL(url, `${origin}${page}`);
    if (target.origin !== origin) return '';
    if (!exists.has(target.pathname)) exists.set(target.pathname, fileExists(fileForPath(dist, target.pathname)));
    if (!exists.get(target.pathname)) return 'nu există';
    const fragment = decodeURIComponent(target.hash.slice(1));
    const targetScan = scans.get(target.pathname);
    return fragment && targetScan && !targetScan.ids.has(fragment) ? `nu există elementul #${fragment}` : '';
  };
  // Menus and footers repeat the same links on every page: one that does not depend on the page
  // (absolute, or from the site's root) is judged once, not once per page.
  const samePerPage = new Map<string, string>();
  const broken: string[] = [];
  for (const [page, scan] of scans) {
    if (!from(page)) continue;
    const reported = new Set<string>();
    for (const url of scan.urls) {
      if (url === '') continue;
      let problem = samePerPage.get(url);
      if (problem === undefined) {
        problem = problemOf(url, page);
        if (/^(\/(?!\/)|[a-z][a-z\d+.-]*:)/i.test(url)) samePerPage.set(url, problem);
      }
      if (problem && !reported.has(url)) {
        reported.add(url);
        broken.push(`${page} → ${url} (${problem})`);
      }
    }
  }
  return broken;
}
