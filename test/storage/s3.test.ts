import { existsSync } from "node:fs";
import { join } from "node:path";
import { Api } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import { retryPendingEvidence } from "../../src/jobs/evidence.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { fileStoreFrom } from "../../src/storage/from-config.ts";
import { s3FileStore } from "../../src/storage/s3.ts";
import { testConfig } from "../support/bot.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { startS3Server } from "../support/s3.ts";
import { jpeg, seedReporting, sha256 } from "../report/helpers.ts";

let s3: Awaited<ReturnType<typeof startS3Server>>;
beforeAll(async () => {
  s3 = await startS3Server();
  for (const [name, value] of Object.entries(s3.credentials)) vi.stubEnv(name, value);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await s3?.close();
});

describe("the S3 file store (against an S3-compatible server)", () => {
  const store = () => s3FileStore({ bucket: s3.bucket, endpoint: s3.endpoint, region: "us-east-1" });

  it("gives back what was put under a key, and nothing for an unknown key", async () => {
    await store().put("evidence/2026/11/abc.jpg", new Uint8Array([1, 2, 3]), "image/jpeg");
    expect(await store().get("evidence/2026/11/abc.jpg")).toEqual(new Uint8Array([1, 2, 3]));
    expect(await store().has("evidence/2026/11/abc.jpg")).toBe(true);
    expect(await store().get("evidence/2026/11/other.jpg")).toBeUndefined();
    expect(await store().has("evidence/2026/11/other.jpg")).toBe(false);
  });

  it("replaces the bytes of a key stored again", async () => {
    await store().put("charts/x.png", new Uint8Array([1]), "image/png");
    await store().put("charts/x.png", new Uint8Array([2, 2]), "image/png");
    expect(await store().get("charts/x.png")).toEqual(new Uint8Array([2, 2]));
  });

  it("is what fileStoreFrom builds for STORAGE_URL: another instance, with its own DATA_DIR, reads the same file", async () => {
    const one = fileStoreFrom(testConfig({ STORAGE_URL: s3.storageUrl, DATA_DIR: "/nonexistent/one" }));
    const other = fileStoreFrom(testConfig({ STORAGE_URL: s3.storageUrl, DATA_DIR: "/nonexistent/other" }));
    await one.put("evidence/2026/11/shared.jpg", new Uint8Array([9, 8, 7]), "image/jpeg");
    expect(await other.get("evidence/2026/11/shared.jpg")).toEqual(new Uint8Array([9, 8, 7]));
  });

  it.each(["../etc/passwd", "/etc/passwd", "a//b", ""])("refuses the key %j", async (key) => {
    await expect(store().get(key)).rejects.toThrow(/not a storage key/);
    await expect(store().put(key, new Uint8Array(1), "image/png")).rejects.toThrow(/not a storage key/);
  });

  it("reports a server it cannot reach as an error, not as a missing file", async () => {
    const down = s3FileStore({ bucket: s3.bucket, endpoint: "http://127.0.0.1:1", region: "us-east-1" });
    await expect(down.get("evidence/x.jpg")).rejects.toThrow();
  });
});

describe("STORAGE_URL", () => {
  const base = { BOT_TOKEN: "123456:ABC-def_ghi" };

  it("is parsed once into bucket, endpoint and region", () => {
    const url = "s3://lapkin-bukti?endpoint=http://minio.pemkot.local:9000/&region=id-east-1";
    expect(loadConfig({ ...base, STORAGE_URL: url }).storage).toEqual({
      bucket: "lapkin-bukti",
      endpoint: "http://minio.pemkot.local:9000",
      region: "id-east-1",
    });
    expect(loadConfig({ ...base, STORAGE_URL: "s3://lapkin-bukti" }).storage).toEqual({
      bucket: "lapkin-bukti",
      endpoint: undefined,
      region: "us-east-1",
    });
    expect(loadConfig(base).storage).toBeUndefined();
  });

  it.each([
    "https://minio.local/lapkin",
    "s3://",
    "s3://Lapkin_Bukti",
    "s3://lapkin/evidence",
    "s3://lapkin?endpoint=minio.local:9000",
    "s3://lapkin?bucket=x",
    "not a url",
  ])("refuses %j with a message naming STORAGE_URL", (url) => {
    expect(() => loadConfig({ ...base, STORAGE_URL: url })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, STORAGE_URL: url })).toThrow(/STORAGE_URL must be an s3:\/\/<bucket>/);
  });
});

describe("evidence kept in S3", () => {
  let database: Database & { dataDir: string };
  beforeAll(async () => (database = await createTestDatabase()));
  afterAll(async () => database?.close());
  beforeEach(async () => resetDatabase(database));

  it("downloads a submitted report's photo from Telegram into the bucket, where another instance finds it", async () => {
    const seeded = await seedReporting(database.prisma);
    const telegram = new FakeTelegram();
    const bytes = jpeg();
    const fileId = telegram.addFile(bytes);
    const report = await database.prisma.report.create({
      data: { employeeId: seeded.staff.id, date: new Date("2026-11-24"), status: "SUBMITTED", submittedAt: new Date() },
    });
    await database.prisma.evidence.create({
      data: {
        reportId: report.id,
        position: 1,
        fileId,
        fileUniqueId: "u1",
        width: 1280,
        height: 960,
        nextAttemptAt: new Date("2026-11-24T00:00:00Z"),
      },
    });
    const config = testConfig({ STORAGE_URL: s3.storageUrl, DATA_DIR: database.dataDir });

    const summary = await retryPendingEvidence({
      db: database.prisma,
      api: new Api(config.botToken, { apiRoot: config.botApiRoot, fetch: telegram.fetch as never }),
      config,
      storage: fileStoreFrom(config),
      clock: fixedClock("2026-11-24T03:00:00Z"),
      fetch: telegram.fetch,
    });
    expect(summary).toEqual({ stored: 1, failed: 0, rejected: 0 });
    const evidence = await database.prisma.evidence.findFirstOrThrow();
    expect(evidence).toMatchObject({ status: "STORED", sha256: sha256(bytes) });
    expect(existsSync(join(database.dataDir, "evidence"))).toBe(false); // nothing on this instance's disk
    const elsewhere = fileStoreFrom(testConfig({ STORAGE_URL: s3.storageUrl, DATA_DIR: "/nonexistent/other" }));
    expect(await elsewhere.get(evidence.path!)).toEqual(bytes);
  });
});
