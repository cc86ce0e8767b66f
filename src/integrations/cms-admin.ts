import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
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

/**
 * The CMS bundled into `<cache>/foaia/admin/<key>/`, made only when its inputs changed (bundling
 * takes seconds, copying it a fraction of one), in a process of its own (`src/cms/bundle.ts`).
 */
function cmsBundle(root: string, cacheDir: string): { folder: string; made: boolean } {
  const key = contentHash(...BUNDLE_INPUTS.map((file) => readFileSync(join(root, file))));
  const bundles = join(cacheDir, 'foaia/admin');
  const folder = join(bundles, key);
  if (existsSync(join(folder, 'index.html'))) return { folder, made: false };
  if (existsSync(bundles)) for (const old of readdirSync(bundles)) rmSync(join(bundles, old), { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const bundled = spawnSync(process.execPath, ['--import', './scripts/ts-resolve.mjs', 'src/cms/bundle.ts', folder], {
    cwd: root,
    stdio: 'inherit',
  });
  if (bundled.status !== 0) throw new Error(`the CMS could not be bundled (exit ${bundled.status})`);
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
  let siteUrl = '';
  let building = false;
  let bundle: { folder: string; made: boolean; seconds: string } | undefined;
  return {
    name: 'foaia-cms-admin',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      // Before the content is read: the bundling process's memory never meets the build's.
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        siteUrl = config.site ?? '';
        if (!building) return;
        const started = performance.now();
        bundle = { ...cmsBundle(root, fileURLToPath(config.cacheDir)), seconds: secondsSince(started) };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const target = join(fileURLToPath(dir), ADMIN_FOLDER);
        if (!bundle) throw new Error('the CMS was not bundled before the build');
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
