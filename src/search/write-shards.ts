import { availableParallelism } from 'node:os';
import { projectThread } from '../lib/project-thread';
import type { ShardJob } from './shard-writer';
import type { SearchPlace } from './shards';
import type { ShardThreadData, ShardThreadMessage } from './shard-thread';

/**
 * Pagefind processes indexing at once. One process indexes one shard at a time on one core, so a
 * clean build's sixteen shards waited for each other while the second core idled once the
 * verification was done.
 */
const MAX_SHARD_WRITERS = 2;

/**
 * Pages the Pagefind processes may hold together. An index holds about 140 KB a page until it is
 * written: 4,000 pages is about what one process held for a quarter of a 50,000-article archive
 * (3,100 pages). Two such quarters at once took that build to 5.68 GB of its 6 GB (4.76 GB one
 * at a time), so a larger archive indexes one shard at a time, and a smaller one two.
 */
const MAX_PAGES_INDEXED_AT_ONCE = 4000;

/**
 * How many Pagefind processes to index shards of these sizes (pages) with: one per core, two at
 * most, as many as the largest shards fit `MAX_PAGES_INDEXED_AT_ONCE` together, and one for a
 * single shard (a publish's), which a second process would only wait beside.
 *
 * @example
 * shardWriterCount([1250, 1250, 1240], 2) // => 2
 * shardWriterCount([3100, 3100, 3050], 2) // => 1
 * shardWriterCount([1250], 2) // => 1
 */
export function shardWriterCount(shardSizes: readonly number[], cores = availableParallelism()): number {
  const largest = [...shardSizes].sort((a, b) => b - a);
  let writers = Math.max(1, Math.min(largest.length, cores, MAX_SHARD_WRITERS));
  while (writers > 1 && largest.slice(0, writers).reduce((total, size) => total + size, 0) > MAX_PAGES_INDEXED_AT_ONCE) writers--;
  return writers;
}

/** A Pagefind process of its own, which indexes the shards it is given one at a time. */
export interface ShardWriter {
  /** Indexes one shard; settles when its files are written, with the places of its pages as indexed (`writeShard()`). One job at a time. */
  write: (job: ShardJob) => Promise<SearchPlace[]>;
  /** Has it read these pages from `dist/` before their shard's writing (`readPagesAhead()`). */
  readAhead: (paths: readonly string[]) => void;
  /** Ends the process, once its last shard is written. */
  close: () => Promise<void>;
}

/**
 * A Pagefind process in a worker thread: its messages to Pagefind are not this thread's work.
 * A `background` one runs at the lowest priority (`lowerThisThreadsPriority()`).
 *
 * @example
 * const writer = shardThread('dist');
 * await writer.write({ shard: '2025-t3', paths: ['/sport/meci/'] });
 * await writer.close();
 */
export function shardThread(dist: string, { background = false } = {}): ShardWriter {
  const worker = projectThread(new URL('./shard-thread.ts', import.meta.url), { background } satisfies ShardThreadData);
  let settle: { done: (places: SearchPlace[]) => void; fail: (error: Error) => void } | undefined;
  let stopped: Error | undefined;
  let closing = false;
  const exited = new Promise<void>((done) =>
    worker.once('exit', (code) => {
      if (!closing) stopped ??= new Error(`the search index's thread stopped (exit ${code})`);
      if (stopped) settle?.fail(stopped);
      done();
    }),
  );
  worker.on('message', (answer: { error: string } | { places: SearchPlace[] }) =>
    'error' in answer ? settle?.fail(new Error(answer.error)) : settle?.done(answer.places),
  );
  worker.on('error', (error: Error) => {
    stopped = error;
    settle?.fail(error);
  });
  return {
    write: (job) =>
      stopped
        ? Promise.reject(stopped)
        : new Promise((done, fail) => {
            settle = { done, fail };
            worker.postMessage({ dist, job } satisfies ShardThreadMessage);
          }),
    readAhead: (paths) => worker.postMessage({ dist, readAhead: paths } satisfies ShardThreadMessage),
    close: () => {
      closing = true;
      worker.postMessage({ close: true } satisfies ShardThreadMessage);
      return exited;
    },
  };
}

/**
 * Indexes the shards into `<dist>/pagefind/`, largest first, on `shardWriterCount()` Pagefind
 * processes, each driven from a worker thread: reading the pages and sending them to Pagefind is
 * not this thread's work, which goes on meanwhile (the verification reads every page here; a
 * publish's quarter was indexed a second sooner at 20,000 articles). Every process is ended,
 * whether the indexing succeeded or not, and the first failure is thrown. Gives each page's
 * place as indexed, by path (`writeShard()`).
 */
export async function writeShards(dist: string, jobs: readonly ShardJob[]): Promise<Map<string, SearchPlace>> {
  const queue = [...jobs].sort((a, b) => b.paths.length - a.paths.length);
  const writers = Array.from({ length: shardWriterCount(jobs.map((job) => job.paths.length)) }, () => shardThread(dist));
  const places = new Map<string, SearchPlace>();
  const outcomes = await Promise.allSettled(
    writers.map(async (writer) => {
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const written = await writer.write(job);
          job.paths.forEach((path, at) => places.set(path, written[at]!));
        }
      } catch (error) {
        // The other writers finish the shard they are on and take no other.
        queue.length = 0;
        throw error;
      }
    }),
  );
  await Promise.all(writers.map((writer) => writer.close()));
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return places;
}
