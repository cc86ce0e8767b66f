import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { slugify } from '../../src/lib/slugs.ts';

/** Stories of a busy news day, each with its sections (outermost first) and the colours of its stand-in photo. */
const STORIES = [
  ['Guvernul adoptă bugetul rectificat după o noapte de negocieri', 'Politică', '#264653', '#2a9d8f'],
  ['Inflația anuală scade pentru a treia lună la rând', 'Economie', '#e9c46a', '#f4a261'],
  ['Spitalul județean deschide o secție nouă de cardiologie', 'Sănătate', '#e76f51', '#9b2226'],
  ['Elevii din mediul rural primesc tablete înainte de simulare', 'Educație', '#005f73', '#0a9396'],
  ['Curtea de Apel amână pronunțarea în dosarul retrocedărilor', 'Justiție', '#3d405b', '#81b29a'],
  ['O firmă din Cluj lansează un satelit construit de studenți', 'Tech', '#14213d', '#fca311'],
  ['Derby-ul etapei se joacă fără spectatori după incidentele din tur', 'Sport/Fotbal', '#2d6a4f', '#95d5b2'],
  ['Autostrada de centură primește aviz de mediu', 'Știri interne', '#6d597a', '#b56576'],
  ['Summitul de la Bruxelles se încheie fără o declarație comună', 'Știri externe', '#003049', '#d62828'],
  ['Filarmonica deschide stagiunea cu un concert în aer liber', 'Cultură', '#7f5539', '#ddb892'],
  ['Prețul energiei pentru consumatorii casnici rămâne plafonat', 'Economie', '#283618', '#dda15e'],
  ['Vaccinarea antigripală începe în farmacii de luni', 'Sănătate', '#1d3557', '#a8dadc'],
  ['Cod portocaliu de vânt în trei județe din Moldova', 'Meteo', '#4a4e69', '#c9ada7'],
  ['Turneul de tenis al juniorilor ajunge în sferturi', 'Sport/Tenis', '#386641', '#a7c957'],
  ['Parlamentul votează noua lege a arhivelor', 'Politică', '#540b0e', '#e09f3e'],
  ['Muzeul satului restaurează zece case din secolul al XIX-lea', 'Cultură', '#582f0e', '#a68a64'],
] as const;

/** The story the front-page fixture features: older than most, so only `featured` puts it first. */
export const FEATURED_STORY = '/politica/guvernul-adopta-bugetul-rectificat-dupa-o-noapte-de-negocieri/';

/** The story with a YouTube video, embedded at a fixed 560×315 as the player's embed code has it. */
export const VIDEO_STORY = '/fotbal/derby-ul-etapei-se-joaca-fara-spectatori-dupa-incidentele-din-tur/';

/** A story with a correction, and one retracted: their pages are checked like the others. */
export const CORRECTED_STORY = '/politica/parlamentul-voteaza-noua-lege-a-arhivelor/';
export const RETRACTED_STORY = '/cultura/muzeul-satului-restaureaza-zece-case-din-secolul-al-xix-lea/';

/** The breaking news the fixture shows on the fronts. */
export const BREAKING_NEWS = 'Cutremur de 5,2 grade în Vrancea';

/** A 1600×900 stand-in photo: a gradient, so the browser tests can see which file was chosen. */
function photo(from: string, to: string): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><defs><linearGradient id="g">` +
    `<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="1600" height="900" fill="url(#g)"/><circle cx="1150" cy="380" r="230" fill="${from}" opacity="0.5"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/**
 * A busy front page on top of the committed sample articles: 16 stories with photos in October
 * 2025 (one featured, one with a video, one corrected, one retracted), and a breaking-news file.
 */
export async function writeFrontPageContent(articles: string, breakingNewsFile: string): Promise<void> {
  const folder = join(articles, '2025/10');
  mkdirSync(folder, { recursive: true });
  await Promise.all(
    STORIES.map(async ([title, sections, from, to], position) => {
      const slug = slugify(title);
      const trail = sections.split('/');
      const section = trail.at(-1)!;
      const day = String(position + 1).padStart(2, '0');
      const url = `/${slugify(section)}/${slug}/`;
      const featured = url === FEATURED_STORY ? 'featured: true\n' : '';
      const corrected =
        url === CORRECTED_STORY
          ? 'corrections:\n  - date: 2025-10-20T10:00\n    text: "Legea a fost votată cu 210 voturi, nu cu 201."\n'
          : '';
      const retracted =
        url === RETRACTED_STORY
          ? 'retracted:\n  date: 2025-10-21T10:00\n  reason: "Muzeul a dezmințit proiectul: articolul se baza pe o sursă greșită."\n'
          : '';
      const video =
        url === VIDEO_STORY
          ? '\n<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315" title="Rezumatul meciului"></iframe>\n'
          : '';
      writeFileSync(join(folder, `${slug}.jpg`), await photo(from, to));
      writeFileSync(
        join(folder, `${slug}.md`),
        [
          '---',
          `title: "${title}"`,
          `lead: "Ce s-a întâmplat, pe scurt: ${title.toLowerCase()}."`,
          `date: 2025-10-${day}T${String(8 + (position % 10)).padStart(2, '0')}:30`,
          `breadcrumb: ${JSON.stringify(['Prima pagină', ...trail])}`,
          'byline: "Redacția"',
          'photo:',
          `  src: ./${slug}.jpg`,
          `  alt: "Imagine de arhivă pentru: ${title}"`,
          '  credit: "Arhivă"',
          `${featured}${corrected}${retracted}---`,
          '',
          `Textul știrii „${title}”, cu detaliile de până acum.`,
          video,
        ].join('\n'),
      );
    }),
  );
  writeFileSync(breakingNewsFile, `title: "${BREAKING_NEWS}"\nurl: /stiri-interne/\n`);
}
