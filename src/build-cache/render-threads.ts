import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { AstroConfig } from 'astro';
import { projectThread } from '../lib/project-thread';
import type { RenderJob } from './article-render';
import type { CachedRender, LinkAnswer } from './render-cache';

/** What every render thread is started with: plain data, copied once into each thread. */
export interface RenderThreadData {
  root: string;
  /** Where the threads write each HTML (`renderCacheFolder()`). */
  cacheFolder: string;
  /** The answer to a link for every article file the build knows; a file not here is missing. */
  answers: Record<string, LinkAnswer>;
  /** The part of Astro's image settings the renderer reads: which remote images it may collect. */
  image: Pick<AstroConfig['image'], 'domains' | 'remotePatterns'>;
}

/** Consecutive jobs sent to a thread at once, and where they start in the whole list. */
export interface RenderBatch {
  start: number;
  jobs: RenderJob[];
}

/** A render, or why the article could not be rendered. */
export type RenderOutcome = CachedRender | { error: string };

/** Below this many renders, starting threads (about 0.4 s each) costs more than it saves. */
const RENDER_THREADS_FROM = 100;

/** Each thread holds a renderer and a heap of its own: a runner with many cores must not multiply the memory. */
const MAX_RENDER_THREADS = 4;

/** Articles sent to a thread at once: few enough that the threads finish together, enough to keep messages rare. */
const BATCH_SIZE = 32;

/**
 * How many threads to render `count` articles on: one per core (four at most), none when there
 * are too few renders to pay for starting them.
 *
 * @example
 * renderThreadCount(5000) // => 2 (on two cores)
 * renderThreadCount(3) // => 0
 */
export function renderThreadCount(count: number, cores = availableParallelism()): number {
  return count >= RENDER_THREADS_FROM && cores > 1 ? Math.min(cores, MAX_RENDER_THREADS) : 0;
}

/**
 * Renders articles on worker threads (`render-thread.ts`), each with a renderer of its own: a
 * clean build's thousands of renders spread over the cores instead of one. Outcomes come back in
 * the jobs' order. A thread that fails (not an article: a render error is an outcome) fails all.
 */
export function renderInThreads(jobs: readonly RenderJob[], data: RenderThreadData, threads: number): Promise<RenderOutcome[]> {
  const outcomes = new Array<RenderOutcome>(jobs.length);
  const workers: Worker[] = [];
  let next = 0;
  return new Promise((done, fail) => {
    let running = threads;
    const stopAll = (error: Error) => {
      for (const worker of workers) void worker.terminate();
      fail(error);
    };
    for (let thread = 0; thread < threads; thread++) {
      const worker = projectThread(new URL('./render-thread.ts', import.meta.url), data);
      workers.push(worker);
      let finished = false;
      const sendNext = () => {
        if (next >= jobs.length) {
          finished = true;
          void worker.terminate();
          if (--running === 0) done(outcomes);
          return;
        }
        const start = next;
        next = Math.min(jobs.length, start + BATCH_SIZE);
        worker.postMessage({ start, jobs: jobs.slice(start, next) } satisfies RenderBatch);
      };
      worker.on('message', ({ start, outcomes: batch }: { start: number; outcomes: RenderOutcome[] }) => {
        batch.forEach((outcome, offset) => (outcomes[start + offset] = outcome));
        sendNext();
      });
      worker.on('error', stopAll);
      worker.on('exit', (code) => finished || stopAll(new Error(`a render thread stopped (exit ${code})`)));
      sendNext();
    }
  });
}
