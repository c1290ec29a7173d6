/**
 * URLs of versioned downloads (no imports, so the claims pipeline can use it without a cycle).
 * Every file is published under the first 12 hex digits of the sha256 of the bytes the folder
 * is keyed by (the same 12 digits citations show as "versi data sha256:…").
 */

/** Length of the short sha256 in versioned URLs. */
export const SHORT_HASH = 12;

/**
 * Root-relative URL (without the site's base path) of a dataset's file at the version whose
 * CSV (or, for `meta.yaml`, metadata) bytes have this sha256: `/data/v/<12 hex>/<id>.<ext>`.
 */
export function versionUrl(datasetId: string, sha256: string, ext: 'csv' | 'json' | 'meta.yaml' = 'csv'): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`versionUrl: not a sha256: ${sha256}`);
  return `/data/v/${sha256.slice(0, SHORT_HASH)}/${datasetId}.${ext}`;
}
