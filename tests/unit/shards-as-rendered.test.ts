import { getPriority } from 'node:os';
import type { AstroPrerenderer, PathWithRoute } from 'astro';
import { describe, expect, it } from 'vitest';
import { projectThread } from '../../src/lib/project-thread';
import type { ShardJob } from '../../src/search/shard-writer';
import { handingOverPages, indexedPagesFirst, type ShardPlan, ShardsAsRendered, sitePath } from '../../src/search/shards-as-rendered';
import { searchPlace, shardOfTime } from '../../src/search/shards';
import { type ShardWriter, shardThread, writeShards } from '../../src/search/write-shards';
import { searchIndexListing, tempTree } from './temp-tree';

const page = (slug: string, time: string) =>
  `<html lang="ro"><head><meta property="article:published_time" content="${time}"><title>${slug}</title></head>` +
  `<body><article data-pagefind-body><h1>${slug}</h1><p>Ședința guvernului despre ${slug}.</p></article></body></html>`;

const pages: Record<string, string> = {
  '/politica/buget/': page('buget', '2025-02-10T10:00:00+02:00'),
  '/politica/alegeri/': page('alegeri', '2025-03-31T23:59:00+03:00'),
  '/sport/meci/': page('meci', '2025-01-02T08:00:00+02:00'),
  '/sport/finala/': page('finala', '2025-05-20T21:00:00+03:00'),
  '/cultura/teatru/': page('teatru', '2025-06-01T12:00:00+03:00'),
};

/** A shard whose pages all render in this build, or only those in `rendered`. */
const plan = (paths: string[], rendered = paths): ShardPlan => ({ paths, rendered: new Set(rendered) });

/** The places a writer gives for a job: each page's shard, and its HTML as the fingerprint (or `dist/` for a page it read). */
const placesOf = (job: ShardJob) => job.paths.map((_, at) => ({ shard: job.shard, indexed: job.pages?.[at] ?? 'dist/' }));

/** A writer that records its jobs, failing those of the shards named. */
function recordingWriter(failing: readonly string[] = []) {
  const jobs: ShardJob[] = [];
  const readAhead: (readonly string[])[] = [];
  let closed = 0;
  const writer: ShardWriter = {
    readAhead: (paths) => readAhead.push(paths),
    write: async (job) => {
      if (failing.includes(job.shard)) throw new Error(`Pagefind: ${job.shard}`);
      jobs.push(job);
      return placesOf(job);
    },
    close: async () => {
      closed++;
    },
  };
  return { writer, jobs, readAhead, closed: () => closed };
}

describe('shardOfTime', () => {
  it('is the quarter of the time as the page writes it, Bucharest time', () => {
    expect(['2025-03-31T23:59:00+03:00', '2025-04-01T00:00:00+03:00', '2025-12-31T23:59:00+02:00', '', 'mâine'].map(shardOfTime)).toEqual([
      '2025-t1',
      '2025-t2',
      '2025-t4',
      'fara-data',
      'fara-data',
    ]);
  });
});

describe('ShardsAsRendered', () => {
  it('writes a shard once all its pages rendered, its pages in path order, and drops a shard that did not fill', async () => {
    const { writer, jobs, closed } = recordingWriter();
    let started = 0;
    const shards = new ShardsAsRendered(
      new Map([
        ['2025-t1', plan(['/sport/meci/', '/politica/buget/', '/politica/alegeri/'])],
        ['2025-t2', plan(['/sport/finala/', '/cultura/teatru/', '/cultura/film/'])],
      ]),
      () => (started++, writer),
    );
    for (const path of ['/sport/meci/', '/politica/buget/', '/cultura/teatru/', '/sport/finala/']) shards.add(path, pages[path]!);
    shards.add('/sport/', '<main><h1>Sport</h1></main>');
    expect(started).toBe(0);
    shards.add('/politica/alegeri/', pages['/politica/alegeri/']!);
    const { written, failed } = await shards.finish();
    expect(jobs).toEqual([
      {
        shard: '2025-t1',
        paths: ['/politica/alegeri/', '/politica/buget/', '/sport/meci/'],
        pages: [pages['/politica/alegeri/'], pages['/politica/buget/'], pages['/sport/meci/']],
      },
    ]);
    expect([...written].map(([shard, places]) => [shard, [...places.keys()]])).toEqual([
      ['2025-t1', ['/politica/alegeri/', '/politica/buget/', '/sport/meci/']],
    ]);
    expect([...failed]).toEqual([]);
    expect([started, closed()]).toEqual([1, 1]);
    expect([shards.took('2025-t1'), shards.took('2025-t2')]).toEqual([true, false]);
  });

  it('writes a shard once the pages this build renders of it are in, the others read from dist/ ahead', async () => {
    const { writer, jobs, readAhead } = recordingWriter();
    const shards = new ShardsAsRendered(
      new Map([
        ['2025-t1', plan(['/sport/meci/', '/politica/buget/', '/politica/alegeri/'], ['/politica/buget/'])],
        ['2025-t2', plan(['/sport/finala/', '/cultura/teatru/'], [])],
      ]),
      () => writer,
    );
    shards.readAhead();
    expect(readAhead).toEqual([['/sport/meci/', '/politica/alegeri/']]);
    shards.add('/sport/meci/', pages['/sport/meci/']!);
    expect(jobs).toEqual([]);
    shards.add('/politica/buget/', pages['/politica/buget/']!);
    const { written } = await shards.finish();
    expect(jobs).toEqual([
      {
        shard: '2025-t1',
        paths: ['/politica/alegeri/', '/politica/buget/', '/sport/meci/'],
        pages: [undefined, pages['/politica/buget/'], undefined],
      },
    ]);
    expect([...written.get('2025-t1')!.values()].map((place) => place.indexed)).toEqual(['dist/', pages['/politica/buget/'], 'dist/']);
    // A page read from `dist/` may be rendered again later in the build: its place is not offered.
    expect(['/politica/buget/', '/sport/meci/'].map((path) => shards.placeOf(path)?.indexed)).toEqual([
      pages['/politica/buget/'],
      undefined,
    ]);
  });

  it('reports a shard whose writing failed and starts no other after it', async () => {
    const { writer, jobs } = recordingWriter(['2025-t1']);
    const shards = new ShardsAsRendered(
      new Map([
        ['2025-t1', plan(['/sport/meci/'])],
        ['2025-t2', plan(['/sport/finala/'])],
      ]),
      () => writer,
    );
    shards.add('/sport/meci/', pages['/sport/meci/']!);
    await Promise.resolve();
    shards.add('/sport/finala/', pages['/sport/finala/']!);
    const { written, failed } = await shards.finish();
    expect([[...written], [...failed], jobs]).toEqual([[], ['2025-t1'], []]);
  });

  it('leaves to after the build a shard that completes while Pagefind is seven shards behind', async () => {
    const jobs: string[] = [];
    let release = () => {};
    const slow: ShardWriter = {
      readAhead: () => {},
      write: (job) => {
        jobs.push(job.shard);
        return job.shard === '2025-t1' ? new Promise((done) => (release = () => done(placesOf(job)))) : Promise.resolve(placesOf(job));
      },
      close: async () => {},
    };
    // The middle of nine quarters in a row, 2025 to 2027.
    const times = Array.from(
      { length: 9 },
      (_, at) => `${2025 + Math.floor(at / 4)}-${String((at % 4) * 3 + 2).padStart(2, '0')}-05T10:00:00+02:00`,
    );
    const shards = new ShardsAsRendered(new Map(times.map((time, at) => [shardOfTime(time), plan([`/stiri/${at}/`])])), () => slow);
    times.forEach((time, at) => shards.add(`/stiri/${at}/`, page(`stire${at}`, time)));
    await new Promise((done) => setTimeout(done, 10));
    release();
    const { written } = await shards.finish();
    const firstSeven = ['2025-t1', '2025-t2', '2025-t3', '2025-t4', '2026-t1', '2026-t2', '2026-t3'];
    expect([jobs, [...written.keys()]]).toEqual([firstSeven, firstSeven]);
  });

  it('writes, from pages rendered in any order, the bytes the index written after the build has', async () => {
    const files = Object.fromEntries(Object.entries(pages).map(([path, html]) => [`${path.slice(1)}index.html`, html]));
    const afterBuild = tempTree(files);
    await writeShards(afterBuild, [
      { shard: '2025-t1', paths: ['/politica/alegeri/', '/politica/buget/', '/sport/meci/'] },
      { shard: '2025-t2', paths: ['/cultura/teatru/', '/sport/finala/'] },
    ]);
    const asRendered = tempTree(files);
    const shards = new ShardsAsRendered(
      new Map([
        ['2025-t1', plan(['/politica/alegeri/', '/politica/buget/', '/sport/meci/'])],
        // As after a publish: one page rendered anew, the other as the last build wrote it.
        ['2025-t2', plan(['/cultura/teatru/', '/sport/finala/'], ['/sport/finala/'])],
      ]),
      () => shardThread(asRendered),
    );
    shards.readAhead();
    for (const path of ['/sport/finala/', '/sport/meci/', '/cultura/teatru/', '/politica/buget/', '/politica/alegeri/']) {
      shards.add(path, pages[path]!);
    }
    const { written } = await shards.finish();
    expect([...written.keys()].sort()).toEqual(['2025-t1', '2025-t2']);
    expect(searchIndexListing(asRendered)).toEqual(searchIndexListing(afterBuild));
    expect([...written.get('2025-t2')!]).toEqual([
      ['/cultura/teatru/', searchPlace(pages['/cultura/teatru/']!)],
      ['/sport/finala/', searchPlace(pages['/sport/finala/']!)],
    ]);
    expect(['/sport/meci/', '/sport/finala/', '/cultura/teatru/', '/sport/'].map((path) => shards.placeOf(path))).toEqual([
      searchPlace(pages['/sport/meci/']!),
      searchPlace(pages['/sport/finala/']!),
      undefined,
      undefined,
    ]);
  });
});

describe('lowerThisThreadsPriority', () => {
  it.runIf(process.platform === 'linux')('lowers the thread and what it starts, not the build', async () => {
    const worker = projectThread(new URL('./threads/priority-thread.ts', import.meta.url));
    const reported = await new Promise((done) => worker.once('message', done));
    await worker.terminate();
    expect([reported, getPriority(0), getPriority()]).toEqual([{ thread: 19, child: 19 }, 0, 0]);
  });
});

describe('handingOverPages', () => {
  const html = '<!DOCTYPE html><html lang="ro"><body>Știri</body></html>';
  const prerenderer = (respond: () => Response | { response: Response; metadata: unknown }): AstroPrerenderer => ({
    name: 'test',
    getStaticPaths: async () => [],
    render: async () => respond() as Awaited<ReturnType<AstroPrerenderer['render']>>,
  });
  const route = (type: string) => ({ routeData: { type } }) as Parameters<AstroPrerenderer['render']>[1];
  const headers = { 'content-type': 'text/html', 'x-pagina': 'da' };

  it("hands over a page's HTML with its decoded path, and Astro gets the same bytes, status and headers", async () => {
    const handed: string[][] = [];
    const wrapped = handingOverPages(
      prerenderer(() => new Response(html, { headers })),
      (path, text) => handed.push([path, text]),
    );
    const response = (await wrapped.render(new Request('http://localhost/%C8%99tiri/azi/'), route('page'))) as Response;
    expect(handed).toEqual([['/știri/azi/', html]]);
    expect([response.status, response.headers.get('x-pagina'), Buffer.from(await response.arrayBuffer()).toString()]).toEqual([
      200,
      'da',
      html,
    ]);
  });

  it('keeps the metadata of an incremental render, and leaves endpoints and redirects alone', async () => {
    const handed: string[] = [];
    const onPage = (path: string) => handed.push(path);
    const withMetadata = await handingOverPages(
      prerenderer(() => ({ response: new Response(html, { headers }), metadata: { used: ['a'] } })),
      onPage,
    ).render(new Request('http://localhost/a/'), route('page'));
    expect((withMetadata as { metadata: unknown }).metadata).toEqual({ used: ['a'] });
    await handingOverPages(
      prerenderer(() => new Response('{}')),
      onPage,
    ).render(new Request('http://localhost/feed.json'), route('endpoint'));
    await handingOverPages(
      prerenderer(() => new Response(null, { status: 301, headers: { location: '/b/' } })),
      onPage,
    ).render(new Request('http://localhost/c/'), route('page'));
    expect(handed).toEqual(['/a/']);
  });

  it('names a path that is not valid percent-encoding as it came', () => {
    expect([sitePath('http://localhost/%C8%99tiri/'), sitePath('http://localhost/100%25/'), sitePath('http://localhost/a%E0/')]).toEqual([
      '/știri/',
      '/100%/',
      '/a%E0/',
    ]);
  });
});

describe('indexedPagesFirst', () => {
  /** A path and the route that makes it: only the route's pattern matters here. */
  const path = (pathname: string, route: string): PathWithRoute => ({ pathname, route: { route } as PathWithRoute['route'] });

  it("puts the indexed articles' pages first, each part in Astro's order", () => {
    const paths = [
      path('/autor/ana/', 'autor'),
      path('/rss.xml', 'rss'),
      path('/sport/meci/', 'article'),
      path('/tag/ue/', 'tag'),
      path('/%C8%99tiri/vot/', 'article'),
      path('/sport/retras/', 'article'),
    ];
    const ordered = indexedPagesFirst(paths, new Set(['/sport/meci/', '/știri/vot/']));
    expect(ordered.map(({ pathname }) => pathname)).toEqual([
      '/sport/meci/',
      '/%C8%99tiri/vot/',
      '/autor/ana/',
      '/rss.xml',
      '/tag/ue/',
      '/sport/retras/',
    ]);
  });

  it('leaves a path two routes claim where Astro put it, so the same route wins', () => {
    const paths = [path('/autor/ana/', 'autor'), path('/autor/ana', 'article'), path('/sport/meci/', 'article')];
    const ordered = indexedPagesFirst(paths, new Set(['/autor/ana/', '/sport/meci/']));
    expect(ordered.map(({ pathname, route }) => `${pathname} ${route.route}`)).toEqual([
      '/sport/meci/ article',
      '/autor/ana/ autor',
      '/autor/ana article',
    ]);
  });
});
