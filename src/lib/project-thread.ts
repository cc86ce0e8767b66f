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
