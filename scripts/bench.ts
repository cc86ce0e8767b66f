/**
 * Times a clean build of a generated corpus, and the Hugo reference build of the same corpus:
 *
 *   npm run bench -- [N=5000] [--images]
 *
 * Prints one line per build, as the anchors' bench.sh does: `name N wall_s maxrss_mb html_pages`.
 * The corpus comes from the shared generator (`../shared/corpus/generate.mjs`) and is written under
 * `.bench/` (ignored by git); Hugo runs only where it is installed (`apt-get install -y hugo`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '../shared');
const generator = join(shared, 'corpus/generate.mjs');
const count = Number(process.argv.find((argument) => /^\d+$/.test(argument)) ?? 5000);
const images = process.argv.includes('--images');

if (!existsSync(generator)) {
  console.error(`bench: the corpus generator is not at ${generator}`);
  process.exit(2);
}

const work = join(root, '.bench');
rmSync(work, { recursive: true, force: true });
execFileSync(process.execPath, [generator, '--count', String(count), '--out', join(work, 'content'), ...(images ? ['--images'] : [])]);
rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });

const timing = join(work, 'time.txt');
const log = join(work, 'build.log');
const logFile = openSync(log, 'w');
const build = spawnSync('/usr/bin/time', ['-v', '-o', timing, process.execPath, join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: root,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FOAIA_CONTENT_DIR: '.bench/content', FOAIA_OUT_DIR: '.bench/dist' },
  stdio: ['ignore', logFile, logFile],
});
closeSync(logFile);
if (build.status !== 0) {
  console.error(`bench: the build failed; its log is ${log}`);
  process.exit(1);
}
const report = readFileSync(timing, 'utf8');
const wall = (/Elapsed \(wall clock\) time.*: (.+)/.exec(report)?.[1] ?? '0')
  .split(':')
  .reduce((seconds, part) => seconds * 60 + Number(part), 0);
const maxRss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1] ?? 0) / 1024;
const pages = (readdirSync(join(work, 'dist'), { recursive: true }) as string[]).filter((file) => file.endsWith('.html')).length;
console.log(`foaia ${count} ${wall.toFixed(2)} ${maxRss.toFixed(0)} ${pages}`);

const hugoBench = join(shared, 'anchors/hugo/bench.sh');
if (spawnSync('hugo', ['version']).status === 0 && existsSync(hugoBench)) {
  console.log(execFileSync('bash', [hugoBench, String(count), ...(images ? ['--images'] : [])], { encoding: 'utf8' }).trim());
} else {
  console.log('hugo: not installed here (apt-get install -y hugo) — no reference figure');
}
