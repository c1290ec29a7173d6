import { citationEndpoint } from '../../lib/citation-endpoint.ts';

/** /data/<id>.bib: the dataset's citation as BibTeX. */
export const { getStaticPaths, GET } = citationEndpoint('bib');
