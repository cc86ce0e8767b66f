/** The words of a text as search compares them: lower case, without diacritics. */
function plainWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/**
 * Whether a page's text has a word for every word of the query (the same word with another
 * ending counts: `alegerile` for `alegeri`). Pagefind answers a word its index lacks with the
 * longest prefix it has (`sedinta` → `se`); one index per quarter makes that happen in every
 * quarter where the word does not occur, and such pages are no answer to the reader.
 *
 * @example
 * matchesQuery('sedinta', 'Consiliul s-a întrunit în ședință extraordinară') // => true
 * matchesQuery('sedinta', 'Meciul se joacă fără spectatori') // => false
 */
export function matchesQuery(query: string, text: string): boolean {
  const words = plainWords(text);
  return plainWords(query).every(
    (term) => term.length < 4 || words.some((word) => commonPrefixLength(word, term) >= Math.ceil(term.length * 0.6)),
  );
}
