import { z } from 'astro/zod';
import { parseArticleDate } from '../lib/dates';
import { breadcrumbSections } from '../lib/sections';

/** Builds the schema of a photo's `src`: Astro's `image()` in the build, a plain path in the editor tools. */
export type ImageSchemaFactory<Src extends z.ZodType = z.ZodType> = () => Src;

/** Text an editor must fill in; numbers YAML read as such (`title: 2025`) count as text. */
const text = (missing: string) =>
  z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z
      .string({ error: (issue) => (issue.input === undefined ? missing : undefined) })
      .trim()
      .min(1, missing),
  );

/** A date as editors write it (see `parseArticleDate`), read into the instant it names. */
const articleDate = z.string().transform((value, ctx) => {
  const parsed = parseArticleDate(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }
  return parsed.date;
});

/** The hero photo; `src` is relative to the article's file. */
export const photoSchema = <Src extends z.ZodType>(image: ImageSchemaFactory<Src>) =>
  z.strictObject({
    /** The photo file, relative to the article (`./putin-kim.jpg`). */
    src: image(),
    /** What the photo shows, for readers who cannot see it. */
    alt: text('lipsește textul alternativ al fotografiei (ce se vede în ea)'),
    /** Who took or owns the photo; printed "Foto: <credit>". */
    credit: text('lipsește sursa fotografiei (de exemplu „Profimedia”)'),
    /** An optional caption under the photo. */
    caption: z.string().trim().optional(),
  });

/**
 * An article's frontmatter: the editors' contract (`CONTENT-FORMAT.md`). Unknown keys are errors,
 * so a misspelt `draft` cannot publish an embargoed story.
 */
export const articleSchema = <Src extends z.ZodType>(image: ImageSchemaFactory<Src>) =>
  z
    .strictObject({
      /** The headline. */
      title: text('lipsește titlul articolului'),
      /** The dek: one or two sentences under the headline, also the summary in lists and feeds. */
      lead: z.string().trim().optional(),
      /** Publication time; without an offset it is Bucharest wall time. In the future, it is an embargo. */
      date: articleDate,
      /** Time of the last significant update, shown as "Actualizat". */
      updated: articleDate.optional(),
      /** "Prima pagină" then the sections, outermost first; the last one is the article's section. */
      breadcrumb: z
        .array(text('un element al căii de navigare este gol'), {
          error: 'așteptam o listă, de exemplu ["Prima pagină", "Știri externe"]',
        })
        .refine((items) => breadcrumbSections(items).length > 0, {
          message: 'calea de navigare trebuie să numească cel puțin o secțiune, de exemplu ["Prima pagină", "Știri externe"]',
        }),
      /** Who signed the article: one name or a list of names. */
      byline: z
        .union([text('semnătura este goală'), z.array(text('un nume din semnătură este gol'))], {
          error: 'așteptam un nume sau o listă de nume',
        })
        .optional()
        .transform((names) => (names === undefined ? [] : typeof names === 'string' ? [names] : names)),
      /** The hero photo. */
      photo: photoSchema(image).optional(),
      /** Topics; each gets a page. Tags that differ only in case or diacritics are one tag. */
      tags: z.array(text('o etichetă este goală')).optional().default([]),
      /** A draft is never published, whatever its date. */
      draft: z.boolean({ error: 'așteptam true sau false' }).optional().default(false),
      /** Overrides the file name as the article's URL slug. */
      slug: text('slug-ul este gol').optional(),
    })
    .superRefine((article, ctx) => {
      if (article.updated && article.updated < article.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          message: 'data actualizării este înaintea datei publicării',
        });
      }
    });

/** The frontmatter of a valid article; the photo's `src` is whatever the image schema makes of it. */
export type ArticleData<Src extends z.ZodType = z.ZodType> = z.output<ReturnType<typeof articleSchema<Src>>>;
