import type { Manifest } from './manifest';

/** What a host accepts of one site. */
export interface TargetLimits {
  files: number;
  /** Bytes of the largest file. */
  fileBytes: number;
  /** Rules `_redirects` may hold. */
  redirects: number;
}

const MiB = 1024 * 1024;

/**
 * Cloudflare Pages: 20,000 files on the free plan (100,000 on a paid one: `FOAIA_PAGES_MAX_FILES`),
 * 25 MiB a file, 2,000 static redirect rules. S3-compatible storage: 5 GiB a single upload, no
 * count; redirects become objects.
 *
 * @example
 * targetLimits('cloudflare-pages', {}).files // => 20000
 */
export function targetLimits(target: DeployTarget, env: Record<string, string | undefined> = process.env): TargetLimits {
  if (target === 'cloudflare-pages') {
    return { files: Number(env.FOAIA_PAGES_MAX_FILES || 20_000), fileBytes: 25 * MiB, redirects: 2_000 };
  }
  return { files: Number.POSITIVE_INFINITY, fileBytes: 5 * 1024 * MiB, redirects: Number.POSITIVE_INFINITY };
}

export type DeployTarget = 'cloudflare-pages' | 's3';

/**
 * What a site breaks of a host's limits, in words: none when it fits.
 *
 * @example
 * limitProblems(manifest, 2500, targetLimits('cloudflare-pages', {}))
 * // => ['_redirects has 2,500 rules; Cloudflare Pages takes 2,000: …']
 */
export function limitProblems(manifest: Manifest, redirectRules: number, limits: TargetLimits, target: DeployTarget): string[] {
  const format = (count: number) => count.toLocaleString('en-US');
  const problems: string[] = [];
  const files = Object.keys(manifest).length;
  if (files > limits.files) {
    problems.push(
      `the site has ${format(files)} files; ${target} takes ${format(limits.files)}: use a paid plan (FOAIA_PAGES_MAX_FILES=100000) or S3-compatible storage (--target s3)`,
    );
  }
  for (const [path, { size }] of Object.entries(manifest)) {
    if (size > limits.fileBytes) {
      problems.push(`${path} is ${(size / MiB).toFixed(1)} MiB; ${target} takes at most ${(limits.fileBytes / MiB).toFixed(0)} MiB a file`);
    }
  }
  if (redirectRules > limits.redirects) {
    problems.push(
      `_redirects has ${format(redirectRules)} rules; ${target} takes ${format(limits.redirects)}: use S3-compatible storage (--target s3)`,
    );
  }
  return problems;
}
