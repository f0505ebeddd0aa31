import { createCanvas, GlobalFonts, type Canvas } from "@napi-rs/canvas";
import { Chart } from "chart.js";

const FONTS_DIR = new URL("../../assets/fonts/", import.meta.url).pathname;
let fontsReady = false;

/** Fonts come from the repository, so a chart looks the same on every server. */
export function registerFonts(): void {
  if (fontsReady) return;
  GlobalFonts.registerFromPath(`${FONTS_DIR}DejaVuSans.ttf`, "DejaVu Sans");
  GlobalFonts.registerFromPath(`${FONTS_DIR}DejaVuSans-Bold.ttf`, "DejaVu Sans");
  Chart.defaults.font.family = "DejaVu Sans";
  fontsReady = true;
}

/** A white canvas with the repository's fonts registered. */
export function whiteCanvas(width: number, height: number): Canvas {
  registerFonts();
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  return canvas;
}
