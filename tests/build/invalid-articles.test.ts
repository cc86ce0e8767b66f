import { describe, expect, inject, it } from 'vitest';
import { runEditorCommand } from '../editor-command';
import { MISTAKEN_AUTHORS, MISTAKEN_BREAKING_NEWS } from './global-setup';

const build = inject('invalidBuild');
const file = (name: string) => `${build.content}/${name}`;

describe('a build with mistaken articles', () => {
  it('fails, publishing nothing', () => {
    expect(build.code).not.toBe(0);
    expect(build.distExists).toBe(false);
  });

  it.each([
    ['fara-titlu.md', 'title: lipsește titlul articolului'],
    ['data-imposibila.md', 'date: ziua 30 nu există în februarie 2026'],
    ['ora-inexistenta.md', 'date: ora 03:30 din 2026-03-29 nu există la București'],
    ['camp-necunoscut.md', 'darft: câmp necunoscut „darft” (ați vrut „draft”?)'],
    ['yaml-stricat.md', ':4:13: frontmatter-ul nu este YAML valid'],
    [
      'ghilimele-in-titlu.md',
      ":2:16: frontmatter-ul nu este YAML valid: textul dintre ghilimele conține alte ghilimele drepte: în text scrieți „…”, sau puneți tot textul între ghilimele simple ('…')",
    ],
    [
      'foto-majuscule.md',
      ':6: photo.src: fișierul „./Foto.JPG” nu există lângă articol; există „./foto.jpg” (literele mari și mici contează)',
    ],
    ['foto-fara-alt.md', 'photo.alt: lipsește textul alternativ al fotografiei'],
    ['foto-fara-credit.md', 'photo.credit: lipsește sursa fotografiei'],
    ['foto-lipsa.md', 'photo.src: fișierul „./lipsa.jpg” nu există lângă articol'],
    ['cale-goala.md', 'breadcrumb: calea de navigare trebuie să numească cel puțin o secțiune'],
    ['a/adresa-dubla.md', `are aceeași adresă, /stiri-interne/adresa-dubla/, ca ${file('b/adresa-dubla.md')}`],
    ['b/adresa-dubla.md', `are aceeași adresă, /stiri-interne/adresa-dubla/, ca ${file('a/adresa-dubla.md')}`],
    ['legatura-lipsa.md', `legătura către ${file('nu-exista.md')} duce la un articol care nu există`],
    ['sectiune-sub-sport.md', `breadcrumb: secțiunea „Fotbal” este sub „Sport”, dar în ${file('sectiune-fara-parinte.md')}`],
    ['2024.md', 'numele fișierului „2024” are doar cifre'],
    ['retragere-in-viitor.md', ':5: retracted.date: retragerea este datată în viitor, după ora acestei construiri'],
    ['corectie-in-viitor.md', ':5: corrections.0.date: corecția este datată în viitor, după ora acestei construiri'],
    [
      'imagine-fara-alt.md',
      ':9: imaginea „./foto.jpg” din text nu are text alternativ: scrieți între parantezele pătrate ce se vede în ea',
    ],
    ['sectiune-necunoscuta.md', 'breadcrumb: secțiunea „Știri extrene” nu este în content/sections.yaml (ați vrut „Știri externe”?)'],
    [
      'sectiune-fara-parinte.md',
      'breadcrumb: secțiunea „Fotbal” este în content/sections.yaml sub „Sport”: scrieți ["Prima pagină", "Sport", "Fotbal"]',
    ],
    ['sectiune-rezervata.md', 'breadcrumb: secțiunea „Autor” ar ocupa adresa /autor/'],
    ['imagine-lipsa-in-text.md', 'imaginea din text: fișierul „./harta-lipsa.png” nu există lângă articol'],
    ['fara-text.md', 'articolul nu are text: scrieți-l după a doua linie „---”'],
    ['programat-cu-greseala.md', 'tags: așteptam o listă, am găsit textul „nu e listă”'],
    ['adrese-vechi-gresite.md', ':5: aliases.0: adresa veche „vechi/fara-bara/” trebuie să înceapă cu „/”'],
    ['adrese-vechi-gresite.md', ':5: aliases.1: adresa veche „/stiri-interne/” este o pagină a site-ului (secțiunea „stiri-interne”)'],
    ['adrese-vechi-gresite.md', ':5: aliases.2: adresa veche „/stiri-interne/adrese-vechi-gresite/” este chiar adresa articolului'],
    [
      'adrese-vechi-gresite.md',
      `:5: aliases.3: adresa veche „/stiri-interne/adresa-dubla/” este adresa articolului ${file('b/adresa-dubla.md')}: o redirecționare l-ar ascunde`,
    ],
    ['adrese-vechi-gresite.md', ':5: aliases.4: adresa veche „/cautare/” este o pagină a site-ului (/cautare/)'],
    ['adrese-vechi-gresite.md', `:5: aliases.6: aceeași adresă veche (scrisă „/vechi/a/”) apare și în ${file('adrese-vechi-gresite.md')}`],
  ])('reports %s: %s', (name, message) => {
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // The file, its line where the mistake has one, then the field and the message.
    const expected = new RegExp(`${escaped(file(name))}(:\\d+)?${message.startsWith(':') ? '' : ': '}${escaped(message)}`);
    expect(build.output).toMatch(expected);
  });

  it('warns about a social post pasted with its script, saying what readers see', () => {
    expect(build.output).toContain(
      `${file('imagine-fara-alt.md')}:11: o postare X (Twitter) lipită ca citat cu script: scriptul este eliminat, cititorii văd doar un citat simplu; încorporați postarea cu iframe-ul ei`,
    );
  });

  it('reports the mistakes of the breaking-news file with them', () => {
    expect(build.output).toContain('ultima-ora-gresita.yaml: titel: câmp necunoscut „titel” (ați vrut „title”?)');
    expect(build.output).toContain('ultima-ora-gresita.yaml: title: lipsește titlul știrii de ultimă oră');
  });

  it.each([
    [
      'ana-pop.md',
      ':2: name: numele „Ana Popescu” duce la fișierul ana-popescu.md, nu la ana-pop.md: redenumiți fișierul sau corectați numele',
    ],
    ['mihai-ene.md', ':3: photo.alt: lipsește textul alternativ al fotografiei'],
    ['mihai-ene.md', ':5: links.0: așteptam o adresă web întreagă, de exemplu https://x.com/nume, am găsit „x.com/mihaiene”'],
  ])('reports the author file %s: %s', (name, message) => {
    expect(build.output).toContain(`tests/fixtures/invalid-authors/${name}${message}`);
  });

  it('reports them all in one run, with their count', () => {
    expect(build.output).toContain('37 probleme în articole:');
  });

  it('are the problems `npm run check:articles` lists, word for word, without building', () => {
    const { code, stdout: output } = runEditorCommand('check-articles', [], {
      env: {
        FOAIA_CONTENT_DIR: build.content,
        FOAIA_BREAKING_NEWS_FILE: MISTAKEN_BREAKING_NEWS,
        FOAIA_AUTHORS_DIR: MISTAKEN_AUTHORS,
        FOAIA_NOW: build.now,
      },
    });
    expect(code).toBe(1);
    const listed = output.split('\n').filter((line) => line.includes(': '));
    expect(listed.filter((line) => !line.startsWith('atenție'))).toHaveLength(37);
    for (const line of listed.filter((line) => !line.startsWith('atenție'))) expect(build.output).toContain(line);
    expect(output).toContain('37 probleme de corectat');
  });
});
