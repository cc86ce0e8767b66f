import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../../scripts/chromium.ts';
import { serveSite } from '../../scripts/serve-site.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the site from `content/` once, serves it on 127.0.0.1 for the browser tests. */
export default async function setup(project: TestProject) {
  chromiumPath();
  const dist = join(root, 'tests/e2e/.work/dist');
  rmSync(dist, { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FOAIA_OUT_DIR: dist },
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
