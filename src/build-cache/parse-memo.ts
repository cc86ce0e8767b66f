import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { ArticleParse } from '../lib/article-file';

/**
 * Where a build keeps its memo of parses, in its cache folder.
 *
 * @example
 * parseMemoFile(new URL('file:///site/node_modules/.astro/')) // => '/site/node_modules/.astro/foaia/article-parses.bin'
 */
export function parseMemoFile(cacheDir: URL): string {
  return join(fileURLToPath(cacheDir), 'foaia/article-parses.bin');
}

/** What the memo's file holds: the code that made the parses, and each parse by its file's key. */
interface StoredParses {
  codeKey: string;
  parses: [string, ArticleParse][];
}

/**
 * Article files' parses (frontmatter, YAML, the contract's checks) kept between builds by the
 * file's name and bytes (`contentHash(file, contents)`): a rebuild reads every file but parses only
 * the ones that changed. Only parses without problems are kept. The file is Node's own
 * serialisation (dates stay dates); `codeKey` (the renderer hash, which covers the schema and the
 * reading code) discards every parse the moment that code changes. Parses this build did not ask
 * for are dropped when it saves.
 */
export class ParseMemo {
  readonly #file: string;
  readonly #codeKey: string;
  readonly #earlier: Map<string, ArticleParse>;
  readonly #used = new Map<string, ArticleParse>();
  #added = 0;

  private constructor(file: string, codeKey: string, earlier: Map<string, ArticleParse>) {
    this.#file = file;
    this.#codeKey = codeKey;
    this.#earlier = earlier;
  }

  /**
   * The memo kept in `file`, empty when there is none or another code made it.
   *
   * @example
   * ParseMemo.load(parseMemoFile(config.cacheDir), rendererHash(root))
   */
  static load(file: string, codeKey: string): ParseMemo {
    let earlier = new Map<string, ArticleParse>();
    try {
      const stored = deserialize(readFileSync(file)) as StoredParses;
      if (stored.codeKey === codeKey) earlier = new Map(stored.parses);
    } catch {
      // None yet, or unreadable: every file is parsed.
    }
    return new ParseMemo(file, codeKey, earlier);
  }

  /** The parse kept under this key, if any; it counts as used by this build. */
  get(key: string): ArticleParse | undefined {
    const parse = this.#earlier.get(key);
    if (parse) this.#used.set(key, parse);
    return parse;
  }

  /** Takes parses made for this build elsewhere (`parse-ahead.ts`): kept as new ones when used. */
  adopt(parses: Iterable<[string, ArticleParse]>): void {
    for (const [key, parse] of parses) {
      this.#earlier.set(key, parse);
      this.#added++;
    }
  }

  /** Keeps a new parse. */
  set(key: string, parse: ArticleParse): void {
    this.#used.set(key, parse);
    this.#added++;
  }

  /** Writes the parses this build used, when they differ from the ones it found. */
  save(): void {
    if (this.#added === 0 && this.#used.size === this.#earlier.size && existsSync(this.#file)) return;
    mkdirSync(dirname(this.#file), { recursive: true });
    writeFileSync(this.#file, serialize({ codeKey: this.#codeKey, parses: [...this.#used] } satisfies StoredParses));
  }
}
