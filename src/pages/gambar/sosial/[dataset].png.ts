import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetSocialSpec } from '../../../lib/cite-dataset.ts';
import { getClaims } from '../../../lib/claims/load.ts';
import { renderSocialPng, type SocialImageSpec } from '../../../lib/social-image.ts';

/** /gambar/sosial/<dataset>.png: the dataset page's social preview (1200×630). */
export const getStaticPaths = (async () => {
  const { datasets } = await getClaims();
  return datasets.map((d) => ({ params: { dataset: d.id }, props: { spec: datasetSocialSpec(d) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ spec: SocialImageSpec }> = ({ props }) =>
  new Response(new Uint8Array(renderSocialPng(props.spec)), { headers: { 'Content-Type': 'image/png' } });
