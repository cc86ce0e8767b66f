import { z } from 'astro/zod';
import { parseArticleDate } from '../lib/dates';
import { typeset } from '../lib/typography';

/** Text an editor must fill in; numbers YAML read as such (`title: 2025`) count as text. */
export const text = (missing: string) =>
  z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z
      .string({ error: (issue) => (issue.input === undefined ? missing : undefined) })
      .trim()
      .min(1, missing),
  );

/**
 * Text readers see as written prose (headline, lead, caption, breaking news), with the body's
 * Romanian typography: set here, once, so the page, `<title>`, feeds, structured data and share
 * cards all print the same.
 */
export const prose = <Schema extends z.ZodType<string>>(schema: Schema) => schema.transform((value) => typeset(value));

/** A date as editors write it (see `parseArticleDate`), read into the instant it names. */
export const editorDate = z
  .string({ error: (issue) => (issue.input === undefined ? undefined : 'așteptam o dată, de exemplu 2025-08-13T18:00') })
  .transform((value, ctx) => {
    const parsed = parseArticleDate(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.reason });
      return z.NEVER;
    }
    return parsed.date;
  });
