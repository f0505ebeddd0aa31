import type { MiddlewareFn } from "grammy";
import type { Db } from "../db/client.ts";
import type { BotContext, CurrentEmployee } from "./context.ts";

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

export async function findLinkedEmployee(db: Db, telegramId: bigint): Promise<CurrentEmployee | undefined> {
  const row = await db.employee.findFirst({
    where: { telegramId, active: true },
    include: { unit: true, _count: { select: { subordinates: { where: { active: true } } } } },
  });
  if (!row) return undefined;
  return {
    id: row.id,
    nip: row.nip,
    name: row.name,
    position: row.position,
    unitId: row.unitId,
    unitName: row.unit.name,
    timeZone: row.unit.timeZone,
    roles: row.roles,
    isSupervisor: row._count.subordinates > 0,
    language: row.language,
  };
}
