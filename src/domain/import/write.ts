import type { Prisma } from "../../generated/prisma/client.ts";
import { storedSections } from "../policy/compose.ts";
import { enqueueCommandMenuReset, enqueueCommandMenus } from "../registration/command-menu.ts";
import { endSessionsOf } from "../dashboard/session.ts";
import { writeCounters } from "./counters.ts";
import { indicatorKey, planKey, type Snapshot, type Tx } from "./snapshot.ts";
import type { EmployeeTarget, ImportPlan } from "./plan.ts";
import type { IndicatorRecord, UnitRecord } from "./types.ts";
import { Batches, chunks, type Column, type ProgressSink } from "./batches.ts";

export type { ProgressSink } from "./batches.ts";

const UNIT: Column[] = [
  ["name", "text"],
  ["parentId", "int"],
  ["timeZone", "text"],
  ["workingDays", "int[]"],
  ["organisationalResult", '"OrganisationalResult"'],
];
const EMPLOYEE: Column[] = [
  ["name", "text"],
  ["position", "text"],
  ["kind", '"EmployeeKind"'],
  ["unitId", "int"],
  ["supervisorId", "int"],
  ["roles", '"Role"[]'],
  ["assessorUnits", "text[]"],
  ["language", "text"],
  ["active", "boolean"],
];
const INDICATOR: Column[] = [
  ["rhk", "text"],
  ["rhkKind", '"RhkKind"'],
  ["aspect", '"IndicatorAspect"'],
  ["indicator", "text"],
  ["target", "numeric"],
  ["unitOfMeasure", "text"],
  ["period", "text"],
  ["actionPlans", "text[]"],
];

/** New rows that point at another row of the import, and so are written twice. */
const unitsToLink = (plan: ImportPlan) => plan.units.create.filter((u) => u.parentCode !== null);
const employeesToLink = (plan: ImportPlan) => plan.employees.create.filter((e) => e.supervisorNip !== null);

/** Rows written by `applyPlan`, for a progress bar. */
export const rowsToWrite = (plan: ImportPlan) =>
  [
    plan.units.create,
    plan.units.update,
    unitsToLink(plan),
    plan.employees.create,
    plan.employees.update,
    employeesToLink(plan),
    plan.employees.deactivate,
    plan.plans.create,
    plan.indicators.create,
    plan.indicators.update,
    plan.leave.create,
    plan.policy.set,
    plan.counters.create,
    plan.counters.update,
  ].reduce((sum, rows) => sum + rows.length, 0);

/**
 * Applies the plan with a few set-based statements per table. New units and employees are
 * inserted first and linked (induk, supervisor) in a second pass, once every row they may
 * point to has an id.
 */
export async function applyPlan(
  tx: Tx,
  plan: ImportPlan,
  snapshot: Snapshot,
  now: Date,
  progress: ProgressSink,
): Promise<void> {
  const batch = new Batches(tx, now.toISOString(), progress);
  const unitIds = await writeUnits(batch, plan, idsOf(snapshot.units));
  const employeeIds = await writeEmployees(batch, plan, unitIds, idsOf(snapshot.employees));
  const deactivated = plan.employees.deactivate.map((nip) => employeeIds.get(nip)).filter((id) => id !== undefined);
  await closeAccessOf(tx, deactivated, now);
  await writeSkp(batch, plan, snapshot, employeeIds);
  await writeLeave(tx, plan, employeeIds, progress);
  await writePolicy(tx, plan, snapshot, progress);
  // Roles, subordinates and languages may have changed: each linked person's menu follows (a
  // menu already right queues nothing).
  await enqueueCommandMenus(tx, { now });
  progress.advance(
    await writeCounters(tx, plan.counters, snapshot.counters, { units: unitIds, employees: employeeIds }),
  );
}

/**
 * A deactivated employee keeps no way in: their dashboard sessions end and their chat's own
 * command menu goes back to the default, with the import that deactivates them.
 */
async function closeAccessOf(tx: Tx, employeeIds: number[], now: Date): Promise<void> {
  await endSessionsOf(tx, employeeIds, now);
  const linked = await tx.employee.findMany({
    where: { id: { in: employeeIds }, telegramId: { not: null } },
    select: { telegramId: true },
  });
  const chats = linked.flatMap((e) => (e.telegramId === null ? [] : [e.telegramId]));
  await enqueueCommandMenuReset(tx, chats, now);
}

/**
 * The new values are set over those stored, and each section they touch is written whole under
 * its `policy:<section>` key; a section the files do not touch keeps its row as it is.
 */
async function writePolicy(tx: Tx, plan: ImportPlan, snapshot: Snapshot, progress: ProgressSink) {
  if (plan.policy.set.length === 0) return;
  const overrides = new Map(snapshot.policy);
  for (const p of plan.policy.set) overrides.set(p.key, p.value);
  const touched = new Set(plan.policy.set.map((p) => p.key.split(".")[0]));
  for (const section of storedSections(overrides).filter((s) => touched.has(s.section))) {
    const value = section.value as Prisma.InputJsonObject;
    await tx.keyValue.upsert({ where: { key: section.key }, create: { key: section.key, value }, update: { value } });
  }
  progress.advance(plan.policy.set.length);
}

/** Leave has no `updatedAt` and is only ever created: createMany, a chunk at a time. */
async function writeLeave(tx: Tx, plan: ImportPlan, employeeIds: Map<string, number>, progress: ProgressSink) {
  const day = (date: string) => new Date(`${date}T00:00:00Z`);
  const rows = plan.leave.create.map((l) => ({
    employeeId: employeeIds.get(l.nip)!,
    from: day(l.from),
    to: day(l.to),
    kind: l.kind,
  }));
  for (const chunk of chunks(rows)) {
    await tx.leave.createMany({ data: chunk });
    progress.advance(chunk.length);
  }
}

/** Returns the id of every unit by code. */
async function writeUnits(batch: Batches, plan: ImportPlan, unitIds: Map<string, number>) {
  const created = plan.units.create.map((u) => ({ code: u.code, ...unitRow(u, unitIds) }));
  for (const u of await batch.insert<{ id: number; code: string }>(
    "Unit",
    [["code", "text"], ...UNIT],
    created,
    "id, code",
  ))
    unitIds.set(u.code, u.id);

  const changed = [...plan.units.update, ...unitsToLink(plan)].map((u) => ({
    id: unitIds.get(u.code),
    ...unitRow(u, unitIds),
  }));
  await batch.update("Unit", UNIT, changed);
  return unitIds;
}

/** Returns the id of every employee by NIP. */
async function writeEmployees(
  batch: Batches,
  plan: ImportPlan,
  unitIds: Map<string, number>,
  employeeIds: Map<string, number>,
) {
  const created = plan.employees.create.map((e) => ({ nip: e.nip, ...employeeRow(e, unitIds, employeeIds) }));
  for (const e of await batch.insert<{ id: number; nip: string }>(
    "Employee",
    [["nip", "text"], ...EMPLOYEE],
    created,
    "id, nip",
  ))
    employeeIds.set(e.nip, e.id);

  const changed = [...plan.employees.update, ...employeesToLink(plan)].map((e) => ({
    id: employeeIds.get(e.nip),
    ...employeeRow(e, unitIds, employeeIds),
  }));
  await batch.update("Employee", EMPLOYEE, changed);
  await batch.update(
    "Employee",
    [["active", "boolean"]],
    plan.employees.deactivate.map((nip) => ({ id: employeeIds.get(nip), active: false })),
  );
  return employeeIds;
}

async function writeSkp(batch: Batches, plan: ImportPlan, snapshot: Snapshot, employeeIds: Map<string, number>) {
  const planIds = new Map(snapshot.plans);
  const nipOf = new Map([...employeeIds].map(([nip, id]) => [id, nip]));
  const createdPlans = plan.plans.create.map((p) => ({ employeeId: employeeIds.get(p.nip), year: p.year }));
  for (const p of await batch.insert<{ id: number; employeeId: number; year: number }>(
    "SkpPlan",
    [
      ["employeeId", "int"],
      ["year", "int"],
    ],
    createdPlans,
    '"id", "employeeId", "year"',
  )) {
    planIds.set(planKey(nipOf.get(p.employeeId)!, p.year), p.id);
  }

  const created = plan.indicators.create.map((i) => ({
    planId: planIds.get(planKey(i.nip, i.year)),
    code: i.code,
    ...indicatorRow(i),
  }));
  await batch.insert("SkpIndicator", [["planId", "int"], ["code", "text"], ...INDICATOR], created, "id");
  const changed = plan.indicators.update.map((i) => ({
    id: snapshot.indicators.get(indicatorKey(i.nip, i.year, i.code))!.id,
    ...indicatorRow(i),
  }));
  await batch.update("SkpIndicator", INDICATOR, changed);
}

const idsOf = (rows: Map<string, { id: number }>) => new Map([...rows].map(([key, row]) => [key, row.id]));

function unitRow(u: UnitRecord, unitIds: Map<string, number>) {
  return {
    name: u.name,
    parentId: u.parentCode === null ? null : (unitIds.get(u.parentCode) ?? null),
    timeZone: u.timeZone,
    workingDays: u.workingDays,
    organisationalResult: u.organisationalResult,
  };
}

function employeeRow(e: EmployeeTarget, unitIds: Map<string, number>, employeeIds: Map<string, number>) {
  return {
    name: e.name,
    position: e.position,
    kind: e.kind,
    unitId: unitIds.get(e.unitCode),
    supervisorId: e.supervisorNip === null ? null : (employeeIds.get(e.supervisorNip) ?? null),
    roles: e.roles,
    assessorUnits: e.assessorUnits,
    language: e.language,
    active: true,
  };
}

function indicatorRow(i: IndicatorRecord) {
  return {
    rhk: i.rhk,
    rhkKind: i.rhkKind,
    aspect: i.aspect,
    indicator: i.indicator,
    target: i.target,
    unitOfMeasure: i.unitOfMeasure,
    period: i.period,
    actionPlans: i.actionPlans,
  };
}
