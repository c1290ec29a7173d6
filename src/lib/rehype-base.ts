/**
 * A rehype plugin that prefixes root-relative links written in MDX (`/bpu/`) with the
 * site's base path, so editors write the same links whether the site is served at a
 * domain's root or under a sub-path.
 */
import { withBase } from './paths.ts';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const ATTRS = ['href', 'src'] as const;

/** Rewrite `href`/`src` of every element in a hast tree in place. */
export function rebaseTree(node: HastNode, base: string): void {
  if (node.type === 'element' && node.properties) {
    for (const attr of ATTRS) {
      const value = node.properties[attr];
      if (typeof value === 'string') node.properties[attr] = withBase(base, value);
    }
  }
  for (const child of node.children ?? []) rebaseTree(child, base);
}

/** The plugin: `rehypePlugins: [[rehypeBase, { base: '/rtw-pasuruan/' }]]`. */
export function rehypeBase(options: { base: string }) {
  return (tree: HastNode) => rebaseTree(tree, options.base);
}
