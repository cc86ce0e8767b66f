/**
 * Points in-page links at the ids the sanitiser prefixed. `rehype-sanitize` prefixes every id
 * (so article HTML cannot take over the page's own, such as the skip link's `#continut`), but
 * not the links to them; GitHub mends that with JavaScript, we do it at build time.
 *
 *   <a href="#fn-1">1</a> … <li id="user-content-fn-1">  →  <a href="#user-content-fn-1">1</a>
 *
 * A link whose target has no prefixed twin (a heading id added later) is left as it is.
 */
import type { Element, Nodes, Root } from 'hast';
import { walkTree } from '../lib/tree-walk';

/** Must match the sanitiser's `clobberPrefix`. */
export const SANITIZED_ID_PREFIX = 'user-content-';

export default function rehypePrefixedFragments() {
  return (tree: Root) => {
    const ids = new Set<string>();
    const inPageLinks: { link: Element; fragment: string }[] = [];
    // One walk: a link may come before its target.
    walkTree<Nodes>(tree, (node) => {
      if (node.type !== 'element') return;
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) {
        inPageLinks.push({ link: node, fragment: decodeURIComponent(href.slice(1)) });
      }
    });
    for (const { link, fragment } of inPageLinks) {
      if (!ids.has(fragment) && ids.has(SANITIZED_ID_PREFIX + fragment)) link.properties.href = `#${SANITIZED_ID_PREFIX}${fragment}`;
    }
  };
}
