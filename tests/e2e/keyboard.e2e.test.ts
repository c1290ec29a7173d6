/**
 * Keyboard use on a 360 px phone screen: the first Tab lands on the skip link, which then
 * shows on screen and moves focus to the main content; every navigation link is reachable
 * by Tab and shows a visible focus indicator.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertDist, type Server, closeBrowserAndSite, openBrowserAndSite } from './site.ts';

assertDist();

let browser: Browser;
let server: Server;
let page: Page;

beforeAll(async () => {
  ({ browser, server: server } = await openBrowserAndSite());
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
});

afterAll(async () => {
  await closeBrowserAndSite({ browser, server: server });
});

/** Describe the focused element, with whether it is on screen and has a focus indicator. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: el.className,
      href: el.getAttribute('href'),
      text: (el.textContent ?? '').trim(),
      inNav: !!el.closest('nav'),
      onScreen: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight,
      indicator: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
    };
  });

it('the first Tab focuses the visible skip link, which jumps to the main content', async () => {
  await page.goto(server.url('/'), { waitUntil: 'load' });
  await page.keyboard.press('Tab');
  const first = await focused();
  expect(first, 'Tab focused nothing').not.toBeNull();
  expect(first!.tag === 'a' && first!.href?.startsWith('#'), `first Tab focused ${JSON.stringify(first)}, not a skip link`).toBe(true);
  expect(first!.onScreen, `skip link "${first!.text}" is focused but not visible on screen`).toBe(true);
  expect(first!.indicator, 'skip link has no visible focus indicator').toBe(true);

  await page.keyboard.press('Enter');
  const target = first!.href!.slice(1);
  const afterSkip = await page.evaluate(() => document.activeElement?.id ?? '');
  expect(afterSkip, `after activating the skip link focus should be on #${target}`).toBe(target);
  expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase()), 'the skip link should lead to <main>').toBe('main');
});

it('every navigation link is reachable by Tab and shows focus', async () => {
  await page.goto(server.url('/'), { waitUntil: 'load' });
  const navLinks = await page.locator('header nav a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(navLinks.length, 'no navigation links in header nav').toBeGreaterThan(0);

  const reached = new Map<string, boolean>();
  for (let i = 0; i < navLinks.length + 10 && reached.size < navLinks.length; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    if (f?.inNav && f.href) reached.set(f.href, f.indicator && f.onScreen);
  }
  const missing = navLinks.filter((h) => !reached.has(h!));
  expect(missing, 'navigation links not reachable by Tab').toEqual([]);
  const noFocus = [...reached].filter(([, ok]) => !ok).map(([h]) => h);
  expect(noFocus, 'navigation links focused without a visible focus indicator on screen').toEqual([]);
});
