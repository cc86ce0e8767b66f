/** Characters after which a straight double quote opens a quotation. */
const OPENS_AFTER = /[\s([{„«—–-]/;

/** The legacy cedilla letters old keyboards produce, and the comma-below letters Romanian uses. */
const COMMA_BELOW: Record<string, string> = { ş: 'ș', ţ: 'ț', Ş: 'Ș', Ţ: 'Ț' };

/** The replacements that need no context: dashes, the ellipsis, the comma-below letters. */
function replaceSequences(text: string): string {
  return text
    .replaceAll('---', '—')
    .replaceAll('--', '–')
    .replaceAll('...', '…')
    .replace(/(?<=[\p{L}\p{N}]) - (?=[\p{L}\p{N}])/gu, ' – ')
    .replace(/[şţŞŢ]/g, (letter) => COMMA_BELOW[letter]!);
}

/**
 * Romanian typography over consecutive runs of one block of text (a paragraph split by bold or
 * links): straight double quotes become „…”, a quotation inside one «…»; `---` an em dash, `--` and
 * a hyphen between spaces an en dash, `...` an ellipsis, ş ţ the comma-below ș ț. A single straight
 * quote is left as typed: in names and elisions (O'Neill) it is an apostrophe.
 *
 * @example
 * const typesetter = new Typesetter();
 * typesetter.set('El a spus "') + typesetter.set('da') + typesetter.set('"') // => 'El a spus „da”'
 */
export class Typesetter {
  #previous: string;
  #depth = 0;

  /** `before` is the character preceding the first run, when there is one. */
  constructor(before = '') {
    this.#previous = before;
  }

  /** A run left as it is (code), which still stands before the next one. */
  pass(text: string): void {
    if (text) this.#previous = text.at(-1)!;
  }

  /** A run, typeset. */
  set(text: string): string {
    let result = '';
    for (const character of replaceSequences(text)) {
      let output = character;
      if (character === '"') {
        if (this.#previous === '' || OPENS_AFTER.test(this.#previous)) {
          output = this.#depth === 0 ? '„' : '«';
          this.#depth++;
        } else {
          output = this.#depth >= 2 ? '»' : '”';
          this.#depth = Math.max(0, this.#depth - 1);
        }
      }
      result += output;
      this.#previous = output;
    }
    return result;
  }
}

/**
 * Romanian typography for one run of text (see `Typesetter`); `before` is the character
 * preceding it. The one rule for the body, titles, leads and captions, and for `npm run fix`.
 *
 * @example
 * typeset('El a spus "da" -- apoi...') // => 'El a spus „da” – apoi…'
 * typeset('Ministrul: "Am spus "nu" clar"') // => 'Ministrul: „Am spus «nu» clar”'
 * typeset('" și gata', 'x') // => '” și gata'
 */
export function typeset(text: string, before = ''): string {
  return new Typesetter(before).set(text);
}
