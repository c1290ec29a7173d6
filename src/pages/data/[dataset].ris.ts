import { citationEndpoint } from '../../lib/citation-endpoint.ts';

/** /data/<id>.ris: the dataset's citation as RIS. */
export const { getStaticPaths, GET } = citationEndpoint('ris');
