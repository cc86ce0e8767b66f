import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as yaml from 'js-yaml';
import { build, type Plugin } from 'vite';
import { contentHash } from '../build-cache/content-hash';
import { cmsConfig } from '../cms/config';
import { cmsSettings } from '../cms/settings';
import { articlesFolder, authorsFolder, sectionsFile } from '../lib/build-settings';
import { secondsSince } from '../lib/durations';
import { adminContentSecurityPolicy } from '../lib/security';
import { readSectionsFile } from '../lib/section-menu';

/** Where the CMS is served, and the folder of `dist/` it fills. */
export const ADMIN_FOLDER = 'admin';

/** What the CMS bundle is made of: its page and script, and the locked package versions. */
const BUNDLE_INPUTS = ['src/admin/index.html', 'src/admin/main.ts', 'src/integrations/cms-admin.ts', 'package-lock.json'];

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
      const assets = join(dirname(id), 'assets');
      const packaged = readdirSync(assets);
      return code.replace(FONTSOURCE_CDN, (url, family: string, file: string) => {
        const copy = packaged.find((name) => name.startsWith(`${family}-${file}-`) && name.endsWith('.woff2'));
        if (!copy) throw new Error(`the CMS package has no copy of ${url}`);
        return `\${new URL('./assets/${copy}', import.meta.url).href}`;
      });
    },
  };
}

/**
 * The CMS bundled into `<cache>/foaia/admin/<key>/`, made only when its inputs changed: bundling
 * the CMS takes seconds, copying it a fraction of one.
 */
async function cmsBundle(root: string, cacheDir: string): Promise<{ folder: string; made: boolean }> {
  const key = contentHash(...BUNDLE_INPUTS.map((file) => readFileSync(join(root, file))));
  const bundles = join(cacheDir, 'foaia/admin');
  const folder = join(bundles, key);
  if (existsSync(join(folder, 'index.html'))) return { folder, made: false };
  if (existsSync(bundles)) for (const old of readdirSync(bundles)) rmSync(join(bundles, old), { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  await build({
    root: join(root, 'src/admin'),
    base: `/${ADMIN_FOLDER}/`,
    configFile: false,
    logLevel: 'error',
    plugins: [packagedFonts()],
    build: { outDir: folder, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
  });
  return { folder, made: true };
}

/**
 * Writes the CMS into `dist/admin/`: Sveltia CMS bundled from npm (nothing loads from a public
 * CDN), its page with its own Content-Security-Policy, and `config.yml` made from the article and
 * author schemas and the sections file (`src/cms/config.ts`). Runs after the pages are pruned and
 * before the built site is verified.
 */
export function cmsAdmin(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let siteUrl = '';
  return {
    name: 'foaia-cms-admin',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        siteUrl = config.site ?? '';
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const target = join(fileURLToPath(dir), ADMIN_FOLDER);
        const bundle = await cmsBundle(root, cacheDir);
        rmSync(target, { recursive: true, force: true });
        cpSync(bundle.folder, target, { recursive: true });
        const policy = `<meta http-equiv="Content-Security-Policy" content="${adminContentSecurityPolicy(cmsSettings.authEndpoint)}" />`;
        const page = join(target, 'index.html');
        writeFileSync(page, readFileSync(page, 'utf8').replace('<!-- content-security-policy -->', policy));
        const config = cmsConfig({
          settings: cmsSettings,
          siteUrl,
          articlesFolder: articlesFolder(),
          authorsFolder: authorsFolder(),
          sectionsFile: sectionsFile(),
          sections: readSectionsFile(sectionsFile(), root),
        });
        writeFileSync(join(target, 'config.yml'), yaml.dump(config, { lineWidth: -1, noRefs: true }));
        logger.info(`CMS în /${ADMIN_FOLDER}/ (${bundle.made ? 'împachetat din nou' : 'din cache'}) ${secondsSince(started)}`);
      },
    },
  };
}
