/**
 * Romanian typography in the articles' source: `npm run fix [files…] [--check]`. The same
 * `typeset()` the build applies, written into the files (titles, leads, captions, text), so the
 * source reads as the site does. `--check` lists what it would change and exits 1, writing nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { glob } from 'tinyglobby';
import { countOf } from '../src/i18n/index.ts';
import { articlesFolder } from '../src/lib/build-settings.ts';
import { typesetSource } from '../src/lib/source-typography.ts';
import { typedPath } from './editor-cli.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { check: { type: 'boolean' } } });
const root = process.cwd();
const files =
  positionals.length > 0
    ? positionals.map((path) => typedPath(path, root))
    : (await glob('**/*.md', { cwd: resolve(root, articlesFolder()) }))
        .sort()
        .map((name) => relative(root, resolve(root, articlesFolder(), name)));

let changed = 0;
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const fixed = typesetSource(source);
  if (fixed.changes.length === 0) continue;
  changed++;
  for (const change of fixed.changes) console.log(`${file}:${change.line}: ${change.before.trim()} → ${change.after.trim()}`);
  if (!values.check) writeFileSync(file, fixed.source);
}
const articles = changed === 1 ? 'un articol' : countOf(changed, 'articole');
if (values.check) {
  console.log(changed === 0 ? 'Tipografia e în regulă în toate articolele.' : `De corectat: ${articles} (npm run fix).`);
  process.exitCode = changed === 0 ? 0 : 1;
} else {
  console.log(changed === 0 ? 'Nimic de corectat.' : `Corectate: ${articles}.`);
}
