/**
 * A worker thread's side of `renderInThreads()`: builds the newsroom's Markdown renderer from
 * `src/plugins` (what `astro.config.ts` gives Astro), then renders the batches it is sent, writing
 * each HTML into a pack of the render cache of its own, and answering with what the cache keeps
 * beside it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SYNTAX_HIGHLIGHT } from '../plugins';
import { createMarkdownRenderers, renderArticle } from './article-render';
import { HtmlPackWriter } from './render-cache';
import type { RenderBatch, RenderOutcome, RenderThreadData } from './render-threads';

const { root, cacheFolder, answers, image } = workerData as RenderThreadData;
const renderers = await createMarkdownRenderers({ image, syntaxHighlight: SYNTAX_HIGHLIGHT });
const links = new Map(Object.entries(answers));
const pack = new HtmlPackWriter(cacheFolder);

parentPort!.on('message', async ({ start, jobs }: RenderBatch) => {
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
