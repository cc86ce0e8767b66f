import type { Nodes, Parents, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { SKIP, walkTree } from '../../src/lib/tree-walk';

const parse = (markdown: string) => unified().use(remarkParse).parse(markdown) as Root;

const MARKDOWN = [
  '# Titlu cu *accent*',
  '',
  'Un paragraf cu [o legătură](https://foaia.ro/) și `cod`.',
  '',
  '> Citat cu **text îngroșat**',
  '',
  '- unu',
  '- doi',
].join('\n');

/** Each node as `type@index in parent`, in the order visited. */
const label = (node: Nodes, index: number | undefined) => `${node.type}@${index ?? '-'}`;

describe('walkTree', () => {
  it('visits what unist-util-visit visits, in the same order, with the same index and parent', () => {
    const tree = parse(MARKDOWN);
    const expected: string[] = [];
    visit(tree, (node, index, parent) => {
      expected.push(`${label(node, index)} in ${parent?.type ?? '-'}`);
    });
    const walked: string[] = [];
    walkTree<Nodes, Parents>(tree, (node, index, parent) => {
      walked.push(`${label(node, index)} in ${parent?.type ?? '-'}`);
    });
    expect(walked).toEqual(expected);
    expect(walked.slice(0, 4)).toEqual(['root@- in -', 'heading@0 in root', 'text@0 in heading', 'emphasis@1 in heading']);
  });

  it("passes by a node's children when the visitor returns SKIP", () => {
    const walked: string[] = [];
    walkTree<Nodes>(parse(MARKDOWN), (node, index) => {
      walked.push(label(node, index));
      if (node.type === 'paragraph' || node.type === 'list') return SKIP;
    });
    expect(walked).toEqual([
      'root@-',
      'heading@0',
      'text@0',
      'emphasis@1',
      'text@0',
      'paragraph@1',
      'blockquote@2',
      'paragraph@0',
      'list@3',
    ]);
  });

  it('goes on from the index the visitor returns, after it replaced a node with its children', () => {
    const tree = parse('Vezi [aici și *acolo*](https://foaia.ro/) acum.');
    const walked: string[] = [];
    walkTree<Nodes, Parents>(tree, (node, index, parent) => {
      walked.push(label(node, index));
      if (node.type === 'link' && parent && index !== undefined) {
        (parent.children as Nodes[]).splice(index, 1, ...node.children);
        return index;
      }
    });
    expect(walked).toEqual(['root@-', 'paragraph@0', 'text@0', 'link@1', 'text@1', 'emphasis@2', 'text@0', 'text@3']);
    expect(tree.children[0]).toMatchObject({
      children: [{ value: 'Vezi ' }, { value: 'aici și ' }, { type: 'emphasis' }, { value: ' acum.' }],
    });
  });
});
