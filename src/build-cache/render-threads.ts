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
 * What each thread is sent first: what its renderers need of Astro's config, which a thread
 * started before the config is read cannot be given at its start.
 */
export interface RenderThreadStart {
  /** The part of Astro's image settings the renderer reads: which remote images it may collect. */
  image: Pick<AstroConfig['image'], 'domains' | 'remotePatterns'>;
}

/** The links' answers, sent to every thread: each has them before any job sent after them. */
export interface RenderThreadAnswers {
  answers: LinkAnswers;
}

/**
 * Work for the threads, in the order it becomes known: jobs to render, or the links' answers.
 * A link met before its answer has reached the thread is answered as missing, and the render
 * records it so (the loader renders such an article again: `answersHold()`).
 */
export type RenderWork = { jobs: RenderJob[] } | RenderThreadAnswers;

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
 * Batches a thread holds at once: one waiting beside the one being rendered, so that a thread
 * never waits for the main thread to answer, which may be busy with Astro's start-up.
 */
const BATCHES_HELD = 2;

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
   * Renders the jobs as `work` gives them, which may be while it is still finding them (the
   * parse thread hands over an article once it is parsed); a thread answers a link from the
   * answers it has been given so far. Outcomes come back in the jobs' order; the threads end
   * once `work` ends and every job is rendered. A thread that fails (not an article: a render
   * error is an outcome), or `work` failing, fails all.
   *
   * @example
   * const outcomes = await threads.render([{ answers: { 'content/articles/2025/07/alt.md': { href: '/politica/alt/' } } }, { jobs }], { image });
   */
  async render(work: Iterable<RenderWork> | AsyncIterable<RenderWork>, start: RenderThreadStart): Promise<RenderOutcome[]> {
    if (this.#failure) throw this.#failure;
    const jobs: RenderJob[] = [];
    const outcomes: RenderOutcome[] = [];
    const held = new Map(this.#workers.map((worker) => [worker, 0]));
    let next = 0;
    let allGiven = false;
    let ended = false;
    let end!: (error?: Error) => void;
    const rendered = new Promise<void>((done, fail) => (end = (error) => (error ? fail(error) : done())));
    // Awaited once all the work is given: a thread failing before then must not count as unhandled.
    rendered.catch(() => {});
    const stopAll = (error?: Error) => {
      if (ended) return;
      ended = true;
      this.stop();
      end(error);
    };
    const sendJobs = () => {
      for (const worker of this.#workers) {
        while (held.get(worker)! < BATCHES_HELD && next < jobs.length) {
          const first = next;
          next = Math.min(jobs.length, first + BATCH_SIZE);
          held.set(worker, held.get(worker)! + 1);
          worker.postMessage({ start: first, jobs: jobs.slice(first, next) } satisfies RenderBatch);
        }
      }
      if (allGiven && next === jobs.length && [...held.values()].every((batches) => batches === 0)) stopAll();
    };
    for (const worker of this.#workers) {
      worker.on('message', ({ start: first, outcomes: batch }: { start: number; outcomes: RenderOutcome[] }) => {
        batch.forEach((outcome, offset) => (outcomes[first + offset] = outcome));
        held.set(worker, held.get(worker)! - 1);
        sendJobs();
      });
      worker.on('error', stopAll);
      worker.on('exit', (code) => stopAll(new Error(`a render thread stopped (exit ${code})`)));
      worker.postMessage(start satisfies RenderThreadStart);
    }
    try {
      for await (const given of work) {
        if (ended) break;
        if ('answers' in given) for (const worker of this.#workers) worker.postMessage(given satisfies RenderThreadAnswers);
        else jobs.push(...given.jobs);
        sendJobs();
      }
    } catch (error) {
      stopAll(error as Error);
    }
    allGiven = true;
    sendJobs();
    await rendered;
    return outcomes;
  }
}
