/**
 * A worker thread's side of `RenderThreads`: builds the newsroom's Markdown renderer from
 * `src/plugins` (what `astro.config.ts` gives Astro), is sent the links' answers, then renders
 * the batches it is sent, writing each HTML into a pack of the render cache of its own, and
 * answering with what the cache keeps beside it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SYNTAX_HIGHLIGHT } from '../plugins';
import { createMarkdownRenderers, renderArticle } from './article-render';
import { HtmlPackWriter, type LinkAnswer } from './render-cache';
import type { RenderBatch, RenderOutcome, RenderThreadData, RenderThreadLinks } from './render-threads';

const { root, cacheFolder, image } = workerData as RenderThreadData;
const renderers = await createMarkdownRenderers({ image, syntaxHighlight: SYNTAX_HIGHLIGHT });
const pack = new HtmlPackWriter(cacheFolder);
let links = new Map<string, LinkAnswer>();

parentPort!.on('message', async (message: RenderThreadLinks | RenderBatch) => {
  if ('answers' in message) {
    links = new Map(Object.entries(message.answers));
    return;
  }
  const { start, jobs } = message;
  const outcomes: RenderOutcome[] = [];
  for (const job of jobs) {
    try {
      const { html, ...render } = await renderArticle(renderers, root, job, (link) => links.get(link) ?? { missing: true });
      outcomes.push({ ...pack.write(html), ...render });
    } catch (error) {
      outcomes.push({ error: (error as Error).message });
    }
  }
  parentPort!.postMessage({ start, outcomes });
});
