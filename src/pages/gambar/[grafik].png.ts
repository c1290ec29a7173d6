import type { APIRoute, GetStaticPaths } from 'astro';
import { renderChartPng, type ChartImageSpec } from '../../lib/chart-image.ts';
import { datasetChartSpec, datasetCharts } from '../../lib/cite-dataset.ts';
import { getClaims } from '../../lib/claims/load.ts';
import { overview } from '../../lib/overview.ts';
import { absoluteUrl } from '../../lib/site.ts';

/** /gambar/<chart id>.png: each chart of a dataset page as a PNG that carries its source, URL and data version. */
export const getStaticPaths = (async () => {
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  const claims = await getClaims();
  const ov = overview(claims);
  return claims.datasets.flatMap((d) => {
    const pageUrl = absoluteUrl(site, import.meta.env.BASE_URL, `/transparansi/${d.id}/`);
    return datasetCharts(d, ov.datasets.get(d.id)!).map((chart) => ({ params: { grafik: chart.id }, props: { spec: datasetChartSpec(d, chart, pageUrl) } }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ spec: ChartImageSpec }> = ({ props }) =>
  new Response(new Uint8Array(renderChartPng(props.spec).png), { headers: { 'Content-Type': 'image/png' } });
