import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { describe, expect, inject, it } from 'vitest';
import { SEARCH_INDEX_FOLDER, SHARD_LIST_FILE, shardOf } from '../../src/search/shards';
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

  it('is, byte for byte, the index Pagefind writes from the whole built pages, shard by shard', async () => {
    const pathsByShard = new Map<string, string[]>();
    for (const path of site.htmlPaths()) {
      const shard = shardOf(readFileSync(site.file(path), 'utf8'));
      if (shard) pathsByShard.set(shard, [...(pathsByShard.get(shard) ?? []), path]);
    }
    const afterBuild = tempTree({});
    for (const [shard, paths] of pathsByShard) {
      const { index } = await pagefind.createIndex({});
      await Promise.all(paths.map((url) => index!.addHTMLFile({ url, content: readFileSync(site.file(url), 'utf8') })));
      await index!.writeFiles({ outputPath: join(afterBuild, SEARCH_INDEX_FOLDER, shard) });
      await index!.deleteIndex();
    }
    await pagefind.close();
    const shardList = `/${SEARCH_INDEX_FOLDER}/${SHARD_LIST_FILE} `;
    const built = searchIndexListing(site.dist).filter((line) => !line.startsWith(shardList));
    expect(built.length).toBeGreaterThan(pathsByShard.size);
    expect(built).toEqual(searchIndexListing(afterBuild));
  });
});
