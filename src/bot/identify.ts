import type { MiddlewareFn } from "grammy";
import type { Db } from "../db/client.ts";
import type { BotContext, CurrentEmployee } from "./context.ts";
import type { Role } from "../generated/prisma/client.ts";

/** Loads the sender's employee record from the database: every permission is decided from it. */
export function identify(deps: { db: Db; adminTelegramIds: bigint[] }): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const telegramId = ctx.from?.id;
    ctx.employee = telegramId === undefined ? undefined : await findLinkedEmployee(deps.db, BigInt(telegramId));
    ctx.isAdmin =
      (telegramId !== undefined && deps.adminTelegramIds.includes(BigInt(telegramId))) ||
      (ctx.employee?.roles.includes("ADMIN") ?? false);
    await next();
  };
}

/**
 * One statement per update (every update pays for it): the employee, their unit and whether anyone
 * active reports to them.
 */
export async function findLinkedEmployee(db: Db, telegramId: bigint): Promise<CurrentEmployee | undefined> {
  const rows = await db.$queryRaw<Array<Omit<CurrentEmployee, "roles"> & { roles: string[] }>>`
    SELECT e."id", e."nip", e."name", e."position", e."unitId", u."name" AS "unitName", u."timeZone",
           e."roles"::text[] AS "roles", e."language",
           EXISTS (SELECT 1 FROM "Employee" s WHERE s."supervisorId" = e."id" AND s."active") AS "isSupervisor"
    FROM "Employee" e JOIN "Unit" u ON u."id" = e."unitId"
    WHERE e."telegramId" = ${telegramId} AND e."active"
    LIMIT 1`;
  const row = rows[0];
  if (!row) return undefined;
  return { ...row, roles: row.roles as Role[] };
}
