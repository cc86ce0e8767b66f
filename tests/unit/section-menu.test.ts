import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breadcrumbProblem, menuPositions, readSectionsFile, sectionNames } from '../../src/lib/section-menu';
import { tempTree } from './temp-tree';

describe('the sections file', () => {
  it('gives menu positions by slug, subsections and unplaced sections left out', () => {
    const folder = tempTree({
      'sections.yaml': '- name: Sport\n  menu: 2\n  children:\n    - name: Fotbal\n- name: Știri externe\n  menu: 1\n- name: Meteo\n',
    });
    const sections = readSectionsFile(join(folder, 'sections.yaml'));
    expect(sections[0]).toEqual({ name: 'Sport', menu: 2, children: [{ name: 'Fotbal' }] });
    expect([...menuPositions(sections)]).toEqual([
      ['sport', 2],
      ['stiri-externe', 1],
    ]);
  });

  it('is optional', () => {
    expect(readSectionsFile(join(tempTree({}), 'sections.yaml'))).toEqual([]);
  });

  it('names the file, the place and the mistake', () => {
    const folder = tempTree({ 'bad.yaml': '- name: Sport\n  menu: întâi\n', 'broken.yaml': '- name: "Sport\n' });
    expect(() => readSectionsFile(join(folder, 'bad.yaml'))).toThrow(
      `${join(folder, 'bad.yaml')}: 0.menu: locul în meniu este un număr (1, 2, 3…)`,
    );
    expect(() => readSectionsFile(join(folder, 'broken.yaml'))).toThrow(/broken\.yaml:\d+:\d+: fișierul secțiunilor nu este YAML valid/);
  });
});

describe('breadcrumbs in the sections tree', () => {
  const FILE = 'content/sections.yaml';
  const tree = [
    { name: 'Știri externe', menu: 1 },
    { name: 'Sport', menu: 2, children: [{ name: 'Fotbal' }, { name: 'Tenis' }] },
    { name: 'Meteo' },
  ];

  it.each([
    [['Prima pagină', 'Știri externe']],
    [['Prima pagină', 'Sport', 'Fotbal']],
    [['Prima pagină', 'Sport']],
    [['Prima pagină', 'stiri externe']],
    [['Sport', 'TENIS']],
  ])('accepts %j, a path of the tree whatever its spelling', (breadcrumb) => {
    expect(breadcrumbProblem(breadcrumb, tree, FILE)).toBeUndefined();
  });

  it('names the section meant by a misspelt one, and the choices at that place', () => {
    expect(breadcrumbProblem(['Prima pagină', 'Știri extrene'], tree, FILE)).toBe(
      'secțiunea „Știri extrene” nu este în content/sections.yaml (ați vrut „Știri externe”?); aici puteți alege: Știri externe, Sport, Meteo',
    );
    expect(breadcrumbProblem(['Prima pagină', 'Sport', 'Baschet'], tree, FILE)).toBe(
      'secțiunea „Baschet” nu este în content/sections.yaml; aici puteți alege: Fotbal, Tenis',
    );
  });

  it('gives the whole path of a section written at the wrong place', () => {
    expect(breadcrumbProblem(['Prima pagină', 'Fotbal'], tree, FILE)).toBe(
      'secțiunea „Fotbal” este în content/sections.yaml sub „Sport”: scrieți ["Prima pagină", "Sport", "Fotbal"]',
    );
    expect(breadcrumbProblem(['Prima pagină', 'Sport', 'Meteo'], tree, FILE)).toBe(
      'secțiunea „Meteo” este în content/sections.yaml direct sub „Prima pagină”: scrieți ["Prima pagină", "Meteo"]',
    );
  });

  it('spells every section as the file does', () => {
    expect(sectionNames(tree)).toEqual(
      new Map([
        ['stiri-externe', 'Știri externe'],
        ['sport', 'Sport'],
        ['fotbal', 'Fotbal'],
        ['tenis', 'Tenis'],
        ['meteo', 'Meteo'],
      ]),
    );
  });
});
