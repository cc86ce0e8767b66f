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
}

/** The answer to a link for every article file the build knows; a file not here is missing. */
export type LinkAnswers = Record<string, LinkAnswer>;

/**
 * What each thread is sent before its first batch: what its renderers need of Astro's config,
 * which a thread started before the config is read cannot be given at its start, and the links'
 * answers.
 */
export interface RenderThreadStart {
  /** The part of Astro's image settings the renderer reads: which remote images it may collect. */
  image: Pick<AstroConfig['image'], 'domains' | 'remotePatterns'>;
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
 * jobs are known, so that they load the renderer's modules meanwhile. The process does not wait
 * for them until `ref()`: a build that stops before it needs them (a failed check) ends.
 */
export class RenderThreads {
  readonly #workers: Worker[];
  /** Why a thread stopped before it was given work, if one did. */
  #failure: Error | undefined;

  /**
   * @example
   * const threads = new RenderThreads({ root, cacheFolder }, renderThreadCount(5000));
   */
  constructor(data: RenderThreadData, threads: number) {
    this.#workers = Array.from({ length: threads }, () => {
      const worker = projectThread(new URL('./render-thread.ts', import.meta.url), data);
      worker.unref();
      worker.once('error', (error: Error) => (this.#failure ??= error));
      worker.once('exit', (code) => (this.#failure ??= new Error(`a render thread stopped (exit ${code})`)));
      return worker;
    });
  }

  /** Has the process wait for the threads, once their renders are awaited. */
  ref(): void {
    for (const worker of this.#workers) worker.ref();
  }

  /** Ends the threads, whatever they were doing: their renders are not needed. */
  stop(): void {
    for (const worker of this.#workers) void worker.terminate();
  }

  /**
   * Renders the jobs, the links answered from `start.answers`. Outcomes come back in the jobs'
   * order; each thread ends once no job is left for it. A thread that fails (not an article: a
   * render error is an outcome) fails all.
   *
   * @example
   * const outcomes = await threads.render(jobs, { image, answers: { 'content/articles/2025/07/alt.md': { href: '/politica/alt/' } } });
   */
  render(jobs: readonly RenderJob[], start: RenderThreadStart): Promise<RenderOutcome[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const outcomes = new Array<RenderOutcome>(jobs.length);
    let next = 0;
    return new Promise((done, fail) => {
      let running = this.#workers.length;
      const stopAll = (error: Error) => {
        this.stop();
        fail(error);
      };
      for (const worker of this.#workers) {
        let sent = 0;
        let finished = false;
        const sendNext = () => {
          if (finished) return;
          if (next < jobs.length) {
            const first = next;
            next = Math.min(jobs.length, first + BATCH_SIZE);
            sent++;
            worker.postMessage({ start: first, jobs: jobs.slice(first, next) } satisfies RenderBatch);
            return;
          }
          if (sent > 0) return;
          finished = true;
          void worker.terminate();
          if (--running === 0) done(outcomes);
        };
        worker.on('message', ({ start: first, outcomes: batch }: { start: number; outcomes: RenderOutcome[] }) => {
          batch.forEach((outcome, offset) => (outcomes[first + offset] = outcome));
          sent--;
          sendNext();
        });
        worker.on('error', stopAll);
        worker.on('exit', (code) => finished || stopAll(new Error(`a render thread stopped (exit ${code})`)));
        worker.postMessage(start satisfies RenderThreadStart);
        // A batch waiting beside the one being rendered: a thread never waits for this one to
        // answer, which may be busy with Astro's start-up.
        sendNext();
        sendNext();
      }
    });
  }
}
