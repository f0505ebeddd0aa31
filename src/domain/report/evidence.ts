import { createHash } from "node:crypto";
import type { Db } from "../../db/client.ts";
import type { FileStore } from "../../storage/file-store.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { DEFAULT_POLICY, type ReportPolicy } from "../policy/sections.ts";
import { Prisma } from "../../generated/prisma/client.ts";

/** Where a photo's file is looked up: the bot's getFile, through BOT_API_ROOT like every other call. */
export interface TelegramFiles {
  getFile(fileId: string): Promise<{ file_path?: string; file_size?: number }>;
}

export interface EvidenceDeps {
  db: Db;
  files: TelegramFiles;
  /** Where files are downloaded from: BOT_API_ROOT's file endpoint, with BOT_TOKEN. */
  config: { botApiRoot: string; botToken: string };
  /** Where the photos are kept (DATA_DIR, or the shared store every instance reaches). */
  storage: FileStore;
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
 *
 * It runs beside the bot's updates (after every Submit), so it costs few statements: leasing the
 * next due photo also says whether another one is due, and a stored photo and its report's
 * reuse flag are written together.
 */
export async function storePendingEvidence(
  deps: EvidenceDeps,
  options: { reportId?: number } = {},
): Promise<EvidenceRunSummary> {
  const now = deps.clock.now();
  const summary: EvidenceRunSummary = { stored: 0, failed: 0, rejected: 0 };
  for (let taken = 0, more = true; more && taken < BATCH; taken++) {
    const leased = await leaseNextDue(deps.db, now, options.reportId);
    if (!leased) break;
    more = leased.more;
    const row = leased.row;
    const outcome = await storeOne(deps, row).catch((error: unknown) => ({
      kind: "failed" as const,
      error: describe(error),
    }));
    if (outcome.kind === "stored") {
      summary.stored++;
      await markStored(deps.db, row, outcome);
    } else if (outcome.kind === "rejected" || row.attempts + 1 >= MAX_ATTEMPTS) {
      summary.rejected++;
      await markRejected(deps, row, outcome.error);
    } else {
      summary.failed++;
      await markFailed(deps, row, outcome.error, now);
    }
  }
  return summary;
}

interface DueEvidence {
  id: number;
  reportId: number;
  fileId: string;
  size: number | null;
  attempts: number;
}

/**
 * Leases the oldest due photo (of a submitted report, not removed, not leased by anyone) for
 * LEASE_MS, and says whether another is due after it. SKIP LOCKED: two instances leasing at the
 * same moment take different photos. Timestamps travel as ISO text cast to `timestamp(3)` (the
 * columns hold UTC without a zone), as in the outbox.
 */
async function leaseNextDue(
  db: Db,
  now: Date,
  reportId: number | undefined,
): Promise<{ row: DueEvidence; more: boolean } | undefined> {
  const at = now.toISOString();
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  const ofReport = reportId === undefined ? Prisma.empty : Prisma.sql`AND v."reportId" = ${reportId}::int`;
  const due = Prisma.sql`
    SELECT v."id" FROM "Evidence" v JOIN "Report" r ON r."id" = v."reportId"
    WHERE v."status" = 'PENDING' AND v."removedAt" IS NULL AND v."nextAttemptAt" <= ${at}::timestamp(3)
      AND (v."lockedUntil" IS NULL OR v."lockedUntil" < ${at}::timestamp(3)) AND r."status" <> 'DRAFT' ${ofReport}`;
  const rows = await db.$queryRaw<Array<DueEvidence & { more: boolean }>>`
    WITH next AS (${due} ORDER BY v."id" LIMIT 1 FOR UPDATE OF v SKIP LOCKED),
    leased AS (
      UPDATE "Evidence" e SET "lockedUntil" = ${lease}::timestamp(3) FROM next WHERE e."id" = next."id"
      RETURNING e."id", e."reportId", e."fileId", e."size", e."attempts")
    SELECT leased.*, EXISTS (${due} AND v."id" NOT IN (SELECT "id" FROM next)) AS "more" FROM leased`;
  const row = rows[0];
  if (!row) return undefined;
  const { more, ...next } = row;
  return { row: next, more };
}

/** The photo is stored; if the same bytes are on another (not draft, not withdrawn) report, that is flagged on this one. */
async function markStored(db: Db, row: DueEvidence, stored: Extract<StoreOutcome, { kind: "stored" }>): Promise<void> {
  await db.$executeRaw`
    WITH stored AS (
      UPDATE "Evidence" SET "status" = 'STORED', "sha256" = ${stored.sha256}, "path" = ${stored.path}, "size" = ${stored.size}::int,
        "mimeType" = ${stored.mimeType}, "lockedUntil" = NULL, "lastError" = NULL, "attempts" = "attempts" + 1
      WHERE "id" = ${row.id}::int)
    UPDATE "Report" SET "reusedEvidence" = true, "updatedAt" = ${new Date().toISOString()}::timestamp(3)
    WHERE "id" = ${row.reportId}::int AND EXISTS (
      SELECT 1 FROM "Evidence" o JOIN "Report" r ON r."id" = o."reportId"
      WHERE o."sha256" = ${stored.sha256} AND o."reportId" <> ${row.reportId}::int AND r."status" NOT IN ('DRAFT', 'WITHDRAWN'))`;
}

async function markRejected(deps: EvidenceDeps, row: DueEvidence, error: string): Promise<void> {
  await deps.db.evidence.update({
    where: { id: row.id },
    data: { status: "REJECTED", lastError: error, lockedUntil: null, attempts: { increment: 1 } },
  });
  deps.logger?.warn({ evidenceId: row.id, reportId: row.reportId, error }, "evidence not stored");
}

async function markFailed(deps: EvidenceDeps, row: DueEvidence, error: string, now: Date): Promise<void> {
  const backoff = Math.min(3600_000, 30_000 * 2 ** row.attempts);
  await deps.db.evidence.update({
    where: { id: row.id },
    data: {
      lastError: error,
      lockedUntil: null,
      attempts: { increment: 1 },
      nextAttemptAt: new Date(now.getTime() + backoff),
    },
  });
  deps.logger?.info({ evidenceId: row.id, attempt: row.attempts + 1, error }, "evidence download failed; will retry");
}

type StoreOutcome =
  | { kind: "stored"; sha256: string; path: string; size: number; mimeType: string }
  | { kind: "failed"; error: string }
  | { kind: "rejected"; error: string };

const tooBig = (bytes: number, maxBytes: number): StoreOutcome => ({
  kind: "rejected",
  error: `file of ${bytes} bytes is over the ${maxBytes}-byte limit`,
});

async function storeOne(deps: EvidenceDeps, row: { fileId: string; size: number | null }): Promise<StoreOutcome> {
  const maxBytes = (deps.policy ?? DEFAULT_POLICY).maxPhotoBytes;
  if (row.size !== null && row.size > maxBytes) return tooBig(row.size, maxBytes);
  const file = await deps.files.getFile(row.fileId);
  if (!file.file_path) return { kind: "failed", error: "getFile returned no file_path" };
  if (file.file_size !== undefined && file.file_size > maxBytes) return tooBig(file.file_size, maxBytes);
  const url = `${deps.config.botApiRoot}/file/bot${deps.config.botToken}/${file.file_path}`;
  const response = await (deps.fetch ?? globalThis.fetch)(url);
  if (!response.ok) return { kind: "failed", error: `download answered HTTP ${response.status}` };
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > maxBytes) return tooBig(bytes.length, maxBytes);
  const type = imageType(bytes);
  if (!type) return { kind: "rejected", error: "not a JPEG, PNG, WebP or HEIC image" };

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const path = await writeOnce(deps, bytes, sha256, type);
  return { kind: "stored", sha256, path, size: bytes.length, mimeType: type.mime };
}

/** Content-addressed: a file already stored (by any report) is reused, wherever its month folder is. */
async function writeOnce(
  deps: EvidenceDeps,
  bytes: Uint8Array,
  sha256: string,
  type: { ext: string; mime: string },
): Promise<string> {
  const [existing] = await deps.db.$queryRaw<Array<{ path: string }>>`
    SELECT "path" FROM "Evidence" WHERE "sha256" = ${sha256} AND "path" IS NOT NULL LIMIT 1`;
  const now = deps.clock.now();
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  const key = existing?.path ?? `evidence/${now.getUTCFullYear()}/${month}/${sha256}.${type.ext}`;
  if (!(await deps.storage.has(key))) await deps.storage.put(key, bytes, type.mime);
  return key;
}

/** Recognises the accepted image formats by their first bytes, never by a name or a claimed type. */
export function imageType(bytes: Uint8Array): { ext: string; mime: string } | undefined {
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return { ext: "jpg", mime: "image/jpeg" };
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return { ext: "png", mime: "image/png" };
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return { ext: "webp", mime: "image/webp" };
  if (ascii(4, 8) === "ftyp" && ["heic", "heix", "hevc", "mif1", "msf1", "heis"].includes(ascii(8, 12)))
    return { ext: "heic", mime: "image/heic" };
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
