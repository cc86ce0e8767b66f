import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const folder = join(root, '.github/workflows');
const files = readdirSync(folder).filter((name) => name.endsWith('.yml'));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Workflow {
  on: Record<string, any>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  env?: Record<string, string>;
  jobs: Record<string, { if?: string; steps: Step[] }>;
}

const workflow = (name: string) => yaml.load(readFileSync(join(folder, name), 'utf8')) as Workflow;
const stepsOf = (name: string) => Object.values(workflow(name).jobs)[0]!.steps;
const position = (steps: Step[], test: (step: Step) => boolean) => {
  const found = steps.findIndex(test);
  if (found < 0) throw new Error('no such step');
  return found;
};
const runs = (command: string) => (step: Step) => step.run?.split('\n').some((line) => line.trim().startsWith(command)) ?? false;

describe('the GitHub Actions workflows', () => {
  it.each(files)('%s is valid for GitHub Actions (schema check)', (name) => {
    const result = spawnSync(join(root, 'node_modules/.bin/action-validator'), [join(folder, name)], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  describe('publish.yml', () => {
    const publish = workflow('publish.yml');
    const steps = stepsOf('publish.yml');
    const build = position(steps, runs('npm run build'));
    const deploy = position(steps, runs('npm run deploy'));

    it('publishes from main only: its pushes and the schedule', () => {
      expect(publish.on.push.branches).toEqual(['main']);
      expect(publish.on.schedule).toEqual([{ cron: '*/10 * * * *' }]);
      expect(publish.on.pull_request).toBeUndefined();
      expect(Object.values(publish.jobs)[0]!.if).toBe("github.ref == 'refs/heads/main'");
    });

    it('deploys one at a time, the newest push winning', () => {
      expect(publish.concurrency).toEqual({ group: 'production', 'cancel-in-progress': true });
    });

    it('restores the cache right after the install and saves it right after the build, before any test', () => {
      const install = position(steps, runs('npm ci'));
      const restore = position(steps, (step) => step.uses?.startsWith('actions/cache/restore') === true);
      const save = position(steps, (step) => step.uses?.startsWith('actions/cache/save') === true);
      expect(restore).toBe(install + 1);
      expect(steps[restore]!.with!.key).toBe("astro-${{ hashFiles('package-lock.json') }}-${{ github.run_id }}");
      expect(steps[restore]!.with!['restore-keys']).toBe("astro-${{ hashFiles('package-lock.json') }}-");
      expect(save).toBe(build + 1);
      expect(steps[save]!.with!.key).toBe(steps[restore]!.with!.key);
    });

    it('deploys after the build and the tests: the articles always, every suite when code changed', () => {
      const check = position(steps, runs('npm run check:articles'));
      const suites = position(steps, runs('.ci/run'));
      expect(build).toBeLessThan(check);
      expect(check).toBeLessThan(deploy);
      expect(suites).toBeLessThan(deploy);
      expect(steps[suites]!.if).toBe("steps.changes.outputs.code == 'true'");
      expect(steps[deploy]!.if).toBeUndefined();
    });
  });

  describe('preview.yml', () => {
    const preview = workflow('preview.yml');
    const steps = stepsOf('preview.yml');
    const deploy = steps[position(steps, runs('npm run deploy'))]!;

    it('builds pull requests with their drafts and embargoed articles shown', () => {
      expect(Object.keys(preview.on)).toEqual(['pull_request']);
      expect(preview.env!.FOAIA_PREVIEW).toBe('1');
    });

    it('deploys to a branch other than main, never from a fork, and never blocks production', () => {
      expect(deploy.env!.FOAIA_DEPLOY_BRANCH).toMatch(/^preview-/);
      expect(deploy.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
      expect(preview.concurrency.group).not.toBe('production');
      expect(steps.some((step) => step.uses?.startsWith('actions/cache/save'))).toBe(false);
    });

    it('tests before it deploys, and posts or updates one comment with the URL', () => {
      expect(position(steps, runs('npm test'))).toBeLessThan(steps.indexOf(deploy));
      const comment = steps.find((step) => step.uses?.startsWith('actions/github-script'))!;
      expect(comment.with!.script).toContain('updateComment');
      expect(comment.env!.PREVIEW_URL).toBe('${{ steps.deploy.outputs.url }}');
    });
  });
});
