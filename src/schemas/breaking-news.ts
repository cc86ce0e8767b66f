import { z } from 'astro/zod';
import { editorDate, prose, text } from './fields';

/** A path of this site (`/sport/meci/`) or an address on the web (`https://…`). */
const link = z
  .string({ error: 'așteptam o adresă, de exemplu /stiri-interne/cutremur-vrancea/' })
  .trim()
  .refine((value) => (value.startsWith('/') && !value.startsWith('//')) || (value.startsWith('https://') && URL.canParse(value)), {
    message: 'așteptam o pagină a site-ului (care începe cu /, de exemplu /stiri-interne/cutremur-vrancea/) sau o adresă https://',
  });

/** `content/ultima-ora.yaml`: the breaking-news strip of the home page and the section fronts. */
export const breakingNewsSchema = z.strictObject(
  {
    /** The news in one line, as the strip shows it. */
    title: prose(text('lipsește titlul știrii de ultimă oră')),
    /** Where the strip leads: a page of the site or an https:// address; without it, plain text. */
    url: link.optional(),
    /** When the strip disappears by itself; Bucharest time when written without an offset. */
    until: editorDate.optional(),
  },
  { error: 'așteptam câmpurile title, url și until, de exemplu title: "Cutremur de 5,2 grade în Vrancea"' },
);

/** The breaking news as the fronts show it. */
export type BreakingNews = z.output<typeof breakingNewsSchema>;
