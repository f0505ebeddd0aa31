import type { Db } from "../../src/db/client.ts";

/**
 * A small unit: a head (kepala), a supervisor under them and two staff. Valid PNS NIPs.
 * Returns the created rows by role for tests to refer to.
 */
export async function seedSmallUnit(db: Db, options: { code?: string; timeZone?: string } = {}) {
  const code = options.code ?? "DISKOMINFO";
  const unit = await db.unit.create({
    data: { code, name: `Dinas ${code}`, timeZone: options.timeZone ?? "Asia/Jakarta" },
  });
  const head = await db.employee.create({
    data: {
      nip: "197501012000031001",
      name: "Budi Santoso",
      position: "Kepala Dinas",
      unitId: unit.id,
      roles: ["HEAD"],
    },
  });
  const supervisor = await db.employee.create({
    data: {
      nip: "198203152006042002",
      name: "Siti Rahma",
      position: "Kepala Bidang",
      unitId: unit.id,
      supervisorId: head.id,
    },
  });
  const staff = await db.employee.create({
    data: {
      nip: "199005202015031003",
      name: "Andi Wijaya",
      position: "Pranata Komputer",
      unitId: unit.id,
      supervisorId: supervisor.id,
    },
  });
  const colleague = await db.employee.create({
    data: {
      nip: "199208172018012004",
      name: "Dewi Lestari",
      position: "Analis Data",
      unitId: unit.id,
      supervisorId: supervisor.id,
      language: "en",
    },
  });
  return { unit, head, supervisor, staff, colleague };
}
