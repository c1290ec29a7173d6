import type { APIRoute, GetStaticPaths } from 'astro';
import { getHistory, versionFileBody, type VersionFile } from '../../../../lib/history/index.ts';

/** /data/v/<short sha256>/<id>.meta.yaml: the metadata file exactly as committed (its bytes hash to the folder name). Immutable (public/_headers). */
export const getStaticPaths = (async () => {
  const history = await getHistory();
  return history.files.filter((f) => f.ext === 'meta.yaml').map((file) => ({ params: { versi: file.version, dataset: file.datasetId }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: VersionFile }> = async ({ props }) =>
  new Response(await versionFileBody(await getHistory(), props.file), { headers: { 'Content-Type': 'application/yaml; charset=utf-8' } });
