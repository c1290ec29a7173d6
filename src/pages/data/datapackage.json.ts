import type { APIRoute } from 'astro';
import { getClaims } from '../../lib/claims/load.ts';
import { publishedCsvFiles, toDataPackage } from '../../lib/claims/publish.ts';

/**
 * /data/datapackage.json: Frictionless Tabular Data Package. The CSV contents are
 * regenerated with the same pure functions the CSV endpoints use, so `bytes` and
 * `hash` match the published files.
 */
export const GET: APIRoute = async () => {
  const data = await getClaims();
  return new Response(toDataPackage(data, publishedCsvFiles(data)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
