/**
 * The chart.js configuration of a chart, shared by the interactive chart in the browser
 * (src/components/grafik-gambar.ts) and the build-time image (src/lib/chart-image.ts), so
 * the downloaded image looks like the chart on the page. Pure: no DOM, no chart.js runtime.
 */
import type { ChartConfiguration } from 'chart.js';
import type { ChartData } from './transparency.ts';

const SKALA: [number, string][] = [[1e12, 'T'], [1e9, 'M'], [1e6, 'jt'], [1e3, 'rb']];
const angka = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** Axis ticks only (approximate by nature); tooltips, tables and image labels show exact figures. */
export function ringkas(v: number): string {
  for (const [n, s] of SKALA) if (Math.abs(v) >= n) return `Rp${angka.format(v / n)} ${s}`;
  return `Rp${angka.format(v)}`;
}

export interface ChartConfigOptions {
  /** Browser: true (fills its box). Image: false (fixed canvas size). */
  responsive: boolean;
  /** Font family for ticks and legend (the image registers its own font). */
  fontFamily?: string;
  fontSize?: number;
}

/** The configuration of one chart; values become numbers only here, for drawing. */
export function chartConfig(data: ChartData, opts: ChartConfigOptions): ChartConfiguration<'bar', (number | null)[], string> {
  const horizontal = data.kind === 'bar';
  const valueAxis = horizontal ? 'x' : 'y';
  const font = opts.fontFamily || opts.fontSize ? { ...(opts.fontFamily ? { family: opts.fontFamily } : {}), ...(opts.fontSize ? { size: opts.fontSize } : {}) } : undefined;
  return {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map((s) => ({
        label: s.label,
        data: s.values.map((v) => (v === null ? null : Number(v))),
        backgroundColor: s.warna,
        borderColor: '#ffffff',
        borderWidth: horizontal ? 0 : 1,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: opts.responsive,
      maintainAspectRatio: false,
      animation: false,
      locale: 'id-ID',
      plugins: {
        legend: { display: data.series.length > 1, labels: { color: '#1a1a1a', ...(font ? { font } : {}) } },
        tooltip: {
          enabled: opts.responsive,
          callbacks: {
            label: (ctx) => {
              const exact = data.series[ctx.datasetIndex]?.formatted[ctx.dataIndex];
              return `${data.series.length > 1 ? `${ctx.dataset.label}: ` : ''}${exact ?? 'tidak ada'}`;
            },
          },
        },
      },
      scales: {
        [valueAxis]: {
          stacked: data.kind === 'stacked',
          beginAtZero: true,
          ticks: { color: '#1a1a1a', maxTicksLimit: 5, callback: (v: string | number) => ringkas(Number(v)), ...(font ? { font } : {}) },
        },
        [horizontal ? 'y' : 'x']: { stacked: data.kind === 'stacked', ticks: { color: '#1a1a1a', ...(font ? { font } : {}) } },
      },
    },
  };
}
