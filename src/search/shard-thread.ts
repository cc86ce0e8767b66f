/**
 * A worker thread's side of `writeShards()`: a Pagefind process of its own, which indexes the
 * shards it is sent one at a time, the pages read here rather than on the build's thread. Started
 * in the background (while Astro generates pages), the thread and its Pagefind process yield the
 * processor to the build.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadsPriority } from '../lib/project-thread';
import { closeShardWriter, readPagesAhead, type ShardJob, writeShard } from './shard-writer';

/** How the thread is started: `background` while pages are still being generated. */
export interface ShardThreadData {
  background: boolean;
}

if ((workerData as ShardThreadData | undefined)?.background) lowerThisThreadsPriority();

/** A shard to index, pages to read ahead of their shard's writing (no answer), or the end of the work. */
export type ShardThreadMessage = { dist: string; job: ShardJob } | { dist: string; readAhead: readonly string[] } | { close: true };

parentPort!.on('message', async (message: ShardThreadMessage) => {
  if ('close' in message) {
    await closeShardWriter();
    parentPort!.close();
    return;
  }
  if ('readAhead' in message) {
    readPagesAhead(message.dist, message.readAhead);
    return;
  }
  try {
    parentPort!.postMessage({ places: await writeShard(message.dist, message.job) });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
