import { citationEndpoint } from '../../lib/citation-endpoint.ts';

/** /data/<id>.csl.json: the dataset's citation as CSL-JSON. */
export const { getStaticPaths, GET } = citationEndpoint('csl.json');
