/**
 * The search page's behaviour: query the Pagefind index in `/pagefind/` (one shard per quarter,
 * merged here) and list the articles. The form also works as a plain GET (`/cautare/?q=…`), so
 * a query can be linked and shared.
 */
import { countOf } from '../i18n';
import { matchesQuery } from '../search/query-match';
import type { ShardList } from '../search/shards';

interface PagefindResult {
  score: number;
  data(): Promise<{ url: string; excerpt: string; content: string; meta: { title?: string } }>;
}

interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

/** How many results are shown at most. */
const MAX_RESULTS = 20;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const announcement = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const strings = form.dataset;

/**
 * One Pagefind per shard, newest first. Each is searched on its own rather than merged
 * (`mergeIndex`), so that a shard answering only with Pagefind's nearest prefix of a word it
 * lacks (`sedinta` → `se`) can be told apart and left out.
 */
async function loadShards(): Promise<Pagefind[]> {
  const listUrl = new URL(strings.pagefind!, location.href);
  const { shards } = (await (await fetch(listUrl)).json()) as ShardList;
  if (shards.length === 0) throw new Error('no search index');
  return Promise.all(
    shards.map((shard) => {
      // A plain variable: Vite would wrap a template literal in its preloading helper.
      const script = `${new URL(`${shard}/`, listUrl).pathname}pagefind.js`;
      return import(/* @vite-ignore */ script) as Promise<Pagefind>;
    }),
  );
}

/**
 * The results of every shard that really has the query's words, best first. A shard lacks a word
 * for all its results or for none, so its best result decides for the shard.
 */
async function searchShards(shards: readonly Pagefind[], query: string): Promise<PagefindResult[]> {
  const answers = await Promise.all(
    shards.map(async (shard) => {
      const { results } = await shard.search(query);
      const best = results[0];
      return best && matchesQuery(query, (await best.data()).content) ? results : [];
    }),
  );
  return answers.flat().sort((a, b) => b.score - a.score);
}

let pagefind: Promise<Pagefind[]> | undefined;
const loadPagefind = () => (pagefind ??= loadShards());

const fill = (template = '', values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (placeholder, name: string) => String(values[name] ?? placeholder));

function resultItem(page: Awaited<ReturnType<PagefindResult['data']>>): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = page.url;
  link.textContent = page.meta.title ?? page.url;
  heading.append(link);
  const excerpt = document.createElement('p');
  // Pagefind escapes the indexed text and adds only <mark> around the words found.
  excerpt.innerHTML = page.excerpt;
  item.append(heading, excerpt);
  return item;
}

async function search(query: string): Promise<void> {
  list.replaceChildren();
  if (query === '') {
    announcement.textContent = '';
    return;
  }
  announcement.textContent = strings.searching ?? '';
  try {
    const results = await searchShards(await loadPagefind(), query);
    const pages = await Promise.all(results.slice(0, MAX_RESULTS).map((result) => result.data()));
    list.replaceChildren(...pages.map(resultItem));
    const message = results.length === 0 ? strings.none : results.length === 1 ? strings.one : strings.count;
    announcement.textContent = fill(message, { query, count: countOf(results.length, strings.plural ?? '') });
  } catch {
    announcement.textContent = strings.unavailable ?? '';
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input.value.trim();
  history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  void search(query);
});

const initial = new URLSearchParams(location.search).get('q')?.trim();
if (initial) {
  input.value = initial;
  void search(initial);
}
