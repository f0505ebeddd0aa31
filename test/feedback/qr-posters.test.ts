import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadImage, createCanvas } from "@napi-rs/canvas";
import jsQRModule from "jsqr";

// jsqr is CommonJS whose typings describe an ES default export: the function is the module itself.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/domain/import/index.ts";
import { POSTER_HEIGHT, POSTER_WIDTH } from "../../src/domain/counters/poster.ts";
import { createDatabaseEnv } from "../support/db.ts";
import { runCli } from "../support/cli.ts";
import { EXAMPLE_DIR, tempDir } from "../import/helpers.ts";

const BOT = { id: 1, is_bot: true, first_name: "Lapkin", username: "lapkin_test_bot" };

const getMe = (async () =>
  new Response(JSON.stringify({ ok: true, result: BOT }), {
    headers: { "content-type": "application/json" },
  })) as unknown as typeof fetch;

let database: Awaited<ReturnType<typeof createDatabaseEnv>>;
let publicCodes: Map<string, string>;
beforeAll(async () => {
  database = await createDatabaseEnv("lapkin-qr-");
  publicCodes = await database.use(async (db, full) => {
    await importFiles(full, [EXAMPLE_DIR]);
    const rows = await db.serviceCounter.findMany();
    return new Map(rows.map((r) => [r.code, r.publicCode]));
  });
});
afterAll(async () => database?.cleanup());

const run = (args: string[]) =>
  runCli(["qr", ...args], {
    env: { BOT_TOKEN: "123:abc", BOT_API_ROOT: "http://fake.local", ...database.env },
    fetch: getMe,
  });

async function decode(file: string): Promise<{ text: string | undefined; width: number; height: number }> {
  const image = await loadImage(readFileSync(file));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height);
  return { text: jsQR(data.data, image.width, image.height)?.data, width: image.width, height: image.height };
}

describe("lapkin qr", () => {
  it("writes one A5 PNG poster per counter of the unit, whose QR code opens the counter's survey", async () => {
    const out = tempDir("lapkin-qr-out-");
    const result = await run(["--unit", "DUKCAPIL", "--out", out]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["DKP-AKTA.png", "DKP-KTP.png"]);
    const poster = await decode(join(out, "DKP-KTP.png"));
    expect(poster.width / poster.height).toBeCloseTo(148 / 210, 2);
    expect([poster.width, poster.height]).toEqual([POSTER_WIDTH, POSTER_HEIGHT]);
    expect(poster.text).toBe(`https://t.me/lapkin_test_bot?start=fb_${publicCodes.get("DKP-KTP")}`);
  });

  it("refuses an unknown unit with a readable message", async () => {
    const result = await run(["--unit", "NOPE", "--out", tempDir("lapkin-qr-out-")]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("No unit has the code NOPE.");
  });
});
