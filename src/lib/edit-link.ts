/**
 * Links for editors and readers, each configured by one setting and absent when it is unset:
 *
 * - `EDIT_BASE_URL`: the repository's web editor for a branch, e.g.
 *   `https://github.com/OWNER/REPO/edit/main/`; every page made from content/ or data/ links
 *   "Sunting halaman ini" / "Sunting data ini" to its file there.
 * - `REPORT_URL`: where readers report a mistake, e.g. `https://github.com/OWNER/REPO/issues/new`;
 *   the footer links "Laporkan kesalahan" to it.
 *
 * A setting that is not an http(s) address stops the build with a message naming it.
 */

type Env = Record<string, string | undefined>;

/** Thrown for a setting that is set but unusable. */
export class SettingError extends Error {
  override name = 'SettingError';
}

function setting(name: string, env: Env): URL | null {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingError(`${name} must be a full http(s) address such as https://github.com/OWNER/REPO/edit/main/, got ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SettingError(`${name} must start with https:// (got ${JSON.stringify(url.protocol)})`);
  }
  if (url.username || url.password) throw new SettingError(`${name} must not contain a user name or password`);
  return url;
}

/**
 * The web-editor address of a file in the repository (`content/pelatihan/elektro.mdx`), or
 * null when EDIT_BASE_URL is unset. Each path segment is percent-encoded.
 */
export function editUrl(repoPath: string, env: Env = process.env): string | null {
  const base = setting('EDIT_BASE_URL', env);
  if (!base) return null;
  const segments = repoPath.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.length === 0 || segments.includes('..')) throw new Error(`editUrl: not a repository path: ${JSON.stringify(repoPath)}`);
  const href = base.href.endsWith('/') ? base.href : `${base.href}/`;
  return href + segments.map(encodeURIComponent).join('/');
}

/** Where readers report a mistake (REPORT_URL), or null when it is unset. */
export function reportUrl(env: Env = process.env): string | null {
  return setting('REPORT_URL', env)?.href ?? null;
}
