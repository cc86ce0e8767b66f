import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HTML_CACHE, IMMUTABLE_CACHE } from '../../src/deploy/files';
import { BUILD_MARKER, hashTree, writeBuildMarker } from '../../src/deploy/manifest';
import { runEditorCommandAsync } from '../editor-command';
import { astroBuild, buildWork, projectRoot } from './astro-build';
import { AUTHORS_FIXTURE } from './global-setup';

const ARTICLE = 'stiri-externe/convorbire-putin-kim/index.html';
const fixtureDist = join(projectRoot, inject('validBuild').dist);
const work = join(buildWork, 'deploy');

/** Runs `npm run deploy` with its own cache folder (where it keeps what it deployed last). */
async function deploy(args: string[], env: Record<string, string> = {}, cache = join(work, 'cache')) {
  const result = await runEditorCommandAsync('deploy', args, { env: { FOAIA_CACHE_DIR: cache, ...env } });
  return { ...result, output: result.stdout + result.stderr };
}

/** A copy of the fixture's built site, which a test may change. */
function copyOfSite(name: string): string {
  const copy = join(work, name);
  rmSync(copy, { recursive: true, force: true });
  cpSync(fixtureDist, copy, { recursive: true });
  return copy;
}

describe('npm run deploy -- --dry-run', () => {
  it('lists what it would upload, hashed assets first and pages last, with the count and size, touching nothing', async () => {
    const { code, output } = await deploy(['--dry-run', '--dist', fixtureDist], {}, join(work, 'dry-cache'));
    expect(code).toBe(0);
    const [summary, ...lines] = output.split('\n').filter((line) => line.startsWith('deploy') || line.startsWith('  + '));
    expect(summary).toMatch(/^deploy \(dry run\) → cloudflare-pages: (\d+) files to upload \([\d.]+ MB\), 0 to remove, of \1 files$/);
    const paths = lines.map((line) => line.slice(4));
    const rank = (path: string) => (path.startsWith('_astro/') ? 0 : path.endsWith('.html') ? 2 : 1);
    expect(paths.map(rank)).toEqual([...paths.map(rank)].sort());
    expect(paths).toContain(ARTICLE);
    expect(output).toContain('_redirects: 2 rules');
  });

  it('says what a Cloudflare Pages rollback would do, without asking the API', async () => {
    const { code, output } = await deploy(['--rollback', '--dry-run'], {}, join(work, 'empty-cache'));
    expect(code).toBe(0);
    expect(output).toContain('rollback (dry run) → cloudflare-pages: the production deployment before the current one would be put back');
  });

  it("fails over the target's limits, saying which and what to do", async () => {
    const { code, output } = await deploy(['--dry-run', '--dist', fixtureDist], { FOAIA_PAGES_MAX_FILES: '10' }, join(work, 'dry-cache'));
    expect(code).toBe(1);
    expect(output).toMatch(
      /over the limit: the site has \d+ files; cloudflare-pages takes 10: use a paid plan .* or S3-compatible storage/,
    );
  });
});

describe('a dist/ that did not come from a successful build', () => {
  it('is refused when a file was edited after the build', async () => {
    const site = copyOfSite('edited');
    writeFileSync(join(site, ARTICLE), '<p>edited by hand</p>');
    const { code, output } = await deploy(['--dry-run', '--dist', site]);
    expect(code).toBe(1);
    expect(output).toContain('changed after its build (1 files:');
    expect(output).toContain(ARTICLE);
  });

  it('is refused without the marker the last step of a build writes', async () => {
    const site = copyOfSite('unmarked');
    rmSync(join(site, BUILD_MARKER));
    const { code, output } = await deploy(['--dry-run', '--dist', site]);
    expect(code).toBe(1);
    expect(output).toContain(`did not come from a successful build (no ${BUILD_MARKER})`);
  });
});

describe('deploying to S3-compatible storage (s3rver)', () => {
  let server: S3rver;
  let env: Record<string, string>;
  let client: S3Client;
  const cache = join(work, 's3-cache');
  const object = (key: string) => client.send(new GetObjectCommand({ Bucket: 'foaia', Key: key }));

  beforeAll(async () => {
    rmSync(cache, { recursive: true, force: true });
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: mkdtempSync(join(tmpdir(), 's3rver-')),
      configureBuckets: [{ name: 'foaia' }],
    });
    const { port } = await server.run();
    env = {
      FOAIA_S3_BUCKET: 'foaia',
      FOAIA_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      FOAIA_S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    };
    client = new S3Client({
      endpoint: env.FOAIA_S3_ENDPOINT,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });
  afterAll(() => server?.close());

  it('uploads a first deploy whole, each file with its type and caching, and the old paths as redirects', async () => {
    const { code, output } = await deploy(['--target', 's3', '--dist', fixtureDist], env, cache);
    expect(output).toMatch(/deploy → s3: \d+ files uploaded, 0 removed/);
    expect(code).toBe(0);
    const page = await object(ARTICLE);
    expect(page.ContentType).toBe('text/html; charset=utf-8');
    expect(page.CacheControl).toBe(HTML_CACHE);
    const asset = (await import('node:fs')).readdirSync(join(fixtureDist, '_astro'))[0]!;
    expect((await object(`_astro/${asset}`)).CacheControl).toBe(IMMUTABLE_CACHE);
    const redirect = await client.send(new HeadObjectCommand({ Bucket: 'foaia', Key: 'interne/stire-veche/index.html' }));
    expect(redirect.WebsiteRedirectLocation).toBe('/stiri-interne/stire-de-acum-cinci-zile/');
  });

  it('skips a second build of the same content: nothing to deploy', async () => {
    const { code, output } = await deploy(['--target', 's3', '--dist', join(projectRoot, inject('rebuild').dist)], env, cache);
    expect(code).toBe(0);
    expect(output).toContain('the built site is what was deployed last; nothing to do');
  });

  it('uploads only the changed article after one article changed', async () => {
    const site = copyOfSite('one-change');
    writeFileSync(join(site, ARTICLE), (await (await object(ARTICLE)).Body!.transformToString()).replace('</h1>', ' (actualizat)</h1>'));
    writeBuildMarker(site, hashTree(site));
    const { code, output } = await deploy(['--target', 's3', '--dist', site], env, cache);
    expect(code).toBe(0);
    expect(output).toMatch(/deploy → s3: 1 files uploaded, 0 removed/);
    expect(await (await object(ARTICLE)).Body!.transformToString()).toContain(' (actualizat)</h1>');
  });

  it('rolls back to the deployment before, and says in a dry run what it would put back', async () => {
    const dry = await deploy(['--target', 's3', '--rollback', '--dry-run'], env, cache);
    expect(dry.output).toMatch(/rollback \(dry run\) → s3: 1 files to upload/);
    expect(dry.output).toContain(`  + ${ARTICLE}`);
    const { code, output } = await deploy(['--target', 's3', '--rollback'], env, cache);
    expect(output).toMatch(/rollback → s3: deployment .* is back \(1 files restored, 0 removed\)/);
    expect(code).toBe(0);
    expect(await (await object(ARTICLE)).Body!.transformToString()).not.toContain('(actualizat)');
  });

  it('publishes an article whose embargo passed, then skips the scheduled builds that change nothing', async () => {
    const after = (now: string) =>
      astroBuild({
        content: join(projectRoot, inject('validBuild').content),
        dist: join(work, 'after-embargo-dist'),
        cache: join(work, 'after-embargo-cache'),
        now,
        env: { FOAIA_AUTHORS_DIR: relative(projectRoot, AUTHORS_FIXTURE) },
      });
    rmSync(join(work, 'after-embargo-cache'), { recursive: true, force: true });
    expect((await after('2025-09-20T09:00:00Z')).code).toBe(0);
    const published = await deploy(['--target', 's3', '--dist', join(work, 'after-embargo-dist')], env, cache);
    expect(published.code).toBe(0);
    expect((await object('stiri-interne/embargo-alegeri/index.html')).ContentType).toBe('text/html; charset=utf-8');
    expect((await after('2025-09-20T09:10:00Z')).code).toBe(0);
    const skipped = await deploy(['--target', 's3', '--dist', join(work, 'after-embargo-dist')], env, cache);
    expect(skipped.output).toContain('the built site is what was deployed last; nothing to do');
  }, 120_000);
});
