import type { MetaStore } from 'astro/loaders';

/** The metadata key touched while a sync runs, removed when it ends. */
const SYNCING_KEY = 'syncing';

/** Under the 500 ms Astro waits after the last change to its store before writing it whole. */
const TOUCH_EVERY_MS = 200;

/**
 * Runs a loader's sync with Astro's write of the content store kept for its end. Astro writes the
 * whole store 500 ms after the last change to it, and changes the store's metadata as every sync
 * starts: on a rebuild of a 20,000-article archive, that write serialised the last build's entries
 * (0.6 s of processor time) while the loader was still reading files, only for the store to be
 * serialised again, changed, when the sync ends. A change more often than every 500 ms, to this
 * collection's own metadata, keeps postponing it.
 *
 * @example
 * await withStoreWriteAtEnd(context.meta, () => syncArticles(context, base));
 */
export async function withStoreWriteAtEnd<T>(meta: MetaStore, sync: () => Promise<T>): Promise<T> {
  const touch = setInterval(() => meta.set(SYNCING_KEY, String(Date.now())), TOUCH_EVERY_MS);
  try {
    return await sync();
  } finally {
    clearInterval(touch);
    meta.delete(SYNCING_KEY);
  }
}
