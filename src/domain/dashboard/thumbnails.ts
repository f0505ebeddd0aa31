import { createHash } from "node:crypto";
import { imageSize } from "../../lib/image-size.ts";
import type { FileStore } from "../../storage/file-store.ts";

/** The longest side of a thumbnail, in pixels. */
const THUMB_SIZE = 240;
/**
 * The largest picture a thumbnail is made of (a 64-megapixel phone photo): decoding takes 1 to 4
 * bytes a pixel, and a file of a few kilobytes can claim billions of pixels.
 */
export const THUMB_MAX_PIXELS = 70_000_000;

/**
 * A small JPEG of an evidence photo, made once and kept in the file store beside the photos
 * (`thumbs/<sha256 of the photo>.jpg`), so every instance reuses it. Undefined when the photo is
 * missing, is not a JPEG, PNG or WebP the canvas can read, or is larger than it may decode.
 */
export async function thumbnailOf(
  storage: FileStore,
  evidence: { path: string; sha256: string | null },
): Promise<Uint8Array | undefined> {
  const id = evidence.sha256 ?? createHash("sha256").update(evidence.path).digest("hex");
  const key = `thumbs/${id}.jpg`;
  const cached = await storage.get(key);
  if (cached) return cached;
  const original = await storage.get(evidence.path);
  if (!original) return undefined;
  const size = imageSize(original);
  if (!size || size.width * size.height > THUMB_MAX_PIXELS) return undefined;
  const { createCanvas, loadImage } = await import("@napi-rs/canvas"); // not at start-up
  const image = await loadImage(Buffer.from(original)).catch(() => undefined);
  if (!image || !image.width || !image.height) return undefined;
  const scale = Math.min(1, THUMB_SIZE / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = createCanvas(width, height);
  canvas.getContext("2d").drawImage(image, 0, 0, width, height);
  const bytes = new Uint8Array(await canvas.encode("jpeg", 80));
  await storage.put(key, bytes, "image/jpeg");
  return bytes;
}
