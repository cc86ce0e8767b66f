/**
 * A worker thread's side of `RenderThreads`: loads the newsroom's Markdown pipeline from
 * `src/plugins` (what `astro.config.ts` gives Astro) as it starts, builds its renderers once it is
 * sent what they need of Astro's config, keeps the links' answers it is sent, then renders the
 * batches it is sent, one after another, writing each HTML into a pack of the render cache of its
 * own, and answering with what the cache keeps beside it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadsPriority } from '../lib/project-thread';
import { SYNTAX_HIGHLIGHT } from '../plugins';
import { createMarkdownRenderers, type MarkdownRenderers, renderArticle } from './article-render';
import { HtmlPackWriter, type LinkAnswer } from './render-cache';
import type { RenderBatch, RenderOutcome, RenderThreadAnswers, RenderThreadData, RenderThreadStart } from './render-threads';

// A clean build's renders start while Astro starts and the parse thread reads the articles, which
// the loader waits for first: the renders take what those leave of the processor.
lowerThisThreadsPriority();

const { root, cacheFolder } = workerData as RenderThreadData;
const pack = new HtmlPackWriter(cacheFolder);
let renderers: Promise<MarkdownRenderers> | undefined;
const links = new Map<string, LinkAnswer>();
let rendering = Promise.resolve();

async function renderBatch({ start, jobs }: RenderBatch): Promise<void> {
  const outcomes: RenderOutcome[] = [];
  for (const job of jobs) {
    try {
      const { html, ...render } = await renderArticle(await renderers!, root, job, (link) => links.get(link) ?? { missing: true });
      outcomes.push({ ...pack.write(html), ...render });
    } catch (error) {
      outcomes.push({ error: (error as Error).message });
    }
  }
  parentPort!.postMessage({ start, outcomes });
}

parentPort!.on('message', (message: RenderThreadStart | RenderThreadAnswers | RenderBatch) => {
  if ('image' in message) {
    renderers = createMarkdownRenderers({ image: message.image, syntaxHighlight: SYNTAX_HIGHLIGHT });
    return;
  }
  if ('answers' in message) {
    for (const [link, answer] of Object.entries(message.answers)) links.set(link, answer);
    return;
  }
  rendering = rendering.then(() => renderBatch(message));
});
