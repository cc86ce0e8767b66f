import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, rmSync } from 'node:fs';
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
 * one featured, breaking news), with the build tests' author profiles, and serves it on 127.0.0.1 for the browser tests.
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
  // The authors of the build tests: a profile with a portrait, links and a biography.
  const authors = join(work, 'authors');
  cpSync(join(root, 'tests/fixtures/authors'), authors, { recursive: true });
  copyFileSync(join(root, 'content/articles/2025/08/convorbire-putin-kim.jpg'), join(authors, 'sorin-balaceanu.jpg'));
  execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      FOAIA_CONTENT_DIR: relative(root, content),
      FOAIA_OUT_DIR: dist,
      FOAIA_CACHE_DIR: join(work, 'cache'),
      FOAIA_BREAKING_NEWS_FILE: breakingNews,
      FOAIA_AUTHORS_DIR: relative(root, authors),
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
