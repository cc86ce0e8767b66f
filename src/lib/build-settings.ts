/**
 * The articles' folder, relative to the project root: `FOAIA_CONTENT_DIR`, else `content/articles`.
 * The content loader and the post-build check read the same one.
 *
 * @example
 * articlesFolder({}) // => 'content/articles'
 */
export function articlesFolder(env: Record<string, string | undefined> = process.env): string {
  return env.FOAIA_CONTENT_DIR ?? 'content/articles';
}
