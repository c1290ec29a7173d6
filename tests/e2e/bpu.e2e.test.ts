/**
 * The BPU contribution calculator on /bpu/, in the browser: typed income in, exact monthly and
 * 3/6/12-month totals out in Indonesian format, JHT added when ticked. Expected figures are
 * computed here with BigInt from the rates in data/bpu/iuran.yaml, independently of src/lib.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertDist, launchBrowser, ROOT, serveDist, type Server } from './site.ts';

assertDist();

const { tarif } = parse(readFileSync(path.join(ROOT, 'data/bpu/iuran.yaml'), 'utf8')) as {
  tarif: { jkk_persen: string; jkm_rupiah: string; jht_persen: string };
};

/** A decimal string as an exact fraction [numerator, denominator]. */
function fraction(text: string): [bigint, bigint] {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!m) throw new Error(`data/bpu/iuran.yaml: not a plain decimal: ${text}`);
  const frac = m[2] ?? '';
  return [BigInt(m[1]! + frac), 10n ** BigInt(frac.length)];
}

/** percent% of an amount in sen, rounded half up to whole sen. */
function percentOf(sen: bigint, percent: string): bigint {
  const [num, den] = fraction(percent);
  const d = den * 100n;
  return (2n * sen * num + d) / (2n * d);
}

/** Whole sen in Indonesian format: 2680000n → "Rp26.800", 1234567n → "Rp12.345,67". */
function rupiah(sen: bigint): string {
  const int = (sen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = sen % 100n;
  return `Rp${int}${rest === 0n ? '' : `,${rest.toString().padStart(2, '0')}`}`;
}

const INCOME_TYPED = '2.000.000';
const income = 2_000_000n * 100n;
const [jkmNum, jkmDen] = fraction(tarif.jkm_rupiah);
const jkk = percentOf(income, tarif.jkk_persen);
const jkm = (jkmNum * 100n) / jkmDen;
const jht = percentOf(income, tarif.jht_persen);

let browser: Browser;
let server: Server;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveDist()]);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`uncaught exception: ${e.message}`));
  await page.goto(server.url('/bpu/'), { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Visible text of the result area, whitespace (incl. no-break spaces) collapsed. */
const hasilText = async () => (await page.locator('.hasil').innerText()).replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The text of the result line (table row, list item or paragraph) mentioning `n bulan`. */
async function lineFor(months: number): Promise<string> {
  const line = page.locator('.hasil tr, .hasil li, .hasil p').filter({ hasText: new RegExp(`(^|\\D)${months} bulan`) });
  expect(await line.count(), `no result line for ${months} bulan in: ${await hasilText()}`).toBeGreaterThan(0);
  return (await line.first().innerText()).replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

describe('BPU calculator', () => {
  it('rates were read from data/bpu/iuran.yaml', () => {
    expect(jkk).toBeGreaterThan(0n);
    expect(jkm).toBeGreaterThan(0n);
    expect(jht).toBeGreaterThan(0n);
  });

  it('shows the calculator form when JavaScript runs', async () => {
    await expect.poll(() => page.locator('#penghasilan').isVisible()).toBe(true);
  });

  it(`computes JKK + JKM for ${INCOME_TYPED}, per month and for 3, 6 and 12 months`, async () => {
    await page.locator('#penghasilan').pressSequentially(INCOME_TYPED);
    const total = jkk + jkm;
    await expect.poll(hasilText, { timeout: 5000 }).toContain(rupiah(total));
    const text = await hasilText();
    expect(text).toContain(`JKK ${rupiah(jkk)}`);
    expect(text).toContain(`JKM ${rupiah(jkm)}`);
    expect(text).not.toContain('JHT');
    for (const months of [3, 6, 12]) {
      expect(await lineFor(months), `${months}-month line`).toContain(rupiah(total * BigInt(months)));
    }
  });

  it('adds JHT when #pakai-jht is ticked, and removes it again', async () => {
    await page.locator('#pakai-jht').check();
    const total = jkk + jkm + jht;
    await expect.poll(hasilText, { timeout: 5000 }).toContain(`JHT ${rupiah(jht)}`);
    expect(await hasilText()).toContain(rupiah(total));
    expect(await lineFor(12), '12-month line with JHT').toContain(rupiah(total * 12n));

    await page.locator('#pakai-jht').uncheck();
    await expect.poll(hasilText, { timeout: 5000 }).not.toContain('JHT');
    expect(await lineFor(12)).toContain(rupiah((jkk + jkm) * 12n));
  });

  it('explains instead of computing when the input is not an amount', async () => {
    await page.locator('#penghasilan').fill('dua juta');
    await expect.poll(hasilText, { timeout: 5000 }).not.toMatch(/Rp\d/);
    expect((await hasilText()).length, 'no message for an invalid amount').toBeGreaterThan(0);
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
