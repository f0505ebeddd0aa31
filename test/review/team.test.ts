import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { reviewBot, seedReview, STAFF_TG, submitted, SUPERVISOR_TG } from "./helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

/** Siti's team is Andi and Dewi. Andi reported for 23 December; Dewi is on leave 23–24 November. */
async function teamAt(timeZone: string, now: string) {
  const seeded = await seedReview(database.prisma, { timeZone });
  await submitted(database.prisma, { employeeId: seeded.staff.id, date: "2026-12-23", now: "2026-12-23T08:00:00Z" });
  await database.prisma.leave.create({
    data: {
      employeeId: seeded.colleague.id,
      from: new Date("2026-11-23T00:00:00Z"),
      to: new Date("2026-11-24T00:00:00Z"),
      kind: "CUTI",
    },
  });
  const h = reviewBot(database.prisma, { now });
  await h.deliver(h.user(SUPERVISOR_TG).command("tim"));
  return h.telegram.lastText(SUPERVISOR_TG)!;
}

const section = (text: string, title: string) =>
  text
    .split("\n\n")
    .find((s) => s.startsWith(title))
    ?.split("\n")
    .slice(1) ?? [];

describe("/tim, today in the unit's time zone", () => {
  it("WIB, Wednesday 23 December 23:30: a working day — Andi reported, Dewi has not", async () => {
    const text = await teamAt("Asia/Jakarta", "2026-12-23T16:30:00Z");
    expect(text).toContain("Tim Anda hari ini, 23 Desember 2026");
    expect(section(text, "✅ Sudah melapor")).toEqual(["• Andi Wijaya (1)"]);
    expect(section(text, "⏳ Belum melapor")).toEqual(["• Dewi Lestari"]);
    expect(text).toContain("Laporan menunggu keputusan Anda: 1");
  });

  it("WITA, the same instant is Thursday 24 December 00:30: cuti bersama — nobody is missing", async () => {
    const text = await teamAt("Asia/Makassar", "2026-12-23T16:30:00Z");
    expect(text).toContain("Tim Anda hari ini, 24 Desember 2026");
    expect(section(text, "✅ Sudah melapor")).toEqual(["(tidak ada)"]);
    expect(section(text, "⏳ Belum melapor")).toEqual(["(tidak ada)"]);
    expect(section(text, "🏖 Tidak bertugas")).toEqual([
      "• Andi Wijaya: Cuti Bersama Kelahiran Yesus Kristus",
      "• Dewi Lestari: Cuti Bersama Kelahiran Yesus Kristus",
    ]);
  });

  it("WIB on Christmas Day: a national holiday", async () => {
    const text = await teamAt("Asia/Jakarta", "2026-12-25T03:00:00Z");
    expect(section(text, "⏳ Belum melapor")).toEqual(["(tidak ada)"]);
    expect(section(text, "🏖 Tidak bertugas")).toEqual([
      "• Andi Wijaya: Kelahiran Yesus Kristus",
      "• Dewi Lestari: Kelahiran Yesus Kristus",
    ]);
  });

  it("WITA on a working Tuesday: Dewi's leave is not counted missing, Andi is", async () => {
    const text = await teamAt("Asia/Makassar", "2026-11-24T02:00:00Z");
    expect(text).toContain("24 November 2026");
    expect(section(text, "⏳ Belum melapor")).toEqual(["• Andi Wijaya"]);
    expect(section(text, "🏖 Tidak bertugas")).toEqual(["• Dewi Lestari: cuti"]);
  });

  it("WIB on a Saturday: the weekend", async () => {
    const text = await teamAt("Asia/Jakarta", "2026-11-28T03:00:00Z");
    expect(section(text, "⏳ Belum melapor")).toEqual(["(tidak ada)"]);
    expect(section(text, "🏖 Tidak bertugas")).toEqual([
      "• Andi Wijaya: bukan hari kerja",
      "• Dewi Lestari: bukan hari kerja",
    ]);
  });

  it("someone without a team is told the command is for supervisors", async () => {
    const seeded = await seedReview(database.prisma);
    void seeded;
    const h = reviewBot(database.prisma);
    await h.deliver(h.user(STAFF_TG).command("team"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Perintah ini untuk atasan");
  });
});
