/**
 * Draws a chart (client side) with chart.js, tree-shaken to the bar controller. Loaded by
 * Grafik.astro only when a chart comes near the viewport, so it never delays the first paint.
 * The configuration is shared with the build-time image (src/lib/chart-config.ts).
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { chartConfig } from '../lib/chart-config.ts';
import type { ChartData } from '../lib/transparency.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

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
  new Chart(canvas, chartConfig(data, { responsive: true }));
}
