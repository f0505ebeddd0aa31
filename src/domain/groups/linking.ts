import type { Db } from "../../db/client.ts";
import { recordAudit } from "../audit.ts";

/**
 * Telegram groups linked to units. Who may link: an admin (any unit) or the head (Employee role
 * HEAD) of a unit, for that unit and the units below it. Always decided from the database.
 */
export interface Linker {
  telegramId: bigint;
  isAdmin: boolean;
}

export const UNITS_PER_PAGE = 8;

/** The units this person may link, by name; admin: all of them. */
export async function linkableUnits(db: Db, who: Linker): Promise<Array<{ id: number; code: string; name: string }>> {
  if (who.isAdmin)
    return db.unit.findMany({
      select: { id: true, code: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
  return db.$queryRaw<Array<{ id: number; code: string; name: string }>>`
    WITH RECURSIVE tree AS (
      SELECT u."id" FROM "Unit" u JOIN "Employee" e ON e."unitId" = u."id"
      WHERE e."telegramId" = ${who.telegramId} AND e."active" AND 'HEAD' = ANY(e."roles"::text[])
      UNION
      SELECT c."id" FROM "Unit" c JOIN tree t ON c."parentId" = t."id"
    )
    SELECT u."id", u."code", u."name" FROM "Unit" u WHERE u."id" IN (SELECT "id" FROM tree) ORDER BY u."name", u."id"`;
}

export async function mayLink(db: Db, who: Linker, unitId: number): Promise<boolean> {
  return (await linkableUnits(db, who)).some((u) => u.id === unitId);
}

/** Links (or re-links) a group; idempotent for a pressed-twice button. */
export async function linkGroup(
  db: Db,
  input: { chatId: bigint; title: string; unitId: number; language: string; by: bigint; now: Date },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.group.findUnique({ where: { chatId: input.chatId } });
    const after = await tx.group.upsert({
      where: { chatId: input.chatId },
      create: {
        chatId: input.chatId,
        title: input.title,
        unitId: input.unitId,
        language: input.language,
        linkedByTelegramId: input.by,
        active: true,
      },
      update: {
        title: input.title,
        unitId: input.unitId,
        language: input.language,
        linkedByTelegramId: input.by,
        active: true,
      },
    });
    await recordAudit(tx, {
      actor: `telegram:${input.by}`,
      action: before ? "group.relink" : "group.link",
      entity: "Group",
      entityId: after.id,
      before,
      after,
      at: input.now,
    });
  });
}

/** The bot was removed from the group, or a send was refused (403): no more summaries there. */
export async function deactivateGroup(db: Db, chatId: bigint, reason: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.group.updateMany({ where: { chatId, active: true }, data: { active: false } });
    if (count)
      await recordAudit(tx, {
        actor: "system",
        action: "group.deactivate",
        entity: "Group",
        entityId: chatId,
        details: { reason },
        at: now,
      });
    return count > 0;
  });
}

/** A group upgraded to a supergroup has a new chat id; the link follows it. */
export async function migrateGroup(db: Db, fromChatId: bigint, toChatId: bigint, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (await tx.group.findUnique({ where: { chatId: toChatId } })) return false;
    const { count } = await tx.group.updateMany({ where: { chatId: fromChatId }, data: { chatId: toChatId } });
    if (count)
      await recordAudit(tx, {
        actor: "system",
        action: "group.migrate",
        entity: "Group",
        entityId: toChatId,
        details: { from: fromChatId, to: toChatId },
        at: now,
      });
    return count > 0;
  });
}

/** The outbox's permanent-failure hook: a 403 on a group send means the bot is no longer there. */
export function deactivateOnForbidden(db: Db, now: () => Date) {
  return async (row: { chatId: bigint; error: string }): Promise<void> => {
    if (row.chatId < 0n && row.error.startsWith("403")) await deactivateGroup(db, row.chatId, row.error, now());
  };
}
