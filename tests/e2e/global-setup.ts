import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../../scripts/chromium.ts';
import { serveSite } from '../../scripts/serve-site.ts';
import { copyCommittedContent } from '../build/astro-build.ts';
import { writeFrontPageContent } from './front-page-content.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the site once, from `content/` and a busy news day on top of it (16 stories with photos,
 * one featured, breaking news), and serves it on 127.0.0.1 for the browser tests.
 */
export default async function setup(project: TestProject) {
  chromiumPath();
  const work = join(root, 'tests/e2e/.work');
  const dist = join(work, 'dist');
  const content = join(work, 'content');
  rmSync(work, { recursive: true, force: true });
  copyCommittedContent(content);
  const breakingNews = join(work, 'ultima-ora.yaml');
  await writeFrontPageContent(content, breakingNews);
  execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      FOAIA_CONTENT_DIR: relative(root, content),
      FOAIA_OUT_DIR: dist,
      FOAIA_CACHE_DIR: join(work, 'cache'),
      FOAIA_BREAKING_NEWS_FILE: breakingNews,
    },
    stdio: 'inherit',
  });
  const server = await serveSite(dist);
  project.provide('siteUrl', server.url);
  return server.close;
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
