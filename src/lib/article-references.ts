/**
 * What an article's body refers to, found without rendering it: links and pictures in Markdown
 * and in raw HTML, each with its line in the file, and social posts pasted as blockquote + script.
 * Code (fenced blocks, inline spans) and HTML comments are skipped. The checks before rendering
 * (the build's and `npm run check:articles`) read these; a full Markdown parse of every body
 * would cost the editor's check most of its time.
 */
import { parseDocument } from 'htmlparser2';

/** One thing the body refers to. */
export type ArticleReference =
  | { kind: 'link' | 'image'; target: string; line: number; html: boolean; alt?: string }
  | { kind: 'social'; provider: string; line: number };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const INLINE_CODE = /(`+)[^`]*?\1/g;
const HTML_COMMENT = /<!--.*?-->/g;
const MARKDOWN_LINK = /(!?)\[((?:[^\][]|\[[^\]]*\])*)\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const DEFINITION = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/;
const HTML_TAG = /<(img|a)\b[^>]*>/gi;
const SOCIAL_POST = /<blockquote\b[^>]*\bclass\s*=\s*["'][^"']*\b(twitter-tweet|instagram-media|tiktok-embed)\b/i;
const SOCIAL_PROVIDERS: Record<string, string> = {
  'twitter-tweet': 'X (Twitter)',
  'instagram-media': 'Instagram',
  'tiktok-embed': 'TikTok',
};

/** A raw HTML tag's attributes, entities decoded as a browser reads them (`&colon;` is `:`). */
function attributesOf(tag: string): Record<string, string> {
  const [element] = parseDocument(tag).children;
  return element && 'attribs' in element ? element.attribs : {};
}

const unbracketed = (target: string) => (target.startsWith('<') ? target.slice(1, -1) : target);

/**
 * The references of a body whose first line is line `firstLine` of its file.
 *
 * @example
 * articleReferences('Text.\n\n![](./harta.png) și [alt](../07/alt.md)', 6)
 * // => [{ kind: 'image', target: './harta.png', alt: '', line: 8, html: false }, { kind: 'link', target: '../07/alt.md', line: 8, html: false }]
 */
export function articleReferences(body: string, firstLine = 1): ArticleReference[] {
  const references: ArticleReference[] = [];
  let fence: string | undefined;
  body.split(/\r?\n/).forEach((row, index) => {
    const line = firstLine + index;
    const opening = FENCE.exec(row)?.[1];
    if (fence) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
      return;
    }
    if (opening) {
      fence = opening;
      return;
    }
    const text = row.replace(HTML_COMMENT, '').replace(INLINE_CODE, '');
    for (const [, bang, label, target] of text.matchAll(MARKDOWN_LINK)) {
      references.push(
        bang
          ? { kind: 'image', target: unbracketed(target!), alt: label!, line, html: false }
          : { kind: 'link', target: unbracketed(target!), line, html: false },
      );
    }
    const definition = DEFINITION.exec(text)?.[1];
    if (definition) references.push({ kind: 'link', target: unbracketed(definition), line, html: false });
    for (const [tag, name] of text.matchAll(HTML_TAG)) {
      const image = name!.toLowerCase() === 'img';
      const attributes = attributesOf(tag);
      const target = attributes[image ? 'src' : 'href'];
      if (target === undefined) continue;
      references.push(
        image ? { kind: 'image', target, alt: attributes.alt ?? '', line, html: true } : { kind: 'link', target, line, html: true },
      );
    }
    const social = SOCIAL_POST.exec(text)?.[1];
    if (social) references.push({ kind: 'social', provider: SOCIAL_PROVIDERS[social]!, line });
  });
  return references;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The file a reference names beside the article (decoded, without `#fragment` or `?query`), or
 * `undefined` for an address (`https:`, `mailto:`), a site path (`/sport/`) or a fragment (`#note`).
 *
 * @example
 * localTarget('../07/alt%20articol.md#context') // => '../07/alt articol.md'
 * localTarget('https://example.org/x.jpg') // => undefined
 */
export function localTarget(written: string): string | undefined {
  // Browsers drop tabs and line breaks from URLs: `jav\tascript:` is a scheme.
  const target = written.replace(/[\t\n\r]/g, '').trim();
  if (target === '' || HAS_SCHEME.test(target) || target.startsWith('/') || target.startsWith('#')) return undefined;
  const path = target.split(/[#?]/, 1)[0]!;
  // A colon before any slash is no file beside the article (the sanitiser removes such links).
  if (path.split('/', 1)[0]!.includes(':')) return undefined;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
