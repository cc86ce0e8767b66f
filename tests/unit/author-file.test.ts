import { describe, expect, it } from 'vitest';
import { unusedAuthors } from '../../src/lib/article-checks';
import { readArticleFile } from '../../src/lib/article-file';
import { readAuthorFile, readAuthorFiles } from '../../src/lib/author-file';
import { formatProblem } from '../../src/lib/problems';
import { person } from '../../src/lib/structured-data';
import { site } from '../../src/site';
import { tempTree } from './temp-tree';

const FILE = 'content/authors/ana-pop.md';
const root = tempTree({ 'content/authors/ana-pop.jpg': 'only its existence is checked here' });

const problems = (contents: string) => readAuthorFile(FILE, contents, root).problems.map(formatProblem);

describe('readAuthorFile', () => {
  it('accepts the contract with every field, the body being the biography', () => {
    const author = readAuthorFile(
      FILE,
      [
        '---',
        'name: Ana Pop',
        'role: "Redactor, Știri externe"',
        'photo:',
        '  src: ./ana-pop.jpg',
        '  alt: Ana Pop, portret',
        'links: ["https://x.com/anapop"]',
        '---',
        'Corespondentă la Bruxelles din 2019.',
      ].join('\n'),
      root,
    );
    expect(author.problems).toEqual([]);
    expect(author.slug).toBe('ana-pop');
    expect(author.data).toEqual({
      name: 'Ana Pop',
      role: 'Redactor, Știri externe',
      photo: { src: './ana-pop.jpg', alt: 'Ana Pop, portret' },
      links: ['https://x.com/anapop'],
    });
    expect(author.body.trim()).toBe('Corespondentă la Bruxelles din 2019.');
  });

  it('needs only the name', () => {
    expect(problems('---\nname: Ana Pop\n---\n')).toEqual([]);
  });

  it('refuses a name that does not lead to the file, since bylines find authors by it', () => {
    expect(problems('---\nname: Ana Popescu\n---\n')).toEqual([
      `${FILE}:2: name: numele „Ana Popescu” duce la fișierul ana-popescu.md, nu la ana-pop.md: redenumiți fișierul sau corectați numele, ca semnăturile să-l găsească`,
    ]);
  });

  it('accepts a name spelt with diacritics and capitals that make the same slug', () => {
    expect(problems('---\nname: ANA PÓP\n---\n')).toEqual([]);
  });

  it('requires the portrait to exist beside the file and to have alternative text', () => {
    expect(problems('---\nname: Ana Pop\nphoto:\n  src: ./ana.jpg\n  alt: Ana Pop\n---\n')).toEqual([
      `${FILE}:4: photo.src: fișierul „./ana.jpg” nu există lângă fișierul autorului`,
    ]);
    expect(problems('---\nname: Ana Pop\nphoto:\n  src: ./ana-pop.jpg\n---\n')).toEqual([
      `${FILE}:3: photo.alt: lipsește textul alternativ al fotografiei (ce se vede în ea, de exemplu „Ana Pop, portret”)`,
    ]);
  });

  it('refuses a link that is not a whole web address, and an unknown field with the nearest one', () => {
    expect(problems('---\nname: Ana Pop\nlinks: ["x.com/anapop", "javascript:alert(1)"]\n---\n')).toEqual([
      `${FILE}:3: links.0: așteptam o adresă web întreagă, de exemplu https://x.com/nume, am găsit „x.com/anapop”`,
      `${FILE}:3: links.1: așteptam o adresă web întreagă, de exemplu https://x.com/nume, am găsit „javascript:alert(1)”`,
    ]);
    expect(problems('---\nname: Ana Pop\nrol: Redactor\n---\n')).toEqual([
      `${FILE}:3: rol: câmp necunoscut „rol” (ați vrut „role”?); câmpurile permise sunt: name, role, photo, links`,
    ]);
  });

  it('reads no author where the folder does not exist', async () => {
    expect(await readAuthorFiles(root, 'content/autori')).toEqual([]);
  });
});

describe('unusedAuthors', () => {
  const author = readAuthorFile(FILE, '---\nname: Ana Pop\n---\n', root);
  const signedBy = (byline: string) =>
    readArticleFile(
      'a.md',
      `---\ntitle: T\ndate: 2025-08-13T09:04\nbreadcrumb: ["Prima pagină", "Sport"]\nbyline: ${byline}\n---\nText.`,
      root,
    );

  it('warns of an author file no article signs, and not of one signed under another spelling', () => {
    expect(unusedAuthors([author], [signedBy('Ion Ene')]).map(formatProblem)).toEqual([
      `${FILE}:2: name: niciun articol nu este semnat „Ana Pop”: pagina autorului apare odată cu primul articol semnat așa`,
    ]);
    expect(unusedAuthors([author], [signedBy('["Ion Ene", "ANA POP"]')])).toEqual([]);
  });
});

describe('person', () => {
  it('adds what an author file says to the byline', () => {
    expect(person('Ana Pop', site, { jobTitle: 'Redactor', sameAs: ['https://x.com/anapop'] })).toEqual({
      '@type': 'Person',
      name: 'Ana Pop',
      url: 'https://foaia.ro/autor/ana-pop/',
      jobTitle: 'Redactor',
      sameAs: ['https://x.com/anapop'],
    });
    expect(person('Ana Pop', site)).toEqual({ '@type': 'Person', name: 'Ana Pop', url: 'https://foaia.ro/autor/ana-pop/' });
  });
});
