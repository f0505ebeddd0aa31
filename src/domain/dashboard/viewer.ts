import type { Db } from "../../db/client.ts";
import type { Role } from "../../generated/prisma/client.ts";
import { localDate } from "../../lib/time.ts";
import { delegatorsOf } from "../review/delegation.ts";
import { unitsUnder } from "./units.ts";

/**
 * Who is looking at the dashboard, and in which capacities — read from the database on every
 * request, never from the session (a role taken away counts at once). docs/domain.md, "Dashboard".
 */
export interface Viewer {
  employeeId: number;
  telegramId: bigint;
  name: string;
  language: string;
  unitId: number;
  unitName: string;
  timeZone: string;
  /** Has active subordinates, or acts today as a delegate for someone who has. */
  isSupervisor: boolean;
  /** Units a head (HEAD role) sees: their own and every unit below it. */
  headUnitIds: number[];
  /** Member of the assessment team: reads everything in scope (the whole instansi), changes nothing. */
  isPenilai: boolean;
  /** ADMIN role or ADMIN_TELEGRAM_IDS. */
  isAdmin: boolean;
}

export async function viewerOf(
  db: Db,
  employeeId: number,
  adminTelegramIds: bigint[],
  now: Date,
): Promise<Viewer | undefined> {
  const me = await db.employee.findUnique({ where: { id: employeeId }, include: { unit: true } });
  if (!me || !me.active || me.telegramId === null) return undefined;
  const roles = new Set<Role>(me.roles);
  const [subordinates, delegators, headUnitIds] = await Promise.all([
    db.employee.count({ where: { supervisorId: me.id, active: true } }),
    delegatorsOf(db, me.id, localDate(now, me.unit.timeZone)),
    roles.has("HEAD") ? unitsUnder(db, [me.unitId]) : Promise.resolve([]),
  ]);
  return {
    employeeId: me.id,
    telegramId: me.telegramId,
    name: me.name,
    language: me.language,
    unitId: me.unitId,
    unitName: me.unit.name,
    timeZone: me.unit.timeZone,
    isSupervisor: subordinates > 0 || delegators.length > 0,
    headUnitIds,
    isPenilai: roles.has("PENILAI"),
    isAdmin: roles.has("ADMIN") || adminTelegramIds.includes(me.telegramId),
  };
}

/** Sees every unit: admins and the assessment team. */
export const seesEverything = (viewer: Viewer) => viewer.isAdmin || viewer.isPenilai;
