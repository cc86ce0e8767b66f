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

/**
 * The newsroom's list of sections and their menu order, relative to the project root:
 * `FOAIA_SECTIONS_FILE`, else `content/sections.yaml`.
 *
 * @example
 * sectionsFile({}) // => 'content/sections.yaml'
 */
export function sectionsFile(env: Record<string, string | undefined> = process.env): string {
  return env.FOAIA_SECTIONS_FILE ?? 'content/sections.yaml';
}

/**
 * The breaking news of the home page and the section fronts, relative to the project root:
 * `FOAIA_BREAKING_NEWS_FILE`, else `content/ultima-ora.yaml`.
 *
 * @example
 * breakingNewsFile({}) // => 'content/ultima-ora.yaml'
 */
export function breakingNewsFile(env: Record<string, string | undefined> = process.env): string {
  return env.FOAIA_BREAKING_NEWS_FILE ?? 'content/ultima-ora.yaml';
}

/**
 * Where the build keeps what it can reuse next time (Astro's data store, optimised images, the
 * pages of the incremental build, article renders), relative to the project root:
 * `FOAIA_CACHE_DIR`, else Astro's default. CI saves and restores this one folder.
 *
 * @example
 * cacheFolder({ FOAIA_CACHE_DIR: '.cache/site' }) // => '.cache/site'
 */
export function cacheFolder(env: Record<string, string | undefined> = process.env): string {
  return env.FOAIA_CACHE_DIR ?? 'node_modules/.astro';
}
