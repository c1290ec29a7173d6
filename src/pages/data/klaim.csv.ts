import type { APIRoute } from 'astro';
import { getClaims } from '../../lib/claims/load.ts';
import { toCombinedCsv } from '../../lib/claims/publish.ts';

/** /data/klaim.csv: every dataset in one CSV with a dataset_id column. */
export const GET: APIRoute = async () =>
  new Response(toCombinedCsv(await getClaims()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
