/**
 * Starts an article: `npm run new -- "Titlul articolului" --section "Știri externe" [--byline "Nume"]
 * [--tags a,b]`. Writes `<articles>/<yyyy>/<mm>/<slug>.md` as a draft dated now (Bucharest time), with
 * the section's whole breadcrumb from `content/sections.yaml`, and prints the file and its future URL.
 * Refuses a file that exists and a URL another article has.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { readArticleFiles } from '../src/lib/article-file.ts';
import { articleUrl } from '../src/lib/article-set.ts';
import { articlesFolder, sectionsFile } from '../src/lib/build-settings.ts';
import { toBucharestIso } from '../src/lib/dates.ts';
import { newArticleSource, slugFromTitle } from '../src/lib/editor-files.ts';
import { buildTime } from '../src/lib/publishing.ts';
import { breadcrumbFor, nearestSection, readSectionsFile } from '../src/lib/section-menu.ts';
import { site } from '../src/site.ts';
import { fail } from './editor-cli.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { section: { type: 'string' }, byline: { type: 'string' }, tags: { type: 'string' } },
});
const title = positionals.join(' ').trim();
const usage = 'Scrieți: npm run new -- "Titlul articolului" --section "Știri externe" [--byline "Nume"] [--tags "a, b"]';
if (!title) fail(`Lipsește titlul. ${usage}`);
if (!values.section) fail(`Lipsește secțiunea (--section). ${usage}`);

const sections = readSectionsFile(sectionsFile());
const breadcrumb = breadcrumbFor(values.section, sections);
if (!breadcrumb) {
  const nearest = nearestSection(values.section, sections);
  fail(`Secțiunea „${values.section}” nu este în ${sectionsFile()}${nearest ? ` (ați vrut „${nearest}”?)` : ''}.`);
}

const date = toBucharestIso(buildTime()).slice(0, 16);
const [year, month] = date.split('-');
const folder = join(articlesFolder(), year!, month!);
const slug = slugFromTitle(title);
if (!slug) fail('Titlul nu are nicio literă sau cifră din care să se facă adresa articolului.');

const taken = new Map(
  (await readArticleFiles(process.cwd(), articlesFolder()))
    .filter((article) => article.data)
    .map((article) => [articleUrl(article.file, article.data!), article.file]),
);
const file = join(folder, `${slug}.md`);
const url = articleUrl(file, { breadcrumb });
if (existsSync(file)) fail(`Fișierul ${file} există deja: alegeți alt titlu.`);
if (taken.has(url)) {
  let free = 2;
  while (taken.has(articleUrl(join(folder, `${slug}-${free}.md`), { breadcrumb }))) free++;
  fail(`Adresa ${url} este deja a articolului ${taken.get(url)}. Alegeți alt titlu, sau scrieți „slug: ${slug}-${free}” în articol.`);
}

const list = (text?: string) =>
  (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, newArticleSource({ title, date, breadcrumb, byline: list(values.byline), tags: list(values.tags) }));
console.log(`Articol nou (ciornă): ${file}`);
console.log(`Adresa lui, după publicare: ${site.url}${url}`);
console.log(`Publicați-l cu: npm run publish -- ${file}`);
