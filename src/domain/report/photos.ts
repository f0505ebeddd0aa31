import type { Db } from "../../db/client.ts";
import { DEFAULT_POLICY, type ReportPolicy } from "../policy/sections.ts";

/** A photo (or an image sent as a file) as the chat delivered it. */
export interface IncomingPhoto {
  fileId: string;
  fileUniqueId: string;
  mediaGroupId?: string;
  mimeType?: string;
  size?: number;
  width?: number;
  height?: number;
}

/**
 * Adds a photo to a report being written. The same photo twice (a re-delivered update) is one
 * row; above the policy maximum it is refused. Returns how many photos the report now has.
 * The caller passes its own draft's id (never one from the chat), and updates of one chat are
 * handled one at a time, so counting and inserting need no transaction.
 */
export async function addPhoto(
  db: Db,
  reportId: number,
  photo: IncomingPhoto,
  now: Date,
  policy: Pick<ReportPolicy, "maxPhotos"> = DEFAULT_POLICY,
): Promise<{ kind: "added" | "duplicate" | "full"; count: number }> {
  // One statement: count, insert below the maximum, or bring back the same photo removed by
  // "edit photos" and now sent again. Both writes see the count taken before them.
  const rows = await db.$queryRaw<Array<{ count: number; inserted: number; revived: number }>>`
    WITH live AS (
      SELECT count(*)::int AS "n" FROM "Evidence" WHERE "reportId" = ${reportId} AND "removedAt" IS NULL
    ), inserted AS (
      INSERT INTO "Evidence" ("reportId", "fileUniqueId", "fileId", "mediaGroupId", "mimeType", "size", "width", "height", "position", "nextAttemptAt")
      SELECT ${reportId}, ${photo.fileUniqueId}, ${photo.fileId}, ${photo.mediaGroupId ?? null}, ${photo.mimeType ?? null},
             ${photo.size ?? null}::int, ${photo.width ?? null}::int, ${photo.height ?? null}::int, live."n" + 1, ${now}
      FROM live WHERE live."n" < ${policy.maxPhotos}
      ON CONFLICT ("reportId", "fileUniqueId") DO NOTHING
      RETURNING 1
    ), revived AS (
      UPDATE "Evidence" SET "removedAt" = NULL, "position" = (SELECT "n" FROM live) + 1
      WHERE "reportId" = ${reportId} AND "fileUniqueId" = ${photo.fileUniqueId} AND "removedAt" IS NOT NULL
        AND (SELECT "n" FROM live) < ${policy.maxPhotos}
      RETURNING 1
    )
    SELECT live."n" AS "count", (SELECT count(*)::int FROM inserted) AS "inserted", (SELECT count(*)::int FROM revived) AS "revived" FROM live`;
  const { count, inserted, revived } = rows[0]!;
  if (count >= policy.maxPhotos) return { kind: "full", count };
  return inserted + revived === 1 ? { kind: "added", count: count + 1 } : { kind: "duplicate", count };
}

/** "Edit photos": a draft's photos are dropped; a submitted report's are kept for its earlier version. */
export async function clearPhotos(db: Db, employeeId: number, reportId: number, now: Date): Promise<void> {
  const report = await db.report.findFirst({ where: { id: reportId, employeeId } });
  if (!report) return;
  if (report.status === "DRAFT" && report.number === null) await db.evidence.deleteMany({ where: { reportId } });
  else await db.evidence.updateMany({ where: { reportId, removedAt: null }, data: { removedAt: now } });
}
