import type { APIRoute } from 'astro';
import { getClaims } from '../../lib/claims/load.ts';
import { toJson } from '../../lib/claims/publish.ts';

/** /data/klaim.json: totals, datasets, rows, reconciliation, sources and sha256. */
export const GET: APIRoute = async () =>
  new Response(toJson(await getClaims()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
