import ro from './ro.json' with { type: 'json' };

type StringKey = { [K in keyof typeof ro]: (typeof ro)[K] extends string ? K : never }[keyof typeof ro];

/**
 * A UI string by key, with `{name}` placeholders filled in.
 *
 * @example
 * t('listing.pageOf', { current: 2, last: 5 }) // => 'Pagina 2 din 5'
 */
export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  return ro[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => String(values[name] ?? placeholder));
}

/**
 * A number with its plural noun, Romanian style: from 20 on (and for whole hundreds) the noun
 * takes "de" — "3 articole", "20 de articole", "101 articole", "120 de articole".
 *
 * @example
 * countOf(20, 'articole') // => '20 de articole'
 */
export function countOf(count: number, pluralNoun: string): string {
  const lastTwo = count % 100;
  return count !== 0 && (lastTwo === 0 || lastTwo >= 20) ? `${count} de ${pluralNoun}` : `${count} ${pluralNoun}`;
}
