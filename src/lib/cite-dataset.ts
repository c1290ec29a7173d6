/**
 * The one place that maps a loaded claims dataset to the plain inputs of the cite-and-share
 * modules (citation formats, chart images, social image). When the claims pipeline changes
 * shape, only this file follows it.
 */
import type { Dataset } from './claims/load.ts';
import type { CitationFormatInput } from './citation-formats.ts';
import { PENERBIT } from './site.ts';

/** Citation input of a dataset; `pageUrl` is the absolute URL of its page. */
export function datasetCitation(d: Dataset, pageUrl: string): CitationFormatInput {
  return {
    id: d.id,
    title: d.meta.title,
    publisher: PENERBIT,
    originalSource: {
      publisher: d.meta.source.publisher,
      headline: d.meta.source.headline,
      url: d.meta.source.url,
      published: d.meta.source.published,
    },
    pageUrl,
    version: d.sha256,
    // The data version's date: when a person last compared these figures with the source.
    versionDate: d.meta.lastReviewed,
  };
}
