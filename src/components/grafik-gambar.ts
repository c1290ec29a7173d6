/**
 * Draws a chart (client side) with chart.js, tree-shaken to the bar controller. Loaded by
 * Grafik.astro only when a chart comes near the viewport, so it never delays the first paint.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { ChartData } from '../lib/transparency.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const SKALA: [number, string][] = [[1e12, 'T'], [1e9, 'M'], [1e6, 'jt'], [1e3, 'rb']];
const angka = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
/** Axis ticks only (approximate by nature); tooltips and the table show exact figures. */
function ringkas(v: number): string {
  for (const [n, s] of SKALA) if (Math.abs(v) >= n) return `Rp${angka.format(v / n)} ${s}`;
  return `Rp${angka.format(v)}`;
}

/** Draw the chart of one `figure.grafik` from its data attribute. */
export function gambar(figure: HTMLElement): void {
  const data = JSON.parse(figure.dataset['grafik'] ?? 'null') as ChartData | null;
  const box = figure.querySelector<HTMLElement>('.grafik-kotak');
  if (!data || !box) return;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', data.ariaLabel);
  canvas.textContent = data.ariaLabel;
  box.replaceChildren(canvas);
  const horizontal = data.kind === 'bar';
  const valueAxis = horizontal ? 'x' : 'y';
  const config: ChartConfiguration<'bar', (number | null)[], string> = {
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
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'id-ID',
      plugins: {
        legend: { display: data.series.length > 1, labels: { color: '#1a1a1a' } },
        tooltip: {
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
          ticks: { color: '#1a1a1a', maxTicksLimit: 5, callback: (v: string | number) => ringkas(Number(v)) },
        },
        [horizontal ? 'y' : 'x']: { stacked: data.kind === 'stacked', ticks: { color: '#1a1a1a' } },
      },
    },
  };
  new Chart(canvas, config);
}
