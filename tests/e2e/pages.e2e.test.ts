/**
 * The whole-site browser gate: every page of dist/, at 360 px and 1280 px, in Debian chromium.
 *
 * - strict context (the site's CSP applies): no console errors, no uncaught exceptions, no
 *   failed requests, no request to another origin, no CSP violation, no horizontal scroll;
 * - axe context (bypassCSP, so axe-core can be injected whatever the CSP): zero axe
 *   violations for the WCAG 2.0/2.1/2.2 A and AA tags.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { assertDist, launchBrowser, listPages, serveDist, VIEWPORTS, type Server, type Viewport } from './site.ts';

assertDist();
const PAGES = listPages();
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs in every page before its own scripts: records CSP violations on window. */
const CSP_RECORDER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
      (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : ''));
  });
`;

let browser: Browser;
let server: Server;
const strict = new Map<string, BrowserContext>();
const axe = new Map<string, BrowserContext>();

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveDist()]);
  for (const vp of VIEWPORTS) {
    const viewport = { width: vp.width, height: vp.height };
    const s = await browser.newContext({ viewport, locale: 'id-ID' });
    await s.addInitScript(CSP_RECORDER);
    strict.set(vp.name, s);
    axe.set(vp.name, await browser.newContext({ viewport, locale: 'id-ID', bypassCSP: true }));
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function fail(route: string, vp: Viewport, what: string, problems: string[]): void {
  if (problems.length === 0) return;
  throw new Error(`${route} at ${vp.width}x${vp.height}: ${what}\n  - ${problems.join('\n  - ')}`);
}

/**
 * Wait until no request has been in flight for QUIET_MS (scripts may fetch after `load`,
 * e.g. search index fragments). Cheaper than Playwright's fixed 500 ms `networkidle`.
 */
const QUIET_MS = 150;
async function networkQuiet(page: Page, inflight: Set<unknown>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  let quietSince = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (inflight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
    await page.waitForTimeout(25);
  }
  throw new Error(`network still busy after ${timeoutMs} ms`);
}

/** Open a page and record everything that goes wrong while it loads. */
async function openRecording(page: Page, route: string, expectedStatus = 200) {
  const problems: string[] = [];
  const url = server.url(route);
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) {
      const loc = msg.location();
      // Chromium logs the expected 404 of the not-found document itself as a console error.
      if (expectedStatus !== 200 && loc.url === url && msg.text().includes(`status of ${expectedStatus}`)) return;
      problems.push(`console ${msg.type()}: ${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  const inflight = new Set<unknown>();
  page.on('requestfinished', (req) => inflight.delete(req));
  page.on('requestfailed', (req) => inflight.delete(req));
  page.on('request', (req) => {
    inflight.add(req);
    const u = req.url();
    if (!u.startsWith(`${server.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')) {
      problems.push(`request to another origin: ${req.method()} ${u}`);
    }
  });
  page.on('requestfailed', (req) => {
    // Requests to other origins are already reported above (and are blocked below).
    if (req.url().startsWith(`${server.origin}/`)) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    // The document itself may be expected to be a 404 (the not-found page).
    const isDocument = res.url() === url && res.request().isNavigationRequest();
    if (res.status() >= 400 && !(isDocument && res.status() === expectedStatus)) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  // Never wait on the network for other origins: abort them (they are reported above).
  await page.route((u) => u.origin !== server.origin && u.protocol.startsWith('http'), (r) => r.abort('blockedbyclient'));
  const response = await page.goto(url, { waitUntil: 'load' });
  await networkQuiet(page, inflight);
  if (response?.status() !== expectedStatus) problems.push(`document status ${response?.status()} (expected ${expectedStatus})`);
  return problems;
}

/** What the strict context can see going wrong on an open page, besides load problems. */
async function inspect(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const csp = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  problems.push(...csp.map((v) => `CSP violation: ${v}`));
  const scroll = await page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= window.innerWidth) return null;
    // Name the outermost elements that stick out (ignoring content of scroll containers).
    const clipped = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const sticksOut = (el: Element | null): boolean => !!el && el.getBoundingClientRect().right > window.innerWidth + 0.5;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => sticksOut(el) && !sticksOut(el.parentElement === document.body ? null : el.parentElement) && !clipped(el))
      .slice(0, 5)
      .map((el) => {
        const cls = el.getAttribute('class');
        const parent = el.parentElement;
        const where = parent ? ` in ${parent.tagName.toLowerCase()}${parent.id ? `#${parent.id}` : ''}${parent.className ? `.${String(parent.className).trim().split(/\s+/).join('.')}` : ''}` : '';
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
        return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}${where} "${text}" (width ${Math.round(el.getBoundingClientRect().width)}px, right edge ${Math.round(el.getBoundingClientRect().right)}px)`;
      });
    return `scrollWidth ${doc.scrollWidth}px > innerWidth ${window.innerWidth}px; sticking out: ${wide.join(', ') || 'unknown'}`;
  });
  if (scroll) problems.push(`horizontal scroll: ${scroll}`);
  return problems;
}

for (const vp of VIEWPORTS) {
  describe(`${vp.width}x${vp.height}`, () => {
    it.each(PAGES)('%s: no console errors, failed or foreign requests, CSP violations or horizontal scroll', async (route) => {
      const page = await strict.get(vp.name)!.newPage();
      try {
        const problems = await openRecording(page, route);
        problems.push(...(await inspect(page)));
        fail(route, vp, 'page problems', problems);
      } finally {
        await page.close();
      }
    });

    it('an unknown address gets the 404 page with status 404, without errors', async () => {
      const page = await strict.get(vp.name)!.newPage();
      try {
        const route = '/halaman-yang-tidak-ada/';
        const problems = await openRecording(page, route, 404);
        problems.push(...(await inspect(page)));
        if (!(await page.locator('h1').first().isVisible())) problems.push('no visible h1');
        fail(route, vp, 'not-found handling', problems);
      } finally {
        await page.close();
      }
    });

    it.each(PAGES)('%s: zero axe violations (WCAG 2.2 A/AA)', async (route) => {
      const page = await axe.get(vp.name)!.newPage();
      try {
        await page.goto(server.url(route), { waitUntil: 'load' });
        await page.evaluate(AXE_SOURCE);
        const violations = await page.evaluate(async (tags) => {
          const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: any[]; passes: any[] }> } };
          const result = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          const rulesRun = ['passes', 'violations', 'incomplete', 'inapplicable'].reduce((n, k) => n + ((result as any)[k]?.length ?? 0), 0);
          if (rulesRun === 0) throw new Error('axe-core ran no rules');
          return result.violations.map((v) => ({
            id: v.id as string,
            impact: v.impact as string,
            help: v.help as string,
            helpUrl: v.helpUrl as string,
            nodes: (v.nodes as any[]).map((n) => ({
              target: (n.target as unknown[]).map(String).join(' '),
              summary: String(n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
            })),
          }));
        }, AXE_TAGS);
        fail(
          route,
          vp,
          `${violations.length} axe violation(s)`,
          violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}\n` +
              v.nodes.map((n) => `      at ${n.target}: ${n.summary}`).join('\n'),
          ),
        );
      } finally {
        await page.close();
      }
    });
  });
}
