/**
 * Rich text for the clipboard (issue 14): HTML made from the export's syntax tree by
 * mdast-util-to-hast and hast-util-to-html, never from a page's HTML. The tree holds the
 * person's and the page's text only as text nodes (markdown.ts, template/render.ts), which
 * hast-util-to-html escapes; `allowDangerousHtml` stays off, so an `html` node a template
 * wrote is dropped rather than passed on. Links keep only web addresses (the builders check).
 */
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';

export function treeToHtml(tree: Root): string {
  return toHtml(toHast(tree, { allowDangerousHtml: false }), { allowDangerousHtml: false });
}
