/**
 * The BPU contribution calculator on /bpu/, in a real browser: typed income in, whole-rupiah
 * monthly and 3/6/12-month totals out in Indonesian format; the minimum income basis; JHT when
 * ticked; and the PP 50/2025 discount following the visitor's clock (fixed with Playwright's
 * `page.clock`) for transport and non-transport members.
 *
 * Expected figures are computed here with BigInt from data/bpu/iuran.yaml, independently of
 * src/lib/bpu.ts: each programme rounded to whole rupiah (half up), a discount taken from the
 * rounded normal amount and rounded again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertDist, ROOT, type Server, closeBrowserAndSite, openBrowserAndSite } from './site.ts';

assertDist();

interface Data {
  tarif: { jkk_persen: string; jkm_rupiah: string; jht_persen: string };
  penghasilan_minimum: string;
  potongan: { persen_dibayar: string; program: string[]; berlaku: { kelompok: string; mulai: string; sampai: string }[] }[];
}
const data = parse(readFileSync(path.join(ROOT, 'data/bpu/iuran.yaml'), 'utf8')) as Data;

/** A decimal string as an exact fraction [numerator, denominator]. */
function fraction(text: string): [bigint, bigint] {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!m) throw new Error(`data/bpu/iuran.yaml: not a plain decimal: ${text}`);
  const frac = m[2] ?? '';
  return [BigInt(m[1]! + frac), 10n ** BigInt(frac.length)];
}

/** percent% of whole rupiah, rounded to whole rupiah, halves up. */
function percentOf(rupiah: bigint, percent: string): bigint {
  const [num, den] = fraction(percent);
  const d = den * 100n;
  return (2n * rupiah * num + d) / (2n * d);
}

/** Whole rupiah in Indonesian format: 26800n → "Rp26.800". */
const rupiah = (rp: bigint): string => `Rp${rp.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const monthName = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
const addMonths = (m: string, n: number) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/** The discount of a group in a month (YYYY-MM), from the data file. */
const discountIn = (group: string, month: string) =>
  data.potongan.find((p) => p.berlaku.some((b) => b.kelompok === group && b.mulai <= month && month <= b.sampai)) ?? null;

/** Expected monthly amounts for a declared income (whole rupiah) in a month, for a group. */
function expected(income: bigint, withJht: boolean, group: string, month: string) {
  const minimum = BigInt(data.penghasilan_minimum);
  const basis = income < minimum ? minimum : income;
  const [jkmNum, jkmDen] = fraction(data.tarif.jkm_rupiah);
  const normal = {
    JKK: percentOf(basis, data.tarif.jkk_persen),
    JKM: (2n * jkmNum + jkmDen) / (2n * jkmDen),
    JHT: percentOf(basis, data.tarif.jht_persen),
  };
  const discount = discountIn(group, month);
  const pay = (k: 'JKK' | 'JKM' | 'JHT') => (discount && discount.program.includes(k) ? percentOf(normal[k], discount.persen_dibayar) : normal[k]);
  const jkk = pay('JKK');
  const jkm = pay('JKM');
  const jht = withJht ? pay('JHT') : 0n;
  return { jkk, jkm, jht, total: jkk + jkm + jht, discounted: discount !== null };
}

let browser: Browser;
let server: Server;
const errors: string[] = [];
const contexts: BrowserContext[] = [];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A fresh page on /bpu/, with the clock fixed at `at` when given (axe-core injected outside the CSP). */
async function openBpu(at?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  contexts.push(context);
  await context.addInitScript({ content: AXE_SOURCE });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`uncaught exception: ${e.message}`));
  if (at) await page.clock.setFixedTime(new Date(at));
  await page.goto(server.url('/bpu/'), { waitUntil: 'load' });
  // The form is hidden until the calculator's script runs.
  await page.locator('#penghasilan').waitFor({ state: 'visible', timeout: 5000 });
  return page;
}

/** Visible text of the result area, whitespace (incl. no-break spaces) collapsed. */
const hasilText = async (page: Page) => (await page.locator('.hasil').innerText()).replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The text of the result line (table row or paragraph) mentioning `n bulan`. */
async function lineFor(page: Page, months: number): Promise<string> {
  const line = page.locator('.hasil tr').filter({ hasText: new RegExp(`(^|\\D)${months} bulan`) });
  expect(await line.count(), `no result line for ${months} bulan in: ${await hasilText(page)}`).toBeGreaterThan(0);
  return (await line.first().innerText()).replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

async function typeIncome(page: Page, typed: string): Promise<void> {
  await page.locator('#penghasilan').fill('');
  await page.locator('#penghasilan').pressSequentially(typed);
}

beforeAll(async () => {
  ({ browser, server: server } = await openBrowserAndSite());
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await closeBrowserAndSite({ browser, server: server });
});

describe('BPU calculator', () => {
  it('rates and the discount were read from data/bpu/iuran.yaml', () => {
    expect(expected(2_000_000n, true, 'lainnya', '2025-01').total).toBeGreaterThan(0n);
    expect(data.potongan.length).toBeGreaterThan(0);
  });

  describe('outside every discount (clock: May 2027)', () => {
    let page: Page;
    const month = '2027-05';
    beforeAll(async () => {
      page = await openBpu('2027-05-10T03:00:00Z');
    });

    it('computes JKK + JKM for 2.000.000, per month and for 3, 6 and 12 months', async () => {
      const e = expected(2_000_000n, false, 'lainnya', month);
      expect(e.discounted).toBe(false);
      await typeIncome(page, '2.000.000');
      await expect.poll(() => hasilText(page), { timeout: 5000 }).toContain(rupiah(e.total));
      const text = await hasilText(page);
      expect(text).toContain(`JKK ${rupiah(e.jkk)}`);
      expect(text).toContain(`JKM ${rupiah(e.jkm)}`);
      expect(text).not.toContain('JHT');
      expect(text).toContain(`Bulan ini (${monthName(month)})`);
      for (const months of [3, 6, 12]) {
        expect(await lineFor(page, months), `${months}-month line`).toContain(rupiah(e.total * BigInt(months)));
      }
    });

    it('adds JHT when #pakai-jht is ticked, and removes it again', async () => {
      await page.locator('#pakai-jht').check();
      const e = expected(2_000_000n, true, 'lainnya', month);
      await expect.poll(() => hasilText(page), { timeout: 5000 }).toContain(`JHT ${rupiah(e.jht)}`);
      expect(await hasilText(page)).toContain(rupiah(e.total));
      expect(await lineFor(page, 12), '12-month line with JHT').toContain(rupiah(e.total * 12n));
      await page.locator('#pakai-jht').uncheck();
      await expect.poll(() => hasilText(page), { timeout: 5000 }).not.toContain('JHT');
    });

    it('gives Rp500.000 the same amount as Rp1.000.000 and explains the minimum basis', async () => {
      const minimum = rupiah(BigInt(data.penghasilan_minimum));
      await typeIncome(page, '1.000.000');
      await expect.poll(() => hasilText(page), { timeout: 5000 }).toContain(rupiah(expected(1_000_000n, false, 'lainnya', month).total));
      const atMinimum = await page.locator('.hasil table').allInnerTexts();
      expect(await hasilText(page), 'no minimum note at the minimum itself').not.toContain('lebih kecil dari penghasilan paling rendah');

      await typeIncome(page, '500.000');
      await expect.poll(() => hasilText(page), { timeout: 5000 }).toContain('lebih kecil dari penghasilan paling rendah');
      const text = await hasilText(page);
      expect(text).toContain(`Penghasilan Rp500.000 lebih kecil`);
      expect(text).toContain(`dihitung dari ${minimum}`);
      expect(await page.locator('.hasil table').allInnerTexts(), 'tables for 500.000 and 1.000.000').toEqual(atMinimum);
      expect(text).toContain(rupiah(expected(500_000n, false, 'lainnya', month).total));
    });

    it('never shows sen, whatever income is typed', async () => {
      await page.locator('#pakai-jht').check();
      for (const typed of ['1.234.567', '1.000.050', '3.333.333', '987.654.321']) {
        const income = BigInt(typed.replace(/\./g, ''));
        const e = expected(income, true, 'lainnya', month);
        await typeIncome(page, typed);
        await expect.poll(() => hasilText(page), { timeout: 5000 }).toContain(`JHT ${rupiah(e.jht)}`);
        const text = await hasilText(page);
        expect(text, typed).not.toMatch(/Rp[\d.]+,\d/);
        expect(text, typed).toContain(`JKK ${rupiah(e.jkk)}`);
        expect(text, typed).toContain(rupiah(e.total));
      }
      await page.locator('#pakai-jht').uncheck();
    });

    it('explains instead of computing when the input is not an amount', async () => {
      await page.locator('#penghasilan').fill('dua juta');
      await expect.poll(() => hasilText(page), { timeout: 5000 }).not.toMatch(/Rp\d/);
      expect((await hasilText(page)).length, 'no message for an invalid amount').toBeGreaterThan(0);
    });
  });

  // Each clock is given in UTC; the month the rule uses is the month in Western Indonesian Time.
  const clocks = [
    { at: '2026-02-15T05:00:00Z', month: '2026-02' },
    { at: '2026-03-31T16:30:00Z', month: '2026-03' }, // 23:30 WIB, 31 March
    { at: '2026-03-31T17:30:00Z', month: '2026-04' }, // 00:30 WIB, 1 April
    { at: '2026-11-20T05:00:00Z', month: '2026-11' },
    { at: '2027-02-10T05:00:00Z', month: '2027-02' },
    { at: '2027-04-02T05:00:00Z', month: '2027-04' },
  ];
  const groups = ['transportasi', 'lainnya'];

  it('the clocks cover discounted and normal months for both groups', () => {
    for (const g of groups) {
      const states = new Set(clocks.map((c) => discountIn(g, c.month) !== null));
      expect([...states].sort(), g).toEqual([false, true]);
    }
  });

  describe.each(clocks)('with the clock at $at ($month in WIB)', ({ at, month }) => {
    let page: Page;
    beforeAll(async () => {
      page = await openBpu(at);
    });

    it.each(groups)('%s: this month’s amount and the advance payments follow the rule', async (group) => {
      await page.locator(`#kelompok-${group}`).check();
      await typeIncome(page, '1.000.000');
      const now = expected(1_000_000n, false, group, month);
      await expect.poll(() => page.locator('.iuran-bulan-ini').innerText().catch(() => ''), { timeout: 5000 }).toContain(monthName(month));
      const line = (await page.locator('.iuran-bulan-ini').innerText()).replace(/[\s\u00a0\u202f]+/g, ' ');
      expect(line, `${group} ${month}`).toContain(`${rupiah(now.total)} per bulan`);
      expect(line, `${group} ${month}`).toMatch(now.discounted ? /dengan potongan/ : /iuran normal/);
      for (const months of [3, 12]) {
        let sum = 0n;
        for (let i = 0; i < months; i++) sum += expected(1_000_000n, false, group, addMonths(month, i)).total;
        expect(await lineFor(page, months), `${group} ${month}: ${months} months`).toContain(rupiah(sum));
      }
      // Both amounts are shown, each with its months, whatever the month.
      const text = await hasilText(page);
      expect(text).toContain(rupiah(expected(1_000_000n, false, 'tidak-ada', month).total));
      if (data.potongan.some((p) => p.berlaku.some((b) => b.kelompok === group))) {
        const d = data.potongan.find((p) => p.berlaku.some((b) => b.kelompok === group))!;
        const b = d.berlaku.find((x) => x.kelompok === group)!;
        expect(text).toContain(monthName(b.sampai));
      }
    });
  });

  describe('the result area (clock: November 2026, income below the minimum, with JHT)', () => {
    let page: Page;
    beforeAll(async () => {
      page = await openBpu('2026-11-20T05:00:00Z');
      await page.locator('#pakai-jht').check();
      await typeIncome(page, '500.000');
      await page.locator('.hasil table').first().waitFor();
    });

    it('does not make a 360 px wide page scroll sideways', async () => {
      const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll, 'page width with results').toBeLessThanOrEqual(width);
    });

    it('has zero axe violations', async () => {
      const violations = await page.evaluate(async (tags) => {
        const w = window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } };
        const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, AXE_TAGS);
      expect(violations).toEqual([]);
    });
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
