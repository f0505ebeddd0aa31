import { fileURLToPath } from "node:url";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import { importFiles } from "../domain/import/index.ts";
import { issueInvites } from "../domain/registration/issue-invites.ts";
import { linkGroup } from "../domain/groups/linking.ts";

/**
 * The people the guided tour follows through examples/kota-contoh: an employee who links his
 * account from an invite, and his supervisor, in a unit whose group gets the weekly summary.
 */
export const CAST = {
  /** BKPSDM works Monday to Friday, so its weekly summary falls on the demo's Friday. */
  unit: "BKPSDM",
  /** Fajar Nugroho (PPPK), left unlinked so the invite can be shown. */
  inviteNip: "199509032022211005",
  /** Rina Marlina, Fajar's supervisor (and a member of the assessment team). */
  supervisorNip: "198004172005012002",
} as const;

export const EXAMPLES_DIR = fileURLToPath(new URL("../../examples/kota-contoh/", import.meta.url));

/** Fake Telegram ids: far above 32 bits, as real ones are, and stable across restarts (from the row id). */
export const PERSONA_ID_BASE = 5_000_000_000;
export const CITIZEN_ID = 5_900_000_001;
export const GROUP_CHAT_ID = -1_005_000_000_001;

export const personaTelegramId = (employeeId: number) => PERSONA_ID_BASE + employeeId;

export interface DemoWorld {
  /** The invite code of the tour's employee while she is not linked (shown once, never stored). */
  inviteCode?: string;
  groupChatId: number;
  groupTitle: string;
  unitId: number;
}

/**
 * Fills the demo database: imports the example city (skipped when it is already there), links
 * every employee but the tour's to a fake Telegram account, links the unit's group, and issues the
 * tour's invite. Running it again changes nothing that exists (`lapkin demo --keep`).
 */
export async function prepareWorld(db: Db, options: { examplesDir: string; clock: Clock; defaultTimeZone: string }) {
  const now = options.clock.now();
  if (!(await db.unit.findUnique({ where: { code: CAST.unit } })))
    await importFiles({ prisma: db }, [options.examplesDir], {
      clock: options.clock,
      actor: "demo",
      defaultTimeZone: options.defaultTimeZone,
    });
  const unit = await db.unit.findUniqueOrThrow({ where: { code: CAST.unit } });
  // One statement for everyone; people already linked (a kept or given database) keep their account.
  await db.$executeRaw`
    UPDATE "Employee" SET "telegramId" = ${PERSONA_ID_BASE}::bigint + "id", "linkedAt" = ${now}
    WHERE "active" AND "telegramId" IS NULL AND "nip" <> ${CAST.inviteNip}`;
  // A unit has a handful of people; filtering here avoids an enum-array filter PGlite's adapter mis-binds.
  const staff = await db.employee.findMany({ where: { unitId: unit.id, active: true, telegramId: { not: null } } });
  const head = staff.find((e) => e.roles.includes("HEAD"));
  const groupTitle = `Grup ${unit.code}`;
  const existing = await db.group.findUnique({ where: { chatId: BigInt(GROUP_CHAT_ID) } });
  if (!existing && head?.telegramId)
    await linkGroup(db, {
      chatId: BigInt(GROUP_CHAT_ID),
      title: groupTitle,
      unitId: unit.id,
      language: "id",
      by: head.telegramId,
      now,
    });
  const invitee = await db.employee.findUnique({ where: { nip: CAST.inviteNip } });
  const inviteCode = invitee && !invitee.telegramId ? await inviteFor(db, now) : undefined;
  return { inviteCode, groupChatId: GROUP_CHAT_ID, groupTitle, unitId: unit.id } satisfies DemoWorld;
}

async function inviteFor(db: Db, now: Date): Promise<string | undefined> {
  const issued = await issueInvites(db, { unitCode: CAST.unit, now, actor: "demo" });
  return issued.find((i) => i.nip === CAST.inviteNip)?.code;
}
