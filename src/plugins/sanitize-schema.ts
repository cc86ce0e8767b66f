import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { SANITIZED_ID_PREFIX } from './rehype-prefixed-fragments';

/**
 * What article HTML may contain: GitHub's schema (formatting, tables, lists, images, details),
 * plus figures and iframes, with URLs limited to the web, e-mail and phone. Everything else —
 * scripts, styles, forms, `on*` handlers, `javascript:` or `data:` URLs however they are
 * spelled — is removed. Which iframes stay is decided after this, by `rehype-embeds`.
 */
/** Form attributes mean nothing without forms (not allowed) and would carry URLs unchecked. */
const FORM_ATTRIBUTES = new Set(['accept', 'acceptCharset', 'action', 'encType', 'method']);

export const newsroomSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'caption', 'iframe', 'mark', 'small', 'cite', 'u'],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((attribute) => typeof attribute !== 'string' || !FORM_ATTRIBUTES.has(attribute)),
    iframe: ['src', 'title', 'width', 'height', 'allow', 'allowFullScreen'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
  },
  strip: ['script', 'style', 'template', 'noscript'],
  clobberPrefix: SANITIZED_ID_PREFIX,
};
