import { z } from 'astro/zod';
import { breadcrumbSections } from '../lib/sections';
import { editorDate, prose, text } from './fields';

/** Builds the schema of a photo's `src`: Astro's `image()` in the build, a plain path in the editor tools. */
export type ImageSchemaFactory<Src extends z.ZodType = z.ZodType> = () => Src;

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
    caption: prose(z.string().trim()).optional(),
  });

/** Dates that must follow the publication's. */
function checkDateOrder(
  article: { date: Date; updated?: Date; corrections: { date: Date }[]; retracted?: { date: Date }; featured?: boolean | Date },
  ctx: z.RefinementCtx,
): void {
  if (article.updated && article.updated < article.date) {
    ctx.addIssue({
      code: 'custom',
      path: ['updated'],
      message: 'data actualizării este înaintea datei publicării',
    });
  }
  article.corrections.forEach((correction, position) => {
    if (correction.date < article.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['corrections', position, 'date'],
        message: 'corecția este datată înaintea publicării articolului',
      });
    }
  });
  if (article.retracted && article.retracted.date < article.date) {
    ctx.addIssue({ code: 'custom', path: ['retracted', 'date'], message: 'retragerea este datată înaintea publicării articolului' });
  }
  if (article.featured instanceof Date && article.featured <= article.date) {
    ctx.addIssue({
      code: 'custom',
      path: ['featured'],
      message: 'articolul ar ieși din capul primei pagini înainte să fie publicat: data trebuie să fie după data publicării',
    });
  }
}

/**
 * An article's frontmatter: the editors' contract (`CONTENT-FORMAT.md`). Unknown keys are errors,
 * so a misspelt `draft` cannot publish an embargoed story.
 */
export const articleSchema = <Src extends z.ZodType>(image: ImageSchemaFactory<Src>) =>
  z
    .strictObject({
      /** The headline. */
      title: prose(text('lipsește titlul articolului')),
      /** The dek: one or two sentences under the headline, also the summary in lists and feeds; left empty, there is none. */
      lead: prose(z.string().trim())
        .optional()
        .transform((lead) => lead || undefined),
      /** Publication time; without an offset it is Bucharest wall time. In the future, it is an embargo. */
      date: editorDate,
      /** Time of the last significant update, shown as "Actualizat". */
      updated: editorDate.optional(),
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
      /** Corrections, each shown on the article as a dated "Corecție"; the latest is the article's last change. */
      corrections: z
        .array(
          z.strictObject({
            /** When the correction was made. */
            date: editorDate,
            /** What was wrong and what is right, as readers see it. */
            text: prose(text('lipsește textul corecției')),
          }),
          { error: 'așteptam o listă de corecții, fiecare cu date și text' },
        )
        .optional()
        .default([]),
      /** A retraction: the page becomes a notice (this date and reason), and the article leaves every list. */
      retracted: z
        .strictObject({
          /** When the article was retracted. */
          date: editorDate,
          /** Why, as readers see it on the notice. */
          reason: prose(text('lipsește motivul retragerii')),
        })
        .optional(),
      /** Earlier paths of the article (after a slug or section change): each redirects permanently to its URL. */
      aliases: z
        .array(text('o adresă veche este goală'), { error: 'așteptam o listă de adrese vechi, de exemplu ["/externe/pace/"]' })
        .optional()
        .default([]),
      /** Leads the home page until this time, or with `true` until a more recent article is featured. */
      featured: z
        // `"true"` as text too: the CMS writes this field as text.
        .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true'), editorDate], {
          error: (issue) =>
            `așteptam true sau data și ora până la care articolul deschide prima pagină (de exemplu 2025-08-13T18:00), am găsit „${String(issue.input)}”`,
        })
        .optional(),
    })
    .superRefine(checkDateOrder);

/** The frontmatter of a valid article; the photo's `src` is whatever the image schema makes of it. */
export type ArticleData<Src extends z.ZodType = z.ZodType> = z.output<ReturnType<typeof articleSchema<Src>>>;

/**
 * What the content store keeps of an article: its data as the loader parsed it with
 * `articleSchema` (the editors' contract, checked once, in `checkArticles()`), with the photo's
 * path made Astro's image. Astro builds a collection's schema again for every entry (the image
 * depends on the entry's file): building and running the whole contract a second time cost a
 * second of a 5,000-article clean build, on the main thread while the other core idled, and even
 * an object schema of one field costs three times this.
 */
export const storedArticleSchema = <Src extends z.ZodType>(image: ImageSchemaFactory<Src>) => {
  const src = image();
  return z.custom<ArticleData>().transform(
    async ({ photo, ...article }) =>
      // The one field that changes type: TypeScript cannot follow it through the generic schema's output.
      ({ ...article, ...(photo && { photo: { ...photo, src: await src.parseAsync(photo.src) } }) }) as ArticleData<Src>,
  );
};
