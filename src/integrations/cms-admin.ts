import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as yaml from 'js-yaml';
import { contentHash } from '../build-cache/content-hash';
import { ADMIN_FOLDER } from '../cms/bundle';
import { cmsConfig } from '../cms/config';
import { cmsSettings } from '../cms/settings';
import { articlesFolder, authorsFolder, sectionsFile } from '../lib/build-settings';
import { secondsSince } from '../lib/durations';
import { adminContentSecurityPolicy } from '../lib/security';
import { readSectionsFile } from '../lib/section-menu';

/** What the CMS bundle is made of: its page and script, and the locked package versions. */
const BUNDLE_INPUTS = ['src/admin/index.html', 'src/admin/main.ts', 'src/cms/bundle.ts', 'package-lock.json'];

/** Where the CMS bundle is, whether this build made it, and how long that took. */
interface CmsBundle {
  folder: string;
  made: boolean;
  seconds: string;
}

/**
 * The CMS bundled into `<cache>/foaia/admin/<key>/`, made only when its inputs changed (bundling
 * takes seconds, copying it a fraction of one), in a process of its own (`src/cms/bundle.ts`) that
 * runs while the build reads the content, instead of before it (2.7 s of a clean build's wall time).
 */
function cmsBundle(root: string, cacheDir: string): Promise<CmsBundle> {
  const started = performance.now();
  const key = contentHash(...BUNDLE_INPUTS.map((file) => readFileSync(join(root, file))));
  const bundles = join(cacheDir, 'foaia/admin');
  const folder = join(bundles, key);
  if (existsSync(join(folder, 'index.html'))) return Promise.resolve({ folder, made: false, seconds: secondsSince(started) });
  if (existsSync(bundles)) for (const old of readdirSync(bundles)) rmSync(join(bundles, old), { recursive: true, force: true });
  // Made beside its place and moved there whole: a build stopped halfway leaves no bundle that looks finished.
  const unfinished = `${folder}.part`;
  mkdirSync(unfinished, { recursive: true });
  const bundler = spawn(process.execPath, ['--import', './scripts/ts-resolve.mjs', 'src/cms/bundle.ts', unfinished], {
    cwd: root,
    stdio: 'inherit',
  });
  return new Promise((done, fail) => {
    bundler.on('error', fail);
    bundler.on('close', (status) => {
      if (status !== 0) return fail(new Error(`the CMS could not be bundled (exit ${status})`));
      renameSync(unfinished, folder);
      done({ folder, made: true, seconds: secondsSince(started) });
    });
  });
}

/**
 * Writes the CMS into `dist/admin/`: Sveltia CMS bundled from npm (nothing loads from a public
 * CDN), its page with its own Content-Security-Policy, and `config.yml` made from the article and
 * author schemas and the sections file (`src/cms/config.ts`). Runs after the pages are pruned and
 * before the built site is verified.
 */
export function cmsAdmin(): AstroIntegration {
  let root = '';
  let siteUrl = '';
  let building = false;
  let bundling: Promise<CmsBundle> | undefined;
  return {
    name: 'foaia-cms-admin',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      // Started before the content is read, while the build's own memory is small.
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        siteUrl = config.site ?? '';
        if (!building) return;
        bundling = cmsBundle(root, fileURLToPath(config.cacheDir));
        // A build that fails before its end never awaits the bundle: its failure is not this build's news.
        bundling.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!bundling) throw new Error('the CMS was not bundled before the build');
        const bundle = await bundling;
        const started = performance.now();
        const target = join(fileURLToPath(dir), ADMIN_FOLDER);
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
        logger.info(
          `CMS în /${ADMIN_FOLDER}/ (${bundle.made ? `împachetat din nou ${bundle.seconds}, copiat` : 'din cache'}) ${secondsSince(started)}`,
        );
      },
    },
  };
}
