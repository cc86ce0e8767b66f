/** A worker thread that lowers its own priority and reports it, and what a process it starts gets. */
import { execFileSync } from 'node:child_process';
import { getPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { lowerThisThreadsPriority } from '../../../src/lib/project-thread';

lowerThisThreadsPriority();
const child = Number(execFileSync(process.execPath, ['-p', 'require("node:os").getPriority()'], { encoding: 'utf8' }));
parentPort!.postMessage({ thread: getPriority(0), child });
