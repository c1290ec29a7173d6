import type { APIRoute, GetStaticPaths } from 'astro';
import { getClaims } from '../../lib/claims/load.ts';
import type { Dataset } from '../../lib/claims/load.ts';
import { toDatasetJson } from '../../lib/claims/publish.ts';

/** /data/<id>.json: one dataset with its source, licence, totals, reconciliation and rows. */
export const getStaticPaths = (async () => {
  const { datasets } = await getClaims();
  return datasets.map((dataset) => ({ params: { dataset: dataset.id }, props: { dataset } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ dataset: Dataset }> = ({ props }) =>
  new Response(toDatasetJson(props.dataset), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
