/**
 * Romanian quotes and dashes in article text (see `Typesetter`), never inside code.
 *
 *   El a spus "da" -- apoi a plecat...  →  <p>El a spus „da” – apoi a plecat…</p>
 *
 * Written for Foaia rather than configuring remark-smartypants: that plugin parses every
 * paragraph into a natural-language syntax tree (retext) and back, which took more than a third
 * of each article's render time, to make the same three replacements.
 */
import type { Nodes, Root } from 'mdast';
import { SKIP, walkTree } from '../lib/tree-walk';
import { Typesetter } from '../lib/typography';

/** Blocks whose text is one run: a quotation may open in one inline node and close in another. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

export default function remarkRomanianTypography() {
  return (tree: Root) => {
    walkTree<Nodes>(tree, (block) => {
      if (!TEXT_BLOCKS.has(block.type)) return;
      const typesetter = new Typesetter();
      walkTree<Nodes>(block, (node) => {
        if (node.type === 'inlineCode') {
          typesetter.pass(node.value);
          return SKIP;
        }
        if (node.type !== 'text') return;
        node.value = typesetter.set(node.value);
      });
      return SKIP;
    });
  };
}
