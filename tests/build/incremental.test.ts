import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, type BuildResult, buildWork, copyCommittedContent, fingerprint, projectRoot } from './astro-build';
import { BuiltSite } from './dist';

/** The first build's clock, and the later one at which an embargoed article comes out. */
const BEFORE = '2025-09-15T12:00:00Z';
const AFTER = '2025-09-16T12:00:00Z';

const work = join(buildWork, 'incremental');
const project = join(work, 'project');
const content = join(project, 'fixture-content');
const cache = join(project, 'fixture-cache');

const article = (title: string, date: string, extra: string, body: string) =>
  `---\ntitle: "${title}"\ndate: ${date}\nbreadcrumb: ["Prima pagină", "Știri interne"]\n${extra}---\n\n${body}\n`;

/** A copy of the project whose plugins the test may change, sharing this one's packages. */
function copyProject(): void {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  for (const name of ['src', 'scripts', 'public', 'astro.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(projectRoot, name), join(project, name), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
  copyCommittedContent(content);
  mkdirSync(join(content, 'extra'), { recursive: true });
  writeFileSync(
    join(content, 'extra/ciorna.md'),
    article('O ciornă gata de publicare', '2025-09-14T10:00', 'draft: true\n', 'Text de ciornă.'),
  );
  writeFileSync(join(content, 'extra/programat.md'), article('Un articol sub embargo', '2025-09-16T08:00', '', 'Text programat.'));
  writeFileSync(
    join(content, 'extra/cu-legatura.md'),
    article('Un articol cu legătură', '2025-09-11T10:00', '', 'Vezi [avertizarea](../2025/09/cod-galben-de-ploi-in-judetul-stejaru.md).'),
  );
}

/** Every change a newsroom makes between two publishes, at once. */
async function changeEverything(): Promise<void> {
  const file = (path: string) => join(content, path);
  const edit = (path: string, from: string | RegExp, to: string) =>
    writeFileSync(file(path), readFileSync(file(path), 'utf8').replace(from, to));
  edit('2025/08/cs-padureni-castiga-derbiul.md', /^title: .*$/m, 'title: "CS Pădureni câștigă derbiul și conduce seria"');
  appendFileSync(file('2025/08/cs-padureni-castiga-derbiul.md'), '\nUn paragraf adăugat după meci.\n');
  writeFileSync(file('extra/nou.md'), article('Un articol nou', '2025-09-15T14:00', 'tags: ["Pădureni", "noutăți"]\n', 'Text nou.'));
  unlinkSync(file('2025/09/festivalul-de-teatru-de-strada.md'));
  renameSync(file('2025/09/turneul-de-tenis-pentru-juniori.md'), file('2025/09/turneu-de-tenis.md'));
  edit('extra/ciorna.md', 'draft: true', 'draft: false');
  edit('2025/09/cooperativa-de-mere-din-stejaru.md', /^tags: .*$/m, 'tags: ["agricultură", "exporturi"]');
  const photo = file('2025/08/convorbire-putin-kim.jpg');
  const { width, height } = await sharp(photo).metadata();
  writeFileSync(
    photo,
    await sharp({ create: { width: width!, height: height!, channels: 3, background: '#2a6f97' } })
      .jpeg()
      .toBuffer(),
  );
  const plugin = join(project, 'src/plugins/remark-romanian-typography.ts');
  writeFileSync(
    plugin,
    readFileSync(plugin, 'utf8').replace('typesetter.set(node.value)', "typesetter.set(node.value).replaceAll('Stejaru', 'STEJARU')"),
  );
  edit('2025/09/cod-galben-de-ploi-in-judetul-stejaru.md', '---\n\n', 'draft: true\n---\n\n');
  mkdirSync(join(project, 'content/authors'), { recursive: true });
  writeFileSync(
    join(project, 'content/authors/sorin-balaceanu.md'),
    '---\nname: Sorin Bălăceanu\nrole: Redactor, Sport\n---\n\nScrie despre sport.\n',
  );
}

const built = (result: BuildResult) => {
  if (result.code !== 0) throw new Error(`build failed:\n${result.output}`);
  return result;
};

/** Where incremental builds write, one after the other, as a newsroom's CI does with its caches. */
const dist = join(work, 'dist');

/** A page the publish does not change, deleted from `dist/` before it. */
const LOST_PAGE = 'economie/cooperativa-de-mere-din-stejaru/index.html';

interface Builds {
  incremental: BuildResult;
  clean: BuildResult;
  /** What the incremental build wrote, before the next one changes it. */
  files: Record<string, string>;
}

/** The build of the fixture as it is now: incremental, and clean (an empty cache and output folder). */
async function buildBoth(name: string, now: string): Promise<Builds> {
  const incremental = built(await astroBuild({ root: project, content, dist, cache, now }));
  const files = fingerprint(dist);
  const clean = built(
    await astroBuild({ root: project, content, dist: join(work, `${name}-clean-dist`), cache: join(work, `${name}-clean-cache`), now }),
  );
  return { incremental, clean, files };
}

/**
 * The files of the pages the build rendered rather than reused (`/sport/index.html`): each
 * `├─ <file>` of its log not followed at once by `(restored)` or `(cached)`. With four pages in
 * flight, a render's time is written when it ends, so its entry can share a line with the
 * entries, and the next line's time, logged meanwhile.
 */
const renderedFiles = (result: BuildResult) =>
  [...result.output.matchAll(/[├└]─ (\/\S+?)(?=\s|$|\d\d:\d\d:\d\d)( \((?:restored|cached)\))?/g)]
    .filter(([, , reused]) => !reused)
    .map(([, file]) => file!);
const reusedPages = (result: BuildResult) => result.output.match(/\((restored|cached)\)/g)?.length ?? 0;
const generatedPages = (result: BuildResult) => result.output.match(/[├└]─ \//g)?.length ?? 0;

describe('an incremental build', () => {
  let publish: Builds;
  let fronts: Builds;
  let everything: Builds;

  beforeAll(async () => {
    copyProject();
    built(await astroBuild({ root: project, content, dist, cache, now: BEFORE }));
    // In the busiest section: the menu, ordered by article count, stays as it was.
    const newest = article('Ultima oră de la stadion', '2025-09-15T11:00', '', 'Text de ultimă oră.');
    writeFileSync(join(content, 'extra/ultima-ora.md'), newest.replace('"Știri interne"', '"Sport", "Fotbal"'));
    // A page lost from the kept output folder, which the cache holds no copy of.
    rmSync(join(dist, LOST_PAGE));
    publish = await buildBoth('publish', BEFORE);
    // The home page's editors at work: an older story featured, and breaking news on the fronts.
    const featured = join(content, '2025/08/podul-nou-din-valea-lunga-de-sus.md');
    writeFileSync(featured, readFileSync(featured, 'utf8').replace(/^date: .*$/m, '$&\nfeatured: true'));
    mkdirSync(join(project, 'content'), { recursive: true });
    writeFileSync(join(project, 'content/ultima-ora.yaml'), 'title: "Ședință de urgență la Guvern"\nurl: /stiri-interne/\n');
    fronts = await buildBoth('fronts', BEFORE);
    await changeEverything();
    everything = await buildBoth('everything', AFTER);
  }, 180_000);

  it('publishes one new article with the bytes of a clean build, reusing the pages it did not change', () => {
    expect(Object.keys(publish.files).length).toBeGreaterThan(50);
    expect(publish.files).toEqual(fingerprint(join(work, 'publish-clean-dist')));
    expect(publish.incremental.output).toMatch(/10 articole: 1 transformate în HTML, 9 din cache/);
    // Only a build without the memo of parses reads its articles on a thread while Astro starts.
    // Every file is read ahead, drafts and embargoed ones too: at least the ten rendered.
    const [, readAhead] =
      /10 articole: 10 transformate în HTML, 0 din cache; .*; (\d+) citite în timpul pornirii/.exec(publish.clean.output) ?? [];
    expect(Number(readAhead)).toBeGreaterThanOrEqual(10);
    expect(publish.incremental.output).not.toMatch(/citite în timpul pornirii/);
    expect(reusedPages(publish.incremental)).toBeGreaterThan(generatedPages(publish.incremental) / 2);
    expect(reusedPages(publish.clean)).toBe(0);
    const [, verified, reread] = /(\d+) pagini HTML verificate \((\d+) citite din nou\)/.exec(publish.incremental.output)!;
    expect(Number(reread)).toBeLessThan(Number(verified) / 2);
  });

  it('keeps the pages in dist/ only, and renders again one missing there', () => {
    expect(existsSync(join(cache, 'dist'))).toBe(false);
    expect(existsSync(join(cache, 'incremental-build.json'))).toBe(true);
    expect(renderedFiles(publish.incremental)).toContain(`/${LOST_PAGE}`);
    expect(publish.files[LOST_PAGE]).toBeDefined();
    expect(publish.files[LOST_PAGE]).toBe(fingerprint(join(work, 'publish-clean-dist'))[LOST_PAGE]);
  });

  it('features a story and shows breaking news by rendering the fronts only, never an article page', () => {
    expect(fronts.files).toEqual(fingerprint(join(work, 'fronts-clean-dist')));
    const site = new BuiltSite(dist);
    expect(site.page('/')('.lead-story .card-title a').attr('href')).toBe('/stiri-interne/podul-nou-din-valea-lunga-de-sus/');
    expect(site.page('/stiri-interne/')('.breaking a').text()).toBe('Ședință de urgență la Guvern');
    const pages = renderedFiles(fronts.incremental).filter((file) => file.endsWith('.html'));
    expect(pages).toContain('/index.html');
    expect(pages).toContain('/stiri-interne/index.html');
    expect(pages.filter((file) => !/^\/([^/]+\/)?index\.html$|^\/404\.html$/.test(file))).toEqual([]);
  });

  it('writes the bytes of a clean build after every kind of change at once', () => {
    expect(Object.keys(everything.files).length).toBeGreaterThan(50);
    expect(everything.files).toEqual(fingerprint(join(work, 'everything-clean-dist')));
    expect(everything.incremental.output).toMatch(/fișiere din construirea anterioară șterse/);
  });

  it('shows every change (the fixture changes are real)', () => {
    const site = new BuiltSite(join(work, 'everything-clean-dist'));
    expect(site.has('/stiri-interne/nou/')).toBe(true);
    expect(site.has('/stiri-interne/ciorna/')).toBe(true);
    expect(site.has('/stiri-interne/programat/')).toBe(true);
    expect(site.has('/tenis/turneu-de-tenis/')).toBe(true);
    expect(site.htmlPaths().some((path) => path.endsWith('/turneul-de-tenis-pentru-juniori/'))).toBe(false);
    expect(site.htmlPaths().some((path) => path.endsWith('/festivalul-de-teatru-de-strada/'))).toBe(false);
    expect(site.has('/meteo/cod-galben-de-ploi-in-judetul-stejaru/')).toBe(false);
    const linking = site.page('/stiri-interne/cu-legatura/');
    expect(linking('.article-body p').text()).toBe('Vezi avertizarea.');
    expect(linking('.article-body a')).toHaveLength(0);
    const cooperative = site.page('/economie/cooperativa-de-mere-din-stejaru/');
    expect(cooperative('.article-body').text()).toContain('STEJARU');
    expect(
      cooperative('.tags a')
        .map((_, link) => cooperative(link).text())
        .get(),
    ).toEqual(['agricultură', 'exporturi']);
    expect(site.page('/autor/sorin-balaceanu/')('.author-role').text()).toBe('Redactor, Sport');
    expect(site.page('/fotbal/cs-padureni-castiga-derbiul/')('script[type="application/ld+json"]').first().html()).toContain(
      '"jobTitle":"Redactor, Sport"',
    );
  });
});
