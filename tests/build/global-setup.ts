import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, type BuildResult, buildWork, copyCommittedContent, projectRoot } from './astro-build';

/** The build's clock for fixtures: after the sample articles, before the embargoed one. */
export const FIXTURE_NOW = '2025-09-15T12:00:00Z';
/** How many generated articles fill the football section, for pagination. */
export const FOOTBALL_FIXTURE_COUNT = 45;

const root = projectRoot;
const work = buildWork;

/** The fixture's breaking news, shown on the home page and the section fronts. */
export const BREAKING_NEWS_FIXTURE = join(root, 'tests/fixtures/ultima-ora.yaml');

/** A breaking-news file with mistakes, for the build that must fail. */
export const MISTAKEN_BREAKING_NEWS = join(root, 'tests/fixtures/ultima-ora-gresita.yaml');

/** Author files with mistakes, for the build that must fail (relative to the project, as messages name them). */
export const MISTAKEN_AUTHORS = 'tests/fixtures/invalid-authors';

/** The fixture's author files: one signs the football articles, one signs nothing yet. */
export const AUTHORS_FIXTURE = join(work, 'authors');

/** A clean build of a fixture folder under the work folder, with a cache of its own. */
function cleanBuild(
  name: string,
  contentName = name,
  now = FIXTURE_NOW,
  { breakingNews = BREAKING_NEWS_FIXTURE, authors = AUTHORS_FIXTURE, preview = false } = {},
): Promise<BuildResult> {
  const cache = join(work, `${name}-cache`);
  rmSync(cache, { recursive: true, force: true });
  return astroBuild({
    content: join(work, contentName),
    dist: join(work, `${name}-dist`),
    cache,
    now,
    env: {
      FOAIA_BREAKING_NEWS_FILE: breakingNews,
      FOAIA_AUTHORS_DIR: relative(root, authors),
      ...(preview ? { FOAIA_PREVIEW: '1' } : {}),
    },
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

export default async function setup(project: TestProject) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  const valid = join(work, 'valid');
  copyCommittedContent(valid);
  cpSync(join(root, 'tests/fixtures/valid'), join(valid, 'fixtures'), { recursive: true });
  for (const photo of ['embargo-alegeri.jpg', 'titlu-periculos.jpg', 'acord-intre-partide.jpg']) {
    copyFileSync(join(root, 'content/articles/2025/08/convorbire-putin-kim.jpg'), join(valid, 'fixtures/2025/09', photo));
  }
  writeFootballArticles(join(valid, 'fotbal'));
  cpSync(join(root, 'tests/fixtures/authors'), AUTHORS_FIXTURE, { recursive: true });
  copyFileSync(join(root, 'content/articles/2025/08/convorbire-putin-kim.jpg'), join(AUTHORS_FIXTURE, 'sorin-balaceanu.jpg'));

  const invalid = join(work, 'invalid');
  cpSync(join(root, 'tests/fixtures/invalid'), invalid, { recursive: true });
  copyFileSync(join(root, 'content/articles/2025/08/convorbire-putin-kim.jpg'), join(invalid, 'foto.jpg'));

  const validBuild = await cleanBuild('valid');
  if (validBuild.code !== 0) throw new Error(`The fixture site did not build:\n${validBuild.output}`);
  const rebuild = await cleanBuild('rebuild', 'valid');
  const previewBuild = await cleanBuild('preview', 'valid', FIXTURE_NOW, { preview: true });
  if (previewBuild.code !== 0) throw new Error(`The fixture's preview did not build:\n${previewBuild.output}`);
  const invalidBuild = await cleanBuild('invalid', 'invalid', FIXTURE_NOW, {
    breakingNews: MISTAKEN_BREAKING_NEWS,
    authors: join(root, MISTAKEN_AUTHORS),
  });

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
  project.provide('previewBuild', previewBuild);
  project.provide('invalidBuild', { ...invalidBuild, distExists: existsSync(join(root, invalidBuild.dist)) });
}

declare module 'vitest' {
  export interface ProvidedContext {
    validBuild: BuildResult;
    /** A second clean build of the same fixture, for reproducibility. */
    rebuild: BuildResult;
    /** The same fixture built as a pull request's preview (`FOAIA_PREVIEW=1`). */
    previewBuild: BuildResult;
    /** The build whose completeness is checked: the fixture, or with `FOAIA_SCALE_ARTICLES` a generated corpus too. */
    completenessBuild: BuildResult;
    invalidBuild: BuildResult & { distExists: boolean };
  }
}
