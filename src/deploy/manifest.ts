import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type BuiltFiles, filesUnder, inTopFolder, listedStamp } from '../lib/built-site';

/**
 * The marker a successful build leaves in `dist/`, last: the hash of every file it wrote. A deploy
 * publishes only a `dist/` that matches it, so a half-written or hand-edited one never goes out.
 */
export const BUILD_MARKER = '.foaia-build.json';

/** One file of a built site. */
export interface ManifestEntry {
  /** SHA-256 of its bytes, hex. */
  sha256: string;
  size: number;
}

/** Every file of a built site (the marker aside), by its path relative to `dist/` with `/` separators. */
export type Manifest = Record<string, ManifestEntry>;

/** What the marker holds: the files, nothing that depends on when they were written (same content, same bytes). */
interface BuildMarker {
  files: Manifest;
}

/** The hashes of a build with each file's modification time, kept in the cache so the next build hashes only what it changed. */
export interface HashMemo {
  files: Manifest;
  mtimes: Record<string, number>;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * The part of `dist/` to hash: every file but the top-level folders in `skip`, or only those in
 * `only`; from the build's listing of it (`listBuiltFiles()`) when `listed` is given, else walked.
 */
export interface TreePart {
  skip?: readonly string[];
  only?: readonly string[];
  listed?: BuiltFiles;
}

/**
 * Hashes every file of `dist/` (or a part of it). With the marker of the build before, a file of
 * the same size and modification time keeps its hash: an incremental build leaves the pages it
 * reuses untouched.
 *
 * @example
 * hashTree('dist').files['index.html'].sha256 // => '9f86d0…'
 * hashTree('dist', undefined, { only: ['pagefind'] }).files // => { 'pagefind/shards.json': { … }, … }
 */
export function hashTree(dist: string, earlier?: HashMemo, { skip = [], only, listed }: TreePart = {}): HashMemo {
  const names = only
    ? only.flatMap((folder) => (existsSync(join(dist, folder)) ? filesUnder(join(dist, folder)).map((name) => `${folder}/${name}`) : []))
    : listed
      ? [...listed.stamps.keys()].filter((name) => !inTopFolder(name, skip))
      : filesUnder(dist, skip);
  const stampOf = listed ? listedStamp(dist, listed) : statSync;
  const files: Manifest = {};
  const mtimes: Record<string, number> = {};
  for (const name of names.filter((name) => name !== BUILD_MARKER).sort()) {
    const { size, mtimeMs } = stampOf(join(dist, name));
    const known = earlier?.files[name];
    const reused = known && known.size === size && earlier?.mtimes[name] === mtimeMs;
    files[name] = { sha256: reused ? known.sha256 : sha256(join(dist, name)), size };
    mtimes[name] = mtimeMs;
  }
  return { files, mtimes };
}

/**
 * The hashes of a whole tree from those of its parts, in the order `hashTree()` gives them.
 *
 * @example
 * joinHashes([hashTree('dist', earlier, { skip: ['pagefind'] }), hashTree('dist', earlier, { only: ['pagefind'] })])
 * // => hashTree('dist', earlier)
 */
export function joinHashes(parts: readonly HashMemo[]): HashMemo {
  const files: Manifest = {};
  const mtimes: Record<string, number> = {};
  for (const name of parts.flatMap((part) => Object.keys(part.files)).sort()) {
    const part = parts.find((candidate) => name in candidate.files)!;
    files[name] = part.files[name]!;
    mtimes[name] = part.mtimes[name]!;
  }
  return { files, mtimes };
}

function readMarker(dist: string): BuildMarker | undefined {
  const file = join(dist, BUILD_MARKER);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildMarker;
  } catch {
    return undefined;
  }
}

/**
 * Writes the marker of a successful build (the build's last step) from the hashes of its files.
 *
 * @example
 * writeBuildMarker('dist', hashTree('dist', earlier)) // dist/.foaia-build.json
 */
export function writeBuildMarker(dist: string, hashes: HashMemo): void {
  const marker: BuildMarker = { files: hashes.files };
  writeFileSync(join(dist, BUILD_MARKER), JSON.stringify(marker));
}

/**
 * The files of a built site as its successful build left them, or why it cannot be published:
 * no marker (the build failed or did not finish), or files added, changed or removed since.
 * Every file is hashed again here: a deploy trusts no modification time.
 *
 * @example
 * builtSite('dist') // => { manifest: { 'index.html': { sha256, size }, … } }
 */
export function builtSite(dist: string): { manifest: Manifest } | { problem: string } {
  const marker = readMarker(dist);
  if (!marker) {
    return {
      problem: `${dist} did not come from a successful build (no ${BUILD_MARKER}): run npm run build, and deploy only after it succeeds`,
    };
  }
  const now = hashTree(dist).files;
  const changed = [...new Set([...Object.keys(now), ...Object.keys(marker.files)])].filter(
    (name) => now[name]?.sha256 !== marker.files[name]?.sha256,
  );
  if (changed.length > 0) {
    const listed = changed.slice(0, 10).map((name) => relative('.', join(dist, name)));
    return {
      problem: `${dist} changed after its build (${changed.length} files: ${listed.join(', ')}${changed.length > 10 ? '…' : ''}): build again; files edited by hand are never deployed`,
    };
  }
  return { manifest: marker.files };
}
