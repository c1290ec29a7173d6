/**
 * The citation downloads of every dataset (`/data/<id>.bib|.ris|.csl.json`): one endpoint
 * factory, so the three files come from the same metadata, URL and version date.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { versionDate } from './build-info.ts';
import { CITATION_FORMATS, toBibtex, toCslJson, toRis, type CitationFormatInput } from './citation-formats.ts';
import { datasetCitation } from './cite-dataset.ts';
import { getClaims, type Dataset } from './claims/load.ts';
import { routes } from './routes.ts';
import { absoluteUrl } from './site.ts';

const WRITERS: Record<(typeof CITATION_FORMATS)[number]['ext'], (c: CitationFormatInput) => string> = {
  bib: toBibtex,
  ris: toRis,
  'csl.json': toCslJson,
};

/** `getStaticPaths` and `GET` of the endpoint for one citation format. */
export function citationEndpoint(ext: (typeof CITATION_FORMATS)[number]['ext']): { getStaticPaths: GetStaticPaths; GET: APIRoute<{ dataset: Dataset }> } {
  const format = CITATION_FORMATS.find((f) => f.ext === ext)!;
  return {
    getStaticPaths: async () => (await getClaims()).datasets.map((dataset) => ({ params: { dataset: dataset.id }, props: { dataset } })),
    GET: ({ props, site }) => {
      const d = props.dataset;
      const pageUrl = absoluteUrl(site, import.meta.env.BASE_URL, routes.dataset(d.id));
      const body = WRITERS[ext](datasetCitation(d, pageUrl, versionDate([d.csvPath, d.metaPath], d.meta.lastReviewed)));
      return new Response(body, { headers: { 'Content-Type': format.contentType } });
    },
  };
}
