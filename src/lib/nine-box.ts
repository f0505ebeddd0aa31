import { whiteCanvas } from "./chart-canvas.ts";

const SIZE = 720;
const MARGIN = 110;
const CELL = (SIZE - MARGIN - 20) / 3;

/**
 * The 9-box as PNG bytes: work-result rating up (BELOW, MEETS, ABOVE from the bottom) by behaviour
 * rating across (BELOW, MEETS, ABOVE from the left), each cell with its count. `counts[r][b]` with
 * r, b = 0 (BELOW) … 2 (ABOVE). Labels come already translated.
 */
export function renderNineBox(input: {
  title: string;
  counts: number[][];
  ratingLabels: [string, string, string];
  resultsLabel: string;
  behaviourLabel: string;
}): Buffer {
  const canvas = whiteCanvas(SIZE, SIZE);
  const c = canvas.getContext("2d");
  c.fillStyle = "#000000";
  c.font = "bold 20px 'DejaVu Sans'";
  c.textAlign = "center";
  c.fillText(input.title, SIZE / 2, 30);
  const max = Math.max(1, ...input.counts.flat());
  for (let r = 0; r < 3; r++)
    for (let b = 0; b < 3; b++) {
      const x = MARGIN + b * CELL;
      const y = 50 + (2 - r) * CELL;
      const n = input.counts[r]?.[b] ?? 0;
      c.fillStyle = `rgba(46, 125, 50, ${0.08 + (0.6 * n) / max})`;
      c.fillRect(x, y, CELL, CELL);
      c.strokeStyle = "#555555";
      c.strokeRect(x, y, CELL, CELL);
      c.fillStyle = "#000000";
      c.font = "bold 40px 'DejaVu Sans'";
      c.fillText(String(n), x + CELL / 2, y + CELL / 2 + 14);
    }
  c.font = "14px 'DejaVu Sans'";
  for (let i = 0; i < 3; i++) {
    c.fillText(input.ratingLabels[i]!, MARGIN + i * CELL + CELL / 2, 50 + 3 * CELL + 22);
    c.save();
    c.translate(MARGIN - 14, 50 + (2 - i) * CELL + CELL / 2);
    c.rotate(-Math.PI / 2);
    c.fillText(input.ratingLabels[i]!, 0, 0);
    c.restore();
  }
  c.font = "bold 16px 'DejaVu Sans'";
  c.fillText(input.behaviourLabel, MARGIN + 1.5 * CELL, 50 + 3 * CELL + 48);
  c.save();
  c.translate(40, 50 + 1.5 * CELL);
  c.rotate(-Math.PI / 2);
  c.fillText(input.resultsLabel, 0, 0);
  c.restore();
  return canvas.toBuffer("image/png");
}
