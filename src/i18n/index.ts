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
