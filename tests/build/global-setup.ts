import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/** The build's clock for fixtures: after the sample articles, before the embargoed one. */
export const FIXTURE_NOW = '2025-09-15T12:00:00Z';
/** How many generated articles fill the football section, for pagination. */
export const FOOTBALL_FIXTURE_COUNT = 45;

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = join(root, 'tests/build/.work');

export interface BuildResult {
  code: number | null;
  output: string;
  /** The content folder and the output folder, relative to the project root. */
  content: string;
  dist: string;
  /** The build's clock. */
  now: string;
}

function astroBuild(name: string, contentName = name, now = FIXTURE_NOW): Promise<BuildResult> {
  const content = relative(root, join(work, contentName));
  const dist = relative(root, join(work, `${name}-dist`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        FOAIA_CONTENT_DIR: content,
        FOAIA_OUT_DIR: dist,
        FOAIA_NOW: now,
        NO_COLOR: '1',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, content, dist, now }));
  });
}

/** Football articles, one a day, some tagged with variants of one tag. */
function writeFootballArticles(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const tagSpellings = ['Derby local', 'derby local', 'DERBY LOCAL'];
  for (let n = 1; n <= FOOTBALL_FIXTURE_COUNT; n++) {
    const day = new Date(Date.UTC(2025, 6, 1 + n, 9, 0));
    const date = day.toISOString().slice(0, 16);
    writeFileSync(
      join(folder, `meci-${n}.md`),
      [
        '---',
        `title: "Meciul numărul ${n} din campionatul județean"`,
        `lead: "Rezumatul meciului ${n}."`,
        `date: ${date}Z`,
        'breadcrumb: ["Prima pagină", "Sport", "Fotbal"]',
        'byline: "Sorin Bălăceanu"',
        `tags: ["${tagSpellings[n % 3]}"]`,
        '---',
        '',
        `Echipele s-au întâlnit în etapa ${n}.`,
        '',
      ].join('\n'),
    );
  }
}

/** The site's committed articles: a corpus generated into `content/` for a benchmark stays out. */
function copyCommittedContent(destination: string): void {
  const files = execFileSync('git', ['ls-files', '-z', 'content/articles'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    const target = join(destination, relative('content/articles', file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(root, file), target);
  }
}

export default async function setup(project: TestProject) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  const valid = join(work, 'valid');
  copyCommittedContent(valid);
  cpSync(join(root, 'tests/fixtures/valid'), join(valid, 'fixtures'), { recursive: true });
  for (const photo of ['embargo-alegeri.jpg', 'titlu-periculos.jpg']) {
    copyFileSync(join(root, 'content/articles/2025/08/convorbire-putin-kim.jpg'), join(valid, 'fixtures/2025/09', photo));
  }
  writeFootballArticles(join(valid, 'fotbal'));

  const invalid = join(work, 'invalid');
  cpSync(join(root, 'tests/fixtures/invalid'), invalid, { recursive: true });
  copyFileSync(join(root, 'content/articles/2025/08/convorbire-putin-kim.jpg'), join(invalid, 'foto.jpg'));

  // One build at a time, each from a clean cache: they share Astro's cache folder.
  const cleanBuild = (name: string, content?: string, now?: string) => {
    rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });
    return astroBuild(name, content, now);
  };
  const validBuild = await cleanBuild('valid');
  if (validBuild.code !== 0) throw new Error(`The fixture site did not build:\n${validBuild.output}`);
  const rebuild = await cleanBuild('rebuild', 'valid');
  const invalidBuild = await cleanBuild('invalid');

  // `npm run test:scale` adds a generated corpus (the shared generator) to a third build.
  const scaleCount = Number(process.env.FOAIA_SCALE_ARTICLES ?? 0);
  if (scaleCount > 0) {
    const scale = join(work, 'scale');
    cpSync(valid, scale, { recursive: true });
    execFileSync(process.execPath, [
      join(root, '../shared/corpus/generate.mjs'),
      '--count',
      String(scaleCount),
      '--out',
      join(scale, 'gen'),
    ]);
    // Today's clock, so the whole generated archive (dated up to late 2026) is published.
    const scaleBuild = await cleanBuild('scale', 'scale', new Date().toISOString());
    if (scaleBuild.code !== 0) throw new Error(`The scale fixture did not build:\n${scaleBuild.output}`);
    project.provide('completenessBuild', scaleBuild);
  } else {
    project.provide('completenessBuild', validBuild);
  }

  project.provide('validBuild', validBuild);
  project.provide('rebuild', rebuild);
  project.provide('invalidBuild', { ...invalidBuild, distExists: existsSync(join(root, invalidBuild.dist)) });
}

declare module 'vitest' {
  export interface ProvidedContext {
    validBuild: BuildResult;
    /** A second clean build of the same fixture, for reproducibility. */
    rebuild: BuildResult;
    /** The build whose completeness is checked: the fixture, or with `FOAIA_SCALE_ARTICLES` a generated corpus too. */
    completenessBuild: BuildResult;
    invalidBuild: BuildResult & { distExists: boolean };
  }
}
