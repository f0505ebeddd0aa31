import { whiteCanvas } from "../lib/chart-canvas.ts";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Title, Legend);

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 450;

/** The weekly reporting rate as a bar chart (percent per working day), as PNG bytes. */
export function renderWeeklyChart(input: {
  title: string;
  labels: string[];
  rates: number[];
  seriesLabel: string;
}): Buffer {
  const canvas = whiteCanvas(CHART_WIDTH, CHART_HEIGHT);
  const context = canvas.getContext("2d");
  const chart = new Chart(context as never, {
    type: "bar",
    data: {
      labels: input.labels,
      datasets: [{ label: input.seriesLabel, data: input.rates, backgroundColor: "#2e7d32" }],
    },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      plugins: {
        title: { display: true, text: input.title, font: { size: 18, weight: "bold" } },
        legend: { display: true },
      },
      scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
    },
  });
  try {
    return canvas.toBuffer("image/png");
  } finally {
    chart.destroy();
  }
}
