/**
 * Points in-page links at the ids the sanitiser prefixed. `rehype-sanitize` prefixes every id
 * (so article HTML cannot take over the page's own, such as the skip link's `#continut`), but
 * not the links to them; GitHub mends that with JavaScript, we do it at build time.
 *
 *   <a href="#fn-1">1</a> … <li id="user-content-fn-1">  →  <a href="#user-content-fn-1">1</a>
 *
 * A link whose target has no prefixed twin (a heading id added later) is left as it is.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Must match the sanitiser's `clobberPrefix`. */
export const SANITIZED_ID_PREFIX = 'user-content-';

export default function rehypePrefixedFragments() {
  return (tree: Root) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      const fragment = decodeURIComponent(href.slice(1));
      if (!ids.has(fragment) && ids.has(SANITIZED_ID_PREFIX + fragment)) node.properties.href = `#${SANITIZED_ID_PREFIX}${fragment}`;
    });
  };
}
