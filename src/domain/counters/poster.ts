import { createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import QRCode from "qrcode";
import { translate } from "../../lib/i18n.ts";

const FONTS_DIR = new URL("../../../assets/fonts/", import.meta.url).pathname;
let fontsReady = false;

/** Fonts come from the repository, so a poster prints the same from every server. */
function registerFonts(): void {
  if (fontsReady) return;
  GlobalFonts.registerFromPath(`${FONTS_DIR}DejaVuSans.ttf`, "DejaVu Sans");
  GlobalFonts.registerFromPath(`${FONTS_DIR}DejaVuSans-Bold.ttf`, "DejaVu Sans");
  fontsReady = true;
}

/** A5 portrait (148 × 210 mm) at 200 dpi. */
export const POSTER_WIDTH = 1165;
export const POSTER_HEIGHT = 1654;
const MARGIN = 90;

export interface PosterInput {
  unitName: string;
  counterName: string;
  link: string;
}

/** A printable A5 poster (PNG) in Indonesian: unit, counter, the survey's QR code, one line of instructions. */
export function renderPoster(input: PosterInput): Buffer {
  registerFonts();
  const canvas = createCanvas(POSTER_WIDTH, POSTER_HEIGHT);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);
  ctx.fillStyle = "#1b5e20";
  ctx.fillRect(0, 0, POSTER_WIDTH, 24);
  ctx.fillStyle = "#111111";
  ctx.textAlign = "center";

  let y = 130;
  y = writeLines(ctx, translate("id", "poster-title"), "bold 52px 'DejaVu Sans'", y, 64);
  y = writeLines(ctx, input.unitName, "36px 'DejaVu Sans'", y + 30, 46);
  y = writeLines(ctx, input.counterName, "bold 60px 'DejaVu Sans'", y + 30, 72);

  const size = POSTER_WIDTH - 2 * MARGIN - 160;
  drawQr(ctx, input.link, (POSTER_WIDTH - size) / 2, y + 30, size);
  y += 30 + size + 70;
  y = writeLines(ctx, translate("id", "poster-instruction"), "34px 'DejaVu Sans'", y, 44);
  writeLines(ctx, input.link, "24px 'DejaVu Sans'", Math.max(y + 20, POSTER_HEIGHT - 80), 30);
  return canvas.toBuffer("image/png");
}

/** The QR modules as black squares with the four-module quiet zone the standard asks for. */
function drawQr(ctx: SKRSContext2D, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const modules = qr.modules.size;
  const cell = Math.floor(size / (modules + 8));
  const offset = Math.floor((size - cell * modules) / 2);
  ctx.fillStyle = "#000000";
  for (let row = 0; row < modules; row++)
    for (let col = 0; col < modules; col++)
      if (qr.modules.get(row, col)) ctx.fillRect(x + offset + col * cell, y + offset + row * cell, cell, cell);
  ctx.fillStyle = "#111111";
}

/** Writes centred text wrapped to the poster's width; returns the baseline below the last line. */
function writeLines(ctx: SKRSContext2D, text: string, font: string, y: number, lineHeight: number): number {
  ctx.font = font;
  const width = POSTER_WIDTH - 2 * MARGIN;
  let line = "";
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const tried = line ? `${line} ${word}` : word;
    if (ctx.measureText(tried).width > width && line) {
      lines.push(line);
      line = word;
    } else line = tried;
  }
  if (line) lines.push(line);
  lines.forEach((l, i) => ctx.fillText(l, POSTER_WIDTH / 2, y + i * lineHeight));
  return y + (lines.length - 1) * lineHeight + lineHeight;
}
