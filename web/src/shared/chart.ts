// Chart.js with only the bar chart registered; imported dynamically by the chart components (campaign
// review, monitoring dashboard), so it is a chunk of its own that only those pages load.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartSeries {
  label: string;
  values: number[];
  /** Defaults to the palette's next colour. */
  colour?: string;
}

const COLOURS = ['#1d4ed8', '#16a34a', '#d97706', '#9333ea'];

export function drawBarChart(
  canvas: HTMLCanvasElement,
  labels: string[],
  series: ChartSeries[],
  horizontal: boolean,
  stacked = false,
) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((item, index) => ({
        label: item.label,
        data: item.values,
        backgroundColor: item.colour ?? COLOURS[index % COLOURS.length],
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { beginAtZero: true, stacked }, y: { beginAtZero: true, stacked } },
    },
  });
}
