import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Api } from "grammy";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { DEFAULT_POLICY, type ReportPolicy } from "../domain/policy.ts";

export interface EvidenceJobDeps {
  db: Db;
  /** grammY's API object of the bot: getFile goes through BOT_API_ROOT like every other call. */
  api: Pick<Api, "getFile">;
  config: Pick<Config, "botApiRoot" | "botToken" | "dataDir">;
  clock: Clock;
  /** The transport for the file download; tests pass the fake Bot API. */
  fetch?: typeof fetch;
  logger?: Logger;
  policy?: Pick<ReportPolicy, "maxPhotoBytes">;
}

export interface EvidenceRunSummary {
  stored: number;
  failed: number;
  rejected: number;
}

/** After this many failed attempts a photo is given up (REJECTED with the last error); the report stays. */
const MAX_ATTEMPTS = 12;
const LEASE_MS = 2 * 60_000;
const BATCH = 50;

/**
 * Downloads the evidence photos of submitted reports that are not stored yet. Called right after a
 * submit for that report's photos, and by the scheduler for all; each photo is leased first, so two instances never fetch
 * the same one. A failure backs off (30 s, 1 min, 2 min, … up to 1 h) and never touches the report.
 */
export async function retryPendingEvidence(deps: EvidenceJobDeps, options: { reportId?: number } = {}): Promise<EvidenceRunSummary> {
  const now = deps.clock.now();
  const due = await deps.db.evidence.findMany({
    where: {
      ...(options.reportId === undefined ? {} : { reportId: options.reportId }),
      status: "PENDING",
      removedAt: null,
      nextAttemptAt: { lte: now },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      report: { status: { not: "DRAFT" } },
    },
    orderBy: { id: "asc" },
    take: BATCH,
  });
  const summary: EvidenceRunSummary = { stored: 0, failed: 0, rejected: 0 };
  for (const row of due) {
    const leased = await deps.db.evidence.updateMany({
      where: { id: row.id, status: "PENDING", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (leased.count === 0) continue;
    const outcome = await storeOne(deps, row).catch((error: unknown) => ({ kind: "failed" as const, error: describe(error) }));
    if (outcome.kind === "stored") {
      summary.stored++;
      await deps.db.evidence.update({
        where: { id: row.id },
        data: { status: "STORED", sha256: outcome.sha256, path: outcome.path, size: outcome.size, mimeType: outcome.mimeType, lockedUntil: null, lastError: null, attempts: { increment: 1 } },
      });
      await flagReuseBySha(deps.db, row.reportId, outcome.sha256);
    } else if (outcome.kind === "rejected" || row.attempts + 1 >= MAX_ATTEMPTS) {
      summary.rejected++;
      await deps.db.evidence.update({
        where: { id: row.id },
        data: { status: "REJECTED", lastError: outcome.error, lockedUntil: null, attempts: { increment: 1 } },
      });
      deps.logger?.warn({ evidenceId: row.id, reportId: row.reportId, error: outcome.error }, "evidence not stored");
    } else {
      summary.failed++;
      const backoff = Math.min(3600_000, 30_000 * 2 ** row.attempts);
      await deps.db.evidence.update({
        where: { id: row.id },
        data: { lastError: outcome.error, lockedUntil: null, attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + backoff) },
      });
      deps.logger?.info({ evidenceId: row.id, attempt: row.attempts + 1, error: outcome.error }, "evidence download failed; will retry");
    }
  }
  return summary;
}

type StoreOutcome =
  | { kind: "stored"; sha256: string; path: string; size: number; mimeType: string }
  | { kind: "failed"; error: string }
  | { kind: "rejected"; error: string };

async function storeOne(deps: EvidenceJobDeps, row: { fileId: string; size: number | null }): Promise<StoreOutcome> {
  const maxBytes = (deps.policy ?? DEFAULT_POLICY).maxPhotoBytes;
  if (row.size !== null && row.size > maxBytes) return { kind: "rejected", error: `file of ${row.size} bytes is over the ${maxBytes}-byte limit` };
  const file = await deps.api.getFile(row.fileId);
  if (!file.file_path) return { kind: "failed", error: "getFile returned no file_path" };
  if (file.file_size !== undefined && file.file_size > maxBytes) {
    return { kind: "rejected", error: `file of ${file.file_size} bytes is over the ${maxBytes}-byte limit` };
  }
  const url = `${deps.config.botApiRoot}/file/bot${deps.config.botToken}/${file.file_path}`;
  const response = await (deps.fetch ?? globalThis.fetch)(url);
  if (!response.ok) return { kind: "failed", error: `download answered HTTP ${response.status}` };
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > maxBytes) return { kind: "rejected", error: `file of ${bytes.length} bytes is over the ${maxBytes}-byte limit` };
  const type = imageType(bytes);
  if (!type) return { kind: "rejected", error: "not a JPEG, PNG, WebP or HEIC image" };

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // Content-addressed: a file already stored (by any report) is reused, wherever its month folder is.
  const existing = await deps.db.evidence.findFirst({ where: { sha256, path: { not: null } }, select: { path: true } });
  const now = deps.clock.now();
  const relative =
    existing?.path ?? join("evidence", String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, "0"), `${sha256}.${type.ext}`);
  const absolute = join(deps.config.dataDir, relative);
  if (!existsSync(absolute)) {
    mkdirSync(dirname(absolute), { recursive: true });
    const temporary = `${absolute}.${process.pid}.${Date.now()}.part`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, absolute);
  }
  return { kind: "stored", sha256, path: relative, size: bytes.length, mimeType: type.mime };
}

/** The same bytes on another report, by this or another employee: flag it for the supervisor. */
async function flagReuseBySha(db: Db, reportId: number, sha256: string): Promise<void> {
  const other = await db.evidence.findFirst({ where: { sha256, reportId: { not: reportId }, report: { status: { notIn: ["DRAFT", "WITHDRAWN"] } } } });
  if (other) await db.report.update({ where: { id: reportId }, data: { reusedEvidence: true } });
}

/** Recognises the accepted image formats by their first bytes, never by a name or a claimed type. */
export function imageType(bytes: Uint8Array): { ext: string; mime: string } | undefined {
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return { ext: "jpg", mime: "image/jpeg" };
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return { ext: "png", mime: "image/png" };
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return { ext: "webp", mime: "image/webp" };
  if (ascii(4, 8) === "ftyp" && ["heic", "heix", "hevc", "mif1", "msf1", "heis"].includes(ascii(8, 12))) return { ext: "heic", mime: "image/heic" };
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
