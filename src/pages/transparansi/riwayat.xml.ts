import { routes } from '../../lib/routes.ts';
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getHistory } from '../../lib/history/index.ts';
import { changeSummary, kindLabel } from '../../lib/history/view.ts';
import { withBase } from '../../lib/paths.ts';
import { STRINGS } from '../../lib/strings.ts';

/** /transparansi/riwayat.xml: RSS feed of data changes (newest first), beside the news feed /rss.xml. */
export const GET: APIRoute = async (context) => {
  const history = await getHistory();
  const base = import.meta.env.BASE_URL;
  const items = history.available ? history.all : [];
  return rss({
    title: `${STRINGS['site.nama']} — Riwayat data klaim`,
    description: history.available
      ? 'Setiap perubahan data klaim: kapan, apa yang berubah, dan mengapa. Koreksi angka ditandai.'
      : 'Riwayat data tidak tersedia pada versi situs ini.',
    site: new URL(withBase(base, routes.home), context.site).href,
    customData: '<language>id</language>',
    items: items.map((c) => ({
      title: `${kindLabel(c.kind)}: ${c.title}`,
      description: changeSummary(c),
      // Absolute, so @astrojs/rss adds no trailing slash after the fragment.
      link: new URL(withBase(base, routes.datasetSection(c.datasetId, `perubahan-${c.datasetId}-${c.short}`)), context.site).href,
      pubDate: new Date(c.date),
      categories: [kindLabel(c.kind)],
    })),
  });
};
