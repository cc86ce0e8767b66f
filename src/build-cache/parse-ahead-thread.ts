/**
 * A worker thread's side of `startParsingAhead()`: reads and parses every article file as the
 * loader would (`parseArticleFile()`), and answers once with the parses, by the memo's key.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseArticleFile, readEditorFiles } from '../lib/article-file';
import type { ParseAheadData, ParsesAhead } from './parse-ahead';

const { root, base } = workerData as ParseAheadData;
const parses = await readEditorFiles(root, base, '**/*.md', parseArticleFile);
parentPort!.postMessage(parses.flatMap((parsed) => (parsed ? [[parsed.key, parsed.parse]] : [])) satisfies ParsesAhead);
