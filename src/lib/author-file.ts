import { basename } from 'node:path';
import { z } from 'astro/zod';
import { type AuthorData, authorSchema } from '../schemas/author';
import { type EditorFile, type EditorFileKind, photoProblem, readEditorFile, readEditorFiles } from './article-file';
import { FolderListings } from './local-files';
import type { ArticleProblem } from './problems';
import { slugify } from './slugs';

/** A portrait's `src` as the editor wrote it; the build swaps in Astro's `image()`. */
const portraitPath = () => z.string({ error: 'lipsește calea fotografiei (de exemplu ./ana-pop.jpg)' }).trim().min(1);

/** The author contract checked without Astro: by the editor tools, and by the build before Astro sees an entry. */
export const editorAuthorSchema = authorSchema(portraitPath);

const AUTHOR_KIND: EditorFileKind<typeof editorAuthorSchema> = {
  schema: editorAuthorSchema,
  allowedKeys: (path) => {
    if (path.length === 0) return Object.keys(editorAuthorSchema.shape);
    if (path.length === 1 && path[0] === 'photo') return Object.keys(editorAuthorSchema.shape.photo.unwrap().shape);
    return [];
  },
  noFrontmatter: 'fișierul trebuie să înceapă cu frontmatter între două linii „---” (cel puțin name: …), urmat de biografie',
};

/** One author file, read and checked: `slug` is its file name, the author page's address. */
export type AuthorFile = EditorFile<AuthorData> & { slug: string };

/**
 * Reads one author file and checks it: the contract, the portrait beside it, and that the name
 * leads to this file (a byline finds its author by the name's slug, which must be the file's name).
 *
 * @example
 * readAuthorFile('content/authors/ana-pop.md', '---\nname: Ana Popescu\n---\n').problems[0].message
 * // => 'numele „Ana Popescu” duce la fișierul ana-popescu.md, nu la ana-pop.md: redenumiți fișierul sau corectați numele, ca semnăturile să-l găsească'
 */
export function readAuthorFile(file: string, contents: string, root = process.cwd(), folders = new FolderListings()): AuthorFile {
  const slug = basename(file).replace(/\.md$/i, '');
  const { locate, ...read } = readEditorFile(file, contents, AUTHOR_KIND);
  if (!read.data) return { ...read, slug };
  const problems: ArticleProblem[] = [];
  const expected = slugify(read.data.name);
  if (expected !== slug) {
    problems.push({
      file,
      field: 'name',
      message: `numele „${read.data.name}” duce la fișierul ${expected}.md, nu la ${slug}.md: redenumiți fișierul sau corectați numele, ca semnăturile să-l găsească`,
    });
  }
  const photo = read.data.photo;
  const photoMistake = photo && photoProblem(file, String(photo.src), root, folders, 'fișierul autorului');
  if (photoMistake) problems.push({ file, field: 'photo.src', message: photoMistake });
  if (problems.length > 0) return { ...read, slug, data: undefined, problems: locate(problems) };
  return { ...read, slug };
}

/**
 * Reads every author file of a folder (`<slug>.md`), sorted by path; none when the folder does
 * not exist (a newsroom without author profiles). Files are named relative to the root.
 *
 * @example
 * (await readAuthorFiles('/site', 'content/authors'))[0].slug // => 'ana-pop'
 */
export async function readAuthorFiles(root: string, base: string, folders = new FolderListings()): Promise<AuthorFile[]> {
  return readEditorFiles(root, base, '*.md', (file, contents) => readAuthorFile(file, contents, root, folders));
}
