/**
 * The search page's behaviour: query the Pagefind index in `/pagefind/` (one shard per quarter,
 * merged here) and list the articles. The form also works as a plain GET (`/cautare/?q=…`), so
 * a query can be linked and shared.
 */
import { countOf } from '../i18n';
import type { ShardList } from '../search/shards';

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}

interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
  mergeIndex(path: string): Promise<void>;
}

/** How many results are shown at most. */
const MAX_RESULTS = 20;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const announcement = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const strings = form.dataset;

/** The newest shard's Pagefind, with every older shard merged into it. */
async function loadShards(): Promise<Pagefind> {
  const listUrl = new URL(strings.pagefind!, location.href);
  const { shards } = (await (await fetch(listUrl)).json()) as ShardList;
  const [newest, ...older] = shards.map((shard) => new URL(`${shard}/`, listUrl).pathname);
  if (!newest) throw new Error('no search index');
  // A plain variable: Vite would wrap a template literal in its preloading helper.
  const script = `${newest}pagefind.js`;
  const primary = (await import(/* @vite-ignore */ script)) as Pagefind;
  for (const shard of older) await primary.mergeIndex(shard);
  return primary;
}

let pagefind: Promise<Pagefind> | undefined;
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
    const { results } = await (await loadPagefind()).search(query);
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
