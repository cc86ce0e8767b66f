import { lookup } from 'mrmime';
import type { Manifest } from './manifest';

/** How a kind of file is served: whether its name changes with its bytes, and how long it may be cached. */
export interface FileKind {
  /** Named by its content's hash by the build (`/_astro/`): a new version is a new URL. */
  hashed: boolean;
  cacheControl: string;
  contentType: string;
}

/** HTML changes with the news: a minute fresh, then served stale for ten while the CDN checks again. */
export const HTML_CACHE = 'public, max-age=60, stale-while-revalidate=600';
/** Hashed files never change. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Feeds, sitemaps, the search index's entry points: five minutes, then stale while checked. */
const LISTING_CACHE = 'public, max-age=300, stale-while-revalidate=3600';
/** Share cards, the logo, the CMS: an hour. */
const ASSET_CACHE = 'public, max-age=3600';

/** Pagefind's own types, which no MIME table knows. */
const PAGEFIND_TYPES: Record<string, string> = {
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pagefind: 'application/octet-stream',
};

/**
 * How a file of `dist/` is served.
 *
 * @example
 * fileKind('_astro/photo.Ab12.webp') // => { hashed: true, cacheControl: 'public, max-age=31536000, immutable', contentType: 'image/webp' }
 * fileKind('sport/index.html').cacheControl // => 'public, max-age=60, stale-while-revalidate=600'
 */
export function fileKind(path: string): FileKind {
  const extension = path.split('.').pop() ?? '';
  const contentType =
    (extension === 'html' ? 'text/html; charset=utf-8' : undefined) ??
    PAGEFIND_TYPES[extension] ??
    (/^(xml|json|txt|css|js|mjs|svg|yml)$/.test(extension) ? `${lookup(path)}; charset=utf-8` : lookup(path)) ??
    'application/octet-stream';
  if (path.startsWith('_astro/')) return { hashed: true, cacheControl: IMMUTABLE_CACHE, contentType };
  if (extension === 'html') return { hashed: false, cacheControl: HTML_CACHE, contentType };
  if (/^(xml|json|txt|js|pf_meta|pagefind)$/.test(extension) || path.startsWith('pagefind/')) {
    return { hashed: false, cacheControl: LISTING_CACHE, contentType };
  }
  return { hashed: false, cacheControl: ASSET_CACHE, contentType };
}

/** Files that configure a host rather than being served: Netlify's and Cloudflare Pages' own. */
export const HOST_FILES = new Set(['_headers', '_redirects']);

/**
 * The files a deploy uploads, in the order that never shows a reader a page whose assets are not
 * there yet: hashed assets first, then other files, pages last. `deployed` is the manifest of the
 * last deploy (none: everything).
 *
 * @example
 * uploadOrder(manifest, lastDeployed) // => ['_astro/a.Xy.css', 'rss.xml', 'sport/index.html']
 */
export function uploadOrder(manifest: Manifest, deployed: Manifest = {}): string[] {
  return Object.keys(manifest)
    .filter((path) => deployed[path]?.sha256 !== manifest[path]!.sha256)
    .sort((a, b) => uploadRank(a) - uploadRank(b) || a.localeCompare(b));
}

/**
 * When a file goes up in a deploy: hashed assets (0), other files (1), pages (2).
 *
 * @example
 * uploadRank('sport/index.html') // => 2
 */
export function uploadRank(path: string): 0 | 1 | 2 {
  return fileKind(path).hashed ? 0 : path.endsWith('.html') ? 2 : 1;
}

/** One `_redirects` rule: an old path and where it leads. */
export interface RedirectRule {
  from: string;
  to: string;
  status: number;
}

/**
 * The rules of a `_redirects` file (comments and blank lines aside).
 *
 * @example
 * parseRedirects('/vechi/ /sport/nou/ 301\n') // => [{ from: '/vechi/', to: '/sport/nou/', status: 301 }]
 */
export function parseRedirects(text: string): RedirectRule[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [from = '', to = '', status = '301'] = line.split(/\s+/);
      return { from, to, status: Number(status) };
    });
}
