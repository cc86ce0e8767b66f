import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageMemo } from '../../src/build-cache/page-memo';
import { closeShardWriter, indexedFiles, readPagesAhead, writeShard } from '../../src/search/shard-writer';
import { changedShards, SEARCH_PLACE_CODEC, searchableDocument, searchablePart, searchPlace, shardOf } from '../../src/search/shards';
import { shardWriterCount, writeShards } from '../../src/search/write-shards';
import { searchIndexListing, tempTree } from './temp-tree';

describe('shardOf', () => {
  it('puts an article in the shard of its quarter of publication, and leaves other pages out', () => {
    const article = (time: string) =>
      `<meta property="article:published_time" content="${time}"><article class="article" data-pagefind-body>`;
    expect(shardOf(article('2025-08-13T09:04:00+03:00'))).toBe('2025-t3');
    expect(shardOf(article('2025-03-31T23:59:00+03:00'))).toBe('2025-t1');
    expect(shardOf(article('2025-04-01T00:00:00+03:00'))).toBe('2025-t2');
    expect(shardOf(article('2025-12-31T23:59:00+02:00'))).toBe('2025-t4');
    expect(shardOf(article('2026-01-01T00:30:00+02:00'))).toBe('2026-t1');
    expect(shardOf('<main><h1>Sport</h1></main>')).toBe('');
  });
});

describe('searchPlace', () => {
  const page = (related: string, body = '<p>Text <img src="/a.webp"> <br></p><article><p>citat</p></article>') =>
    '<html lang="ro"><head><meta property="article:published_time" content="2025-08-13T09:04:00+03:00"></head><body>' +
    `<nav>Meniu</nav><article class="article" data-pagefind-body><h1>Titlu</h1>${body}</article>` +
    `<aside class="related"><article><h3>${related}</h3></article></aside></body></html>`;

  it('reads the whole indexed element, nested elements and void tags included, and nothing after it', () => {
    expect(searchablePart(page('Altul'))).toBe(
      '<article class="article" data-pagefind-body><h1>Titlu</h1><p>Text <img src="/a.webp"> <br></p><article><p>citat</p></article></article>',
    );
    expect(searchablePart('<main><h1>Sport</h1></main>')).toBe('');
  });

  it('finds the element when the attribute name is written before it in text, an attribute value or JSON-LD', () => {
    const before =
      '<head><meta name="description" content="Despre data-pagefind-body"><script type="application/ld+json">{"headline":"\\u003cdiv data-pagefind-body\\u003e"}</script></head>' +
      '<body><p>Scrieți &lt;div data-pagefind-body&gt; sau data-pagefind-body</p>';
    expect(searchablePart(`${before}<article data-pagefind-body><p>Text</p></article><footer></footer></body>`)).toBe(
      '<article data-pagefind-body><p>Text</p></article>',
    );
    expect(searchablePart(`${before}</body>`)).toBe('');
  });

  it('runs an element left open to the end of the page, as a parse of the whole page does', () => {
    expect(searchablePart('<nav>Meniu</nav><article data-pagefind-body><p>Text')).toBe('<article data-pagefind-body><p>Text');
  });

  it('changes with the indexed text, not with the related articles around it', () => {
    expect(searchPlace(page('Altul')).shard).toBe('2025-t3');
    expect(searchPlace(page('Alt titlu'))).toEqual(searchPlace(page('Altul')));
    expect(searchPlace(page('Altul', '<p>Text nou</p>')).indexed).not.toBe(searchPlace(page('Altul')).indexed);
    expect(searchPlace('<main><h1>Sport</h1></main>')).toEqual({ shard: '', indexed: '' });
  });

  it("gives Pagefind the page's language and its indexed element, or the whole page when it has none", () => {
    expect(searchableDocument(page('Altul'))).toBe(
      '<html lang="ro"><body><article class="article" data-pagefind-body><h1>Titlu</h1><p>Text <img src="/a.webp"> <br></p>' +
        '<article><p>citat</p></article></article></body></html>',
    );
    expect(searchableDocument('<html><body><div data-pagefind-body>Text</div><footer>Subsol</footer></body></html>')).toBe(
      '<html><body><div data-pagefind-body>Text</div></body></html>',
    );
    expect(searchableDocument('<main><h1>Sport</h1></main>')).toBe('<main><h1>Sport</h1></main>');
  });
});

describe('the search memo', () => {
  it('reads again a page whose remembered place has another shape (a cache from an older build)', () => {
    const folder = tempTree({ 'a/index.html': '<main></main>', 'b/index.html': '<main></main>' });
    const [a, b] = ['a', 'b'].map((name) => join(folder, name, 'index.html'));
    const identity = (file: string) => ({ mtimeMs: statSync(file).mtimeMs, size: statSync(file).size });
    const memoFile = join(folder, 'search-pages.json');
    writeFileSync(
      memoFile,
      JSON.stringify({
        strings: [],
        pages: {
          '/a/': { ...identity(a!), shard: '2025' },
          '/b/': { ...identity(b!), value: { shard: '', indexed: '' } },
        },
      }),
    );
    const memo = PageMemo.load(memoFile, SEARCH_PLACE_CODEC);
    expect(memo.valueOf('/a/', a!, searchPlace)).toEqual({ shard: '', indexed: '' });
    expect(memo.valueOf('/b/', b!, searchPlace)).toEqual({ shard: '', indexed: '' });
    expect([...memo.changed]).toEqual(['/a/']);
    // A memo of the format before shared strings is forgotten whole.
    writeFileSync(memoFile, JSON.stringify({ '/b/': { ...identity(b!), value: { shard: '', indexed: '' } } }));
    expect(PageMemo.load(memoFile, SEARCH_PLACE_CODEC).earlierValues().size).toBe(0);
  });

  it('takes the value computed already for a page written since, and remembers the unchanged one', () => {
    const folder = tempTree({ 'a/index.html': '<main></main>', 'b/index.html': '<main></main>' });
    const [a, b] = ['a', 'b'].map((name) => join(folder, name, 'index.html'));
    const memoFile = join(folder, 'search-pages.json');
    const first = PageMemo.load(memoFile, SEARCH_PLACE_CODEC);
    for (const [path, file] of [
      ['/a/', a!],
      ['/b/', b!],
    ] as const)
      first.valueOf(path, file, searchPlace);
    first.save();
    writeFileSync(a!, '<main>scrisă din nou</main>');
    const given = { shard: '2025-t3', indexed: 'dat' };
    const memo = PageMemo.load(memoFile, SEARCH_PLACE_CODEC);
    expect([memo.knows('/a/', a!), memo.knows('/b/', b!), memo.knows('/c/', b!)]).toEqual([false, true, false]);
    expect([memo.valueOf('/a/', a!, searchPlace, given), memo.valueOf('/b/', b!, searchPlace, given)]).toEqual([
      given,
      { shard: '', indexed: '' },
    ]);
    expect([...memo.changed]).toEqual(['/a/']);
  });
});

describe('changedShards', () => {
  const earlier = new Map([
    ['/a/', '2024'],
    ['/b/', '2025'],
    ['/c/', '2025'],
    ['/sport/', ''],
  ]);

  it('is none when no page changed and every shard has its output', () => {
    expect(changedShards(earlier, new Map(earlier), new Set(), () => true)).toEqual(new Set());
  });

  it('is the shard of a changed or new page, not of a listing page', () => {
    const current = new Map([...earlier, ['/d/', '2025']]);
    expect(changedShards(earlier, current, new Set(['/d/', '/sport/']), () => true)).toEqual(new Set(['2025']));
  });

  it('is the shard a page left, deleted or moved to another quarter', () => {
    const current = new Map([
      ['/b/', '2026'],
      ['/c/', '2025'],
      ['/sport/', ''],
    ]);
    expect(changedShards(earlier, current, new Set(['/b/']), () => true)).toEqual(new Set(['2024', '2025', '2026']));
  });

  it('is a shard whose output is missing', () => {
    expect(changedShards(earlier, new Map(earlier), new Set(), (shard) => shard !== '2024')).toEqual(new Set(['2024']));
  });

  it('asks whether a shard has its output once for the shard, not once for each of its pages', () => {
    const asked: string[] = [];
    const current = new Map([...earlier, ['/d/', '2025'], ['/e/', '2025'], ['/tenis/', '']]);
    changedShards(earlier, current, new Set(), (shard) => asked.push(shard) > 0);
    expect(asked.sort()).toEqual(['2024', '2025']);
  });
});

describe('writeShards', () => {
  const page = (title: string) =>
    `<html lang="ro"><head><title>${title}</title></head><body><article data-pagefind-body><h1>${title}</h1><p>Ședința guvernului despre ${title}.</p></article></body></html>`;
  const files = Object.fromEntries(
    ['buget', 'alegeri', 'sport', 'vreme', 'teatru'].map((slug) => [`politica/${slug}/index.html`, page(slug)]),
  );
  const jobs = [
    { shard: '2025-t1', paths: ['/politica/buget/', '/politica/alegeri/'] },
    { shard: '2025-t2', paths: ['/politica/sport/'] },
    { shard: '2025-t3', paths: ['/politica/vreme/', '/politica/teatru/'] },
  ];

  it('runs one Pagefind process per core, two at most, one for a single shard, and one when two shards hold too many pages', () => {
    expect([
      shardWriterCount([1250, 1250, 1240], 2),
      shardWriterCount([1250, 1250, 1240], 8),
      shardWriterCount([1250], 8),
      shardWriterCount([], 2),
      shardWriterCount([5, 5, 5], 1),
      shardWriterCount([3100, 3100, 3050], 2),
      shardWriterCount([10, 3980, 20], 2),
      shardWriterCount([10, 3981, 20], 2),
    ]).toEqual([2, 2, 1, 1, 1, 1, 2, 1]);
  });

  it('writes on two processes the bytes one process writes, shard by shard', async () => {
    const alone = tempTree(files);
    for (const job of jobs) await writeShard(alone, job);
    await closeShardWriter();
    const together = tempTree(files);
    await writeShards(together, jobs);
    expect(searchIndexListing(together)).toEqual(searchIndexListing(alone));
    expect(searchIndexListing(together).filter((line) => line.includes('/pagefind.js '))).toHaveLength(3);
  });

  it('writes a shard over its earlier index to the files a shard written anew has, and reads ahead pages', async () => {
    const earlier = tempTree({
      ...files,
      'pagefind/2025-t1/index/ro_0000000.pf_index': 'of an older index',
      'pagefind/2025-t1/old-ui.js': '',
    });
    await writeShard(earlier, jobs[0]!);
    writeFileSync(join(earlier, 'politica/alegeri/index.html'), page('alegeri anticipate'));
    readPagesAhead(earlier, ['/politica/buget/']);
    writeFileSync(join(earlier, 'politica/buget/index.html'), page('buget rectificat'));
    const places = await writeShard(earlier, jobs[0]!);
    await closeShardWriter();
    const anew = tempTree({ ...files, 'politica/alegeri/index.html': page('alegeri anticipate') });
    await writeShard(anew, jobs[0]!);
    await closeShardWriter();
    expect(searchIndexListing(earlier)).toEqual(searchIndexListing(anew));
    expect(indexedFiles(join(earlier, 'pagefind/2025-t1'))?.size).toBeGreaterThan(2);
    // The page read ahead is indexed as it was read, and its place says so: the build compares it with the page as built.
    expect(places[0]).toEqual(searchPlace(page('buget')));
  });

  it('tells nothing of a folder that is not a whole Pagefind index', () => {
    expect(indexedFiles(tempTree({ 'pagefind-entry.json': '{}' }))).toBeUndefined();
    expect(indexedFiles(tempTree({ 'pagefind-entry.json': '{"languages":{"ro":{"hash":"ro_1","page_count":1}}}' }))).toBeUndefined();
  });

  it('fails with the page it could not read', async () => {
    const dist = tempTree(files);
    await expect(writeShards(dist, [...jobs, { shard: '2025-t4', paths: ['/politica/lipsa/'] }])).rejects.toThrow(/lipsa/);
  });
});
