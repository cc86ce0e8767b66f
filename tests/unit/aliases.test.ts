import { describe, expect, it } from 'vitest';
import { aliasKey, aliasPage, aliasProblems } from '../../src/lib/aliases';
import { formatProblem } from '../../src/lib/problems';

const article = (file: string, url: string, aliases: string[]) => ({ file, url, breadcrumb: ['Prima pagină', 'Știri externe'], aliases });

describe('aliases', () => {
  it('are the same path whatever their case, trailing slash or escaping', () => {
    expect(aliasKey('/Externe/Pace/')).toBe(aliasKey('/externe/pace'));
    expect(aliasKey('/externe/%C8%99tiri/')).toBe(aliasKey('/externe/știri'));
    expect(aliasKey('/')).toBe('/');
  });

  it('are pages at a folder, or the file a path names', () => {
    expect(aliasPage('/externe/pace')).toBe('externe/pace/index.html');
    expect(aliasPage('/arhiva/pace.html')).toBe('arhiva/pace.html');
  });

  it('accept earlier paths of the site, in any section', () => {
    expect(aliasProblems([article('a.md', '/stiri-externe/pace/', ['/externe/pace/', '/stiri-externe/pace-veche/'])])).toEqual([]);
  });

  it("refuse the site's own paths: home, sections and their pages and feeds, tags, authors, files", () => {
    const paths = [
      '/',
      '/stiri-externe/',
      '/stiri-externe/2/',
      '/stiri-externe/rss.xml',
      '/tag/rusia/',
      '/autor/ana/',
      '/admin/',
      '/_astro/x.js',
      '/rss.xml',
      '/sitemap-1.xml',
    ];
    const problems = aliasProblems([article('a.md', '/stiri-externe/pace/', paths)]);
    expect(problems.map((problem) => problem.field)).toEqual(paths.map((_, position) => `aliases.${position}`));
    expect(problems.every((problem) => problem.message.includes('este o pagină a site-ului'))).toBe(true);
  });

  it('refuse a loop: two articles aliasing each other', () => {
    const problems = aliasProblems([
      article('a.md', '/stiri-externe/a/', ['/stiri-externe/b/']),
      article('b.md', '/stiri-externe/b/', ['/stiri-externe/a/']),
    ]).map(formatProblem);
    expect(problems).toEqual([
      'a.md: aliases.0: adresa veche „/stiri-externe/b/” este adresa articolului b.md: o redirecționare l-ar ascunde, iar un articol nu poate redirecționa spre altul (lanț sau buclă)',
      'b.md: aliases.0: adresa veche „/stiri-externe/a/” este adresa articolului a.md: o redirecționare l-ar ascunde, iar un articol nu poate redirecționa spre altul (lanț sau buclă)',
    ]);
  });

  it('refuse one old path for two articles, however it is spelt', () => {
    expect(
      aliasProblems([article('a.md', '/stiri-externe/a/', ['/vechi/x/']), article('b.md', '/stiri-externe/b/', ['/Vechi/X'])]).map(
        formatProblem,
      ),
    ).toEqual(['b.md: aliases.0: aceeași adresă veche (scrisă „/vechi/x/”) apare și în a.md: o adresă veche duce la un singur articol']);
  });
});
