import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { fileForPath } from '../../src/lib/built-site';
import { SEARCH_INDEX_FOLDER, SHARD_LIST_FILE, shardOf } from '../../src/search/shards';
import { writeShards } from '../../src/search/write-shards';
import { searchIndexListing, tempTree } from '../unit/temp-tree';
import { BuiltSite } from './dist';

const root = fileURLToPath(new URL('../..', import.meta.url));
const build = inject('completenessBuild');
const site = new BuiltSite(join(root, build.dist));

describe('the search index of a clean build', () => {
  it('is written, quarter by quarter, while Astro still generates the pages', () => {
    const [, duringGeneration] = /\(\d+ indexate din nou, (\d+) în timpul generării paginilor\)/.exec(build.output) ?? [];
    expect(Number(duringGeneration)).toBeGreaterThanOrEqual(1);
  });

  it('is, byte for byte, the index Pagefind writes from the built pages after the build', async () => {
    const pathsByShard = new Map<string, string[]>();
    for (const path of site.htmlPaths()) {
      const shard = shardOf(readFileSync(site.file(path), 'utf8'));
      if (shard) pathsByShard.set(shard, [...(pathsByShard.get(shard) ?? []), path]);
    }
    const afterBuild = tempTree({});
    for (const paths of pathsByShard.values()) {
      for (const path of paths) {
        const copy = fileForPath(afterBuild, path);
        mkdirSync(dirname(copy), { recursive: true });
        copyFileSync(site.file(path), copy);
      }
    }
    await writeShards(
      afterBuild,
      [...pathsByShard].map(([shard, paths]) => ({ shard, paths })),
    );
    const shardList = `/${SEARCH_INDEX_FOLDER}/${SHARD_LIST_FILE} `;
    const built = searchIndexListing(site.dist).filter((line) => !line.startsWith(shardList));
    expect(built.length).toBeGreaterThan(pathsByShard.size);
    expect(built).toEqual(searchIndexListing(afterBuild));
  });
});
