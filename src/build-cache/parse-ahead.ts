import { existsSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { ArticleParse } from '../lib/article-file';
import { projectThread } from '../lib/project-thread';

/** What the thread is started with. */
export interface ParseAheadData {
  root: string;
  /** The articles' folder, relative to the root. */
  base: string;
}

/** Each parse by the memo's key for its file, as `ParseMemo.adopt()` takes them. */
export type ParsesAhead = [string, ArticleParse][];

/**
 * Where the parses wait for the loader. Astro loads the config and the content loaders as two
 * module graphs, each with its own copy of this module: only the process's global object is
 * shared by both.
 */
const WAITING = Symbol.for('foaia.parsesAhead');

type WithParsesAhead = typeof globalThis & { [WAITING]?: { worker: Worker; parses: Promise<ParsesAhead> } };

/**
 * Starts parsing every article file on a worker thread (`parse-ahead-thread.ts`) while Astro
 * starts, when the build has no memo of parses (a clean build): Astro's start-up keeps one core
 * busy, and the loader would otherwise parse thousands of files on the main thread after it. One
 * thread, not one per core: a second one slowed Astro's start-up as much as it sped the parse
 * (5,000 articles, interleaved runs). A rebuild finds its memo and starts nothing. The loader
 * takes the parses with `takeParsesAhead()`; a thread that fails gives none, and the loader
 * parses the files itself.
 *
 * @example
 * startParsingAhead({ root: '/site', base: 'content/articles' }, '/site/node_modules/.astro/foaia/article-parses.bin')
 */
export function startParsingAhead(data: ParseAheadData, memoFile: string): void {
  if (existsSync(memoFile)) return;
  const worker = projectThread(new URL('./parse-ahead-thread.ts', import.meta.url), data);
  // A command that loads the config and never syncs the content does not wait for the thread.
  worker.unref();
  const parses = new Promise<ParsesAhead>((done) => {
    worker.once('message', done);
    worker.once('error', () => done([]));
    worker.once('exit', () => done([]));
  });
  (globalThis as WithParsesAhead)[WAITING] = { worker, parses };
}

/**
 * The parses started by `startParsingAhead()` in this process, once: none when nothing was started.
 *
 * @example
 * parses.adopt(await takeParsesAhead());
 */
export async function takeParsesAhead(): Promise<ParsesAhead> {
  const waiting = (globalThis as WithParsesAhead)[WAITING];
  delete (globalThis as WithParsesAhead)[WAITING];
  if (!waiting) return [];
  // Waited for now: the process must not end while only this thread has work.
  waiting.worker.ref();
  return waiting.parses;
}
