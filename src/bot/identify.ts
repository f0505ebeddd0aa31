import type { MiddlewareFn } from "grammy";
import type { Db } from "../db/client.ts";
import type { BotContext, CurrentEmployee } from "./context.ts";
import { conversationKey, rememberKeyValueRow, type StoredRow } from "./storage.ts";
import { pendingAnswerKey } from "./pending-answer.ts";
import { rememberUpdateSeen, trackedUpdate } from "./redelivery.ts";
import { Prisma, type Role } from "../generated/prisma/client.ts";
import { processedSql, type UpdateId } from "../db/processed-updates.ts";

/**
 * Loads the sender's employee record from the database: every permission is decided from it.
 * In a private chat the same statement reads the chat's stored conversation (e.g. an open
 * /lapor), which the conversations plugin would otherwise read in a second round trip, and the
 * typed answers the review and evaluation features may be waiting for from this person, which
 * they would otherwise look up on every text message, and whether this update was applied before
 * (src/bot/redelivery.ts). These rows are only what is stored; what
 * the person may do is still decided against the database when they act.
 */
export function identify(deps: { db: Db; adminTelegramIds: bigint[] }): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const telegramId = ctx.from?.id;
    if (telegramId === undefined) ctx.employee = undefined;
    else if (ctx.chat?.type !== "private") ctx.employee = await findLinkedEmployee(deps.db, BigInt(telegramId));
    else {
      const keys = {
        conversation: conversationKey(ctx.chat.id),
        review: pendingAnswerKey("reviewNote", telegramId),
        evaluation: pendingAnswerKey("evaluationAnswer", telegramId),
        feedback: pendingAnswerKey("feedbackText", telegramId),
        calibration: pendingAnswerKey("calibrationText", telegramId),
        survey: pendingAnswerKey("surveyOpen", telegramId),
        complaint: pendingAnswerKey("complaintNote", telegramId),
        peer: pendingAnswerKey("peerNote", telegramId),
      };
      const { employee, rows, seen } = await loadSender(deps.db, BigInt(telegramId), keys, trackedUpdate(ctx));
      ctx.employee = employee;
      rememberUpdateSeen(ctx, seen);
      if (employee)
        for (const name of [
          "conversation",
          "review",
          "evaluation",
          "feedback",
          "calibration",
          "survey",
          "complaint",
          "peer",
        ] as const)
          rememberKeyValueRow(ctx, keys[name], rows[name]);
    }
    ctx.isAdmin =
      (telegramId !== undefined && deps.adminTelegramIds.includes(BigInt(telegramId))) ||
      (ctx.employee?.roles.includes("ADMIN") ?? false);
    await next();
  };
}

type EmployeeRow = Omit<CurrentEmployee, "roles"> & { roles: string[] };

const toEmployee = (row: EmployeeRow | undefined): CurrentEmployee | undefined => {
  if (!row || row.id === null) return undefined;
  const { id, nip, name, position, unitId, unitName, timeZone, roles, isSupervisor, language } = row;
  return { id, nip, name, position, unitId, unitName, timeZone, roles: roles as Role[], isSupervisor, language };
};

/**
 * One statement per update (every update pays for it): the employee, their unit and whether anyone
 * active reports to them.
 */
export async function findLinkedEmployee(db: Db, telegramId: bigint): Promise<CurrentEmployee | undefined> {
  const rows = await db.$queryRaw<EmployeeRow[]>`
    SELECT e."id", e."nip", e."name", e."position", e."unitId", u."name" AS "unitName", u."timeZone",
           e."roles"::text[] AS "roles", e."language",
           EXISTS (SELECT 1 FROM "Employee" s WHERE s."supervisorId" = e."id" AND s."active") AS "isSupervisor"
    FROM "Employee" e JOIN "Unit" u ON u."id" = e."unitId"
    WHERE e."telegramId" = ${telegramId} AND e."active"
    LIMIT 1`;
  return toEmployee(rows[0]);
}

type SenderRow = EmployeeRow & {
  seen: boolean;
  conversation: string | null;
  conversationExpiresAt: Date | null;
  review: string | null;
  reviewExpiresAt: Date | null;
  evaluation: string | null;
  evaluationExpiresAt: Date | null;
  feedback: string | null;
  feedbackExpiresAt: Date | null;
  calibration: string | null;
  calibrationExpiresAt: Date | null;
  survey: string | null;
  surveyExpiresAt: Date | null;
  complaint: string | null;
  complaintExpiresAt: Date | null;
  peer: string | null;
  peerExpiresAt: Date | null;
};

/**
 * The employee as above, the KeyValue rows under the given keys (value null when there is
 * none) and whether the update is recorded as applied, in one statement that always returns a row
 * (the employee's columns null when the sender is not linked).
 */
async function loadSender(
  db: Db,
  telegramId: bigint,
  keys: Record<
    "conversation" | "review" | "evaluation" | "feedback" | "calibration" | "survey" | "complaint" | "peer",
    string
  >,
  /** Absent when the update is not tracked (src/bot/redelivery.ts): nothing to look up. */
  update: UpdateId | undefined,
) {
  const rows = await db.$queryRaw<SenderRow[]>`
    SELECT d."seen", e."id", e."nip", e."name", e."position", e."unitId", u."name" AS "unitName", u."timeZone",
           e."roles"::text[] AS "roles", e."language",
           EXISTS (SELECT 1 FROM "Employee" s WHERE s."supervisorId" = e."id" AND s."active") AS "isSupervisor",
           kv."value"::text AS "conversation", kv."expiresAt" AS "conversationExpiresAt",
           rp."value"::text AS "review", rp."expiresAt" AS "reviewExpiresAt",
           ea."value"::text AS "evaluation", ea."expiresAt" AS "evaluationExpiresAt",
           fb."value"::text AS "feedback", fb."expiresAt" AS "feedbackExpiresAt",
           ca."value"::text AS "calibration", ca."expiresAt" AS "calibrationExpiresAt",
           sv."value"::text AS "survey", sv."expiresAt" AS "surveyExpiresAt",
           cn."value"::text AS "complaint", cn."expiresAt" AS "complaintExpiresAt",
           pn."value"::text AS "peer", pn."expiresAt" AS "peerExpiresAt"
    FROM (SELECT ${update ? processedSql(update) : Prisma.sql`FALSE`} AS "seen") d
    LEFT JOIN ("Employee" e JOIN "Unit" u ON u."id" = e."unitId") ON e."telegramId" = ${telegramId} AND e."active"
    LEFT JOIN "KeyValue" kv ON kv."key" = ${keys.conversation}
    LEFT JOIN "KeyValue" rp ON rp."key" = ${keys.review}
    LEFT JOIN "KeyValue" ea ON ea."key" = ${keys.evaluation}
    LEFT JOIN "KeyValue" fb ON fb."key" = ${keys.feedback}
    LEFT JOIN "KeyValue" ca ON ca."key" = ${keys.calibration}
    LEFT JOIN "KeyValue" sv ON sv."key" = ${keys.survey}
    LEFT JOIN "KeyValue" cn ON cn."key" = ${keys.complaint}
    LEFT JOIN "KeyValue" pn ON pn."key" = ${keys.peer}
    LIMIT 1`;
  const row = rows[0];
  return {
    seen: row?.seen ?? false,
    employee: toEmployee(row),
    rows: {
      conversation: { value: row?.conversation ?? null, expiresAt: row?.conversationExpiresAt ?? null },
      review: { value: row?.review ?? null, expiresAt: row?.reviewExpiresAt ?? null },
      evaluation: { value: row?.evaluation ?? null, expiresAt: row?.evaluationExpiresAt ?? null },
      feedback: { value: row?.feedback ?? null, expiresAt: row?.feedbackExpiresAt ?? null },
      calibration: { value: row?.calibration ?? null, expiresAt: row?.calibrationExpiresAt ?? null },
      survey: { value: row?.survey ?? null, expiresAt: row?.surveyExpiresAt ?? null },
      complaint: { value: row?.complaint ?? null, expiresAt: row?.complaintExpiresAt ?? null },
      peer: { value: row?.peer ?? null, expiresAt: row?.peerExpiresAt ?? null },
    } satisfies Record<string, StoredRow>,
  };
}
