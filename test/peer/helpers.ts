import type { Db } from "../../src/db/client.ts";
import type { PeerFeedbackPolicy } from "../../src/domain/policy/sections.ts";
import { policyStorageKey } from "../../src/domain/policy/sections.ts";
import { seedSmallUnit } from "../support/seed.ts";

/** Telegram id of an employee in these tests. */
export const tg = (employee: { id: number }) => 7000 + employee.id;

const MORE_STAFF = [
  ["199301012019011011", "Eko Prasetyo"],
  ["199402022019012012", "Fitri Handayani"],
  ["199503032019011013", "Gita Permata"],
  ["199604042019012014", "Hadi Kurniawan"],
] as const;

/**
 * The small unit (Budi heads it, Siti supervises Andi and Dewi) plus four more of Siti's staff,
 * everyone linked and speaking Indonesian: eight people, six of them colleagues of one team.
 */
export async function seedPeers(db: Db) {
  const seeded = await seedSmallUnit(db);
  const more = [];
  for (const [nip, name] of MORE_STAFF)
    more.push(
      await db.employee.create({
        data: { nip, name, position: "Staf", unitId: seeded.unit.id, supervisorId: seeded.supervisor.id },
      }),
    );
  const [eko, fitri, gita, hadi] = more as [(typeof more)[0], (typeof more)[0], (typeof more)[0], (typeof more)[0]];
  const everyone = [seeded.head, seeded.supervisor, seeded.staff, seeded.colleague, eko, fitri, gita, hadi];
  for (const e of everyone)
    await db.employee.update({ where: { id: e.id }, data: { telegramId: BigInt(tg(e)), language: "id" } });
  return { ...seeded, andi: seeded.staff, dewi: seeded.colleague, eko, fitri, gita, hadi, everyone };
}

/** Sets peer-feedback policy values as an import would. */
export async function setPeerPolicy(db: Db, peer: Partial<PeerFeedbackPolicy>) {
  await db.keyValue.upsert({
    where: { key: policyStorageKey("feedback") },
    create: { key: policyStorageKey("feedback"), value: { peer } },
    update: { value: { peer } },
  });
}
