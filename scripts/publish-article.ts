/**
 * Publishes a draft: `npm run publish -- <file>` sets `draft: false` and `date` to now (Bucharest
 * time), so a story drafted days ago does not go out backdated; `--at 2025-08-14T09:00` schedules
 * it instead. Only those two values change in the file, and only when the article is then valid.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readArticleFile } from '../src/lib/article-file.ts';
import { formatArticleDate, parseArticleDate, toBucharestIso } from '../src/lib/dates.ts';
import { PLACEHOLDER_TEXT, publishedSource } from '../src/lib/editor-files.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { buildTime } from '../src/lib/publishing.ts';
import { fail, typedPath } from './editor-cli.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { at: { type: 'string' } } });
const [path] = positionals;
if (!path || positionals.length > 1) fail('Scrieți: npm run publish -- content/articles/2025/08/articol.md [--at 2025-08-14T09:00]');
const file = typedPath(path);

const now = buildTime();
let date = toBucharestIso(now).slice(0, 16);
if (values.at !== undefined) {
  const parsed = parseArticleDate(values.at);
  if (!parsed.ok) fail(`--at: ${parsed.reason}`);
  date = values.at.trim();
}

let source: string;
try {
  source = readFileSync(file, 'utf8');
} catch {
  fail(`Fișierul ${file} nu există.`);
}
let published: string;
try {
  published = publishedSource(source, date);
} catch (error) {
  fail(`${file}: ${(error as Error).message}`);
}
const checked = readArticleFile(file, published);
if (checked.body.trim() === PLACEHOLDER_TEXT)
  fail(`${file}: articolul are încă textul de început („${PLACEHOLDER_TEXT}”); scrieți-l întâi.`);
if (checked.problems.length > 0)
  fail(['Articolul nu a fost publicat; corectați întâi:', ...checked.problems.map(formatProblem)].join('\n'));

writeFileSync(file, published);
const when = checked.data!.date;
console.log(
  when > now
    ? `${file}: programat pentru ${formatArticleDate(when)}; apare la prima construire de după această oră.`
    : `${file}: publicat cu data ${formatArticleDate(when)}; apare la următoarea construire a site-ului.`,
);
