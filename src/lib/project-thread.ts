import { constants, setPriority } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on one of the project's TypeScript modules, run as Node runs the editor
 * tools: Node strips the types, `scripts/ts-resolve.mjs` finds the extensionless imports.
 *
 * @example
 * projectThread(new URL('./render-thread.ts', import.meta.url), { root }) // a Worker
 */
export function projectThread(entry: URL, workerData?: unknown): Worker {
  return new Worker(entry, { workerData, execArgv: ['--import', new URL('../../scripts/ts-resolve.mjs', import.meta.url).href] });
}

/**
 * Gives the calling thread, and every process it starts from now on, the lowest priority: they
 * run on what the rest of the build leaves of the processor. Only on Linux, where a thread's nice
 * value is its own and a child process inherits it; elsewhere the call would lower the whole
 * build, so it does nothing.
 *
 * @example
 * lowerThisThreadsPriority(); // in a worker thread: its Pagefind process waits for the page loop
 */
export function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(0, constants.priority.PRIORITY_LOW);
  } catch {
    // A sandbox that refuses it leaves the thread at its priority: slower to yield, as correct.
  }
}
