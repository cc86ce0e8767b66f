import { readdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/**
 * The names in each folder, read once: whether a file an article names exists, with its case
 * exactly as written. A Mac's disk finds `./Poza.JPG` for `poza.jpg`, and the CI's Linux does not;
 * comparing with the folder's listing makes the mistake the same on every system.
 *
 * @example
 * const folders = new FolderListings();
 * folders.missingFile('/site/content/articles/2025/08', './Poza.JPG') // => 'fișierul „./Poza.JPG” nu există lângă articol; există „./poza.jpg” (literele mari și mici contează)'
 */
export class FolderListings {
  readonly #names = new Map<string, Set<string>>();

  #namesIn(folder: string): Set<string> {
    let names = this.#names.get(folder);
    if (!names) {
      try {
        names = new Set(readdirSync(folder));
      } catch {
        names = new Set();
      }
      this.#names.set(folder, names);
    }
    return names;
  }

  /**
   * What is wrong with `path` (relative to `folder`) when it names no file there; `undefined` when
   * it does. `beside` names, for the message, the file that gives the path.
   */
  missingFile(folder: string, path: string, beside = 'articol'): string | undefined {
    const target = resolve(folder, path);
    const name = basename(target);
    const names = this.#namesIn(dirname(target));
    if (names.has(name)) return undefined;
    const other = [...names].find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    const meant = other && `${path.slice(0, path.length - name.length)}${other}`;
    return `fișierul „${path}” nu există lângă ${beside}${meant ? `; există „${meant}” (literele mari și mici contează)` : ''}`;
  }
}
