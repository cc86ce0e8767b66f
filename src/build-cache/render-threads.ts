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
  /** The part of Astro's image settings the renderer reads: which remote images it may collect. */
  image: Pick<AstroConfig['image'], 'domains' | 'remotePatterns'>;
}

/** The answer to a link for every article file the build knows; a file not here is missing. */
export type LinkAnswers = Record<string, LinkAnswer>;

/** The links' answers, sent to each thread before its first batch. */
export interface RenderThreadLinks {
  answers: LinkAnswers;
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
 * Worker threads (`render-thread.ts`) that render articles, each with a renderer of its own: a
 * clean build's thousands of renders spread over the cores instead of one. They start before the
 * jobs are known, so that they build their renderers while the loader checks the articles.
 */
export class RenderThreads {
  readonly #workers: Worker[];
  /** Why a thread stopped before it was given work, if one did. */
  #failure: Error | undefined;

  /**
   * @example
   * const threads = new RenderThreads({ root, cacheFolder, image }, renderThreadCount(5000));
   */
  constructor(data: RenderThreadData, threads: number) {
    this.#workers = Array.from({ length: threads }, () => {
      const worker = projectThread(new URL('./render-thread.ts', import.meta.url), data);
      // Until they render: a build that stops before (a failed check) does not wait for them.
      worker.unref();
      worker.once('error', (error: Error) => (this.#failure ??= error));
      worker.once('exit', (code) => (this.#failure ??= new Error(`a render thread stopped (exit ${code})`)));
      return worker;
    });
  }

  /**
   * Renders the jobs, the links answered from `answers`. Outcomes come back in the jobs' order;
   * each thread ends once no job is left for it. A thread that fails (not an article: a render
   * error is an outcome) fails all.
   *
   * @example
   * const outcomes = await threads.render(jobs, { 'content/articles/2025/07/alt.md': { href: '/politica/alt/' } });
   */
  render(jobs: readonly RenderJob[], answers: LinkAnswers): Promise<RenderOutcome[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const outcomes = new Array<RenderOutcome>(jobs.length);
    let next = 0;
    return new Promise((done, fail) => {
      let running = this.#workers.length;
      const stopAll = (error: Error) => {
        for (const worker of this.#workers) void worker.terminate();
        fail(error);
      };
      for (const worker of this.#workers) {
        worker.ref();
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
        worker.postMessage({ answers } satisfies RenderThreadLinks);
        sendNext();
      }
    });
  }
}
