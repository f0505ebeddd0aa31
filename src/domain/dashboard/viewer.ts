import type { Db } from "../../db/client.ts";
import type { Role } from "../../generated/prisma/client.ts";
import { localDate } from "../../lib/time.ts";
import { delegatorsOf } from "../review/delegation.ts";
import { reviewScope } from "../oversight/scope.ts";

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
  /**
   * The units whose pages, people and evidence they may read: a head's unit and those below, an
   * assessment team member's scope, "all" for admins and a team whose scope is the whole instansi —
   * the same rule as /rekap (src/domain/oversight/scope.ts).
   */
  unitScope: number[] | "all";
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
  const isAdmin = roles.has("ADMIN") || adminTelegramIds.includes(me.telegramId);
  const [subordinates, delegators, unitScope] = await Promise.all([
    db.employee.count({ where: { supervisorId: me.id, active: true } }),
    delegatorsOf(db, me.id, localDate(now, me.unit.timeZone)),
    reviewScope(db, { employeeId: me.id, isAdmin }, "recap"),
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
    unitScope: unitScope ?? [],
    isAdmin,
  };
}

/** Sees every unit and the city overview: admins and a team member whose scope is the whole instansi. */
export const seesEverything = (viewer: Viewer) => viewer.unitScope === "all";

/** Sees this unit's page and people as a head, a team member or an admin. */
export const seesUnit = (viewer: Viewer, unitId: number) =>
  viewer.unitScope === "all" || viewer.unitScope.includes(unitId);

/** Has any unit page at all (and, with it, the unit's award and coaching lists). */
export const hasUnitPages = (viewer: Viewer) => viewer.unitScope === "all" || viewer.unitScope.length > 0;
