import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildArguments } from '../../scripts/build-command.ts';
import { astroBuildInWorkingFolder, variablesInlinedIntoPages } from '../../src/lib/build-settings';
import { tempTree } from './temp-tree';

/** Variables a CI runner or a shell sets, some with another value on every run. */
const RUNNER_VARIABLES = [
  '_',
  'CI',
  'HOME',
  'PATH',
  'PWD',
  'OLDPWD',
  'SHLVL',
  'HOSTNAME',
  'USER',
  'LANG',
  'TERM',
  'TMPDIR',
  'INVOCATION_ID',
  'JOURNAL_STREAM',
  'GITHUB_RUN_ID',
  'GITHUB_SHA',
  'GITHUB_REF',
  'RUNNER_NAME',
  'RUNNER_TEMP',
  'ImageVersion',
  'CI_JOB_ID',
  'CI_PIPELINE_ID',
  'BUILD_ID',
  'DEPLOY_URL',
  'URL',
  'P',
  'X',
];

describe('variablesInlinedIntoPages', () => {
  it('names the one-character variables and URL, nothing else', () => {
    expect(variablesInlinedIntoPages({ _: '/usr/bin/npm', P: 'p5', URL: 'https://foaia.ro', HOME: '/root', FOAIA_NOW: '' })).toEqual([
      '_',
      'P',
      'URL',
    ]);
  });

  it('covers every runner variable whose name occurs in the Astro module that reads the whole environment', () => {
    // The module Astro bundles into every page and into which it inlines the variables its text names.
    const actionsRuntime = readFileSync('node_modules/astro/dist/actions/runtime/server.js', 'utf8');
    expect(actionsRuntime).toMatch(/import\.meta\.env\b(?!\.)/);
    const named = RUNNER_VARIABLES.filter((name) => actionsRuntime.includes(name));
    expect(named.length).toBeGreaterThan(0);
    const removed = variablesInlinedIntoPages(Object.fromEntries(RUNNER_VARIABLES.map((name) => [name, 'value'])));
    expect(named.filter((name) => !removed.includes(name))).toEqual([]);
  });
});

describe('astroBuildInWorkingFolder', () => {
  it('is Astro’s command line building in the working folder, by whatever name the script is run', () => {
    expect(astroBuildInWorkingFolder(['/usr/bin/node', '/site/node_modules/astro/bin/astro.mjs', 'build'])).toBe(true);
    expect(astroBuildInWorkingFolder(['/usr/bin/node', '/site/node_modules/.bin/astro', 'build', '--silent'])).toBe(true);
  });

  it('is not another command, another root, or another program', () => {
    expect(astroBuildInWorkingFolder(['/usr/bin/node', '/site/node_modules/.bin/astro', 'dev'])).toBe(false);
    expect(astroBuildInWorkingFolder(['/usr/bin/node', '/site/node_modules/.bin/astro', 'build', '--root', 'site'])).toBe(false);
    expect(astroBuildInWorkingFolder(['/usr/bin/node', '/site/node_modules/.bin/astro', 'build', '--root=site'])).toBe(false);
    expect(astroBuildInWorkingFolder(['/usr/bin/node', '/site/node_modules/.bin/vitest', 'run', 'build'])).toBe(false);
    expect(astroBuildInWorkingFolder(['/usr/bin/node', '/site/scripts/not-astro.ts', 'build'])).toBe(false);
  });
});

describe('buildArguments', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));

  it('is `npm run build`: Astro’s build, with the work ahead loaded before Astro’s command line, which it starts for', () => {
    const args = buildArguments(root);
    const cli = args.indexOf('node_modules/astro/bin/astro.mjs');
    expect(args.slice(cli)).toEqual(['node_modules/astro/bin/astro.mjs', 'build']);
    expect(args.slice(0, cli)).toEqual(['--import', './scripts/ts-resolve.mjs', '--import', './src/integrations/work-ahead-of-config.ts']);
    expect(astroBuildInWorkingFolder(['/usr/bin/node', resolve(root, args[cli]!), ...args.slice(cli + 1)])).toBe(true);
  });

  it('refuses a build script that does not run node, naming the file', () => {
    const project = tempTree({ 'package.json': JSON.stringify({ scripts: { build: 'astro build' } }) });
    expect(() => buildArguments(project)).toThrow('package.json: the build script must run node, found "astro build"');
  });
});
