import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { menuPositions, readSectionsFile } from '../../src/lib/section-menu';
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
