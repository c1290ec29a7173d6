/**
 * Shared helpers for the build and browser tests: where the built site lives, the list of
 * its pages (discovered from dist/, never hard-coded), a small static server for dist/
 * (optionally under a base path), and a Debian-chromium launcher for playwright-core.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/repo.ts';
import { serveDist as serveDistDir, type Server } from '../../scripts/serve-dist.ts';

export const ROOT = REPO_ROOT;
/** The built site; DIST_DIR overrides it (e.g. to test a build made elsewhere). */
export const DIST = path.resolve(ROOT, process.env.DIST_DIR ?? 'dist');

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
 * Pages that may ship JavaScript: the BPU calculator, the transparency pages (charts), the
 * embed pages (chart and height report) and the search page. Every other page is a content page and ships no script at all.
 */
export function mayHaveScripts(route: string): boolean {
  return route === '/bpu/' || route === '/cari/' || route.startsWith('/transparansi/') || route.startsWith('/sematkan/');
}

// ---------------------------------------------------------------------------------------
// Static server (scripts/serve-dist.ts, shared with the benchmarks)

export { CONTENT_TYPES, contentTypeFor, parseHeadersFile, type HeaderRule, type Server } from '../../scripts/serve-dist.ts';

export interface ServeOptions {
  /**
   * Serve the site under this base path (e.g. `/rtw-pasuruan/`). Default: BASE_PATH from the
   * environment (the variable astro.config.mjs builds with), else `/`.
   */
  base?: string;
  /** Apply the headers of dist/_headers, as a static host would (default true). */
  applyHeadersFile?: boolean;
  /** Gzip text responses when the client accepts gzip (default false). */
  gzip?: boolean;
}

/** Serve dist/ on 127.0.0.1 at a random port. Directories serve index.html; misses serve dist/404.html with status 404. */
export async function serveDist(options: ServeOptions = {}): Promise<Server> {
  assertDist();
  return serveDistDir(DIST, { ...options, base: options.base ?? process.env['BASE_PATH'] ?? '/' });
}

// ---------------------------------------------------------------------------------------
// Browser (scripts/lib/chromium.ts, shared with the benchmarks)

import { launchBrowser } from '../../scripts/lib/chromium.ts';

export { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM, launchBrowser } from '../../scripts/lib/chromium.ts';

/** The shared browser fixture: one Chromium and one server of dist/, opened together. */
export interface BrowserAndSite {
  browser: Browser;
  server: Server;
}

/** Opens the fixture (Chromium through playwright-core, dist/ served as by {@link serveDist}). */
export async function openBrowserAndSite(options: ServeOptions = {}): Promise<BrowserAndSite> {
  const [browser, server] = await Promise.all([launchBrowser(), serveDist(options)]);
  return { browser, server };
}

/** Closes whatever part of the fixture was opened (safe after a failed open). */
export async function closeBrowserAndSite(f: Partial<BrowserAndSite>): Promise<void> {
  await f.browser?.close();
  await f.server?.close();
}
