import { describe, expect, it } from 'vitest';
import { readBreakingNews } from '../../src/lib/breaking-news';
import { frontPage, isFeatured } from '../../src/lib/front-page';
import { readArticleFile } from '../../src/lib/article-file';
import { formatProblem } from '../../src/lib/problems';
import { tempTree } from './temp-tree';

const NOW = new Date('2025-08-13T12:00:00Z');
const story = (name: string, featured?: boolean | Date) => ({ name, data: { featured } });
const names = (stories: readonly { name: string }[]) => stories.map((one) => one.name);

describe('the home page layout', () => {
  it('is led by the newest story when none is featured, each story shown once', () => {
    const stories = ['a', 'b', 'c', 'd', 'e'].map((name) => story(name));
    const front = frontPage(stories, NOW, { latest: 2, headlines: 5 });
    expect(front.lead?.name).toBe('a');
    expect(names(front.latest)).toEqual(['b', 'c']);
    expect(names(front.headlines)).toEqual(['d', 'e']);
  });

  it('is led by the most recently published featured story while its time lasts', () => {
    const stories = [
      story('newest'),
      story('until-passed', new Date('2025-08-13T11:00:00Z')),
      story('until-later', new Date('2025-08-13T18:00:00Z')),
      story('old', true),
    ];
    const front = frontPage(stories, NOW, { latest: 3, headlines: 0 });
    expect(front.lead?.name).toBe('until-later');
    expect(names(front.latest)).toEqual(['newest', 'until-passed', 'old']);
    expect(frontPage(stories, new Date('2025-08-13T19:00:00Z'), { latest: 0, headlines: 0 }).lead?.name).toBe('old');
  });

  it('is empty without stories', () => {
    expect(frontPage([], NOW, { latest: 6, headlines: 12 })).toEqual({ lead: undefined, latest: [], headlines: [] });
  });

  it('treats `featured: false` as not featured', () => {
    expect(isFeatured({ featured: false }, NOW)).toBe(false);
    expect(isFeatured({ featured: NOW }, NOW)).toBe(false);
  });
});

describe('`featured` in an article', () => {
  const article = (featured: string) =>
    `---\ntitle: "Titlu"\ndate: 2025-08-13T09:04\nbreadcrumb: ["Prima pagină", "Știri externe"]\nfeatured: ${featured}\n---\nText.\n`;
  const read = (featured: string) => readArticleFile('x.md', article(featured), tempTree({}));

  it('is true, false, or a Bucharest time', () => {
    expect(read('true').data?.featured).toBe(true);
    expect(read('false').data?.featured).toBe(false);
    expect((read('2025-08-13T18:00').data?.featured as Date).toISOString()).toBe('2025-08-13T15:00:00.000Z');
  });

  it('names the mistake', () => {
    expect(read('"mâine"').problems.map(formatProblem)).toEqual([
      'x.md:5: featured: așteptam true sau data și ora până la care articolul deschide prima pagină (de exemplu 2025-08-13T18:00), am găsit „mâine”',
    ]);
    expect(read('2025-08-13T08:00').problems.map(formatProblem)).toEqual([
      'x.md:5: featured: articolul ar ieși din capul primei pagini înainte să fie publicat: data trebuie să fie după data publicării',
    ]);
  });
});

describe('the breaking news file', () => {
  const news = (contents: string) => readBreakingNews('ultima-ora.yaml', NOW, tempTree({ 'ultima-ora.yaml': contents }));

  it('gives the strip, typeset, while its `until` has not passed', () => {
    expect(news('title: "Cutremur -- \\"puternic\\""\nurl: /stiri-interne/cutremur/\nuntil: 2025-08-13T18:00\n')).toEqual({
      title: 'Cutremur – „puternic”',
      url: '/stiri-interne/cutremur/',
      until: new Date('2025-08-13T15:00:00Z'),
    });
    expect(news('title: Cutremur\nurl: https://example.org/live\n')).toEqual({ title: 'Cutremur', url: 'https://example.org/live' });
    expect(news('title: Cutremur\nuntil: 2025-08-13T14:59\n')).toBeUndefined();
  });

  it('is no strip when the file is missing or empty', () => {
    expect(readBreakingNews('ultima-ora.yaml', NOW, tempTree({}))).toBeUndefined();
    expect(news('')).toBeUndefined();
    expect(news('# nimic acum\n')).toBeUndefined();
  });

  it('names the file, the field and the mistake, every one of them', () => {
    expect(() => news('titel: Cutremur\nurl: www.exemplu.ro\nuntil: mâine\n')).toThrow(
      [
        'ultima-ora.yaml: title: lipsește titlul știrii de ultimă oră',
        'ultima-ora.yaml: url: așteptam o pagină a site-ului (care începe cu /, de exemplu /stiri-interne/cutremur-vrancea/) sau o adresă https://',
        'ultima-ora.yaml: until: așteptam data și ora în forma 2025-08-13T09:04 (ora Bucureștiului) sau 2025-08-13T09:04:00+03:00, am găsit „mâine”',
        'ultima-ora.yaml: titel: câmp necunoscut „titel” (ați vrut „title”?); câmpurile permise sunt: title, url, until',
      ].join('\n'),
    );
    expect(() => news('title: "Cutremur\n')).toThrow(/^ultima-ora\.yaml:\d+:\d+: fișierul „Ultima oră” nu este YAML valid/);
    expect(() => news('- Cutremur\n')).toThrow(/^ultima-ora\.yaml: așteptam câmpurile title, url și until/);
  });
});
