import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { aliasPage } from '../lib/aliases';
import { fileKind, HOST_FILES, parseRedirects, uploadOrder, uploadRank } from './files';
import type { Manifest } from './manifest';

/** Where the deploy keeps its own records in the bucket: never served as pages. */
const STATE = '.foaia';
/** Each uploaded version of a file, by its hash: what a rollback copies back. */
const objectKey = (sha256: string) => `${STATE}/objects/${sha256}`;
const CURRENT = `${STATE}/current.json`;
/** How long a hashed asset stays after the last deployment that had it: pages cached by readers may still ask for it. */
export const HASHED_ASSET_GRACE_DAYS = 30;

/** One deployment, as the bucket records it. */
export interface Deployment {
  id: string;
  /** When it was made, ISO. */
  at: string;
  files: Manifest;
  /** Old paths and where they lead (`_redirects`). */
  redirects: { from: string; to: string }[];
}

/** What a deploy or a rollback did. */
export interface DeployReport {
  uploaded: string[];
  removed: string[];
  /** HTML paths whose cached copies the CDN must drop. */
  changedPages: string[];
  deployment: Deployment;
}

export interface S3Settings {
  bucket: string;
  client: S3Client;
}

/**
 * The bucket from `FOAIA_S3_BUCKET`, `FOAIA_S3_ENDPOINT` (R2, MinIO… or a test server; AWS by
 * default), `FOAIA_S3_REGION`, and the usual AWS credentials.
 *
 * @example
 * s3Settings({ FOAIA_S3_BUCKET: 'foaia', FOAIA_S3_ENDPOINT: 'http://127.0.0.1:4568' }).bucket // => 'foaia'
 */
export function s3Settings(env: Record<string, string | undefined> = process.env): S3Settings {
  if (!env.FOAIA_S3_BUCKET) throw new Error('FOAIA_S3_BUCKET names the bucket to deploy to');
  return {
    bucket: env.FOAIA_S3_BUCKET,
    client: new S3Client({
      region: env.FOAIA_S3_REGION || env.AWS_REGION || 'auto',
      ...(env.FOAIA_S3_ENDPOINT ? { endpoint: env.FOAIA_S3_ENDPOINT, forcePathStyle: true } : {}),
    }),
  };
}

async function readJson<T>({ client, bucket }: S3Settings, key: string): Promise<T | undefined> {
  try {
    const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return JSON.parse(await Body!.transformToString()) as T;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

async function writeJson({ client, bucket }: S3Settings, key: string, value: unknown): Promise<void> {
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: JSON.stringify(value),
      ContentType: 'application/json',
      CacheControl: 'no-store',
    }),
  );
}

async function exists({ client, bucket }: S3Settings, key: string): Promise<boolean> {
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch {
    return false;
  }
}

/** Runs `task` over `items`, a few at a time, in order of start. */
async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<void>, size = 24): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(task));
}

/** Puts the version of `path` with this hash at its key, from the bucket's store of versions. */
async function place(settings: S3Settings, path: string, sha256: string, redirectTo?: string): Promise<void> {
  const { contentType, cacheControl } = fileKind(path);
  await settings.client.send(
    new CopyObjectCommand({
      Bucket: settings.bucket,
      Key: path,
      CopySource: `${settings.bucket}/${objectKey(sha256)}`,
      MetadataDirective: 'REPLACE',
      ContentType: contentType,
      CacheControl: cacheControl,
      ...(redirectTo ? { WebsiteRedirectLocation: redirectTo } : {}),
    }),
  );
}

/** Every deployment the bucket records, oldest first. */
export async function deployments(settings: S3Settings): Promise<Deployment[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await settings.client.send(
      new ListObjectsV2Command({ Bucket: settings.bucket, Prefix: `${STATE}/deployments/`, ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).map((object) => object.Key!));
    token = page.NextContinuationToken;
  } while (token);
  const records = await Promise.all(keys.sort().map((key) => readJson<Deployment>(settings, key)));
  return records.filter((record): record is Deployment => record !== undefined);
}

/**
 * Makes the bucket serve `target` (a deployment's files and redirects) instead of `current`:
 * changed files first (hashed assets, other files, pages), then redirects, then what `target`
 * no longer has. A hashed asset stays while a deployment of the last 30 days had it.
 */
async function apply(
  settings: S3Settings,
  target: Omit<Deployment, 'id' | 'at'>,
  current: Deployment | undefined,
  history: readonly Deployment[],
  now: Date,
): Promise<Omit<DeployReport, 'deployment'>> {
  const previous = current?.files ?? {};
  const uploaded = uploadOrder(target.files, previous);
  const redirectTo = new Map(target.redirects.map((rule) => [aliasPage(rule.from), rule.to]));
  // Each group finishes before the next starts: no page goes out before the assets it names.
  for (const rank of [0, 1, 2]) {
    const group = uploaded.filter((path) => uploadRank(path) === rank);
    await inBatches(group, (path) => place(settings, path, target.files[path]!.sha256, redirectTo.get(path)));
  }
  const earlierRules = new Map((current?.redirects ?? []).map((rule) => [aliasPage(rule.from), rule.to]));
  const changedRules = [...redirectTo].filter(([key, to]) => earlierRules.get(key) !== to && !uploaded.includes(key));
  await inBatches(changedRules, async ([key, to]) => {
    if (target.files[key]) return place(settings, key, target.files[key]!.sha256, to);
    await settings.client.send(new PutObjectCommand({ Bucket: settings.bucket, Key: key, Body: '', WebsiteRedirectLocation: to }));
  });

  // Hashed assets stay while a deployment of the grace period had them; the records older than
  // that are dropped once their assets are (the two newest are kept for a rollback).
  const graceStart = now.getTime() - HASHED_ASSET_GRACE_DAYS * 86_400_000;
  const expired = history.slice(0, -2).filter((record) => Date.parse(record.at) < graceStart);
  const stillServed = new Set([
    ...Object.keys(target.files),
    ...history.filter((record) => !expired.includes(record)).flatMap((record) => Object.keys(record.files)),
  ]);
  const removed = [
    ...new Set([
      ...Object.keys(previous).filter((path) => !fileKind(path).hashed && !target.files[path]),
      ...expired.flatMap((record) => Object.keys(record.files)).filter((path) => fileKind(path).hashed && !stillServed.has(path)),
    ]),
  ].filter((path) => !redirectTo.has(path));
  await inBatches(removed, async (path) => {
    await settings.client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: path }));
  });
  await inBatches(expired, async (record) => {
    await settings.client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: `${STATE}/deployments/${record.id}.json` }));
  });
  const changedPages = [...uploaded, ...removed].filter((path) => path.endsWith('.html'));
  return { uploaded, removed, changedPages };
}

/**
 * Deploys a built site (its verified manifest) to the bucket: each new version of a file goes to
 * the bucket's store of versions once, then to its path; `_redirects` become object redirects.
 *
 * @example
 * await deployToS3('dist', manifest, s3Settings()) // => { uploaded: ['sport/nou/index.html', …], … }
 */
export async function deployToS3(dist: string, manifest: Manifest, settings: S3Settings, now = new Date()): Promise<DeployReport> {
  const files = Object.fromEntries(Object.entries(manifest).filter(([path]) => !HOST_FILES.has(path)));
  const redirects = manifest._redirects
    ? parseRedirects(readFileSync(join(dist, '_redirects'), 'utf8')).map(({ from, to }) => ({ from, to }))
    : [];
  const history = await deployments(settings);
  const current = await readJson<Deployment>(settings, CURRENT);
  // Only the versions this deploy changes can be new to the store.
  const fresh = [...new Set(uploadOrder(files, current?.files).map((path) => files[path]!.sha256))];
  const missing = (await Promise.all(fresh.map(async (sha) => ((await exists(settings, objectKey(sha))) ? undefined : sha)))).filter(
    Boolean,
  );
  const pathBySha = new Map(Object.entries(files).map(([path, file]) => [file.sha256, path]));
  await inBatches(missing as string[], async (sha) => {
    const path = pathBySha.get(sha)!;
    await settings.client.send(
      new PutObjectCommand({
        Bucket: settings.bucket,
        Key: objectKey(sha),
        Body: readFileSync(join(dist, path)),
        ContentType: fileKind(path).contentType,
      }),
    );
  });
  const deployment: Deployment = { id: now.toISOString().replace(/[:.]/g, '-'), at: now.toISOString(), files, redirects };
  const report = await apply(settings, deployment, current, history, now);
  await writeJson(settings, `${STATE}/deployments/${deployment.id}.json`, deployment);
  await writeJson(settings, CURRENT, deployment);
  return { ...report, deployment };
}

/**
 * Puts back the deployment before the current one: its files (from the bucket's store of
 * versions), its redirects, and nothing it did not have. Throws when there is none.
 *
 * @example
 * await rollbackS3(s3Settings()) // => { uploaded: ['sport/nou/index.html'], removed: [], … }
 */
export async function rollbackS3(settings: S3Settings, now = new Date()): Promise<DeployReport> {
  const current = await readJson<Deployment>(settings, CURRENT);
  const history = await deployments(settings);
  const position = history.findIndex((record) => record.id === current?.id);
  const previous = position > 0 ? history[position - 1] : undefined;
  if (!current || !previous) throw new Error('there is no earlier deployment to roll back to');
  const report = await apply(settings, previous, current, history.slice(0, position), now);
  await settings.client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: `${STATE}/deployments/${current.id}.json` }));
  await writeJson(settings, CURRENT, previous);
  return { ...report, deployment: previous };
}
