import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as yaml from 'js-yaml';
import { ADMIN_FOLDER, assembleCms } from '../cms/assemble';
import { cmsConfig } from '../cms/config';
import { cmsSettings } from '../cms/settings';
import { articlesFolder, authorsFolder, sectionsFile } from '../lib/build-settings';
import { secondsSince } from '../lib/durations';
import { adminContentSecurityPolicy } from '../lib/security';
import { readSectionsFile } from '../lib/section-menu';

/**
 * Writes the CMS into `dist/admin/`: Sveltia CMS and the modules it imports, from npm (nothing
 * loads from a public CDN; `src/cms/assemble.ts`), its page with the import map that finds those
 * modules and its own Content-Security-Policy, and `config.yml` made from the article and author
 * schemas and the sections file (`src/cms/config.ts`). Runs before the output is pruned (which
 * leaves this folder alone) and the built site verified.
 */
export function cmsAdmin(): AstroIntegration {
  let root = '';
  let siteUrl = '';
  return {
    name: 'foaia-cms-admin',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        siteUrl = config.site ?? '';
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const target = join(fileURLToPath(dir), ADMIN_FOLDER);
        rmSync(target, { recursive: true, force: true });
        const importMap = await assembleCms(root, target);
        // The import map is the page's one inline script: the policy allows it by its hash.
        const importMapHash = `sha256-${createHash('sha256').update(importMap).digest('base64')}`;
        const policy = adminContentSecurityPolicy(cmsSettings.authEndpoint, [importMapHash]);
        const page = readFileSync(join(root, 'src/admin/index.html'), 'utf8')
          .replace('<!-- content-security-policy -->', `<meta http-equiv="Content-Security-Policy" content="${policy}" />`)
          .replace('<!-- import-map -->', `<script type="importmap">${importMap}</script>`);
        writeFileSync(join(target, 'index.html'), page);
        copyFileSync(join(root, 'src/admin/main.js'), join(target, 'main.js'));
        const config = cmsConfig({
          settings: cmsSettings,
          siteUrl,
          articlesFolder: articlesFolder(),
          authorsFolder: authorsFolder(),
          sectionsFile: sectionsFile(),
          sections: readSectionsFile(sectionsFile(), root),
        });
        writeFileSync(join(target, 'config.yml'), yaml.dump(config, { lineWidth: -1, noRefs: true }));
        logger.info(`CMS în /${ADMIN_FOLDER}/ ${secondsSince(started)}`);
      },
    },
  };
}
