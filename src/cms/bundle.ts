/**
 * Bundles the CMS (`src/admin/`) with Vite into a folder. Run as its own process by the CMS
 * integration (`node --import ./scripts/ts-resolve.mjs src/cms/bundle.ts <folder>`): bundling
 * Sveltia CMS peaks near 800 MB, which then never adds to the build's own memory.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

/** Where the CMS is served, and the folder of `dist/` it fills. */
export const ADMIN_FOLDER = 'admin';

/** A web font the CMS's styles load from jsDelivr's copy of Fontsource: family and file. */
const FONTSOURCE_CDN = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([\w-]+)(?::vf)?@[\d.]+\/([\w-]+)\.woff2/g;

/**
 * Points the CMS's web fonts at the copies its npm package ships: its styles name them on a public
 * CDN, which would be a request to a third party each time an editor opens the CMS. The styles
 * are a template literal, so each address becomes the URL of the packaged file, which the bundler
 * then copies beside the CMS.
 */
function packagedFonts(): Plugin {
  return {
    name: 'foaia-cms-packaged-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@sveltia/cms') || !code.includes('cdn.jsdelivr.net/fontsource')) return null;
      const packaged = readdirSync(join(dirname(id), 'assets'));
      return code.replace(FONTSOURCE_CDN, (url, family: string, file: string) => {
        const copy = packaged.find((name) => name.startsWith(`${family}-${file}-`) && name.endsWith('.woff2'));
        if (!copy) throw new Error(`the CMS package has no copy of ${url}`);
        return `\${new URL('./assets/${copy}', import.meta.url).href}`;
      });
    },
  };
}

/**
 * Writes the bundled CMS (its page, script and assets) into `folder`.
 *
 * @example
 * await bundleCms('/site', '/site/node_modules/.astro/foaia/admin/Xy12')
 */
export async function bundleCms(root: string, folder: string): Promise<void> {
  await build({
    root: join(root, 'src/admin'),
    base: `/${ADMIN_FOLDER}/`,
    configFile: false,
    logLevel: 'error',
    plugins: [packagedFonts()],
    build: {
      outDir: folder,
      emptyOutDir: true,
      chunkSizeWarningLimit: 10_000,
      // Together a second of a clean build's processor time: gzipping 17 MB for a size report
      // nobody reads (`logLevel: 'error'`), and compressing and mangling again a CMS that ships
      // minified, for 1 % of its size. The whitespace of what it imports (the grammars) still goes.
      reportCompressedSize: false,
      rolldownOptions: { output: { minify: { compress: false, mangle: false } } },
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleCms(process.cwd(), process.argv[2]!);
}
