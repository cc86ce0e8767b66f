/** Characters after which a straight double quote opens a quotation. */
const OPENS_AFTER = /[\s([{„«—–-]/;

/**
 * Romanian typography for a run of text: straight double quotes become „…”, `---` an em dash,
 * `--` an en dash, `...` an ellipsis. A single straight quote is left as typed: in names and
 * elisions (O'Neill) it is an apostrophe. `before` is the character preceding the run, so a
 * quotation split across formatting (`"**text**"`) still opens and closes.
 *
 * @example
 * typeset('El a spus "da" -- apoi...') // => 'El a spus „da” – apoi…'
 * typeset('" și gata', 'x') // => '” și gata'
 */
export function typeset(text: string, before = ''): string {
  let previous = before;
  let result = '';
  for (const character of text.replaceAll('---', '—').replaceAll('--', '–').replaceAll('...', '…')) {
    result += character === '"' ? (previous === '' || OPENS_AFTER.test(previous) ? '„' : '”') : character;
    previous = character;
  }
  return result;
}
