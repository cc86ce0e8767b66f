import { describe, expect, it } from 'vitest';
import { articleSlug, articleUrl, checkArticleSet } from '../../src/lib/article-set';
import { formatProblem } from '../../src/lib/problems';

const externe = ['Prima pagină', 'Știri externe'];

describe('articleSlug and articleUrl', () => {
  it('uses the file name, transliterated, unless slug: overrides it', () => {
    expect(articleSlug('content/articles/2025/08/Convorbire-Putin.md', {})).toBe('convorbire-putin');
    expect(articleSlug('content/articles/2025/08/știre.md', {})).toBe('stire');
    expect(articleSlug('content/articles/x.md', { slug: 'Alt titlu' })).toBe('alt-titlu');
    expect(articleUrl('content/articles/2025/08/pace.md', { breadcrumb: ['Prima pagină', 'Sport', 'Fotbal'] })).toBe('/fotbal/pace/');
  });
});

describe('checkArticleSet', () => {
  const messages = (articles: Parameters<typeof checkArticleSet>[0]) => checkArticleSet(articles).map(formatProblem);

  it('accepts distinct articles in a consistent section tree', () => {
    expect(
      messages([
        { file: 'a.md', data: { breadcrumb: ['Prima pagină', 'Sport', 'Fotbal'] } },
        { file: 'b.md', data: { breadcrumb: ['Prima pagină', 'Sport'] } },
        { file: 'c/a.md', data: { breadcrumb: externe } },
      ]),
    ).toEqual([]);
  });

  it('reports two articles on one URL, naming both files in each message', () => {
    expect(
      messages([
        { file: '2025/07/pace.md', data: { breadcrumb: externe } },
        { file: '2025/08/alta.md', data: { breadcrumb: ['Prima pagină', 'Stiri externe'], slug: 'Pace' } },
      ]),
    ).toEqual([
      '2025/07/pace.md: are aceeași adresă, /stiri-externe/pace/, ca 2025/08/alta.md',
      '2025/08/alta.md: are aceeași adresă, /stiri-externe/pace/, ca 2025/07/pace.md',
    ]);
  });

  it('reports a section placed under two parents', () => {
    expect(
      messages([
        { file: 'a.md', data: { breadcrumb: ['Prima pagină', 'Sport', 'Fotbal'] } },
        { file: 'b.md', data: { breadcrumb: ['Prima pagină', 'Fotbal'] } },
      ]),
    ).toEqual([
      'b.md: breadcrumb: secțiunea „Fotbal” este direct sub „Prima pagină”, dar în a.md este sub „Sport”; o secțiune are un singur loc în site',
    ]);
  });

  it('reports slugs made only of digits, from the file name or slug:', () => {
    expect(messages([{ file: '2025/08/2024.md', data: { breadcrumb: externe } }])).toEqual([
      '2025/08/2024.md: numele fișierului „2024” are doar cifre și s-ar confunda cu o pagină a secțiunii; adăugați un cuvânt',
    ]);
    expect(messages([{ file: 'x.md', data: { breadcrumb: externe, slug: '12' } }])).toEqual([
      'x.md: slug: slug-ul „12” are doar cifre și s-ar confunda cu o pagină a secțiunii; adăugați un cuvânt',
    ]);
  });

  it('reports sections whose slug the site reserves', () => {
    expect(messages([{ file: 'x.md', data: { breadcrumb: ['Prima pagină', 'Tag'] } }])).toEqual([
      'x.md: breadcrumb: secțiunea „Tag” ar ocupa adresa /tag/, rezervată site-ului; alegeți alt nume',
    ]);
    for (const name of ['Admin', 'Previzualizare', 'Autor', 'Căutare']) {
      expect(messages([{ file: 'x.md', data: { breadcrumb: ['Prima pagină', name] } }])[0]).toMatch(/rezervată site-ului/);
    }
  });

  it('reports names without a single letter or digit', () => {
    expect(messages([{ file: 'x.md', data: { breadcrumb: ['Prima pagină', '!!!'] } }])).toEqual([
      'x.md: breadcrumb: secțiunea „!!!” nu conține nicio literă sau cifră',
    ]);
  });
});
