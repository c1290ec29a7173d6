/**
 * Shared helpers for the build and browser tests: where the built site lives, the list of
 * its pages (discovered from dist/, never hard-coded), a small static server for dist/
 * (optionally under a base path), and a Debian-chromium launcher for playwright-core.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built site; DIST_DIR overrides it (e.g. to test a build made elsewhere). */
export const DIST = path.resolve(ROOT, process.env.DIST_DIR ?? 'dist');
export const CHROMIUM = '/usr/bin/chromium';

/** The two viewports every page is checked at. */
export const VIEWPORTS = [
  { name: 'mobile', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;
export type Viewport = (typeof VIEWPORTS)[number];

/** Throw a clear error when the site has not been built. */
export function assertDist(): void {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`dist/ not found or incomplete (${DIST}/index.html is missing): run npm run build first`);
  }
}

/**
 * Every HTML page of the built site as a route relative to the site's base: `/`, `/bpu/`,
 * `/pelatihan/elektro/`, ... (one per `index.html` under dist/), plus `/404.html`. Sorted.
 */
export function listPages(): string[] {
  assertDist();
  const routes: string[] = [];
  const walk = (dir: string, route: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // _astro/ holds hashed assets, pagefind/ the search index: no pages there.
        if (entry.name.startsWith('_') || entry.name === 'pagefind') continue;
        walk(path.join(dir, entry.name), `${route}${entry.name}/`);
      } else if (entry.name === 'index.html') {
        routes.push(route);
      }
    }
  };
  walk(DIST, '/');
  if (existsSync(path.join(DIST, '404.html'))) routes.push('/404.html');
  return routes.sort();
}

/** The dist/ file that holds a route's HTML. */
export function htmlFileFor(route: string): string {
  const rel = route.endsWith('/') ? `${route}index.html` : route;
  return path.join(DIST, ...rel.split('/').filter(Boolean));
}

/** Read a built page's HTML by route. */
export function readPage(route: string): string {
  return readFileSync(htmlFileFor(route), 'utf8');
}

/**
 * Pages that may ship JavaScript: the BPU calculator, the transparency pages (charts) and
 * the search page. Every other page is a content page and ships no script at all.
 */
export function mayHaveScripts(route: string): boolean {
  return route === '/bpu/' || route === '/cari/' || route.startsWith('/transparansi/');
}

// ---------------------------------------------------------------------------------------
// Static server

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
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
  // Pagefind's index files.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/**
 * Parse a Netlify / Cloudflare Pages `_headers` file: unindented lines are URL patterns
 * (`*` and `:name` match anything), indented `Name: value` lines are headers for them.
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
      current = { pattern: new RegExp(`^${source}$`), headers: [] };
      rules.push(current);
    } else if (current) {
      const i = raw.indexOf(':');
      if (i > 0) current.headers.push([raw.slice(0, i).trim(), raw.slice(i + 1).trim()]);
    }
  }
  return rules;
}

export interface ServeOptions {
  /**
   * Serve the site under this base path (e.g. `/rtw-pasuruan/`). Default: BASE_PATH from the
   * environment (the variable astro.config.mjs builds with), else `/`.
   */
  base?: string;
  /** Apply the headers of dist/_headers, as a static host would (default true). */
  applyHeadersFile?: boolean;
}

export interface Server {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  base: string;
  /** Absolute URL of a route relative to the base: `url('/bpu/')`. */
  url(route: string): string;
  close(): Promise<void>;
}

/** Serve dist/ on 127.0.0.1 at a random port. Directories serve index.html; misses serve dist/404.html with status 404. */
export async function serveDist(options: ServeOptions = {}): Promise<Server> {
  assertDist();
  const base = `/${(options.base ?? process.env['BASE_PATH'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const headersFile = path.join(DIST, '_headers');
  const rules = options.applyHeadersFile !== false && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];

  const server = http.createServer((req, res) => {
    const send = (status: number, file: string | null, sitePath: string, extra: Record<string, string> = {}): void => {
      const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...extra };
      for (const rule of rules) if (rule.pattern.test(sitePath)) for (const [k, v] of rule.headers) headers[k] = v;
      if (file) {
        const body = readFileSync(file);
        headers['Content-Type'] = contentTypeFor(file);
        headers['Content-Length'] = String(body.length);
        res.writeHead(status, headers);
        res.end(req.method === 'HEAD' ? undefined : body);
      } else {
        headers['Content-Type'] = 'text/plain; charset=utf-8';
        res.writeHead(status, headers);
        res.end(req.method === 'HEAD' ? undefined : `${status}\n`);
      }
    };
    const notFound = (sitePath: string): void => {
      const page = path.join(DIST, '404.html');
      send(404, existsSync(page) ? page : null, sitePath);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, null, '/', { Allow: 'GET, HEAD' });
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, null, '/');
    }
    if (pathname === base.slice(0, -1)) return send(301, null, '/', { Location: base });
    if (!pathname.startsWith(base)) return notFound('/');
    const sitePath = `/${pathname.slice(base.length)}`;
    const file = path.join(DIST, ...sitePath.split('/').filter(Boolean));
    // No path traversal, no dotfiles, no host configuration files.
    if (!file.startsWith(DIST) || /\/\.|^\/_(headers|redirects)$/.test(sitePath)) return notFound(sitePath);
    const stat = existsSync(file) ? statSync(file) : null;
    if (stat?.isDirectory()) {
      if (!sitePath.endsWith('/')) return send(301, null, sitePath, { Location: `${pathname}/` });
      const index = path.join(file, 'index.html');
      return existsSync(index) ? send(200, index, sitePath) : notFound(sitePath);
    }
    if (stat?.isFile()) return send(200, file, sitePath);
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

// ---------------------------------------------------------------------------------------
// Browser

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch Debian's chromium through playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run bash scripts/ensure-chromium.sh first`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
