import { routes } from '../lib/routes.ts';
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { urutkanBerita } from '../lib/berita.ts';
import { withBase } from '../lib/paths.ts';
import { STRINGS } from '../lib/strings.ts';

export const GET: APIRoute = async (context) => {
  const items = urutkanBerita(await getCollection('berita'));
  return rss({
    title: `${STRINGS['site.nama']} — Berita`,
    description: STRINGS['site.deskripsi'],
    site: new URL(withBase(import.meta.env.BASE_URL, routes.home), context.site).href,
    customData: '<language>id</language>',
    items: items.map((b) => ({
      title: b.data.judul,
      description: b.data.ringkasan,
      link: withBase(import.meta.env.BASE_URL, routes.berita(b.id)),
      // Unknown publication dates stay unknown: RSS pubDate is optional.
      ...(b.data.tanggal ? { pubDate: b.data.tanggal } : {}),
    })),
  });
};
