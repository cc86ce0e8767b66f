import { rmSync } from 'node:fs';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/build-cache/content-hash';
import { ParseMemo } from '../../src/build-cache/parse-memo';
import { parseArticleFile, readArticleFile, withoutByteOrderMark } from '../../src/lib/article-file';
import { formatProblem } from '../../src/lib/problems';
import { storedArticleSchema } from '../../src/schemas/article';
import { tempTree } from './temp-tree';

const root = tempTree({ 'photo.jpg': 'not really a jpeg; only its existence is checked here' });
const FILE = 'x.md';

const valid = {
  title: '"Titlu"',
  date: '2025-08-13T09:04',
  breadcrumb: '["Prima pagină", "Știri externe"]',
};

function article(fields: Record<string, string | undefined>, body = 'Text.'): string {
  const lines = Object.entries({ ...valid, ...fields })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}

function problems(contents: string): string[] {
  return readArticleFile(FILE, contents, root).problems.map(formatProblem);
}

describe('readArticleFile', () => {
  it('accepts the contract with every optional field', () => {
    const result = readArticleFile(
      FILE,
      article({
        lead: '"Liderul rus a lăudat „spiritul de sacrificiu”"',
        updated: '2025-08-13T11:30:00+03:00',
        byline: '["Andreea Popescu", "Mihai Ionescu"]',
        photo: '\n  src: ./photo.jpg\n  alt: "Doi oameni"\n  credit: "Profimedia"\n  caption: "La telefon"',
        tags: '["Rusia"]',
        draft: 'false',
        slug: 'convorbire',
      }),
      root,
    );
    expect(result.problems).toEqual([]);
    expect(result.data).toMatchObject({
      title: 'Titlu',
      byline: ['Andreea Popescu', 'Mihai Ionescu'],
      photo: { src: './photo.jpg', alt: 'Doi oameni', credit: 'Profimedia', caption: 'La telefon' },
      tags: ['Rusia'],
      draft: false,
      slug: 'convorbire',
    });
    expect(result.data?.date.toISOString()).toBe('2025-08-13T06:04:00.000Z');
    expect(result.frontmatter.date).toBe('2025-08-13T09:04');
  });

  it('sets title, lead and caption in Romanian typography, as the body is', () => {
    const result = readArticleFile(
      FILE,
      article({
        title: `'Acord "istoric" -- sau nu...'`,
        lead: `'Ministrul a spus "da" --- apoi a plecat'`,
        photo: `\n  src: ./photo.jpg\n  alt: "Doi oameni"\n  credit: "Profimedia"\n  caption: '"Ultima" ședință -- la Cluj'`,
      }),
      root,
    );
    expect(result.data).toMatchObject({
      title: 'Acord „istoric” – sau nu…',
      lead: 'Ministrul a spus „da” — apoi a plecat',
      photo: { caption: '„Ultima” ședință – la Cluj' },
    });
  });

  it('reads corrections, and refuses one dated before the article', () => {
    const corrected = readArticleFile(
      FILE,
      article({ corrections: '\n  - date: 2025-08-14T10:00\n    text: "Numele corect este \\"Ion\\"."' }),
      root,
    );
    expect(corrected.problems).toEqual([]);
    expect(corrected.data?.corrections).toEqual([{ date: new Date('2025-08-14T07:00:00Z'), text: 'Numele corect este „Ion”.' }]);
    expect(problems(article({ corrections: '\n  - date: 2025-08-12T10:00\n    text: "x"' }))).toEqual([
      'x.md:5: corrections.0.date: corecția este datată înaintea publicării articolului',
    ]);
    expect(problems(article({ corrections: '\n  - date: 2025-08-14T10:00' }))).toEqual([
      'x.md:5: corrections.0.text: lipsește textul corecției',
    ]);
  });

  it('reads a retraction, and refuses one dated before the article or without a reason', () => {
    const retracted = readArticleFile(
      FILE,
      article({ retracted: '\n  date: 2025-08-15T09:00\n  reason: "Sursa s-a dovedit falsă."' }),
      root,
    );
    expect(retracted.data?.retracted).toEqual({ date: new Date('2025-08-15T06:00:00Z'), reason: 'Sursa s-a dovedit falsă.' });
    expect(problems(article({ retracted: '\n  date: 2025-08-12T09:00\n  reason: "x"' }))).toEqual([
      'x.md:6: retracted.date: retragerea este datată înaintea publicării articolului',
    ]);
    expect(problems(article({ retracted: '\n  date: 2025-08-15T09:00' }))).toEqual([
      'x.md:5: retracted.reason: lipsește motivul retragerii',
    ]);
  });

  it('normalises a single byline to a list and defaults tags and draft', () => {
    const result = readArticleFile(FILE, article({ byline: 'Redacția' }), root);
    expect(result.data).toMatchObject({ byline: ['Redacția'], tags: [], draft: false });
  });

  it.each([
    [{ title: undefined }, 'x.md: title: lipsește titlul articolului'],
    [{ title: '""' }, 'x.md:2: title: lipsește titlul articolului'],
    [{ title: '["a"]' }, 'x.md:2: title: așteptam text, am găsit o listă'],
    [{ date: undefined }, 'x.md: date: câmpul lipsește'],
    [{ date: '2026-02-30T10:00' }, 'x.md:3: date: ziua 30 nu există în februarie 2026 („2026-02-30T10:00”)'],
    [
      { date: '2026-03-29T03:15' },
      'x.md:3: date: ora 03:15 din 2026-03-29 nu există la București (ceasul sare peste ea la trecerea la ora de vară); alegeți altă oră',
    ],
    [{ updated: '2025-08-12T09:00' }, 'x.md:5: updated: data actualizării este înaintea datei publicării'],
    [{ breadcrumb: undefined }, 'x.md: breadcrumb: așteptam o listă, de exemplu ["Prima pagină", "Știri externe"]'],
    [
      { breadcrumb: '[]' },
      'x.md:4: breadcrumb: calea de navigare trebuie să numească cel puțin o secțiune, de exemplu ["Prima pagină", "Știri externe"]',
    ],
    [
      { breadcrumb: '["Prima pagină"]' },
      'x.md:4: breadcrumb: calea de navigare trebuie să numească cel puțin o secțiune, de exemplu ["Prima pagină", "Știri externe"]',
    ],
    [{ breadcrumb: '["Prima pagină", ""]' }, 'x.md:4: breadcrumb.1: un element al căii de navigare este gol'],
    [{ draft: '"nu"' }, 'x.md:5: draft: așteptam true sau false'],
    [
      { darft: 'true' },
      'x.md:5: darft: câmp necunoscut „darft” (ați vrut „draft”?); câmpurile permise sunt: title, lead, date, updated, breadcrumb, byline, photo, tags, draft, slug, corrections, retracted, aliases, featured',
    ],
    [
      { tittle: '"x"' },
      'x.md:5: tittle: câmp necunoscut „tittle” (ați vrut „title”?); câmpurile permise sunt: title, lead, date, updated, breadcrumb, byline, photo, tags, draft, slug, corrections, retracted, aliases, featured',
    ],
    [
      { photo: '\n  src: ./photo.jpg\n  credit: "Profimedia"' },
      'x.md:5: photo.alt: lipsește textul alternativ al fotografiei (ce se vede în ea)',
    ],
    [{ photo: '\n  src: ./photo.jpg\n  alt: "Doi oameni"' }, 'x.md:5: photo.credit: lipsește sursa fotografiei (de exemplu „Profimedia”)'],
    [{ photo: '\n  src: ./lipsa.jpg\n  alt: "A"\n  credit: "B"' }, 'x.md:6: photo.src: fișierul „./lipsa.jpg” nu există lângă articol'],
    [
      { photo: '\n  src: ./Photo.JPG\n  alt: "A"\n  credit: "B"' },
      'x.md:6: photo.src: fișierul „./Photo.JPG” nu există lângă articol; există „./photo.jpg” (literele mari și mici contează)',
    ],
    [
      { photo: '\n  src: ./photo.jpg\n  alt: "A"\n  credit: "B"\n  credt: "C"' },
      'x.md:9: photo.credt: câmp necunoscut „credt” (ați vrut „credit”?); câmpurile permise sunt: src, alt, credit, caption',
    ],
    [{ tags: '"Rusia"' }, 'x.md:5: tags: așteptam o listă, am găsit textul „Rusia”'],
    [{ byline: '[""]' }, 'x.md:5: byline.0: un nume din semnătură este gol'],
    [{ byline: '{ nume: "Ana" }' }, 'x.md:5: byline: așteptam un nume sau o listă de nume'],
  ])('%j → %s', (fields, message) => {
    expect(problems(article(fields))).toContain(message);
  });

  it('reports every problem of a file, not only the first', () => {
    expect(problems(article({ title: undefined, date: '2025-02-30T10:00', darft: 'true' }))).toHaveLength(3);
  });

  it('locates YAML syntax errors by line and column in the file', () => {
    expect(problems('---\ntitle: "Titlu"\ndate: 2025-08-13T09:04\n  breadcrumb: ["Prima pagină"]\n---\nText')).toEqual([
      'x.md:4:13: frontmatter-ul nu este YAML valid: bad indentation of a mapping entry',
    ]);
    expect(problems('---\ntitle: "Ti"tlu"\n---\nText')[0]).toMatch(/^x\.md:2:\d+: frontmatter-ul nu este YAML valid: /);
  });

  it('names the usual cause of a YAML error in the editor’s words: quotes inside quotes, a Tab', () => {
    expect(problems('---\ntitle: "Acord "istoric" între partide"\n---\nText')).toEqual([
      `x.md:2:16: frontmatter-ul nu este YAML valid: textul dintre ghilimele conține alte ghilimele drepte: în text scrieți „…”, sau puneți tot textul între ghilimele simple ('…') (bad indentation of a mapping entry)`,
    ]);
    expect(problems('---\ntitle: "Titlu"\n\tdate: 2025-08-13T09:04\n---\nText')[0]).toMatch(
      /^x\.md:3:\d+: frontmatter-ul nu este YAML valid: rândul conține un Tab: folosiți spații \(/,
    );
  });

  it('reports a file without frontmatter', () => {
    expect(problems('# Doar text')).toEqual([
      'x.md: fișierul trebuie să înceapă cu frontmatter între două linii „---” (titlu, dată, cale de navigare)',
    ]);
  });

  it('keeps a date written without quotes as text, so YAML cannot shift it', () => {
    expect(readArticleFile(FILE, article({ date: '2025-08-13T09:04:00' }), root).frontmatter.date).toBe('2025-08-13T09:04:00');
  });
});

describe('readArticleFile with the build’s memo of parses', () => {
  const everything = article(
    {
      lead: '"Un lead cu „ghilimele”"',
      updated: '2025-08-13T11:30:00+03:00',
      byline: '["Andreea Popescu"]',
      photo: '\n  src: ./photo.jpg\n  alt: "Doi oameni"\n  credit: "Profimedia"',
      tags: '["Rusia"]',
      corrections: '\n  - date: 2025-08-14T10:00\n    text: "Data era greșită."',
    },
    'Primul paragraf, cu [o legătură](../07/alt.md).\n\nAl doilea, cu ![harta](./harta.png).',
  );
  const memoFile = () => `${tempTree({})}/parses.bin`;

  it('gives from a kept parse exactly what a fresh parse gives, dates, references and a byte order mark included', () => {
    const file = memoFile();
    for (const contents of [everything, `\uFEFF${everything}`]) {
      const first = ParseMemo.load(file, 'code');
      const fresh = readArticleFile(FILE, contents, root, undefined, first);
      first.save();
      const kept = readArticleFile(FILE, contents, root, undefined, ParseMemo.load(file, 'code'));
      expect(kept).toEqual(fresh);
      expect(kept.data?.corrections[0]?.date).toBeInstanceOf(Date);
      expect(kept.references).toMatchObject([
        { kind: 'link', target: '../07/alt.md' },
        { kind: 'image', target: './harta.png' },
      ]);
      expect(kept).toEqual(readArticleFile(FILE, contents, root));
    }
  });

  it('takes a parse made ahead, on another thread, as its own: used by the build, kept by the memo', () => {
    for (const contents of [everything, `\uFEFF${everything}`]) {
      const ahead = parseArticleFile(FILE, contents)!;
      expect(ahead.key).toBe(contentHash(FILE, contents));
      const file = memoFile();
      const memo = ParseMemo.load(file, 'code');
      memo.adopt([[ahead.key, ahead.parse]]);
      expect(readArticleFile(FILE, contents, root, undefined, memo)).toEqual(readArticleFile(FILE, contents, root));
      memo.save();
      expect(ParseMemo.load(file, 'code').get(ahead.key)).toEqual(ahead.parse);
    }
    const marked = parseArticleFile(FILE, everything)!;
    const memo = ParseMemo.load(memoFile(), 'code');
    memo.adopt([[marked.key, { ...marked.parse, data: { ...marked.parse.data, title: 'Din memo' } }]]);
    expect(readArticleFile(FILE, everything, root, undefined, memo).data?.title).toBe('Din memo');
  });

  it('makes no parse ahead of a file whose frontmatter has a problem: the build reads it again, to tell it', () => {
    expect(parseArticleFile(FILE, article({ title: '""' }))).toBeUndefined();
    expect(parseArticleFile(FILE, '# Doar text')).toBeUndefined();
  });

  it('parses again when the file, its name or the code changed, and never keeps a file with problems', () => {
    const file = memoFile();
    const memo = ParseMemo.load(file, 'code');
    readArticleFile(FILE, everything, root, undefined, memo);
    readArticleFile('y.md', article({ title: '""' }), root, undefined, memo);
    memo.save();
    expect(ParseMemo.load(file, 'code').get(contentHash(FILE, everything))).toBeDefined();
    expect(ParseMemo.load(file, 'code').get(contentHash('y.md', article({ title: '""' })))).toBeUndefined();
    expect(ParseMemo.load(file, 'code').get(contentHash('z.md', everything))).toBeUndefined();
    expect(ParseMemo.load(file, 'other code').get(contentHash(FILE, everything))).toBeUndefined();
  });

  it('still checks what lies beside the file: a kept parse whose photo is gone has the problem, on its line', () => {
    const folder = tempTree({ 'photo.jpg': 'x' });
    const file = memoFile();
    const memo = ParseMemo.load(file, 'code');
    expect(readArticleFile(FILE, everything, folder, undefined, memo).problems).toEqual([]);
    memo.save();
    rmSync(`${folder}/photo.jpg`);
    const problem = readArticleFile(FILE, everything, folder, undefined, ParseMemo.load(file, 'code')).problems[0];
    expect(problem).toMatchObject({ field: 'photo.src', line: 9 });
    expect(problem).toEqual(readArticleFile(FILE, everything, folder).problems[0]);
  });
});

describe('withoutByteOrderMark', () => {
  it('drops the mark only at the start of the text', () => {
    expect(withoutByteOrderMark('\uFEFF---\ntitle: x')).toBe('---\ntitle: x');
    expect(withoutByteOrderMark('---\n\uFEFF')).toBe('---\n\uFEFF');
  });
});

describe('storedArticleSchema', () => {
  /** Astro's `image()` as the content layer gives it: the path, marked for Astro to import. */
  const astroImage = () => z.string().transform((path) => `__ASTRO_IMAGE_${path}`);

  it('keeps what the loader parsed and makes only the photo’s path an image', async () => {
    const { data } = readArticleFile(
      FILE,
      article({ byline: '"Ana Pop"', photo: '\n  src: ./photo.jpg\n  alt: "Doi oameni"\n  credit: "Profimedia"', tags: '["Rusia"]' }),
      root,
    );
    const stored = await storedArticleSchema(astroImage).parseAsync(data);
    expect(stored).toEqual({ ...data, photo: { ...data!.photo, src: '__ASTRO_IMAGE_./photo.jpg' } });
    expect(stored.date).toBeInstanceOf(Date);
    expect(data!.photo!.src).toBe('./photo.jpg');
  });

  it('adds no photo to an article without one', async () => {
    const { data } = readArticleFile(FILE, article({}), root);
    const stored = await storedArticleSchema(astroImage).parseAsync(data);
    expect(stored).toEqual(data);
    expect('photo' in stored).toBe(false);
  });
});
