/**
 * Keeps an iframe only when it is the player of an allowed embed provider, and makes it safe
 * and light: sandboxed, lazily loaded, titled for screen readers. YouTube is loaded from its
 * cookie-free origin, and a video takes the column's width at its aspect ratio (a fixed 315 px
 * height letterboxes it on a phone).
 *
 *   <iframe src="https://www.youtube.com/embed/abc" width="560" height="315"></iframe>
 *   → <iframe src="https://www.youtube-nocookie.com/embed/abc" title="Conținut încorporat: YouTube"
 *        width="560" height="315" class="embed-video embed-16x9" loading="lazy"
 *        sandbox="allow-scripts allow-same-origin …" referrerpolicy="…"></iframe>
 *   <iframe src="https://evil.example/x"></iframe>  →  (removed, with a warning to the editor)
 *
 * Runs after `rehype-sanitize`, which has already removed scripts and unsafe attributes.
 */
import type { Element, Nodes, Parents, Root } from 'hast';
import type { VFile } from 'vfile';
import { t } from '../i18n';
import { embedProvider, embedSource, videoShape } from '../lib/embeds';
import { walkTree } from '../lib/tree-walk';
import { buildContextOf } from './build-context';

/** What an embedded player may do: run its own scripts in its own origin, open links, go full screen. */
const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation';

function embed(node: Element): boolean {
  const src = String(node.properties.src ?? '');
  const provider = embedProvider(src);
  if (!provider) return false;
  const { title, width, height, allow, allowFullScreen } = node.properties;
  node.properties = {
    src: embedSource(src, provider),
    title: typeof title === 'string' && title.trim() ? title : t('embed.title', { provider: provider.name }),
    width,
    height,
    className: provider.video ? videoShape(width, height) : undefined,
    allow,
    allowFullScreen,
    loading: 'lazy',
    sandbox: EMBED_SANDBOX.split(' '),
    referrerPolicy: 'strict-origin-when-cross-origin',
  };
  return true;
}

export default function rehypeEmbeds() {
  return (tree: Root, file: VFile) => {
    walkTree<Nodes, Parents>(tree, (node, index, parent) => {
      if (node.type !== 'element' || node.tagName !== 'iframe' || !parent || index === undefined || embed(node)) return;
      parent.children.splice(index, 1);
      buildContextOf(file)?.warn(t('embed.removed', { src: String(node.properties.src ?? '') }));
      return index;
    });
  };
}
