import type { APIRoute, GetStaticPaths } from 'astro';
import { officeSocialSpec } from '../../../../lib/cite-dataset.ts';
import { getClaims } from '../../../../lib/claims/load.ts';
import { overview } from '../../../../lib/overview.ts';
import { renderSocialPng, type SocialImageSpec } from '../../../../lib/social-image.ts';

/** /gambar/sosial/kantor/<office>.png: the office page's social preview (1200×630). */
export const getStaticPaths = (async () => {
  const claims = await getClaims();
  return overview(claims).offices.map((view) => ({ params: { id: view.office.id }, props: { spec: officeSocialSpec(view) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ spec: SocialImageSpec }> = ({ props }) =>
  new Response(new Uint8Array(renderSocialPng(props.spec)), { headers: { 'Content-Type': 'image/png' } });
