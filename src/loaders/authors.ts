import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentHash } from '../build-cache/content-hash';
import { rendererHash } from '../build-cache/renderer-hash';
import { readAuthorFiles } from '../lib/author-file';
import { reloadOnChange } from './watch-folder';

export interface AuthorLoaderOptions {
  /** The authors' folder, relative to the project root. */
  base: string;
}

/**
 * Loads `content/authors/<slug>.md` into the `authors` collection, keyed by the slug bylines lead
 * to, with the biography rendered by the site's Markdown pipeline. Only valid files enter: the
 * article loader's checks report the others, with every other mistake, and stop the build.
 */
export function authorLoader({ base }: AuthorLoaderOptions): Loader {
  return {
    name: 'foaia-authors',
    load: async (context) => {
      await syncAuthors(context, base);
      reloadOnChange(context, base, () => syncAuthors(context, base), 'autori reîncărcați');
    },
  };
}

async function syncAuthors(context: LoaderContext, base: string): Promise<void> {
  const root = fileURLToPath(context.config.root);
  // The biography goes through the articles' Markdown pipeline, and the schema checks the rest.
  const rendererKey = rendererHash(root);
  const kept = new Set<string>();
  for (const author of await readAuthorFiles(root, base)) {
    if (!author.data) continue;
    const photo = author.data.photo && (await readFile(resolve(root, dirname(author.file), String(author.data.photo.src))));
    const digest = contentHash(rendererKey, author.frontmatter, author.body, photo ?? null);
    kept.add(author.slug);
    if (context.store.get(author.slug)?.digest === digest) continue;
    context.store.set({
      id: author.slug,
      digest,
      data: await context.parseData({ id: author.slug, data: author.frontmatter, filePath: resolve(root, author.file) }),
      filePath: author.file,
      rendered: await context.renderMarkdown(author.body),
    });
  }
  for (const id of context.store.keys()) if (!kept.has(id)) context.store.delete(id);
}
