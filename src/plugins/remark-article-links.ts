/**
 * Turns a link to another article's Markdown file into that article's URL.
 *
 *   [Citește și](../07/alt.md#context)  →  <a href="/politica/alt/#context">Citește și</a>
 *   (target not yet published)          →  Citește și
 *
 * What a file's link points at is the build's business (is the target published, what is its
 * URL), so it answers through the build context. Outside the article loader links are left alone.
 */
import { dirname, resolve } from 'node:path';
import type { Nodes, Parents, Root } from 'mdast';
import type { VFile } from 'vfile';
import { localTarget } from '../lib/article-references';
import { walkTree } from '../lib/tree-walk';
import { type ArticleLinkTarget, buildContextOf } from './build-context';

const MARKDOWN_FILE = /\.md$/i;

/** The file a link names, or undefined when it is not a relative link to a `.md` file (the checks' own rule). */
function linkedFile(url: string, from: string): { path: string; hash: string } | undefined {
  const path = localTarget(url);
  if (path === undefined || !MARKDOWN_FILE.test(path)) return undefined;
  const hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
  return { path: resolve(dirname(from), path), hash };
}

export default function remarkArticleLinks() {
  return (tree: Root, file: VFile) => {
    const context = buildContextOf(file);
    if (!context || !file.path) return;
    const from = file.path;
    const targetOf = (url: string): ArticleLinkTarget => {
      const linked = linkedFile(url, from);
      if (!linked) return undefined;
      const target = context.resolveArticleLink(linked.path);
      return target && 'href' in target ? { href: target.href + linked.hash } : target;
    };

    const unpublishedDefinitions = new Set<string>();
    walkTree<Nodes>(tree, (node) => {
      if (node.type !== 'definition') return;
      const target = targetOf(node.url);
      if (target && 'href' in target) node.url = target.href;
      else if (target) unpublishedDefinitions.add(node.identifier);
    });

    walkTree<Nodes, Parents>(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      let unpublished = false;
      if (node.type === 'link') {
        const target = targetOf(node.url);
        if (target && 'href' in target) node.url = target.href;
        unpublished = Boolean(target && 'unpublished' in target);
      } else if (node.type === 'linkReference') {
        unpublished = unpublishedDefinitions.has(node.identifier);
      }
      if (!unpublished || (node.type !== 'link' && node.type !== 'linkReference')) return;
      // Until the target is published its words stay, without a link that would lead nowhere.
      (parent.children as Nodes[]).splice(index, 1, ...node.children);
      return index;
    });
  };
}
