import type { APIRoute, GetStaticPaths } from 'astro';
import { CITATION_FORMATS, toCslJson } from '../../lib/citation-formats.ts';
import { routes } from '../../lib/routes.ts';
import { datasetCitation } from '../../lib/cite-dataset.ts';
import { getClaims, type Dataset } from '../../lib/claims/load.ts';
import { absoluteUrl } from '../../lib/site.ts';
import { versionDate } from '../../lib/build-info.ts';

/** /data/<id>.csl.json: the dataset's citation as CSL-JSON. */
export const getStaticPaths = (async () => {
  const { datasets } = await getClaims();
  return datasets.map((dataset) => ({ params: { dataset: dataset.id }, props: { dataset } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ dataset: Dataset }> = ({ props, site }) => {
  const pageUrl = absoluteUrl(site, import.meta.env.BASE_URL, routes.dataset(props.dataset.id));
  return new Response(toCslJson(datasetCitation(props.dataset, pageUrl, versionDate([props.dataset.csvPath, props.dataset.metaPath], props.dataset.meta.lastReviewed))), { headers: { 'Content-Type': CITATION_FORMATS[2].contentType } });
};
