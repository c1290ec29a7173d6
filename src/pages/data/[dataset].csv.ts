import type { APIRoute, GetStaticPaths } from 'astro';
import { getClaims } from '../../lib/claims/load.ts';
import type { Dataset } from '../../lib/claims/load.ts';
import { toDatasetCsv } from '../../lib/claims/publish.ts';

/** /data/<id>.csv: one dataset, normalised, in the contract's columns. */
export const getStaticPaths = (async () => {
  const { datasets } = await getClaims();
  return datasets.map((dataset) => ({ params: { dataset: dataset.id }, props: { dataset } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ dataset: Dataset }> = ({ props }) =>
  new Response(toDatasetCsv(props.dataset), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
