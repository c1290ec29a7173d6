import type { APIRoute } from 'astro';
import { siteSocialSpec } from '../../lib/cite-dataset.ts';
import { renderSocialPng } from '../../lib/social-image.ts';

/** /gambar/sosial.png: the social preview of every page that has none of its own (1200×630). */
export const GET: APIRoute = () => new Response(new Uint8Array(renderSocialPng(siteSocialSpec())), { headers: { 'Content-Type': 'image/png' } });
