import { on } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { ArticleParse } from '../lib/article-file';
import { projectThread } from '../lib/project-thread';
import type { RenderJob } from './article-render';
import { parseMemoFile } from './parse-memo';
import { renderCacheFolder } from './render-cache';
import {
  type LinkAnswers,
  type RenderOutcome,
  type RenderThreadStart,
  RenderThreads,
  type RenderWork,
  renderThreadCount,
} from './render-threads';

/** Where a build is, as the work ahead needs it. */
export interface WorkAheadSettings {
  /** The project's root, an absolute path. */
  root: string;
  /** The articles' folder, relative to the root. */
  base: string;
  /** The build's cache folder (Astro's `cacheDir`). */
  cacheDir: URL;
}

/** What the parse thread is started with. */
export interface ParseAheadData {
  root: string;
  /** The articles' folder, relative to the root. */
  base: string;
  /** The build's clock (`buildTime()`), as an ISO instant: the links' answers depend on it. */
  now: string;
}

/** The parse thread's first answer: how many article files there are. */
export interface ArticlesListed {
  files: number;
}

/**
 * The parse thread's answers while it parses: renders of articles the loader would render that
 * need no link's answer (they link to no file beside them), in the files' order.
 */
export interface ArticlesToRender {
  renders: RenderJob[];
}

/** The parse thread's last answer: what it parsed, and what the render threads are given last. */
export interface ArticlesParsed {
  /** Each parse by the memo's key for its file, as `ParseMemo.adopt()` takes them. */
  parses: ParsesAhead;
  /** The render of every other article the loader would render, in the files' order. */
  renders: RenderJob[];
  /** The answer to a link to each article file, as the loader's checks would give it. */
  answers: LinkAnswers;
}

/** A message of the parse thread. */
type ParseAnswer = ArticlesListed | ArticlesToRender | ArticlesParsed;

/** Each parse by the memo's key for its file. */
export type ParsesAhead = [string, ArticleParse][];

/** Renders made ahead: each job, and its outcome at the same place. */
export interface RendersAhead {
  jobs: RenderJob[];
  outcomes: RenderOutcome[];
}

/** What the loader takes: the parses, and the renders on their way. */
export interface WorkAhead {
  parses: ParsesAhead;
  /** None when none were started, or a thread failed: the loader renders the articles itself. */
  renders: Promise<RendersAhead | undefined>;
}

/** The work under way, as `startWorkAhead()` left it for the loader. */
interface Started {
  settings: WorkAheadSettings;
  parser: Worker;
  threads: Promise<RenderThreads | undefined>;
  parsed: Promise<ArticlesParsed | undefined>;
  renders: Promise<RendersAhead | undefined>;
  /** Gives the render threads Astro's image settings, once the config is read. */
  configRead: (image: RenderThreadStart['image']) => void;
}

/**
 * Where the work waits for the loader. Astro loads the config and the content loaders as two
 * module graphs, each with its own copy of this module: only the process's global object is
 * shared by both.
 */
const WAITING = Symbol.for('foaia.workAhead');

type WithWorkAhead = typeof globalThis & { [WAITING]?: Started };

const sameSettings = (one: WorkAheadSettings, other: WorkAheadSettings) =>
  resolve(one.root) === resolve(other.root) && one.base === other.base && parseMemoFile(one.cacheDir) === parseMemoFile(other.cacheDir);

/** The parse thread's answer that has `key`; none if the thread fails first. */
function answerOf<Answer extends ArticlesListed | ArticlesParsed>(parser: Worker, key: keyof Answer): Promise<Answer | undefined> {
  return new Promise((done) => {
    parser.on('message', (message: ParseAnswer) => key in message && done(message as Answer));
    parser.once('error', () => done(undefined));
    parser.once('exit', () => done(undefined));
  });
}

/**
 * The parse thread's renders as work for the render threads, as it hands them over: those that
 * need no answer while it parses, then the answers, then the others. Each job is also added to
 * `jobs`, in the order given. Fails if the thread ends before its last answer.
 */
async function* rendersOf(answers: AsyncIterableIterator<[ParseAnswer]>, jobs: RenderJob[]): AsyncGenerator<RenderWork> {
  for await (const [answer] of answers) {
    if ('files' in answer) continue;
    const last = 'parses' in answer;
    if (last) yield { answers: answer.answers };
    jobs.push(...answer.renders);
    yield { jobs: answer.renders };
    if (last) return;
  }
  throw new Error('the parse thread stopped before it parsed every article');
}

/**
 * Starts, while Astro starts, what a clean build (one whose cache has no memo of parses) does
 * first: a thread parses every article file (`parse-ahead-thread.ts`); the render threads start
 * as soon as it has counted the files (enough of them: `renderThreadCount()`), load the
 * renderer's modules meanwhile, and, once Astro's config gives its image settings
 * (`configReadForWorkAhead()`), render the articles as the parse thread hands them over: those
 * that link to no other file while it parses, the others with the links' answers after its last
 * file (`rendersOf()`). Astro's start-up keeps about one core busy for seconds; without this,
 * the loader parsed the files after it, and the renders waited for its checks. One parse thread, not one per core: a second one slowed Astro's
 * start-up as much as it sped the parse. A rebuild finds its memo and starts nothing. Called
 * again with the same settings, it does nothing; with others (the config names another root or
 * cache), it stops the work started and starts anew. The loader takes the work with
 * `takeWorkAhead()`; what failed gives nothing, and the loader does it itself.
 *
 * @example
 * startWorkAhead({ root: '/site', base: 'content/articles', cacheDir: new URL('file:///site/node_modules/.astro/') }, buildTime())
 */
export function startWorkAhead(settings: WorkAheadSettings, now: Date): void {
  const earlier = (globalThis as WithWorkAhead)[WAITING];
  if (earlier && sameSettings(earlier.settings, settings)) return;
  stopWorkAhead();
  if (existsSync(parseMemoFile(settings.cacheDir))) return;
  const { root, base } = settings;
  const parser = projectThread(new URL('./parse-ahead-thread.ts', import.meta.url), {
    root,
    base,
    now: now.toISOString(),
  } satisfies ParseAheadData);
  // A command that loads the config and never syncs the content does not wait for the threads.
  parser.unref();
  const parsed = answerOf<ArticlesParsed>(parser, 'parses');
  const answers = on(parser, 'message', { close: ['exit'] }) as AsyncIterableIterator<[ParseAnswer]>;
  const threads = answerOf<ArticlesListed>(parser, 'files').then((listed) => {
    const count = renderThreadCount(listed?.files ?? 0);
    if (count === 0) return undefined;
    const cacheFolder = renderCacheFolder(settings.cacheDir);
    mkdirSync(cacheFolder, { recursive: true });
    return new RenderThreads({ root, cacheFolder }, count);
  });
  let configRead: Started['configRead'] = () => {};
  const image = new Promise<RenderThreadStart['image']>((done) => (configRead = done));
  const renders = Promise.all([threads, image]).then(async ([started, { domains, remotePatterns }]) => {
    if (!started) {
      await answers.return?.();
      return undefined;
    }
    const jobs: RenderJob[] = [];
    const outcomes = await started.render(rendersOf(answers, jobs), { image: { domains, remotePatterns } });
    return { jobs, outcomes };
  });
  // Taken by the loader, which handles a failure; until then it must not count as unhandled.
  renders.catch(() => {});
  (globalThis as WithWorkAhead)[WAITING] = { settings, parser, threads, parsed, renders, configRead };
}

/**
 * Gives the work ahead Astro's image settings (the renderers collect the remote images they
 * allow), once the config is read: the renders wait for them. Given again, they change nothing.
 *
 * @example
 * configReadForWorkAhead(config.image);
 */
export function configReadForWorkAhead(image: RenderThreadStart['image']): void {
  (globalThis as WithWorkAhead)[WAITING]?.configRead(image);
}

/**
 * Stops the work started by `startWorkAhead()`, if any: a command that is not a build does not
 * need it.
 *
 * @example
 * stopWorkAhead();
 */
export function stopWorkAhead(): void {
  const started = (globalThis as WithWorkAhead)[WAITING];
  delete (globalThis as WithWorkAhead)[WAITING];
  if (!started) return;
  void started.parser.terminate();
  void started.threads.then((threads) => threads?.stop());
}

/**
 * The work started by `startWorkAhead()` in this process, once: nothing when nothing was started.
 * The parses are awaited; the renders are not. `image` is the config's, for renders still waiting
 * for it.
 *
 * @example
 * const { parses, renders } = await takeWorkAhead(context.config.image);
 */
export async function takeWorkAhead(image: RenderThreadStart['image']): Promise<WorkAhead> {
  const started = (globalThis as WithWorkAhead)[WAITING];
  delete (globalThis as WithWorkAhead)[WAITING];
  if (!started) return { parses: [], renders: Promise.resolve(undefined) };
  started.configRead(image);
  // Waited for now: the process must not end while only these threads have work.
  started.parser.ref();
  void started.threads.then((threads) => threads?.ref());
  const parsed = await started.parsed;
  return { parses: parsed?.parses ?? [], renders: started.renders.catch(() => undefined) };
}
