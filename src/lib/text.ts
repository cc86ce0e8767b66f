import { Parser } from 'htmlparser2';

/**
 * The text of an HTML fragment, entities decoded, white space folded.
 *
 * @example
 * plainText('<p>Un <em>text</em> &amp; altul</p>') // => 'Un text & altul'
 */
export function plainText(html: string): string {
  let text = '';
  const parser = new Parser({ ontext: (chunk) => (text += chunk), onclosetag: () => (text += ' ') }, { decodeEntities: true });
  parser.end(html);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * At most `max` characters of a text, cut at a word and marked with an ellipsis.
 *
 * @example
 * excerpt('Liderul nord-coreean Kim Jong Un și președintele rus', 30) // => 'Liderul nord-coreean Kim Jong…'
 */
export function excerpt(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[\s,;:–-]+$/, '');
  return `${atWord}…`;
}

const conjunction = new Intl.ListFormat('ro', { type: 'conjunction' });

/**
 * Names joined the Romanian way, as parts, so each name can become a link.
 *
 * @example
 * listParts(['Ana', 'Ion', 'Maria']).map((part) => part.value).join('') // => 'Ana, Ion și Maria'
 */
export function listParts(names: readonly string[]): { type: 'element' | 'literal'; value: string }[] {
  return conjunction.formatToParts(names);
}

/**
 * A page's or feed's title followed by the publication's name; the name alone for the site itself.
 *
 * @example
 * withSiteName('Sport', 'Foaia') // => 'Sport | Foaia'
 * withSiteName(undefined, 'Foaia') // => 'Foaia'
 */
export function withSiteName(title: string | undefined, siteName: string): string {
  return title ? `${title} | ${siteName}` : siteName;
}

/**
 * Escapes text for an XML element or attribute.
 *
 * @example
 * escapeXml('Tom & "Jerry" <3') // => 'Tom &amp; &quot;Jerry&quot; &lt;3'
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[character]};`);
}
