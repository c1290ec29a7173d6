/**
 * Embeds: the address of a dataset's embed page, the `<iframe>` code a reader copies, and the
 * message the embed page sends its parent with its height (src/components/sematan-tinggi.ts).
 * Only `/sematkan/*` may be framed by other sites (src/lib/csp.ts).
 */

/** `type` of the height message posted to the parent window. */
export const EMBED_MESSAGE = 'rtw-sematan-tinggi';

/** Root-relative path of a dataset's embed page, or of an office's (`kantor/<office id>`). */
export function embedPath(datasetId: string): string {
  if (!/^(kantor\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/.test(datasetId)) throw new RangeError(`embed: dataset id "${datasetId}" must be lower case letters, digits and dashes`);
  return `/sematkan/${datasetId}/`;
}

/** Is `message` a height report from an embed page? Returns the height in CSS pixels, or null. */
export function embedHeight(message: unknown): number | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as { type?: unknown; height?: unknown };
  if (m.type !== EMBED_MESSAGE || typeof m.height !== 'number' || !Number.isFinite(m.height)) return null;
  return Math.min(Math.max(Math.ceil(m.height), 100), 10000);
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface IframeCodeInput {
  /** Absolute URL of the embed page. */
  src: string;
  /** The iframe's accessible name. */
  title: string;
  /** Initial height in pixels, before the page reports its own. */
  height: number;
}

/**
 * The HTML to paste into another site: the iframe, and a few lines that resize it when the
 * embed page reports its height (only messages from the embed's origin and from that very
 * iframe are accepted).
 */
export function iframeCode(c: IframeCodeInput): string {
  const url = new URL(c.src);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError(`embed: "${c.src}" is not an http(s) URL`);
  const listener =
    `addEventListener('message',function(e){if(e.origin!==${JSON.stringify(url.origin)}||!e.data||e.data.type!==${JSON.stringify(EMBED_MESSAGE)})return;` +
    `document.querySelectorAll('iframe[data-rtw-sematan]').forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.min(Math.max(Math.ceil(+e.data.height)||0,100),10000)+'px'})});`;
  return (
    `<iframe src="${escapeAttr(url.href)}" title="${escapeAttr(c.title)}" width="100%" height="${Math.round(c.height)}" ` +
    `style="border:0;max-width:100%" loading="lazy" data-rtw-sematan></iframe>\n<script>${listener}</script>`
  );
}
