/**
 * On an embed page inside an iframe: tell the parent page how tall this page is, whenever that
 * changes (the chart loads, the width changes), so the iframe code from src/lib/embed.ts can
 * size the iframe. The height is not secret, so any parent may read it.
 */
import { EMBED_MESSAGE } from '../lib/embed.ts';

if (window.parent !== window) {
  let last = 0;
  const send = (): void => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: EMBED_MESSAGE, height }, '*');
  };
  if ('ResizeObserver' in window) new ResizeObserver(send).observe(document.documentElement);
  addEventListener('load', send);
  send();
}
