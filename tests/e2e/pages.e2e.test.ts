/**
 * The whole-site browser gate: every page of dist/, at 360 px and 1280 px, in Debian chromium,
 * with the site's own Content Security Policy in force (no bypassCSP):
 *
 * - no console errors, no uncaught exceptions, no failed requests (or HTTP >= 400), no
 *   request to another origin, no CSP violation, no horizontal scroll;
 * - zero axe-core violations for the WCAG 2.0/2.1/2.2 A and AA tags.
 *
 * axe-core is added with `addInitScript`, which DevTools injects outside the page's CSP, so
 * the gate keeps working under a strict CSP; and all load-time problems (including CSP
 * reports) are collected before axe runs, so axe cannot pollute them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, ConsoleMessage, Page, Request, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { assertDist, listPages, VIEWPORTS, type Server, type Viewport, closeBrowserAndSite, openBrowserAndSite } from './site.ts';

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

/** Wait for this long without any request in flight before judging a page. */
const QUIET_MS = 150;

/**
 * One reusable tab per viewport. Listeners stay attached; each visit swaps in a fresh
 * recorder, so problems are attributed to the page being checked.
 */
interface Tab {
  page: Page;
  visit?: Visit | undefined;
}
interface Visit {
  url: string;
  expectedStatus: number;
  problems: string[];
  inflight: Set<Request>;
}

let browser: Browser;
let server: Server;
const tabs = new Map<string, Tab>();

async function openTab(vp: Viewport): Promise<Tab> {
  const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, locale: 'id-ID' });
  await context.addInitScript(CSP_RECORDER);
  await context.addInitScript({ content: AXE_SOURCE });
  // Never wait on the network for other origins: abort them (they are reported as problems).
  await context.route(
    (u) => u.origin !== server.origin && u.protocol.startsWith('http'),
    (r) => r.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  const tab: Tab = { page };
  page.on('console', (msg: ConsoleMessage) => {
    const v = tab.visit;
    if (!v || !(msg.type() === 'error' || /Content Security Policy/i.test(msg.text()))) return;
    const loc = msg.location();
    // Chromium logs the expected 404 of the not-found document itself as a console error.
    if (v.expectedStatus !== 200 && loc.url === v.url && msg.text().includes(`status of ${v.expectedStatus}`)) return;
    v.problems.push(`console ${msg.type()}: ${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => tab.visit?.problems.push(`uncaught exception: ${err.message}`));
  page.on('request', (req: Request) => {
    const v = tab.visit;
    if (!v) return;
    v.inflight.add(req);
    const u = req.url();
    if (!u.startsWith(`${server.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')) {
      v.problems.push(`request to another origin: ${req.method()} ${u}`);
    }
  });
  page.on('requestfinished', (req) => tab.visit?.inflight.delete(req));
  page.on('requestfailed', (req: Request) => {
    const v = tab.visit;
    if (!v) return;
    v.inflight.delete(req);
    // Requests to other origins are already reported above.
    if (req.url().startsWith(`${server.origin}/`)) v.problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res: Response) => {
    const v = tab.visit;
    if (!v || res.status() < 400) return;
    // The document itself may be expected to be a 404 (the not-found page).
    const isDocument = res.url() === v.url && res.request().isNavigationRequest();
    if (!(isDocument && res.status() === v.expectedStatus)) v.problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return tab;
}

beforeAll(async () => {
  ({ browser, server: server } = await openBrowserAndSite());
  for (const vp of VIEWPORTS) tabs.set(vp.name, await openTab(vp));
});

afterAll(async () => {
  await closeBrowserAndSite({ browser, server: server });
});

/** Wait until no request has been in flight for QUIET_MS (scripts may fetch after `load`). */
async function networkQuiet(page: Page, inflight: Set<Request>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  let quietSince = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (inflight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
    await page.waitForTimeout(25);
  }
  throw new Error(`network still busy after ${timeoutMs} ms: ${[...inflight].map((r) => r.url()).join(', ')}`);
}

/** Load a route and return everything that went wrong while loading it, then detach. */
async function load(tab: Tab, route: string, expectedStatus = 200): Promise<string[]> {
  const visit: Visit = { url: server.url(route), expectedStatus, problems: [], inflight: new Set() };
  tab.visit = visit;
  try {
    const response = await tab.page.goto(visit.url, { waitUntil: 'load' });
    await networkQuiet(tab.page, visit.inflight);
    if (response?.status() !== expectedStatus) visit.problems.push(`document status ${response?.status()} (expected ${expectedStatus})`);
    const csp = await tab.page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
    visit.problems.push(...csp.map((v) => `CSP violation: ${v}`));
    return [...visit.problems];
  } finally {
    tab.visit = undefined;
  }
}

/** Describe horizontal overflow, naming the outermost elements that stick out; null if none. */
function horizontalScroll(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= window.innerWidth) return null;
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}`;
    };
    // Content of a scroll container (overflow-x not visible) does not scroll the page.
    const clipped = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const sticksOut = (el: Element | null) => !!el && el !== document.body && el.getBoundingClientRect().right > window.innerWidth + 0.5;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => sticksOut(el) && !sticksOut(el.parentElement) && !clipped(el))
      .slice(0, 5)
      .map((el) => {
        const r = el.getBoundingClientRect();
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
        return `${describe(el)}${el.parentElement ? ` in ${describe(el.parentElement)}` : ''} "${text}" (width ${Math.round(r.width)}px, right edge ${Math.round(r.right)}px)`;
      });
    return `scrollWidth ${doc.scrollWidth}px > innerWidth ${window.innerWidth}px; sticking out: ${culprits.join('; ') || 'unknown'}`;
  });
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

/** Run axe-core (already in the page via the init script) and return its violations. */
function runAxe(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe?: { run: (ctx: Document, opts: object) => Promise<Record<string, any[]>> } };
    if (!w.axe) throw new Error('axe-core is not loaded in the page');
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const rulesRun = ['passes', 'violations', 'incomplete', 'inapplicable'].reduce((n, k) => n + (result[k]?.length ?? 0), 0);
    if (rulesRun === 0) throw new Error('axe-core ran no rules');
    return (result['violations'] ?? []).map((v) => ({
      id: String(v.id),
      impact: String(v.impact),
      help: String(v.help),
      helpUrl: String(v.helpUrl),
      nodes: (v.nodes as any[]).map((n) => ({
        target: (n.target as unknown[]).map(String).join(' '),
        summary: String(n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
  }, AXE_TAGS);
}

function report(route: string, vp: Viewport, sections: [string, string[]][]): void {
  const failing = sections.filter(([, problems]) => problems.length > 0);
  if (failing.length === 0) return;
  throw new Error(
    `${route} at ${vp.width}x${vp.height}:\n` +
      failing.map(([title, problems]) => `${title}:\n  - ${problems.join('\n  - ')}`).join('\n'),
  );
}

for (const vp of VIEWPORTS) {
  describe(`${vp.width}x${vp.height}`, () => {
    it.each(PAGES)('%s: loads cleanly (console, requests, CSP), no horizontal scroll, zero axe violations', async (route) => {
      const tab = tabs.get(vp.name)!;
      const problems = await load(tab, route);
      const scroll = await horizontalScroll(tab.page);
      const violations = await runAxe(tab.page);
      report(route, vp, [
        ['page problems', problems],
        ['horizontal scroll', scroll ? [scroll] : []],
        [
          `axe violations (${AXE_TAGS.join(', ')})`,
          violations.map(
            (v) => `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}\n` + v.nodes.map((n) => `      at ${n.target}: ${n.summary}`).join('\n'),
          ),
        ],
      ]);
    });

    it('an unknown address gets the 404 page with status 404, without errors', async () => {
      const tab = tabs.get(vp.name)!;
      const route = '/halaman-yang-tidak-ada/';
      const problems = await load(tab, route, 404);
      if (!(await tab.page.locator('h1').first().isVisible())) problems.push('no visible h1');
      report(route, vp, [['not-found handling', problems]]);
    });
  });
}
