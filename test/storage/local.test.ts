import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localFileStore } from "../../src/storage/local.ts";

const root = mkdtempSync(join(tmpdir(), "lapkin-store-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the local file store", () => {
  const store = localFileStore(root);

  it("gives back what was put under a key, in nested folders, and nothing for an unknown key", async () => {
    await store.put("evidence/2026/11/abc.jpg", new Uint8Array([1, 2, 3]), "image/jpeg");
    expect(await store.get("evidence/2026/11/abc.jpg")).toEqual(new Uint8Array([1, 2, 3]));
    expect(await store.has("evidence/2026/11/abc.jpg")).toBe(true);
    expect(await store.get("evidence/2026/11/other.jpg")).toBeUndefined();
    expect(await store.has("evidence/2026/11/other.jpg")).toBe(false);
  });

  it("leaves no partial file behind", async () => {
    await store.put("charts/x.png", new Uint8Array(10), "image/png");
    expect(readdirSync(join(root, "charts"))).toEqual(["x.png"]);
  });

  it.each(["../etc/passwd", "/etc/passwd", "evidence/../../x", "a//b", "", "a/./b", "a\\b"])(
    "refuses the key %j, which could leave the store",
    async (key) => {
      await expect(store.get(key)).rejects.toThrow(/not a storage key/);
      await expect(store.put(key, new Uint8Array(1), "image/png")).rejects.toThrow(/not a storage key/);
    },
  );
});
