import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Title, Legend);

const FONTS_DIR = new URL("../../assets/fonts/", import.meta.url).pathname;
let fontsReady = false;

/** Fonts come from the repository, so the chart looks the same on every server. */
function registerFonts(): void {
  if (fontsReady) return;
  GlobalFonts.registerFromPath(`${FONTS_DIR}DejaVuSans.ttf`, "DejaVu Sans");
  GlobalFonts.registerFromPath(`${FONTS_DIR}DejaVuSans-Bold.ttf`, "DejaVu Sans");
  Chart.defaults.font.family = "DejaVu Sans";
  fontsReady = true;
}

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 450;

/** The weekly reporting rate as a bar chart (percent per working day), as PNG bytes. */
export function renderWeeklyChart(input: {
  title: string;
  labels: string[];
  rates: number[];
  seriesLabel: string;
}): Buffer {
  registerFonts();
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, CHART_WIDTH, CHART_HEIGHT);
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
