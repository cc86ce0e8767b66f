/**
 * Build speed and memory on a generated archive, beside Hugo's:
 *
 *   npm run bench -- N [--images | --unique-images] [--compare-hugo] [--record]
 *
 * Generates N articles with the shared corpus generator (`../shared/corpus/generate.mjs`) into
 * `.bench/<N>/` (ignored by git), with a cache folder of its own, and times three builds as CI
 * runs them: a clean one, a rebuild after one edited article, and a rebuild after one new article
 * (each from the cache folder and the `dist/` the build before left, as CI restores them); before
 * them, `npm run check:articles`, the editors' check, whose target is 3 seconds. For
 * each it prints wall and CPU time, the peak memory of the whole process tree (Node, Pagefind and
 * any worker, summed), milliseconds per article, and the phases the build's log reports. Below
 * 10,000 articles each figure is the median of 3 runs. `--compare-hugo` builds the same corpus
 * with the Hugo anchor, then indexes Hugo's output with Pagefind, and prints the ratios the speed
 * targets are stated in (with `--unique-images`, also Hugo resizing every photo): the anchors run
 * after each of our runs, so both meet the machine as it is then, and their figures are medians
 * of as many runs as ours. `--record` appends the figures to `docs/bench-results.csv`. Each
 * command's log stays in `.bench/<N>/<scenario>-<run>.log`.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { buildArguments } from './build-command.ts';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '../shared');
const generator = join(shared, 'corpus/generate.mjs');
const hugoBench = join(shared, 'anchors/hugo/bench.sh');

const args = process.argv.slice(2);
const count = Number(args.find((argument) => /^\d+$/.test(argument)) ?? 5000);
const imageMode = args.find((argument) => argument === '--images' || argument === '--unique-images');
const compareHugo = args.includes('--compare-hugo');
const record = args.includes('--record');
const runs = count < 10_000 ? 3 : 1;

if (!existsSync(generator)) {
  console.error('bench: the shared corpus generator (../shared/corpus/generate.mjs) is not beside the project; the benchmark needs it.');
  process.exit(2);
}

/** What one measured command cost. */
interface Measure {
  wall: number;
  cpu: number;
  peakMb: number;
  log: string;
}

/** Sums the resident memory of a process and all its descendants, from /proc. */
function treeRssBytes(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let bytes = 0;
  for (const pid of tree) {
    try {
      bytes += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
    } catch {
      // Ended while sampled.
    }
  }
  return bytes;
}

/**
 * Runs a command under `/usr/bin/time -v`, sampling its process tree's memory every 100 ms. The
 * files written before are flushed first (`sync`), as the Hugo anchor's `bench.sh` does before it
 * times Hugo.
 */
function measure(name: string, command: string, commandArgs: string[], env: Record<string, string>, cwd = root): Promise<Measure> {
  execFileSync('sync');
  const logPath = join(work, `${name}.log`);
  const timing = join(work, 'time.txt');
  const logFile = openSync(logPath, 'w');
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-v', '-o', timing, command, ...commandArgs], {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
    stdio: ['ignore', logFile, logFile],
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssBytes(child.pid!))), 100);
  return new Promise((done, fail) => {
    child.on('close', (code) => {
      clearInterval(sampler);
      closeSync(logFile);
      const wall = (performance.now() - started) / 1000;
      const log = readFileSync(logPath, 'utf8');
      if (code !== 0) return fail(new Error(`bench: ${command} failed; its log is ${logPath}\n${log.slice(-2000)}`));
      const report = readFileSync(timing, 'utf8');
      const seconds = (label: string) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(report)?.[1] ?? 0);
      done({ wall, cpu: seconds('User') + seconds('System'), peakMb: peak / 2 ** 20, log });
    });
    child.on('error', fail);
  });
}

const work = join(root, '.bench', `${count}${imageMode ?? ''}`);
const content = join(work, 'content');
const cache = join(work, 'cache');
const setAside = join(work, 'set-aside');

/**
 * Moves a folder the next run replaces (a corpus, a `dist/`, a cache) out of the way, to be
 * deleted when the bench ends. Deleted just before a timed build, its thousands of files would be
 * billed to that build: on an ext4 without a journal (this machine's), a file created within a
 * minute or more of many deletions skips past every inode they freed (`docs/performance.md`,
 * lesson 19), which a CI runner's fresh checkout never does. The anchors' folders are moved the
 * same way.
 */
function moveAside(folder: string): void {
  if (!existsSync(folder)) return;
  mkdirSync(setAside, { recursive: true });
  renameSync(folder, join(setAside, String(readdirSync(setAside).length)));
}
const astroEnv = {
  FOAIA_CONTENT_DIR: join(work, 'content').slice(root.length + 1),
  FOAIA_OUT_DIR: join(work, 'dist').slice(root.length + 1),
  FOAIA_CACHE_DIR: cache.slice(root.length + 1),
  // After the generated archive's last date, so every article is published.
  FOAIA_NOW: '2030-01-01T00:00:00Z',
};

/** Astro's way of writing a duration (`215ms`, `55.17s`, `1m 2s`), in seconds. */
function duration(text: string): number {
  const [, minutes = '0', seconds = '0', milliseconds] = /^(?:(\d+)m\s*)?(?:([\d.]+)s)?(?:([\d.]+)ms)?$/.exec(text.trim()) ?? [];
  return Number(minutes) * 60 + Number(seconds) + Number(milliseconds ?? 0) / 1000;
}

/** The phases a build's log reports, in seconds. */
function phases(log: string): Record<string, number> {
  const sum = (pattern: RegExp) => [...log.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);
  const after = (heading: string) => duration(new RegExp(`${heading}[\\s\\S]*?Completed in (.+?)\\.?\\s*\\n`).exec(log)?.[1] ?? '0s');
  return {
    content: sum(/\[foaia-articles\].*\(în ([\d.]+) s\)/g),
    vite: sum(/\[vite\] ✓ built in ([\d.]+)s/g) + sum(/\[vite\] ✓ built in ([\d.]+)ms/g) / 1000,
    routes: after('generating static routes'),
    images: after('generating optimized images'),
    cms: sum(/\[foaia-cms-admin\].*\(în ([\d.]+) s\)/g),
    search: sum(/\[foaia-search-index\].*\(în ([\d.]+) s\)/g),
    verification: sum(/\[foaia-verify-build\].*\(în ([\d.]+) s\)/g),
  };
}

const astro = (name: string) => measure(name, process.execPath, buildArguments(root), astroEnv);

/** A mid-archive article, edited as an editor would: a new title and one more paragraph. */
function editOneArticle(): void {
  const files = (readdirSync(content, { recursive: true }) as string[]).filter((name) => name.endsWith('.md')).sort();
  const file = join(content, files[Math.floor(files.length / 2)]!);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, `${text.replace(/^title: "(.*)"$/m, 'title: "$1 (actualizat)"')}\nUn paragraf adăugat la actualizare.\n`);
}

/**
 * A new article, the newest of the archive, in a section and with tags the archive already has;
 * with a photo of its own when the archive has photos (a file no other article uses).
 */
async function addOneArticle(): Promise<void> {
  const folder = join(content, '2029/12');
  mkdirSync(folder, { recursive: true });
  const photo = imageMode ? ['photo:', '  src: ./ultima-ora-bench.jpg', '  alt: "Fotografia articolului nou"', '  credit: "Redacția"'] : [];
  if (imageMode) {
    const background = { r: 40, g: 90, b: Math.round(Math.random() * 255) };
    await sharp({ create: { width: 1600, height: 900, channels: 3, background } })
      .jpeg()
      .toFile(join(folder, 'ultima-ora-bench.jpg'));
  }
  writeFileSync(
    join(folder, 'ultima-ora-bench.md'),
    [
      '---',
      'title: "Ultima oră: un articol nou în arhivă"',
      'lead: "Articolul pe care benchmark-ul îl publică."',
      'date: 2029-12-31T12:00',
      'breadcrumb: ["Prima pagină", "Știri interne"]',
      'byline: "Redacția"',
      'tags: ["Guvern"]',
      ...photo,
      '---',
      '',
      'Textul articolului nou, publicat cât mai repede.',
      '',
    ].join('\n'),
  );
}

function generate(): void {
  moveAside(content);
  execFileSync(process.execPath, [generator, '--count', String(count), '--out', content, ...(imageMode ? [imageMode] : [])], {
    stdio: 'ignore',
  });
}

/** Astro logs each image it makes: encoded (`before: …, after: …`) or copied (`reused cache entry`). */
function imageCounts(log: string): { encoded: number; copied: number } {
  const images = log.split('generating optimized images')[1] ?? '';
  return { encoded: images.match(/\(before: /g)?.length ?? 0, copied: images.match(/\(reused cache entry\)/g)?.length ?? 0 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Result {
  scenario: string;
  wall: number;
  cpu: number;
  peakMb: number;
  phases: Record<string, number>;
  encodedImages: number;
  /** Images copied from Astro's image cache instead of encoded. */
  copiedImages: number;
}

const scenarios: Record<string, Measure[]> = { check: [], clean: [], edit: [], new: [] };
const measureAnchors = compareHugo && !hugoMissing();
const anchorRuns: AnchorRun[] = [];
mkdirSync(work, { recursive: true });
// What an interrupted bench left.
rmSync(setAside, { recursive: true, force: true });
for (let run = 0; run < runs; run++) {
  generate();
  // The editors' check, cold, as they type it (npm's start-up included).
  scenarios.check!.push(await measure(`check-${run + 1}`, 'npm', ['run', '--silent', 'check:articles'], astroEnv));
  moveAside(cache);
  moveAside(join(work, 'dist'));
  scenarios.clean!.push(await astro(`clean-${run + 1}`));
  editOneArticle();
  scenarios.edit!.push(await astro(`edit-${run + 1}`));
  await addOneArticle();
  scenarios.new!.push(await astro(`new-${run + 1}`));
  if (measureAnchors) anchorRuns.push(await anchorRun(run));
}

const results: Result[] = Object.entries(scenarios).map(([scenario, measures]) => {
  const phaseNames = Object.keys(phases(measures[0]!.log));
  return {
    scenario,
    wall: median(measures.map((m) => m.wall)),
    cpu: median(measures.map((m) => m.cpu)),
    peakMb: median(measures.map((m) => m.peakMb)),
    phases: Object.fromEntries(phaseNames.map((name) => [name, median(measures.map((m) => phases(m.log)[name]!))])),
    encodedImages: median(measures.map((m) => imageCounts(m.log).encoded)),
    copiedImages: median(measures.map((m) => imageCounts(m.log).copied)),
  };
});

const format = (value: number, digits = 1) => value.toFixed(digits);
console.log(
  `foaia, ${count} articles${imageMode ? ` (${imageMode})` : ''}, ${runs === 1 ? 'one run' : `median of ${runs} runs`}, ${cpus().length} cores`,
);
console.log('scenario  wall_s  cpu_s  peak_mb  ms/article  phases (s)');
for (const result of results) {
  const split = Object.entries(result.phases)
    .map(([name, seconds]) => `${name} ${format(seconds)}`)
    .join(', ');
  console.log(
    `${result.scenario.padEnd(8)}  ${format(result.wall).padStart(6)}  ${format(result.cpu).padStart(5)}  ${format(result.peakMb, 0).padStart(7)}  ${format((result.wall / count) * 1000, 2).padStart(10)}  ${split}${imageMode ? `; images: ${result.encodedImages} encoded, ${result.copiedImages} copied from the cache` : ''}`,
  );
}

const checkResult = results.find((result) => result.scenario === 'check')!;
// The editors' check has a target at 5,000 articles (3 s); at other sizes its time is only reported.
console.log(`npm run check:articles: ${format(checkResult.wall)} s${count === 5000 ? ' (≤ 3.0)' : ''}`);

interface Anchor {
  wall: number;
  peakMb: number;
}

/** One run of the anchors: Hugo's clean build, Pagefind over its output, and (`--unique-images`) Hugo resizing every photo. */
interface AnchorRun {
  hugo: Anchor;
  pagefind: Measure;
  resized?: Anchor;
}

async function anchorRun(run: number): Promise<AnchorRun> {
  const clean = hugo('copy');
  const pagefind = await measure(
    `hugo-pagefind-${run + 1}`,
    join(root, 'node_modules/.bin/pagefind'),
    ['--site', join(work, 'hugo/public')],
    {},
  );
  return { hugo: clean, pagefind, ...(imageMode === '--unique-images' && { resized: hugo('resize') }) };
}

/** The Hugo anchor's clean build of the same corpus (its own bench.sh), its output kept for Pagefind. */
function hugo(mode: 'copy' | 'resize'): Anchor {
  moveAside(join(work, 'hugo/public'));
  moveAside(join(work, 'hugo/content/articles'));
  moveAside(join(work, 'hugo/resources'));
  const line = execFileSync('bash', [hugoBench, String(count), ...(imageMode ? [imageMode] : [])], {
    encoding: 'utf8',
    env: { ...process.env, KEEP: '1', IMAGES_MODE: mode, ANCHOR_WORK: join(work, 'hugo') },
  }).trim();
  const [, , wall, rss] = line.split(/\s+/);
  return { wall: Number(wall), peakMb: Number(rss) };
}

const csv: string[] = [];
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
})();
const machine = [cpus().length, format(totalmem() / 2 ** 30, 0), format(loadavg()[0]!, 2)];
/** One line of `docs/bench-results.csv`. */
const csvRow = (scenario: string, wall: number, cpu: number | undefined, peakMb: number) =>
  [
    new Date().toISOString(),
    commit,
    ...machine,
    count,
    imageMode ?? '',
    scenario,
    format(wall, 2),
    cpu === undefined ? '' : format(cpu, 2),
    format(peakMb, 0),
  ].join(',');
for (const result of results) csv.push(csvRow(result.scenario, result.wall, result.cpu, result.peakMb));

if (compareHugo) {
  if (!measureAnchors) {
    console.log('hugo: not installed here (apt-get install -y hugo), no comparison');
  } else {
    const medianOf = (figure: (anchors: AnchorRun) => number) => median(anchorRuns.map(figure));
    const hugoClean = { wall: medianOf((anchors) => anchors.hugo.wall), peakMb: medianOf((anchors) => anchors.hugo.peakMb) };
    const pagefind = { wall: medianOf((anchors) => anchors.pagefind.wall), peakMb: medianOf((anchors) => anchors.pagefind.peakMb) };
    const withSearch = {
      wall: medianOf((anchors) => anchors.hugo.wall + anchors.pagefind.wall),
      peakMb: medianOf((anchors) => Math.max(anchors.hugo.peakMb, anchors.pagefind.peakMb)),
    };
    const [clean, edit, added] = ['clean', 'edit', 'new'].map((name) => results.find((result) => result.scenario === name));
    const withoutSearch = clean!.wall - clean!.phases.search!;
    console.log(`hugo      ${format(hugoClean.wall).padStart(6)}          ${format(hugoClean.peakMb, 0).padStart(7)}`);
    console.log(
      `hugo + pagefind ${format(withSearch.wall)} s, peak ${format(withSearch.peakMb, 0)} MB (pagefind alone ${format(pagefind.wall)} s, ${format(pagefind.peakMb, 0)} MB)`,
    );
    const ratio = (ours: number, theirs: number) => `${format(ours / theirs, 2)}×`;
    console.log('ratios (target):');
    console.log(`  edited article, rebuild vs hugo clean build  ${ratio(edit!.wall, hugoClean.wall)} (≤ 1.0)`);
    console.log(`  new article, rebuild vs hugo clean build     ${ratio(added!.wall, hugoClean.wall)} (≤ 1.0)`);
    console.log(`  clean build vs hugo + pagefind               ${ratio(clean!.wall, withSearch.wall)} (≤ 2.0)`);
    console.log(`  clean peak memory vs hugo + pagefind         ${ratio(clean!.peakMb, withSearch.peakMb)} (≤ 2.0)`);
    console.log(`  clean build without search vs hugo alone     ${ratio(withoutSearch, hugoClean.wall)}`);
    csv.push(
      csvRow('hugo', hugoClean.wall, undefined, hugoClean.peakMb),
      csvRow('hugo+pagefind', withSearch.wall, undefined, withSearch.peakMb),
    );
    if (imageMode === '--unique-images') {
      const hugoPerImage = medianOf((anchors) => anchors.resized!.wall - anchors.hugo.wall) / count;
      const oursPerImage = clean!.encodedImages ? clean!.phases.images! / clean!.encodedImages : 0;
      console.log(
        `  per encoded image: foaia ${format(oursPerImage * 1000, 1)} ms (${clean!.encodedImages} images) vs hugo ${format(hugoPerImage * 1000, 1)} ms per resized photo; new article: ${added!.encodedImages} images encoded`,
      );
    }
  }
}

if (record) {
  const file = join(root, 'docs/bench-results.csv');
  if (!existsSync(file)) writeFileSync(file, 'date,commit,cores,memory_gb,load,articles,images,scenario,wall_s,cpu_s,peak_mb\n');
  appendFileSync(file, `${csv.join('\n')}\n`);
  console.log(`recorded in docs/bench-results.csv`);
}
rmSync(setAside, { recursive: true, force: true });

function hugoMissing(): boolean {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
    return !existsSync(hugoBench);
  } catch {
    return true;
  }
}
