/**
 * Social previews. Unit: the card is 1200×630 and shows both totals when they differ.
 * Build (needs dist/ from `npm run build`): every page's Open Graph and Twitter tags, read
 * with a real Open Graph parser (open-graph-scraper, from the HTML, no network); dataset
 * pages point at their own generated card, which decodes to 1200×630.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import ogs from 'open-graph-scraper';
import { describe, expect, it } from 'vitest';
import { DIST, listPages, readPage } from '../e2e/site.ts';
import { fitLines, headlineFigures, renderSocialPng, SOCIAL_HEIGHT, SOCIAL_WIDTH } from '../../src/lib/social-image.ts';

describe('social card', () => {
  it('headline: one total when they agree or none was stated, both when they differ', () => {
    expect(headlineFigures({ stated: null, computed: 'Rp5', differ: false })).toEqual([{ label: 'Jumlah angka per program', value: 'Rp5' }]);
    expect(headlineFigures({ stated: 'Rp5', computed: 'Rp5', differ: false })).toEqual([{ label: 'Total menurut sumber', value: 'Rp5' }]);
    // A stated total that includes non-programme parts is shown as stated, not replaced by the programmes' sum.
    expect(headlineFigures({ stated: 'Rp60,72 triliun', computed: 'sekitar Rp57,15 triliun', differ: false })).toEqual([{ label: 'Total menurut sumber', value: 'Rp60,72 triliun' }]);
    expect(headlineFigures({ stated: 'Rp6', computed: 'Rp5', differ: true }).map((f) => f.value)).toEqual(['Rp6', 'Rp5']);
  });
  it('fits text into lines, shortening the last with an ellipsis', () => {
    const ctx = { measureText: (t: string) => ({ width: t.length * 10 }) } as never;
    expect(fitLines(ctx, 'satu dua tiga', 100, 2)).toEqual(['satu dua', 'tiga']);
    expect(fitLines(ctx, 'satu dua tiga empat lima enam', 90, 2)).toEqual(['satu dua', 'tiga…']);
  });
  it('renders 1200×630, deterministically; the figures show', () => {
    const spec = {
      id: 'uji',
      siteName: 'RTW Pasuruan',
      title: 'Klaim BPJS Ketenagakerjaan Kantor Cabang Pasuruan',
      subtitle: '1 Januari – 28 Februari 2017',
      headline: headlineFigures({ stated: 'Rp12.878.543.829', computed: 'Rp12.768.143.829', differ: true }),
      figures: [{ label: 'JKK', value: 'Rp1.864.980.719' }],
      sourceLine: 'Sumber: Antara Jatim (LKBN ANTARA).',
    };
    const png = renderSocialPng(spec);
    const img = decode(png);
    expect([img.width, img.height]).toEqual([SOCIAL_WIDTH, SOCIAL_HEIGHT]);
    expect(renderSocialPng(spec).equals(png)).toBe(true);
    expect(renderSocialPng({ ...spec, headline: headlineFigures({ stated: 'Rp1', computed: 'Rp1', differ: false }) }).equals(png)).toBe(false);
  });
});

describe('Open Graph and Twitter tags on the built site', () => {
  const pages = listPages();
  it.each(pages)('%s', async (route) => {
    const html = readPage(route);
    const { result, error } = await ogs({ html, onlyGetOpenGraphInfo: true });
    expect(error).toBe(false);
    expect(result.ogTitle).toBeTruthy();
    expect(result.ogDescription).toBeTruthy();
    expect(result.ogUrl).toMatch(/^https?:\/\//);
    expect(result.twitterCard).toBe('summary_large_image');
    expect(result.twitterTitle).toBe(result.ogTitle);
    const image = result.ogImage?.[0];
    expect(image?.url).toMatch(/^https?:\/\/.+\.png$/);
    expect(image?.width).toBe('1200');
    expect(image?.height).toBe('630');
    expect(result.twitterImage?.[0]?.url).toBe(image?.url);
    // The image exists in the build and really is 1200×630.
    const file = path.join(DIST, ...new URL(image!.url).pathname.split('/').filter(Boolean));
    expect(existsSync(file), `${file} missing`).toBe(true);
    const png = decode(readFileSync(file));
    expect([png.width, png.height]).toEqual([1200, 630]);
    const dataset = /^\/transparansi\/([a-z0-9-]+)\/$/.exec(route)?.[1];
    if (dataset && existsSync(path.join(DIST, 'data', `${dataset}.csv`))) {
      expect(new URL(image!.url).pathname.endsWith(`/gambar/sosial/${dataset}.png`)).toBe(true);
    }
  });
});
