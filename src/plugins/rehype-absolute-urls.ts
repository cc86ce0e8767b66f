/**
 * Makes every link and image URL absolute, for HTML read away from the site (feed readers).
 *
 *   <a href="/sport/">Sport</a> <img src="/_astro/a.webp">   (base https://foaia.ro/stiri/x/)
 *   → <a href="https://foaia.ro/sport/">Sport</a> <img src="https://foaia.ro/_astro/a.webp">
 */
import type { Nodes, Root } from 'hast';
import { walkTree } from '../lib/tree-walk';

export interface AbsoluteUrlsOptions {
  /** The page the HTML belongs to: relative URLs and `#fragments` resolve against it. */
  base: string;
}

const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'] as const;

export default function rehypeAbsoluteUrls({ base }: AbsoluteUrlsOptions) {
  return (tree: Root) => {
    walkTree<Nodes>(tree, (node) => {
      if (node.type !== 'element') return;
      for (const property of URL_PROPERTIES) {
        const value = node.properties[property];
        if (typeof value === 'string') node.properties[property] = new URL(value, base).href;
      }
      const srcset = node.properties.srcSet;
      if (typeof srcset === 'string') {
        node.properties.srcSet = srcset
          .split(',')
          .map((candidate) => {
            const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
            return [new URL(url, base).href, ...descriptor].join(' ');
          })
          .join(', ');
      }
    });
  };
}
