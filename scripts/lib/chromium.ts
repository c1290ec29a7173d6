/**
 * Debian's chromium: where it is, the flags every headless run uses, and a launcher for
 * playwright-core. Shared by the browser tests and the benchmarks (bench:site, bench:lighthouse).
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, no sandbox (containers run as root), and nothing that talks to Google. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Throws a clear error when chromium is not installed. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run bash scripts/ensure-chromium.sh first (apt-get install -y chromium)`);
  }
}

/** Launch Debian's chromium through playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}
