import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FileScan } from '../lib/built-site';

type StoredScan = Omit<FileScan, 'ids'> & { ids: string[] };

/**
 * The page scans of the last verified build, so that the next verification reads only the pages
 * that build wrote; none when the file is missing or unreadable (everything is read then).
 *
 * @example
 * loadPageScans('node_modules/.astro/foaia/page-scans.json').get('/sport/')?.urls
 */
export function loadPageScans(file: string): Map<string, FileScan> {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, StoredScan>;
    return new Map(Object.entries(stored).map(([path, scan]) => [path, { ...scan, ids: new Set(scan.ids) }]));
  } catch {
    return new Map();
  }
}

/**
 * Keeps a verified build's page scans for the next build.
 *
 * @example
 * savePageScans('node_modules/.astro/foaia/page-scans.json', scans)
 */
export function savePageScans(file: string, scans: ReadonlyMap<string, FileScan>): void {
  mkdirSync(dirname(file), { recursive: true });
  const stored = Object.fromEntries([...scans].map(([path, scan]) => [path, { ...scan, ids: [...scan.ids] }]));
  writeFileSync(file, JSON.stringify(stored));
}
