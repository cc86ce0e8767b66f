import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';

/**
 * In `astro dev`, loads a collection again whenever a file under its folder (`base`, relative to
 * the project) is added, changed or deleted: the whole folder, since URLs, links and bylines depend
 * on the other files. A mistake is shown, and the last good content stays. Outside dev, nothing.
 *
 * @example
 * reloadOnChange(context, 'content/authors', () => syncAuthors(context, base), 'autori reîncărcați');
 */
export function reloadOnChange(context: LoaderContext, base: string, sync: () => Promise<void>, done: string): void {
  const { watcher, logger } = context;
  if (!watcher) return;
  const folder = resolve(fileURLToPath(context.config.root), base);
  watcher.add(folder);
  const reload = async (changed: string) => {
    if (!changed.startsWith(folder)) return;
    try {
      await sync();
      logger.info(`${done} după ${relative(folder, changed)}`);
    } catch (error) {
      logger.error((error as Error).message);
    }
  };
  for (const event of ['add', 'change', 'unlink']) watcher.on(event, reload);
}
