/**
 * Lets `rehype-raw` work only on an article whose Markdown holds HTML. `rehype-raw` rebuilds the
 * whole tree through an HTML parser (parse5) even when there is no HTML to parse: a sixth of an
 * article's render. A tree without raw nodes is what Markdown made, which the parser leaves as it
 * is, but for a link inside a link's text (a footnote call in it), which it splits in two as a
 * browser does: such a tree still goes through `rehype-raw`.
 *
 *   Text cu **gras**[^1].   →  <p>Text cu <strong>gras</strong><sup><a href="#user-content-fn-1" … data-footnote-ref …>1</a></sup>.</p>
 *   Text cu <b>gras</b>.    →  <p>Text cu <b>gras</b>.</p> (parsed by `rehype-raw`)
 *
 * Two halves around `rehype-raw`, which Astro adds to every pipeline (unified keeps one instance
 * of a plugin, so ours is the one that runs): the first holds the tree's content aside, so that
 * `rehype-raw` parses an empty tree, and the second puts it back. The only difference in the
 * HTML is how an attribute without a value is written: `data-footnotes`, not `data-footnotes=""`.
 */
import type { Nodes, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';

/** The content held aside while `rehype-raw` runs, by the file being rendered. */
const heldAside = new WeakMap<VFile, RootContent[]>();

/** Whether the HTML parser would change this tree: it holds raw HTML, or a link inside a link. */
function needsHtmlParser(node: Nodes, insideLink = false): boolean {
  // `raw`, the HTML written in Markdown, is a node `remark-rehype` adds to hast's own kinds.
  if ((node as { type: string }).type === 'raw') return true;
  if (!('children' in node)) return false;
  const isLink = node.type === 'element' && node.tagName === 'a';
  if (isLink && insideLink) return true;
  return node.children.some((child) => needsHtmlParser(child, insideLink || isLink));
}

/** Before `rehype-raw`: a tree the HTML parser would leave as it is goes aside. */
export function rehypeHoldMarkdownOnly() {
  return (tree: Root, file: VFile) => {
    if (needsHtmlParser(tree)) return;
    heldAside.set(file, tree.children);
    tree.children = [];
  };
}

/** After `rehype-raw`: the tree held aside comes back. */
export function rehypeReleaseMarkdownOnly() {
  return (tree: Root, file: VFile) => {
    const held = heldAside.get(file);
    if (!held) return;
    heldAside.delete(file);
    tree.children = held;
  };
}
