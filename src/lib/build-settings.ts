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
 * keys of the incremental build's pages, article renders), relative to the project root:
 * `FOAIA_CACHE_DIR`, else Astro's default. CI saves and restores it, with `dist/`.
 *
 * @example
 * cacheFolder({ FOAIA_CACHE_DIR: '.cache/site' }) // => '.cache/site'
 */
export function cacheFolder(env: Record<string, string | undefined> = process.env): string {
  return env.FOAIA_CACHE_DIR ?? 'node_modules/.astro';
}

/**
 * The authors' folder (`<slug>.md` each), relative to the project root: `FOAIA_AUTHORS_DIR`, else
 * `content/authors`. The author loader and `check:articles` read the same one.
 *
 * @example
 * authorsFolder({}) // => 'content/authors'
 */
export function authorsFolder(env: Record<string, string | undefined> = process.env): string {
  return env.FOAIA_AUTHORS_DIR ?? 'content/authors';
}

/**
 * Whether this build shows what is not published yet, with a banner and `noindex`: drafts and
 * embargoed articles, listed at `/previzualizare/`. `FOAIA_PREVIEW=1` (pull-request previews)
 * turns it on, and `astro dev` does by default; a production build never has it.
 *
 * @example
 * previewMode({ FOAIA_PREVIEW: '1' }) // => true
 * previewMode({}) // => false
 */
export function previewMode(env: Record<string, string | undefined> = process.env): boolean {
  return env.FOAIA_PREVIEW === '1';
}

/**
 * The environment variables Astro would write into the code of every page, so that another value
 * in the next build makes the incremental build render the whole site again. Astro inlines into a
 * module that reads `import.meta.env` whole every variable whose name occurs anywhere in that
 * module's text (`astro/dist/env/vite-plugin-import-meta-env.js`); its actions runtime, in every
 * page's code, reads it so, and its text holds every one-character name (`_`, which the shell sets
 * to the command that started the build; `P`, `X`…) and `URL`. The build reads none of them.
 *
 * @example
 * variablesInlinedIntoPages({ _: '/usr/bin/npm', P: 'p5', URL: 'https://foaia.ro', HOME: '/root' })
 * // => ['_', 'P', 'URL']
 */
export function variablesInlinedIntoPages(env: Record<string, string | undefined> = process.env): string[] {
  return Object.keys(env).filter((name) => name.length === 1 || name === 'URL');
}

/**
 * Whether this process is Astro's command line building the project in the working folder
 * (`astro build`, without `--root`): the project's root is then that folder before any config is
 * read.
 *
 * @example
 * astroBuildInWorkingFolder(['/usr/bin/node', '/site/node_modules/astro/bin/astro.mjs', 'build']) // => true
 * astroBuildInWorkingFolder(['/usr/bin/node', '/site/node_modules/.bin/astro', 'build', '--root', 'site']) // => false
 * astroBuildInWorkingFolder(['/usr/bin/node', '/site/node_modules/.bin/vitest', 'run']) // => false
 */
export function astroBuildInWorkingFolder(argv: readonly string[]): boolean {
  const [, script = '', command, ...flags] = argv;
  return (
    /(^|[\\/])astro(\.m?js)?$/.test(script) && command === 'build' && !flags.some((flag) => flag === '--root' || flag.startsWith('--root='))
  );
}
