import { slugify } from './slugs';

/** The longest file name (and so URL slug) a new article gets from its title, cut at a word. */
const MAX_SLUG_LENGTH = 60;

/**
 * A new article's slug: its title in ASCII, at most 60 characters, cut between words.
 *
 * @example
 * slugFromTitle('Convorbire între Putin și Kim Jong Un') // => 'convorbire-intre-putin-si-kim-jong-un'
 */
export function slugFromTitle(title: string): string {
  const slug = slugify(title);
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_SLUG_LENGTH);
}

/** What `npm run new` writes into a new article. */
export interface NewArticle {
  title: string;
  /** Bucharest wall time, as editors write it: `2025-08-13T09:04`. */
  date: string;
  breadcrumb: readonly string[];
  byline?: readonly string[];
  tags?: readonly string[];
}

/** The body a new article starts with, which `npm run publish` refuses to publish. */
export const PLACEHOLDER_TEXT = 'Textul articolului.';

/** A YAML value in double quotes: JSON's escaping is YAML's. */
const quoted = (value: string) => JSON.stringify(value);
const list = (values: readonly string[]) => `[${values.map(quoted).join(', ')}]`;

/**
 * The Markdown of a new article: a draft, with the fields of the contract an editor fills in next.
 *
 * @example
 * newArticleSource({ title: 'Podul nou', date: '2025-08-20T10:30', breadcrumb: ['Prima pagină', 'Știri interne'] })
 * // => '---\ntitle: "Podul nou"\nlead: ""\ndate: 2025-08-20T10:30\nbreadcrumb: ["Prima pagină", "Știri interne"]\ndraft: true\n---\n\nTextul articolului.\n'
 */
export function newArticleSource({ title, date, breadcrumb, byline = [], tags = [] }: NewArticle): string {
  return [
    '---',
    `title: ${quoted(title)}`,
    'lead: ""',
    `date: ${date}`,
    `breadcrumb: ${list(breadcrumb)}`,
    ...(byline.length > 0 ? [`byline: ${byline.length === 1 ? quoted(byline[0]!) : list(byline)}`] : []),
    ...(tags.length > 0 ? [`tags: ${list(tags)}`] : []),
    'draft: true',
    '---',
    '',
    PLACEHOLDER_TEXT,
    '',
  ].join('\n');
}

/** A frontmatter field's line: its key, its value, and what follows the value (a comment). */
const fieldLine = (key: string) => new RegExp(`^(${key}:[ \\t]*)([^#\\r\\n]*?)([ \\t]*(#[^\\r\\n]*)?)(?=\\r?$)`, 'm');

/**
 * The article's source with `draft: false` and its `date` set, and every other byte as it was:
 * what `npm run publish` writes. Throws when the file has no frontmatter or no `date`.
 *
 * @example
 * publishedSource('---\ntitle: "X"\ndate: 2025-08-01T10:00\ndraft: true  # încă nu\n---\nText', '2025-08-13T09:04')
 * // => '---\ntitle: "X"\ndate: 2025-08-13T09:04\ndraft: false  # încă nu\n---\nText'
 */
export function publishedSource(source: string, date: string): string {
  const frontmatter = /^(---\r?\n)([\s\S]*?\r?\n)(---)/.exec(source);
  if (!frontmatter) throw new Error('fișierul nu începe cu frontmatter între două linii „---”');
  const [, opening, fields] = frontmatter;
  if (!fieldLine('date').test(fields!)) throw new Error('frontmatter-ul nu are câmpul date');
  const edited = fields!.replace(fieldLine('date'), `$1${date}$3`).replace(fieldLine('draft'), '$1false$3');
  return opening + edited + source.slice(opening!.length + fields!.length);
}
