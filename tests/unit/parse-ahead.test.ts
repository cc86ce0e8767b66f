import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startParsingAhead, takeParsesAhead } from '../../src/build-cache/parse-ahead';
import { parseArticleFile } from '../../src/lib/article-file';
import { tempTree } from './temp-tree';

const valid = (title: string) =>
  `---\ntitle: "${title}"\ndate: 2025-08-13T09:04\nbreadcrumb: ["Prima pagină", "Știri externe"]\n---\nText cu [o legătură](../07/alt.md).\n`;

const articles = {
  'content/articles/2025/08/unu.md': valid('Unu'),
  'content/articles/2025/08/doi.md': `\uFEFF${valid('Doi')}`,
  'content/articles/2025/09/fara-titlu.md': valid(''),
};

describe('startParsingAhead', () => {
  it('gives the loader, once, every parse it would have made, by the memo’s key', async () => {
    const root = tempTree(articles);
    startParsingAhead({ root, base: 'content/articles' }, join(root, 'no-memo-yet.bin'));
    const parses = await takeParsesAhead();
    const expected = Object.entries(articles).flatMap(([file, contents]) => {
      const parsed = parseArticleFile(file, contents);
      return parsed ? [[parsed.key, parsed.parse]] : [];
    });
    expect(parses).toHaveLength(2);
    expect(new Map(parses)).toEqual(new Map(expected as [string, unknown][]));
    expect(await takeParsesAhead()).toEqual([]);
  });

  it('starts nothing when the build has its memo of parses (a rebuild)', async () => {
    const root = tempTree(articles);
    const memoFile = join(root, 'parses.bin');
    writeFileSync(memoFile, '');
    startParsingAhead({ root, base: 'content/articles' }, memoFile);
    expect(await takeParsesAhead()).toEqual([]);
  });
});
