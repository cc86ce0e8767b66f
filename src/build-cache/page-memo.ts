import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FileStamp } from '../lib/built-site';

/** A value computed from a file, with the file's identity when it was read. */
interface Remembered<T> {
  mtimeMs: number;
  size: number;
  value: T;
}

/**
 * Strings the values of a memo share, written once in its file: every page links to the same
 * menus, and the verification's memo of 24,700 pages took 40 MB with each page's URLs in full
 * (13 MB with them numbered; read and written a third of a second sooner on every build).
 */
export interface SharedStrings {
  /** The number that stands for a string in the file. */
  numberOf(text: string): number;
  /** The string a number stands for; throws on a number the file does not have. */
  textOf(number: unknown): string;
}

/** How a value is written to the memo's JSON file and read back (`fromJson` throws on a value it does not know). */
export interface MemoCodec<T> {
  toJson(value: T, shared: SharedStrings): unknown;
  fromJson(stored: unknown, shared: SharedStrings): T;
}

const AS_IS: MemoCodec<never> = { toJson: (value) => value, fromJson: (stored) => stored as never };

/** What a memo's file holds. */
interface StoredMemo {
  strings: string[];
  pages: Record<string, Remembered<unknown>>;
}

function sharedStrings(strings: string[]): SharedStrings {
  const numbers = new Map(strings.map((text, number) => [text, number]));
  return {
    numberOf: (text) => {
      let number = numbers.get(text);
      if (number === undefined) numbers.set(text, (number = strings.push(text) - 1));
      return number;
    },
    textOf: (number) => {
      const text = typeof number === 'number' ? strings[number] : undefined;
      if (text === undefined) throw new Error(`no shared string ${String(number)}`);
      return text;
    },
  };
}

/**
 * Something computed from each page of the built site (its links for the verification, its
 * search shard), remembered from one build to the next in the cache folder. An incremental build
 * leaves the pages it reuses untouched, so a page whose file has the modification time and size
 * it had is not read again; a page the build wrote (or copied back from the cache) is.
 *
 * @example
 * const shards = PageMemo.load<string>('node_modules/.astro/foaia/search-pages.json');
 * shards.valueOf('/sport/meci/', 'dist/sport/meci/index.html', shardOf); // read only when the file changed
 * shards.save();
 */
export class PageMemo<T> {
  readonly #file: string | undefined;
  readonly #codec: MemoCodec<T>;
  readonly #earlier: Map<string, Remembered<T>>;
  readonly #stampOf: (file: string) => FileStamp;
  readonly #current = new Map<string, Remembered<T>>();
  /** The pages read again in this build: new, or written since the memo was saved. */
  readonly changed = new Set<string>();

  private constructor(
    file: string | undefined,
    codec: MemoCodec<T>,
    earlier: Map<string, Remembered<T>>,
    stampOf: (file: string) => FileStamp,
  ) {
    this.#file = file;
    this.#codec = codec;
    this.#earlier = earlier;
    this.#stampOf = stampOf;
  }

  /**
   * The memo saved in `file` by the last build; an empty one when there is none, when no file is
   * given (nothing is saved then), or when `readAll` asks for every page to be read again.
   * `stampOf` tells a page file's size and modification time (`listedStamp()`: from the build's
   * listing of `dist/`); it asks the file system by default.
   */
  static load<T>(
    file: string | undefined,
    codec: MemoCodec<T> = AS_IS,
    { readAll = false, stampOf = statSync }: { readAll?: boolean; stampOf?: (file: string) => FileStamp } = {},
  ): PageMemo<T> {
    let earlier = new Map<string, Remembered<T>>();
    try {
      if (file && !readAll) {
        const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredMemo;
        if (!Array.isArray(stored.strings)) throw new Error('a memo of another format');
        const shared = sharedStrings(stored.strings);
        for (const [path, entry] of Object.entries(stored.pages)) {
          try {
            if (entry.value !== undefined) earlier.set(path, { ...entry, value: codec.fromJson(entry.value, shared) });
          } catch {
            // An entry another version of the build wrote is forgotten: that page is read again.
          }
        }
      }
    } catch {
      // No memo, or an unreadable one: every page is read.
    }
    return new PageMemo(file, codec, earlier, stampOf);
  }

  /**
   * Whether the memo holds the page's value, its file unchanged: `valueOf()` would not read it.
   *
   * @example
   * shards.knows('/sport/meci/', 'dist/sport/meci/index.html') // => false after the page was written again
   */
  knows(path: string, file: string): boolean {
    return this.#lookUp(path, file).known !== undefined;
  }

  /**
   * The page's value: remembered while its file is unchanged, else `computed` when the caller has
   * it already from the file's contents (the page as this build rendered it), else computed from
   * the contents read.
   */
  valueOf(path: string, file: string, compute: (contents: string) => T, computed?: T): T {
    const { stamp, known } = this.#lookUp(path, file);
    if (known) {
      this.#current.set(path, known);
      return known.value;
    }
    const { mtimeMs, size } = stamp;
    const value = computed ?? compute(readFileSync(file, 'utf8'));
    this.#current.set(path, { mtimeMs, size, value });
    this.changed.add(path);
    return value;
  }

  /** The page file's stamp, and what the memo remembers of the page if the file has that stamp still. */
  #lookUp(path: string, file: string): { stamp: FileStamp; known: Remembered<T> | undefined } {
    const stamp = this.#stampOf(file);
    const remembered = this.#earlier.get(path);
    const unchanged = remembered?.mtimeMs === stamp.mtimeMs && remembered.size === stamp.size;
    return { stamp, known: unchanged ? remembered : undefined };
  }

  /** What the last build remembered, by page: to tell which pages left or moved. */
  earlierValues(): Map<string, T> {
    return new Map([...this.#earlier].map(([path, { value }]) => [path, value]));
  }

  /** Keeps this build's values (only the pages it asked about) for the next build. */
  save(): void {
    if (!this.#file) return;
    mkdirSync(dirname(this.#file), { recursive: true });
    const strings: string[] = [];
    const shared = sharedStrings(strings);
    const pages = Object.fromEntries(
      [...this.#current].map(([path, entry]) => [path, { ...entry, value: this.#codec.toJson(entry.value, shared) }]),
    );
    writeFileSync(this.#file, JSON.stringify({ strings, pages } satisfies StoredMemo));
  }
}
