import { spawnSync } from 'node:child_process';

/** The Cloudflare Pages project a site deploys to, and who may. */
export interface PagesSettings {
  token: string;
  account: string;
  project: string;
  /** `main` publishes; another branch makes a preview at `<branch>.<project>.pages.dev`. */
  branch: string;
}

/** The branch a Pages project publishes to production from. */
export const PRODUCTION_BRANCH = 'main';

/**
 * The settings from `CLOUDFLARE_API_TOKEN` (Pages: Edit), `CLOUDFLARE_ACCOUNT_ID`,
 * `FOAIA_PAGES_PROJECT` and `FOAIA_DEPLOY_BRANCH` (`main` by default).
 *
 * @example
 * pagesSettings({ CLOUDFLARE_API_TOKEN: 't', CLOUDFLARE_ACCOUNT_ID: 'a', FOAIA_PAGES_PROJECT: 'foaia' }).branch // => 'main'
 */
export function pagesSettings(env: Record<string, string | undefined> = process.env): PagesSettings {
  const missing = ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID', 'FOAIA_PAGES_PROJECT'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`Cloudflare Pages needs ${missing.join(', ')} (README, "Deploy")`);
  return {
    token: env.CLOUDFLARE_API_TOKEN!,
    account: env.CLOUDFLARE_ACCOUNT_ID!,
    project: env.FOAIA_PAGES_PROJECT!,
    branch: env.FOAIA_DEPLOY_BRANCH ?? PRODUCTION_BRANCH,
  };
}

async function api<T>(settings: PagesSettings, path: string, init: RequestInit = {}): Promise<{ status: number; result?: T }> {
  const response = await fetch(`https://api.cloudflare.com/client/v4/accounts/${settings.account}/pages/projects${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${settings.token}`, 'Content-Type': 'application/json' },
  });
  const body = (await response.json().catch(() => ({}))) as { result?: T; errors?: { message: string }[] };
  if (!response.ok && response.status !== 404) {
    throw new Error(
      `Cloudflare Pages API ${init.method ?? 'GET'} ${path}: ${response.status} ${body.errors?.map((error) => error.message).join('; ') ?? ''}`,
    );
  }
  return { status: response.status, result: body.result };
}

/**
 * Creates the project when it does not exist (production branch `main`), and refuses one that
 * publishes another branch: its "production" would not be what `main` holds.
 */
export async function ensureProject(settings: PagesSettings): Promise<'created' | 'exists'> {
  const { status, result } = await api<{ production_branch: string }>(settings, `/${settings.project}`);
  if (status === 404) {
    await api(settings, '', { method: 'POST', body: JSON.stringify({ name: settings.project, production_branch: PRODUCTION_BRANCH }) });
    return 'created';
  }
  if (result?.production_branch !== PRODUCTION_BRANCH) {
    throw new Error(
      `the Pages project ${settings.project} publishes the branch ${result?.production_branch}; set its production branch to ${PRODUCTION_BRANCH}`,
    );
  }
  return 'exists';
}

/**
 * Uploads `dist/` with `wrangler pages deploy` (it sends only files Pages does not have yet) and
 * returns the deployment's URL.
 */
export function deployToPages(dist: string, settings: PagesSettings): string {
  const result = spawnSync(
    'npx',
    ['wrangler', 'pages', 'deploy', dist, '--project-name', settings.project, '--branch', settings.branch, '--commit-dirty=true'],
    { encoding: 'utf8', env: { ...process.env, CLOUDFLARE_API_TOKEN: settings.token, CLOUDFLARE_ACCOUNT_ID: settings.account } },
  );
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  if (result.status !== 0) throw new Error(`wrangler pages deploy failed (exit ${result.status})`);
  const url = /https:\/\/\S+\.pages\.dev\S*/.exec(result.stdout)?.[0];
  if (!url) throw new Error('wrangler did not print the deployment URL');
  return url;
}

/**
 * Puts the production deployment before the current one back, through Pages' rollback API.
 * Returns the id it restored.
 */
export async function rollbackPages(settings: PagesSettings): Promise<string> {
  const { result = [] } = await api<{ id: string; created_on: string }[]>(settings, `/${settings.project}/deployments?env=production`);
  const [, previous] = [...result].sort((a, b) => b.created_on.localeCompare(a.created_on));
  if (!previous) throw new Error(`the Pages project ${settings.project} has no earlier production deployment`);
  await api(settings, `/${settings.project}/deployments/${previous.id}/rollback`, { method: 'POST' });
  return previous.id;
}
