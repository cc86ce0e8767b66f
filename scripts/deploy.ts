/**
 * Publishes a built site: `npm run deploy -- [--target cloudflare-pages|s3] [--dry-run] [--rollback]`.
 *
 * - Refuses a `dist/` that did not come from a successful build (`src/deploy/manifest.ts`).
 * - Compares it with what this machine deployed last (the cache folder keeps that manifest):
 *   nothing changed, nothing to do (the scheduled rebuild's "skip the deploy").
 * - `--dry-run` (ours, never the provider's) lists what would be uploaded and removed, their
 *   count and size, and checks the target's limits; it touches nothing remote.
 * - Cloudflare Pages (`wrangler pages deploy`) or S3-compatible storage (AWS SDK), then the CDN's
 *   invalidation (CloudFront) and IndexNow for the changed articles, when configured.
 * - `--rollback` puts the previous deployment back (S3: its manifest; Pages: the rollback API).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { announceIndexNow, changedArticleUrls, invalidateCloudFront } from '../src/deploy/announce.ts';
import { parseRedirects, uploadOrder } from '../src/deploy/files.ts';
import { builtSite, type Manifest } from '../src/deploy/manifest.ts';
import { deployToPages, ensureProject, pagesSettings, rollbackPages } from '../src/deploy/pages.ts';
import { deployToS3, rollbackS3, s3Settings } from '../src/deploy/s3.ts';
import { type DeployTarget, limitProblems, targetLimits } from '../src/deploy/targets.ts';
import { cacheFolder } from '../src/lib/build-settings.ts';
import { site } from '../src/site.ts';

const { values } = parseArgs({
  options: {
    target: { type: 'string', default: process.env.FOAIA_DEPLOY_TARGET || 'cloudflare-pages' },
    'dry-run': { type: 'boolean' },
    rollback: { type: 'boolean' },
    dist: { type: 'string', default: process.env.FOAIA_OUT_DIR ?? 'dist' },
  },
});
const target = values.target as DeployTarget;
if (target !== 'cloudflare-pages' && target !== 's3') {
  console.error(`deploy: --target is cloudflare-pages or s3, not ${target}`);
  process.exit(1);
}
const dryRun = values['dry-run'] === true;
const dist = values.dist!;

/** Stops the deploy with a sentence (the catch at the end prints it). */
function fail(message: string): never {
  throw new Error(message);
}

/** What this machine deployed to the target last, and the time before: kept in the cache folder. */
const deployedFile = (which: 'last' | 'before') => join(resolve(cacheFolder()), `foaia/deployed-${target}-${which}.json`);
const readDeployed = (which: 'last' | 'before'): Manifest | undefined =>
  existsSync(deployedFile(which)) ? (JSON.parse(readFileSync(deployedFile(which), 'utf8')) as Manifest) : undefined;
function recordDeployed(manifest: Manifest, before: Manifest | undefined): void {
  mkdirSync(join(resolve(cacheFolder()), 'foaia'), { recursive: true });
  if (before) writeFileSync(deployedFile('before'), JSON.stringify(before));
  writeFileSync(deployedFile('last'), JSON.stringify(manifest));
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Prints a plan: what goes up, in order, and what goes away. */
function printPlan(title: string, manifest: Manifest, uploads: string[], removals: string[]): void {
  const bytes = uploads.reduce((total, path) => total + manifest[path]!.size, 0);
  console.log(
    `${title}: ${uploads.length} files to upload (${megabytes(bytes)}), ${removals.length} to remove, of ${Object.keys(manifest).length} files`,
  );
  for (const path of uploads) console.log(`  + ${path}`);
  for (const path of removals) console.log(`  - ${path}`);
}

/** Tells GitHub Actions (when it runs this) what the deploy made. */
function output(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

/**
 * Tells the CDN and the search engines what changed. Without a record of the last deploy every page
 * looks changed: the CDN is told so, but search engines are not flooded with the whole archive.
 */
async function afterDeploy(changedPages: string[], reference: string, knownChanges = true): Promise<void> {
  if (target === 's3' && process.env.FOAIA_CLOUDFRONT_DISTRIBUTION && changedPages.length > 0) {
    await invalidateCloudFront(process.env.FOAIA_CLOUDFRONT_DISTRIBUTION, changedPages, reference);
    console.log(`CloudFront: ${changedPages.length} changed pages invalidated`);
  }
  const key = process.env.FOAIA_INDEXNOW_KEY;
  const urls = changedArticleUrls(dist, changedPages, site.url);
  if (key && !knownChanges) console.log('IndexNow: no record of the last deploy here, so nothing announced');
  if (key && knownChanges && urls.length > 0 && (process.env.FOAIA_DEPLOY_BRANCH || 'main') === 'main') {
    await announceIndexNow(urls, key, site.url);
    console.log(`IndexNow: ${urls.length} articles announced`);
  }
}

/** `--rollback`: the previous deployment back, or in a dry run what that would change. */
async function rollback(): Promise<number> {
  const last = readDeployed('last');
  const before = readDeployed('before');
  if (dryRun) {
    if (target === 'cloudflare-pages') {
      console.log(
        'rollback (dry run) → cloudflare-pages: the production deployment before the current one would be put back (its rollback API)',
      );
      if (!last || !before) return 0;
    }
    if (!last || !before) fail('this machine has no record of two deployments to roll back between (the cache folder keeps them)');
    printPlan(
      `rollback (dry run) → ${target}`,
      before,
      uploadOrder(before, last),
      Object.keys(last).filter((path) => !before[path]),
    );
    return 0;
  }
  if (target === 's3') {
    const report = await rollbackS3(s3Settings());
    recordDeployed(report.deployment.files, undefined);
    console.log(
      `rollback → s3: deployment ${report.deployment.id} is back (${report.uploaded.length} files restored, ${report.removed.length} removed)`,
    );
    await afterDeploy(report.changedPages, `rollback-${Date.now()}`);
  } else {
    const id = await rollbackPages(pagesSettings());
    console.log(`rollback → Cloudflare Pages: deployment ${id} is production again`);
  }
  return 0;
}

/** A deploy of the built site, or in a dry run its plan. */
async function deploy(): Promise<number> {
  const built = builtSite(dist);
  if ('problem' in built) fail(built.problem);
  const manifest = built.manifest;
  const redirectRules = manifest._redirects ? parseRedirects(readFileSync(join(dist, '_redirects'), 'utf8')).length : 0;
  const problems = limitProblems(manifest, redirectRules, targetLimits(target), target);
  const deployed = readDeployed('last');
  const uploads = uploadOrder(manifest, deployed);
  const removals = Object.keys(deployed ?? {}).filter((path) => !manifest[path]);

  if (dryRun) {
    printPlan(`deploy (dry run) → ${target}`, manifest, uploads, removals);
    console.log(`_redirects: ${redirectRules} rules`);
    for (const problem of problems) console.error(`over the limit: ${problem}`);
    return problems.length > 0 ? 1 : 0;
  }
  if (problems.length > 0) fail(`over ${target}'s limits:\n  ${problems.join('\n  ')}`);
  if (uploads.length === 0 && removals.length === 0) {
    console.log(`deploy → ${target}: the built site is what was deployed last; nothing to do`);
    output('changed', 'false');
    return 0;
  }

  if (target === 's3') {
    const report = await deployToS3(dist, manifest, s3Settings());
    console.log(
      `deploy → s3: ${report.uploaded.length} files uploaded, ${report.removed.length} removed (deployment ${report.deployment.id})`,
    );
    await afterDeploy(report.changedPages, report.deployment.id);
  } else {
    const settings = pagesSettings();
    if ((await ensureProject(settings)) === 'created')
      console.log(`Cloudflare Pages: project ${settings.project} created (production branch main)`);
    const url = deployToPages(dist, settings);
    console.log(`deploy → Cloudflare Pages: ${url}`);
    output('url', url);
    const changedPages = [...uploads, ...removals].filter((path) => path.endsWith('.html'));
    await afterDeploy(changedPages, url, deployed !== undefined);
  }
  recordDeployed(manifest, deployed);
  output('changed', 'true');
  return 0;
}

// The exit code is set, not forced: a forced exit can cut a long listing short in a pipe.
try {
  process.exitCode = values.rollback ? await rollback() : await deploy();
} catch (error) {
  console.error(`deploy: ${(error as Error).message}`);
  process.exitCode = 1;
}
