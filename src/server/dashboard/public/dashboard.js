/* global document, Chart */
// Draws each <canvas data-chart="…"> with chart.js (served by Lapkin). The data sits in the
// attribute, never in an inline script, so the page's Content-Security-Policy can forbid those.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Chart === "undefined") return;
  for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
    try {
      new Chart(canvas, JSON.parse(canvas.dataset.chart));
    } catch (error) {
      console.error("chart", error);
    }
  }
});
