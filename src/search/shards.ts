/**
 * The search index in stable shards: one Pagefind index per quarter of publication, merged in the
 * reader's browser. A publish changes the shard of the articles it touches, and only that one is
 * indexed again; one index at a time also keeps the indexer's memory to a quarter's articles.
 * A quarter, not a month or a year: a year's shard made an edit of an old article re-index a
 * quarter of a 4-year archive (13 s at 20,000 articles), while each shard costs the reader its
 * own copy of Pagefind's 60 KB WebAssembly on the first search (16 shards for 4 years).
 */

import { Parser } from 'htmlparser2';
import { contentHash } from '../build-cache/content-hash';

/** The search index's folder in the site: `/pagefind/`. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/** The list of shards, beside them: what the search page reads first. */
export const SHARD_LIST_FILE = 'shards.json';

/** The list's path on the site. */
export const SHARD_LIST_PATH = `/${SEARCH_INDEX_FOLDER}/${SHARD_LIST_FILE}`;

/** The list of shards the search page reads: `/pagefind/shards.json`. */
export interface ShardList {
  /** Shard folders under `/pagefind/`, newest first (the first one's script loads the others). */
  shards: string[];
}

const PUBLISHED_TIME = /<meta\s+property="article:published_time"\s+content="([^"]*)"/;

/**
 * The shard of an article published at this time (as its page's metadata writes it, in Bucharest
 * time): the quarter, `<year>-t<1…4>`; 'fara-data' for a time that is not one.
 *
 * @example
 * shardOfTime('2025-08-13T09:04:00+03:00') // => '2025-t3'
 */
export function shardOfTime(time: string): string {
  const published = /^(\d{4})-(\d{2})-/.exec(time);
  if (!published) return 'fara-data';
  return `${published[1]}-t${Math.ceil(Number(published[2]) / 3)}`;
}

/**
 * The shard an article page belongs to: the quarter it was published in, as its Open Graph
 * metadata says (Bucharest time); '' for a page that is not indexed (no `data-pagefind-body`).
 *
 * @example
 * shardOf('<meta property="article:published_time" content="2025-08-13T09:04:00+03:00">…<article data-pagefind-body>')
 * // => '2025-t3'
 */
export function shardOf(html: string): string {
  if (!html.includes('data-pagefind-body')) return '';
  return shardOfTime(PUBLISHED_TIME.exec(html)?.[1] ?? '');
}

/** The attribute that marks the element Pagefind indexes. */
const SEARCHABLE_MARK = 'data-pagefind-body';

/**
 * What Pagefind reads of a page: the element marked `data-pagefind-body`, whole ('' when there is
 * none). Pagefind ignores the rest of a page that has one, so a page whose related articles or
 * menu changed leaves its shard as it is.
 *
 * Only that element is parsed, from the tag each occurrence of the attribute's name would belong
 * to: a page's text and attribute values cannot fake the tag (their `<` is escaped, and so is the
 * JSON-LD's), and the parse of the tag must show the attribute. The head, the menu and the related
 * articles around the element were three quarters of the parse's time.
 *
 * @example
 * searchablePart('<nav>Meniu</nav><article data-pagefind-body><p>Text</p></article><aside>…</aside>')
 * // => '<article data-pagefind-body><p>Text</p></article>'
 */
export function searchablePart(html: string): string {
  for (let at = html.indexOf(SEARCHABLE_MARK); at >= 0; at = html.indexOf(SEARCHABLE_MARK, at + 1)) {
    const tagStart = html.lastIndexOf('<', at);
    const part = tagStart < 0 ? '' : searchableElementAt(html, tagStart);
    if (part) return part;
  }
  return '';
}

/** The element whose start tag begins at `tagStart`, whole, when that tag has `data-pagefind-body`; '' otherwise. */
function searchableElementAt(html: string, tagStart: number): string {
  let depth = 0;
  let end = -1;
  const parser = new Parser({
    onopentag(_name, attributes) {
      if (depth > 0) depth++;
      else if (parser.startIndex === 0 && SEARCHABLE_MARK in attributes) depth = 1;
      else parser.pause();
    },
    onclosetag() {
      if (depth > 0 && --depth === 0) {
        end = parser.endIndex + 1;
        parser.pause();
      }
    },
  });
  parser.write(html.slice(tagStart));
  // An element left open runs to the end of the page, as a parse of the whole page has it.
  if (depth > 0) return html.slice(tagStart);
  return end < 0 ? '' : html.slice(tagStart, tagStart + end);
}

/**
 * What Pagefind is given of a page: its language and its searchable part (`searchablePart()`),
 * nothing else; the whole page when it has no such part. Pagefind reads nothing else of a page
 * that has one, so it writes the same index files from this as from the page (the build test
 * holds it to that), and parses a third of the bytes (a publish's quarter is indexed a fifth faster).
 *
 * @example
 * searchableDocument('<html lang="ro"><head>…</head><body><nav>…</nav><article data-pagefind-body>…</article></body></html>')
 * // => '<html lang="ro"><body><article data-pagefind-body>…</article></body></html>'
 */
export function searchableDocument(html: string, part = searchablePart(html)): string {
  if (!part) return html;
  const lang = /<html\b[^>]*\blang="([^"]*)"/i.exec(html)?.[1];
  return `<html${lang === undefined ? '' : ` lang="${lang}"`}><body>${part}</body></html>`;
}

/** Where a page stands in the search index: its shard, and a fingerprint of what is indexed of it. */
export interface SearchPlace {
  shard: string;
  indexed: string;
}

/** How a page's place is kept between builds; a value of another shape is refused (the page is read again). */
export const SEARCH_PLACE_CODEC = {
  toJson: (place: SearchPlace): unknown => place,
  fromJson: (stored: unknown): SearchPlace => {
    const place = stored as Partial<SearchPlace> | null;
    if (typeof place?.shard !== 'string' || typeof place.indexed !== 'string') throw new Error('not a search place');
    return { shard: place.shard, indexed: place.indexed };
  },
};

/**
 * A built page's place in the search index; `part`, its searchable part when already extracted.
 *
 * @example
 * searchPlace(articlePageHtml) // => { shard: '2025-t3', indexed: 'Qm9…' }
 */
export function searchPlace(html: string, part?: string): SearchPlace {
  const shard = shardOf(html);
  return { shard, indexed: shard ? contentHash(part ?? searchablePart(html)) : '' };
}

/**
 * The shards to index again: those a page whose indexed part changed belongs to or belonged
 * to, and those whose output is missing (`hasOutput` is asked once for each shard a page is in).
 * Shards map page paths to their shard ('' for a page not indexed).
 *
 * @example
 * changedShards(earlier, current, new Set(['/sport/nou/']), (shard) => existsSync(`dist/pagefind/${shard}`))
 * // => Set { '2026-t1' }
 */
export function changedShards(
  earlier: ReadonlyMap<string, string>,
  current: ReadonlyMap<string, string>,
  changedPages: ReadonlySet<string>,
  hasOutput: (shard: string) => boolean,
): Set<string> {
  const changed = new Set<string>();
  for (const path of changedPages) changed.add(current.get(path) ?? '');
  for (const [path, shard] of earlier) if (current.get(path) !== shard) changed.add(shard);
  // Asked once a shard, not once a page (a file-system check each: 24,700 pages at 20,000 articles).
  for (const shard of new Set(current.values())) if (shard && !hasOutput(shard)) changed.add(shard);
  changed.delete('');
  return changed;
}
