import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { localDate } from "../../lib/time.ts";
import { auditInsert } from "../audit.ts";
import { addDays } from "../calendar.ts";

/**
 * Evidence links (`PUBLIC_URL/bukti/<token>`, e-Kinerja's "Bukti Dukung"): one per report, opened
 * without login by a verifier. The token is an HMAC of the report id under a secret kept in
 * KeyValue, so every export writes the same link; the report row keeps only the token's SHA-256,
 * which is what a request is looked up by. See docs/domain.md, "Evidence links".
 */
const SECRET_KEY = "evidence-link-secret";
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

async function linkSecret(db: Db): Promise<Buffer> {
  // Made once by whoever comes first; every instance then reads the same one.
  await db.keyValue.createMany({
    data: [{ key: SECRET_KEY, value: randomBytes(32).toString("base64") }],
    skipDuplicates: true,
  });
  const row = await db.keyValue.findUniqueOrThrow({ where: { key: SECRET_KEY } });
  return Buffer.from(row.value as string, "base64");
}

const tokenOf = (secret: Buffer, reportId: number) =>
  createHmac("sha256", secret).update(`bukti:${reportId}`).digest("base64url").slice(0, 32);
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The tokens of these reports, storing the hash of any not stored yet or made under an earlier
 * secret (one statement); a revoked or withdrawn report gets none. Idempotent: the same report always has the
 * same token while the secret stays.
 */
export async function issueEvidenceLinks(db: Db, reportIds: number[]): Promise<Map<number, string>> {
  if (reportIds.length === 0) return new Map();
  const secret = await linkSecret(db);
  const tokens = new Map(reportIds.map((id) => [id, tokenOf(secret, id)]));
  const hashes = reportIds.map((id) => hashToken(tokens.get(id)!));
  const live = await db.$queryRaw<Array<{ id: number }>>`
    WITH wanted AS (SELECT * FROM unnest(${reportIds}::int[], ${hashes}::text[]) AS w("id", "hash")),
    issued AS (
      UPDATE "Report" r SET "evidenceLinkHash" = w."hash" FROM wanted w
      WHERE r."id" = w."id" AND r."evidenceLinkHash" IS DISTINCT FROM w."hash" AND r."evidenceLinkRevokedAt" IS NULL
      RETURNING r."id"
    )
    SELECT r."id" FROM "Report" r JOIN wanted w ON w."id" = r."id"
    WHERE r."evidenceLinkRevokedAt" IS NULL AND r."status" <> 'WITHDRAWN'`;
  return new Map(live.map(({ id }) => [id, tokens.get(id)!]));
}

/** What a link shows: the report's number and date, and its stored photos in order. */
export interface OpenedEvidence {
  reportId: number;
  number: string | null;
  date: string;
  photos: Array<{ key: string; mimeType: string }>;
}

/**
 * The report a token opens, or undefined when the token is unknown, revoked, its report withdrawn,
 * or expired by the policy (`days` after the report's date in the unit's zone; 0: never). Only stored photos of the
 * report's live evidence are listed.
 */
export async function openEvidenceLink(
  db: Db,
  token: string,
  at: { now: Date; days: number },
): Promise<OpenedEvidence | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const report = await db.report.findUnique({
    where: { evidenceLinkHash: hashToken(token) },
    include: {
      employee: { include: { unit: { select: { timeZone: true } } } },
      evidence: { where: { removedAt: null, status: "STORED", path: { not: null } }, orderBy: { position: "asc" } },
    },
  });
  // A withdrawn report was taken back (a wrong photo, say): its link ends with it.
  if (!report || report.evidenceLinkRevokedAt || !report.date || report.status === "WITHDRAWN") return undefined;
  const date = report.date.toISOString().slice(0, 10);
  if (at.days > 0 && localDate(at.now, report.employee.unit.timeZone) > addDays(date, at.days)) return undefined;
  return {
    reportId: report.id,
    number: report.number,
    date,
    photos: report.evidence.map((e) => ({ key: e.path!, mimeType: e.mimeType ?? "image/jpeg" })),
  };
}

export type RevokeOutcome = "revoked" | "already" | "unknown";

/** `lapkin bukti --revoke <number>`: the link answers 404 from now on, and no new one is issued. Audited. */
export async function revokeEvidenceLink(db: Db, number: string, actor: string, now: Date): Promise<RevokeOutcome> {
  const rows = await db.$queryRaw<Array<{ revoked: number; found: number }>>`
    WITH target AS (SELECT "id", "evidenceLinkRevokedAt" FROM "Report" WHERE "number" = ${number}),
    changed AS (
      UPDATE "Report" r SET "evidenceLinkRevokedAt" = ${now}, "evidenceLinkHash" = NULL
      FROM target t WHERE r."id" = t."id" AND t."evidenceLinkRevokedAt" IS NULL
      RETURNING r."id"
    ), audited AS (
      ${auditInsert({ actor, action: "evidence-link-revoke", entity: "Report", entityId: number, at: now }, Prisma.sql`FROM changed`)}
    )
    SELECT (SELECT count(*)::int FROM changed) AS "revoked", (SELECT count(*)::int FROM target) AS "found"`;
  const { revoked, found } = rows[0]!;
  return revoked ? "revoked" : found ? "already" : "unknown";
}
