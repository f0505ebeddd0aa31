// Draws the demo's sample evidence photos (assets/demo/samples/*.jpg), committed once: small
// pictures of an office day a trainer can attach to a report without a camera. Run again only to
// change them: node scripts/make-demo-samples.mjs
import { writeFileSync, mkdirSync } from "node:fs";
import { createCanvas } from "@napi-rs/canvas";

const OUT = new URL("../assets/demo/samples/", import.meta.url);
mkdirSync(OUT, { recursive: true });

const scenes = {
  "loket-pelayanan": (g) => {
    sky(g, "#cfe3f5");
    g.fillStyle = "#8d6e63";
    g.fillRect(0, 300, 640, 180); // counter
    g.fillStyle = "#5d4037";
    g.fillRect(0, 290, 640, 18);
    g.fillStyle = "#1565c0";
    g.fillRect(220, 60, 200, 56); // sign
    g.fillStyle = "#fff";
    g.font = "bold 30px sans-serif";
    g.fillText("LOKET 1", 255, 100);
    person(g, 160, 210, "#2e7d32");
    person(g, 470, 220, "#ef6c00");
    g.fillStyle = "#eceff1";
    g.fillRect(300, 250, 70, 45); // papers
  },
  "rapat-koordinasi": (g) => {
    sky(g, "#f3e5d8");
    g.fillStyle = "#6d4c41";
    g.beginPath();
    g.ellipse(320, 330, 250, 80, 0, 0, Math.PI * 2);
    g.fill(); // table
    for (const [x, c] of [
      [120, "#1565c0"],
      [230, "#c62828"],
      [410, "#2e7d32"],
      [520, "#6a1b9a"],
    ])
      person(g, x, 200, c);
    g.fillStyle = "#fafafa";
    g.fillRect(200, 40, 240, 110); // whiteboard
    g.strokeStyle = "#1565c0";
    g.lineWidth = 6;
    g.beginPath();
    g.moveTo(220, 130);
    g.lineTo(290, 90);
    g.lineTo(350, 110);
    g.lineTo(420, 60);
    g.stroke();
  },
  "arsip-dokumen": (g) => {
    sky(g, "#e8eaf6");
    for (let shelf = 0; shelf < 3; shelf++) {
      g.fillStyle = "#795548";
      g.fillRect(60, 120 + shelf * 110, 520, 12);
      for (let i = 0; i < 12; i++) {
        g.fillStyle = ["#ef5350", "#42a5f5", "#66bb6a", "#ffca28"][(i + shelf) % 4];
        g.fillRect(75 + i * 42, 40 + shelf * 110, 34, 80);
      }
    }
  },
};

function sky(g, color) {
  g.fillStyle = color;
  g.fillRect(0, 0, 640, 480);
}

function person(g, x, y, shirt) {
  g.fillStyle = "#f1c27d";
  g.beginPath();
  g.arc(x, y, 28, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = shirt;
  g.fillRect(x - 40, y + 30, 80, 90);
}

for (const [name, draw] of Object.entries(scenes)) {
  const canvas = createCanvas(640, 480);
  draw(canvas.getContext("2d"));
  const jpeg = canvas.toBuffer("image/jpeg", 70);
  writeFileSync(new URL(`${name}.jpg`, OUT), jpeg);
  console.log(name, jpeg.length, "bytes");
}
