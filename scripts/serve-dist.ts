/**
 * A small static server for a built site (dist/ or a copy of it), shared by the browser tests
 * (tests/e2e/site.ts), `npm run bench:lighthouse` and `npm run bench:site`. It behaves like a
 * static host:
 *
 * - serves on 127.0.0.1 at a random port, optionally under a base path (`/rtw-pasuruan/`);
 *   the base without its trailing slash redirects to the base, anything outside it is a miss;
 * - content types for everything the site ships (incl. .wasm and Pagefind's index files);
 * - a directory serves its index.html, `/dir` redirects (301) to `/dir/` (query kept), and
 *   `/page` serves `page.html` when that file exists;
 * - misses serve `404.html` with status 404 (plain text when there is none);
 * - no path traversal, no dotfiles, and never the host configuration (`_headers`, `_redirects`);
 * - `Cache-Control: no-store` on every response (so a test browser never reuses a stale copy),
 *   unless the `_headers` file says otherwise or `noStore: false` is given;
 * - the headers of `<root>/_headers` (Netlify / Cloudflare Pages format) when asked, rules
 *   applied in file order, later ones overriding (and detaching) earlier ones;
 * - gzip (zlib level 6) of text types and .wasm when asked and the client accepts it, so
 *   transfer sizes are realistic; Pagefind's `.pagefind` and `.pf_*` files are gzip already
 *   and are sent as they are;
 * - GET and HEAD only (405 otherwise).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Content type by file extension (lower case, with the dot). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  // Pagefind's index files (gzip-compressed by Pagefind itself).
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Types a static host compresses on the fly (not images, fonts, or Pagefind's .pagefind and .pf_* files). */
const COMPRESSIBLE = new Set(['.html', '.htm', '.css', '.js', '.mjs', '.json', '.webmanifest', '.xml', '.xsl', '.txt', '.csv', '.svg', '.wasm']);

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
  /** Headers of earlier matching rules this rule removes (`! Name` lines, Cloudflare Pages syntax). */
  detach: string[];
}

/**
 * Parse a Netlify / Cloudflare Pages `_headers` file: unindented lines are URL patterns
 * (`*` matches anything, `:name` one path segment), indented `Name: value` lines are headers
 * for them, indented `! Name` lines remove a header set by an earlier matching rule (Cloudflare
 * Pages' detach). Blank lines and `#` comments are skipped.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      const source = raw
        .trim()
        .split(/(\*|:[A-Za-z_]\w*)/)
        .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      current = { pattern: new RegExp(`^${source}$`), headers: [], detach: [] };
      rules.push(current);
    } else if (current && /^\s+!\s*\S/.test(raw)) {
      current.detach.push(raw.trim().slice(1).trim());
    } else if (current) {
      const i = raw.indexOf(':');
      if (i > 0) current.headers.push([raw.slice(0, i).trim(), raw.slice(i + 1).trim()]);
    }
  }
  return rules;
}

export interface ServeDistOptions {
  /** Serve the site under this base path (e.g. `/rtw-pasuruan/`). Default `/`. */
  base?: string;
  /** Apply the headers of `<root>/_headers`, as a static host would (default true). */
  applyHeadersFile?: boolean;
  /** Gzip compressible types when the client accepts gzip (default false). */
  gzip?: boolean;
  /**
   * Send `Cache-Control: no-store` where `_headers` sets no Cache-Control (default true).
   * `false` sends no Cache-Control there, as a static host without such a rule would (the
   * Lighthouse benchmark: no-store would block the back/forward cache and add a failing audit).
   */
  noStore?: boolean;
}

export interface Server {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The base path, with leading and trailing slash (`/` or `/rtw-pasuruan/`). */
  base: string;
  /** Absolute URL of a route relative to the base: `url('/bpu/')`, `url('/cari/?q=x')`. */
  url(route: string): string;
  close(): Promise<void>;
}

/** `rtw-pasuruan`, `/rtw-pasuruan`, `/rtw-pasuruan/` → `/rtw-pasuruan/`; ``, `/` → `/`. */
function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Serve the built site in `root` on 127.0.0.1 at a random port (see the module comment). */
export async function serveDist(root: string, options: ServeDistOptions = {}): Promise<Server> {
  const dir = path.resolve(root);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`serveDist: ${dir} is not a directory`);
  const base = normalizeBase(options.base ?? '/');
  const headersFile = path.join(dir, '_headers');
  const rules = options.applyHeadersFile !== false && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const gzipCache = new Map<string, { mtimeMs: number; size: number; body: Buffer }>();

  const gzipped = (file: string, body: Buffer): Buffer => {
    const { mtimeMs, size } = statSync(file);
    const hit = gzipCache.get(file);
    if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.body;
    const gz = gzipSync(body, { level: 6 });
    gzipCache.set(file, { mtimeMs, size, body: gz });
    return gz;
  };

  const isFile = (file: string): boolean => existsSync(file) && statSync(file).isFile();

  const server = http.createServer((req, res) => {
    const send = (status: number, file: string | null, sitePath: string, extra: Record<string, string> = {}): void => {
      const headers: Record<string, string> = { ...(options.noStore === false ? {} : { 'Cache-Control': 'no-store' }), ...extra };
      for (const rule of rules) {
        if (!rule.pattern.test(sitePath)) continue;
        for (const name of rule.detach) for (const k of Object.keys(headers)) if (k.toLowerCase() === name.toLowerCase()) delete headers[k];
        for (const [k, v] of rule.headers) headers[k] = v;
      }
      let body: Buffer;
      if (file) {
        body = readFileSync(file);
        headers['Content-Type'] = contentTypeFor(file);
        const ext = path.extname(file).toLowerCase();
        if (options.gzip && COMPRESSIBLE.has(ext)) {
          headers['Vary'] = 'Accept-Encoding';
          if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
            body = gzipped(file, body);
            headers['Content-Encoding'] = 'gzip';
          }
        }
      } else {
        body = Buffer.from(`${status}\n`);
        headers['Content-Type'] = 'text/plain; charset=utf-8';
      }
      headers['Content-Length'] = String(body.length);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = (sitePath: string): void => {
      const page = path.join(dir, '404.html');
      send(404, isFile(page) ? page : null, sitePath);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, null, '/', { Allow: 'GET, HEAD' });
    let url: URL;
    let pathname: string;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(400, null, '/');
    }
    if (pathname === base.slice(0, -1)) return send(301, null, '/', { Location: base + url.search });
    if (!pathname.startsWith(base)) return notFound('/');
    const sitePath = `/${pathname.slice(base.length)}`;
    const file = path.join(dir, ...sitePath.split('/').filter(Boolean));
    // No path traversal, no dotfiles, no host configuration files.
    if (
      sitePath.includes('\0') ||
      (file !== dir && !file.startsWith(dir + path.sep)) ||
      /\/\./.test(sitePath) ||
      /^\/_(headers|redirects)$/.test(sitePath)
    ) {
      return notFound(sitePath);
    }
    const stat = existsSync(file) ? statSync(file) : null;
    if (stat?.isDirectory()) {
      if (!sitePath.endsWith('/')) return send(301, null, sitePath, { Location: `${url.pathname}/${url.search}` });
      const index = path.join(file, 'index.html');
      return isFile(index) ? send(200, index, sitePath) : notFound(sitePath);
    }
    if (stat?.isFile()) return send(200, file, sitePath);
    if (!sitePath.endsWith('/') && isFile(`${file}.html`)) return send(200, `${file}.html`, sitePath);
    return notFound(sitePath);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base,
    url: (route: string) => `${origin}${base}${route.replace(/^\/+/, '')}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
