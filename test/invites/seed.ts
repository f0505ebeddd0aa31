import type { Db } from "../../src/db/client.ts";

/** Two units (DISDIK with a sub-unit) and a few employees; returns their ids by name. */
export async function seedOrganisation(db: Db) {
  const disdik = await db.unit.create({ data: { code: "DISDIK", name: "Dinas Pendidikan, Pemuda dan Olahraga" } });
  const sd = await db.unit.create({
    data: { code: "DISDIK-SD1", name: "SD Negeri 1", parentId: disdik.id, timeZone: "Asia/Makassar" },
  });
  const bkd = await db.unit.create({ data: { code: "BKD", name: "Badan Kepegawaian Daerah" } });

  const head = await db.employee.create({
    data: {
      nip: "197001011995031001",
      name: "Budi Santoso",
      position: "Kepala Dinas",
      unitId: disdik.id,
      roles: ["HEAD"],
    },
  });
  const staff = await db.employee.create({
    data: {
      nip: "198502142010012002",
      name: 'Siti "Ani" Rahayu',
      position: "Analis",
      unitId: disdik.id,
      supervisorId: head.id,
    },
  });
  const teacher = await db.employee.create({
    data: { nip: "199003032015031003", name: "Made Wirawan", position: "Guru", unitId: sd.id },
  });
  const retired = await db.employee.create({
    data: { nip: "196001011985031004", name: "Pensiunan", position: "Staf", unitId: disdik.id, active: false },
  });
  const admin = await db.employee.create({
    data: {
      nip: "198808082012122005",
      name: "Dewi Lestari",
      position: "Pranata Komputer",
      unitId: bkd.id,
      roles: ["ADMIN"],
      telegramId: 900n,
      linkedAt: new Date("2026-01-01T00:00:00Z"),
    },
  });
  return { units: { disdik, sd, bkd }, head, staff, teacher, retired, admin };
}
