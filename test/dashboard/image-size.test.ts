import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { imageSize } from "../../src/lib/image-size.ts";

/** The header sizes the thumbnails check before decoding (src/domain/dashboard/thumbnails.ts). */
describe("imageSize", () => {
  const picture = (width: number, height: number) => createCanvas(width, height);

  it("reads the width and height of a PNG, a JPEG and a WebP the canvas wrote", async () => {
    for (const [width, height] of [
      [300, 200],
      [1, 1],
      [4000, 3000],
    ] as const) {
      const canvas = picture(width, height);
      for (const bytes of [
        canvas.toBuffer("image/png"),
        canvas.toBuffer("image/jpeg"),
        await canvas.encode("webp", 80),
        await canvas.encode("webp", 100),
      ])
        expect(imageSize(new Uint8Array(bytes)), `${width}×${height}`).toEqual({ width, height });
    }
  });

  it("reads a simple lossy (VP8) and lossless (VP8L) WebP's header, as the format's specification lays it out", () => {
    const riff = (chunk: string, body: number[]) =>
      new Uint8Array([
        ...Buffer.from("RIFF"),
        0,
        0,
        0,
        0,
        ...Buffer.from("WEBP"),
        ...Buffer.from(chunk),
        0,
        0,
        0,
        0,
        ...body,
        ...Array<number>(16).fill(0),
      ]);
    // A key frame's tag, the start code, then 14-bit width and height, little-endian.
    const lossy = riff("VP8 ", [0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, 1000 & 0xff, 1000 >> 8, 750 & 0xff, 750 >> 8]);
    expect(imageSize(lossy)).toEqual({ width: 1000, height: 750 });
    // The signature byte, then width − 1 and height − 1 in 14 bits each, little-endian.
    const bits = (1000 - 1) | ((750 - 1) << 14);
    const lossless = riff("VP8L", [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff]);
    expect(imageSize(lossless)).toEqual({ width: 1000, height: 750 });
  });

  it("reads a JPEG's frame header after its other segments (EXIF, tables)", () => {
    const jpeg = new Uint8Array(picture(640, 480).toBuffer("image/jpeg"));
    const exif = [0xff, 0xe1, 0x00, 0x08, ...Buffer.from("Exif\0\0")];
    const withExif = new Uint8Array([...jpeg.subarray(0, 2), ...exif, ...jpeg.subarray(2)]);
    expect(imageSize(withExif)).toEqual({ width: 640, height: 480 });
  });

  it("knows nothing of other files or of a header cut short", () => {
    const png = new Uint8Array(picture(10, 10).toBuffer("image/png"));
    expect(imageSize(png.subarray(0, 12))).toBeUndefined();
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBeUndefined();
    expect(imageSize(new TextEncoder().encode("<html>"))).toBeUndefined();
    expect(imageSize(new Uint8Array())).toBeUndefined();
  });
});
