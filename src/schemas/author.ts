import { z } from 'astro/zod';
import type { ImageSchemaFactory } from './article';
import { prose, text } from './fields';

/** An author's portrait; `src` is relative to the author's file. */
const portraitSchema = <Src extends z.ZodType>(image: ImageSchemaFactory<Src>) =>
  z.strictObject({
    /** The photo file, relative to the author's file (`./ana-pop.jpg`). */
    src: image(),
    /** What the photo shows, for readers who cannot see it. */
    alt: text('lipsește textul alternativ al fotografiei (ce se vede în ea, de exemplu „Ana Pop, portret”)'),
    /** Who took or owns the photo; printed "Foto: <credit>" when given. */
    credit: text('sursa fotografiei este goală: scrieți-o sau ștergeți câmpul').optional(),
  });

/**
 * An author's frontmatter (`content/authors/<slug>.md`, the body is the biography). Unknown keys
 * are errors, as in articles.
 */
export const authorSchema = <Src extends z.ZodType>(image: ImageSchemaFactory<Src>) =>
  z.strictObject({
    /** The name exactly as bylines write it; its slug is the file's name and the author page's address. */
    name: text('lipsește numele autorului (așa cum apare în semnătura articolelor)'),
    /** What the author does at the newsroom ("Redactor, Știri externe"). */
    role: prose(text('rolul este gol: scrieți-l sau ștergeți câmpul')).optional(),
    /** A portrait for the author page. */
    photo: portraitSchema(image).optional(),
    /** The author's public profiles (a social network, a personal site), as full web addresses. */
    links: z
      .array(
        z.url({
          protocol: /^https?$/,
          hostname: z.regexes.domain,
          error: (issue) => `așteptam o adresă web întreagă, de exemplu https://x.com/nume, am găsit „${String(issue.input)}”`,
        }),
        { error: 'așteptam o listă de adrese, de exemplu ["https://x.com/nume"]' },
      )
      .optional()
      .default([]),
  });

/** The frontmatter of a valid author file. */
export type AuthorData<Src extends z.ZodType = z.ZodType> = z.output<ReturnType<typeof authorSchema<Src>>>;
