import type { APIRoute, GetStaticPaths } from 'astro';
import { renderChartPng, type ChartImageSpec } from '../../lib/chart-image.ts';
import { chartSpec, combinedVersion, datasetChart, officeChart, officeSourceLine, sourceLine } from '../../lib/cite-dataset.ts';
import { getClaims } from '../../lib/claims/load.ts';
import { overview } from '../../lib/overview.ts';
import { routes } from '../../lib/routes.ts';
import { absoluteUrl } from '../../lib/site.ts';

/**
 * /gambar/<chart id>.png: every chart of the site (dataset pages, office pages) as a PNG that
 * carries its title, figures, unit, period, source, page URL and data version.
 */
export const getStaticPaths = (async () => {
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  const base = import.meta.env.BASE_URL;
  const claims = await getClaims();
  const datasets = claims.datasets.map((d) => {
    const chart = datasetChart(d);
    return { params: { grafik: chart.id }, props: { spec: chartSpec(chart, sourceLine(d), absoluteUrl(site, base, routes.dataset(d.id)), d.sha256) } };
  });
  const offices = overview(claims).offices.flatMap((view) => {
    const chart = officeChart(view);
    if (chart === null) return [];
    const shown = view.timeline.filter((e) => e.fullYear).map((e) => e.dataset);
    return [{ params: { grafik: chart.id }, props: { spec: chartSpec(chart, officeSourceLine(view), absoluteUrl(site, base, routes.kantor(view.office.id)), combinedVersion(shown)) } }];
  });
  return [...datasets, ...offices];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ spec: ChartImageSpec }> = ({ props }) =>
  new Response(new Uint8Array(renderChartPng(props.spec).png), { headers: { 'Content-Type': 'image/png' } });
