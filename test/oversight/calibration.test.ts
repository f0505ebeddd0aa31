import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { calibrationData } from "../../src/handlers/calibration/callback-data.ts";
import { evaluationData } from "../../src/handlers/evaluation/callback-data.ts";
import { nineBox, unitOverview } from "../../src/domain/oversight/overview.ts";
import { DEFAULT_RATING_POLICY } from "../../src/domain/policy/sections.ts";
import { ADMIN_TG, PEER_TG, reviewBot, STAFF_TG, SUPERVISOR_TG } from "../review/helpers.ts";
import { lastButtons } from "../evaluation/helpers.ts";
import { htmlProblem } from "../support/telegram-html.ts";
import { finalised, MEMBER_TG, OTHER_MEMBER_TG, seedCalibration } from "./helpers.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));

/** 12 October 2026: Q3's evaluations closed on 5 October. */
const NOW = "2026-10-12T03:00:00Z";
const REASON = "Realisasi 80% tidak sejalan dengan predikat Sangat Baik.";

async function setup() {
  const db = database.prisma;
  const seeded = await seedCalibration(db);
  const harness = reviewBot(db, { now: NOW });
  return { db, seeded, harness, member: harness.user(MEMBER_TG), siti: harness.user(SUPERVISOR_TG) };
}

describe("/kalibrasi: the unit overview", () => {
  it("shows the member's units for the last closed period, the distribution, and the lenient supervisor first", async () => {
    const { seeded, harness, member } = await setup();
    await harness.deliver(member.command("kalibrasi"));
    expect(harness.telegram.lastText(MEMBER_TG)).toContain("Kalibrasi Triwulan 3 2026");
    expect(lastButtons(harness.telegram, MEMBER_TG)).toContain(calibrationData.unit.pack(seeded.unit.id, "2026-Q3"));
    expect(lastButtons(harness.telegram, MEMBER_TG)).not.toContain(
      calibrationData.unit.pack(seeded.otherUnit.id, "2026-Q3"),
    );

    await harness.deliver(member.press(calibrationData.unit.pack(seeded.unit.id, "2026-Q3")));
    const text = harness.telegram.lastText(MEMBER_TG)!;
    expect(text).toContain("Evaluasi: 3 final, 0 draf");
    expect(text).toContain("• Sangat Baik: 2 (67%)");
    expect(text).toContain("Sangat Baik: 67% (paling banyak 20%)");
    const siti = text.indexOf(
      "⚠️ Siti Rahma: 2 dinilai, 2 Sangat Baik; realisasi tim 80% — kemungkinan terlalu longgar",
    );
    const budi = text.indexOf("• Budi Santoso: 1 dinilai, 0 Sangat Baik; realisasi tim 120%");
    expect(siti).toBeGreaterThan(0);
    expect(budi).toBeGreaterThan(siti);
  });

  it("refuses a member outside their scope, and a forged button for another unit's evaluation changes nothing", async () => {
    const { db, seeded, harness, member } = await setup();
    await harness.deliver(member.press(calibrationData.unit.pack(seeded.otherUnit.id, "2026-Q3")));
    expect(harness.telegram.callbackAnswers().at(-1)?.text).toContain("di luar cakupan");
    await harness.deliver(member.press(calibrationData.view.pack(seeded.evaluations.lina.id)));
    expect(harness.telegram.callbackAnswers().at(-1)?.text).toContain("di luar cakupan");
    await harness.deliver(member.press(calibrationData.flag.pack(seeded.evaluations.lina.id)));
    await harness.deliver(member.text("Alasan palsu untuk evaluasi unit lain."));
    expect(await db.calibrationFlag.count()).toBe(0);

    // Someone not on the team at all.
    await harness.deliver(harness.user(PEER_TG).command("kalibrasi"));
    expect(harness.telegram.lastText(PEER_TG)).toContain("hanya untuk anggota tim penilai");
  });

  it("refuses a conflict of interest (the member's own supervisor) and logs it", async () => {
    const { db, seeded, harness, member } = await setup();
    await harness.deliver(member.press(calibrationData.view.pack(seeded.evaluations.budi.id)));
    expect(harness.telegram.callbackAnswers().at(-1)?.text).toContain("benturan kepentingan");
    await harness.deliver(member.press(calibrationData.flag.pack(seeded.evaluations.budi.id)));
    expect(harness.telegram.callbackAnswers().at(-1)?.text).toContain("benturan kepentingan");
    expect(await db.calibrationFlag.count()).toBe(0);
    expect(harness.logLines.some((l) => String(l.msg).includes("conflict of interest"))).toBe(true);
  });

  it("refuses a member the evaluation they gave themselves, so they never flag (and answer) their own rating", async () => {
    const { db, seeded, harness, member } = await setup();
    await db.evaluation.update({ where: { id: seeded.evaluations.andi.id }, data: { evaluatorId: seeded.former.id } });
    await harness.deliver(member.press(calibrationData.view.pack(seeded.evaluations.andi.id)));
    expect(harness.telegram.callbackAnswers().at(-1)?.text).toContain("benturan kepentingan");
    await harness.deliver(member.press(calibrationData.flag.pack(seeded.evaluations.andi.id)));
    await harness.deliver(member.text(REASON));
    expect(harness.telegram.callbackAnswers().at(-1)?.text).toContain("benturan kepentingan");
    expect(await db.calibrationFlag.count()).toBe(0);
  });

  it("draws the 9-box whose counts match the database, with names on tap", async () => {
    const { db, seeded, harness, member } = await setup();
    await harness.deliver(member.press(calibrationData.nineBox.pack(seeded.unit.id, "2026-Q3")));
    const photo = harness.telegram.callsTo("sendPhoto").at(-1)!;
    expect(String(photo.payload.caption)).toContain("9-box Dinas DISKOMINFO");
    const rows = await db.evaluation.groupBy({
      by: ["resultsRating", "behaviourRating"],
      where: { status: "FINALISED", period: "Q3", employee: { unitId: seeded.unit.id, supervisorId: { not: null } } },
      _count: true,
    });
    const overview = await unitOverview(db, seeded.unit.id, { year: 2026, code: "Q3" }, DEFAULT_RATING_POLICY);
    for (const row of rows) {
      const cell = nineBox(overview!.finalised).find(
        (c) => c.results === row.resultsRating && c.behaviour === row.behaviourRating,
      )!;
      expect(cell.names).toHaveLength(row._count);
    }
    const top = nineBox(overview!.finalised).findIndex((c) => c.results === "ABOVE" && c.behaviour === "ABOVE");
    await harness.deliver(member.press(calibrationData.cell.pack(seeded.unit.id, "2026-Q3", top)));
    expect(harness.telegram.lastText(MEMBER_TG)).toMatch(/• Andi Wijaya\n• Dewi Lestari/);
  });
});

describe("/kalibrasi: flags", () => {
  it("flag → the supervisor keeps the rating with a justification → the member closes the flag, all audited", async () => {
    const { db, seeded, harness, member, siti } = await setup();
    const andi = seeded.evaluations.andi.id;
    await harness.deliver(member.press(calibrationData.view.pack(andi)));
    expect(harness.telegram.lastText(MEMBER_TG)).toContain("Dinilai oleh Siti Rahma");
    await harness.deliver(member.press(calibrationData.flag.pack(andi)));
    await harness.deliver(member.text("terlalu"));
    expect(harness.telegram.lastText(MEMBER_TG)).toContain("minimal 10 karakter");
    await harness.deliver(member.text(REASON));
    await harness.flush();
    expect(harness.telegram.lastText(SUPERVISOR_TG)).toContain(REASON);
    const flag = await db.calibrationFlag.findFirstOrThrow();

    // A second flag while this one is open is refused at the button, before a reason is typed.
    const sent = harness.telegram.sentTexts(MEMBER_TG).length;
    await harness.deliver(harness.user(OTHER_MEMBER_TG).press(calibrationData.flag.pack(andi)));
    expect(harness.telegram.callbackAnswers().at(-1)).toMatchObject({
      text: "Evaluasi ini sudah memiliki tanda yang belum ditutup.",
      show_alert: true,
    });
    expect(harness.telegram.sentTexts(OTHER_MEMBER_TG).join("\n")).not.toContain("alasan");
    expect(harness.telegram.sentTexts(MEMBER_TG)).toHaveLength(sent);

    // Another member cannot close it; the supervisor's keep needs a justification.
    await harness.deliver(harness.user(OTHER_MEMBER_TG).press(calibrationData.close.pack(flag.id)));
    expect(harness.telegram.callbackAnswers().at(-1)?.text).toContain("Hanya anggota tim yang membuat tanda");
    await harness.deliver(siti.press(calibrationData.keep.pack(flag.id)));
    await harness.deliver(siti.text("Andi memimpin migrasi jaringan di luar target SKP."));
    await harness.flush();
    expect(harness.telegram.lastText(MEMBER_TG)).toContain("Andi memimpin migrasi jaringan");
    expect((await db.calibrationFlag.findUniqueOrThrow({ where: { id: flag.id } })).status).toBe("KEPT");

    // /evaluasi shows the flag while it is open.
    await harness.deliver(siti.command("evaluasi", "199005202015031003"));
    await harness.deliver(siti.press(evaluationData.open.pack(seeded.staff.id, "2026-Q3")));
    expect(harness.telegram.sentTexts(SUPERVISOR_TG).some((t) => t.includes(`Tanda dari Joko Susilo: ${REASON}`))).toBe(
      true,
    );

    await harness.deliver(member.press(calibrationData.close.pack(flag.id)));
    expect((await db.calibrationFlag.findUniqueOrThrow({ where: { id: flag.id } })).status).toBe("CLOSED");
    const actions = (await db.auditLog.findMany({ where: { entity: "CalibrationFlag" }, orderBy: { id: "asc" } })).map(
      (a) => [a.action, a.before, a.after],
    );
    expect(actions).toEqual([
      ["calibration.flag", null, expect.objectContaining({ status: "OPEN", reason: REASON })],
      ["calibration.keep", { status: "OPEN" }, expect.objectContaining({ status: "KEPT" })],
      ["calibration.close", { status: "KEPT" }, { status: "CLOSED" }],
    ]);
    expect(harness.telegram.sentTexts(STAFF_TG).join("\n")).not.toContain(REASON);
  });

  it("flag → the supervisor amends → audit before/after, the employee told only the new outcome", async () => {
    const { db, seeded, harness, member, siti } = await setup();
    const andi = seeded.evaluations.andi.id;
    await harness.deliver(member.press(calibrationData.flag.pack(andi)));
    await harness.deliver(member.text(REASON));
    const flag = await db.calibrationFlag.findFirstOrThrow();

    // A forged amend from someone who is not Andi's supervisor changes nothing.
    await harness.deliver(harness.user(PEER_TG).press(calibrationData.amend.pack(flag.id)));
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: andi } })).status).toBe("FINALISED");

    await harness.deliver(siti.press(calibrationData.amend.pack(flag.id)));
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: andi } })).status).toBe("DRAFT");
    const reopened = await db.auditLog.findFirstOrThrow({ where: { action: "evaluation.reopen" } });
    expect(reopened.before).toMatchObject({ status: "FINALISED", predicate: "SANGAT_BAIK", version: 1 });
    expect(reopened.after).toMatchObject({ status: "DRAFT", predicate: "SANGAT_BAIK", version: 2 });
    const rateAgain = lastButtons(harness.telegram, SUPERVISOR_TG)[0]!;
    await harness.deliver(siti.press(rateAgain));
    // The reopened draft keeps the answers: "change answers" starts again from the first question.
    await harness.deliver(
      siti.press(lastButtons(harness.telegram, SUPERVISOR_TG).find((b) => evaluationData.edit.parse(b))!),
    );
    const press = async (prefix: string, letter: string) =>
      harness.deliver(
        siti.press(
          lastButtons(harness.telegram, SUPERVISOR_TG).find((b) => b.startsWith(prefix) && b.endsWith(`:${letter}`))!,
        ),
      );
    await press(`${evaluationData.results.prefix}:`, "M");
    await press(`${evaluationData.behaviour.prefix}:`, "M");
    await harness.deliver(siti.text("Sesuai realisasi, hasil kerja sesuai ekspektasi."));
    await harness.deliver(
      siti.press(lastButtons(harness.telegram, SUPERVISOR_TG).find((b) => evaluationData.finalise.parse(b))!),
    );
    await harness.flush();

    const amended = await db.auditLog.findFirstOrThrow({ where: { action: "evaluation.amend" } });
    expect(amended.before).toMatchObject({ predicate: "SANGAT_BAIK" });
    expect(amended.after).toMatchObject({ predicate: "BAIK" });
    expect((await db.calibrationFlag.findUniqueOrThrow({ where: { id: flag.id } })).status).toBe("AMENDED");
    expect(harness.telegram.lastText(MEMBER_TG)).toContain("Sangat Baik → Baik");
    const toAndi = harness.telegram.sentTexts(STAFF_TG).join("\n");
    expect(toAndi).toContain("Baik");
    expect(toAndi).toContain("Sesuai realisasi, hasil kerja sesuai ekspektasi.");
    expect(toAndi).not.toContain(REASON);
    expect(toAndi).not.toMatch(/tanda|tim penilai|kalibrasi/i);
  });

  it("refuses forged buttons on another team member's flag, and they change nothing", async () => {
    const { db, seeded, harness, member, siti } = await setup();
    const andi = seeded.evaluations.andi.id;
    await harness.deliver(member.press(calibrationData.flag.pack(andi)));
    await harness.deliver(member.text(REASON));
    const flag = await db.calibrationFlag.findFirstOrThrow();
    await harness.deliver(siti.press(calibrationData.keep.pack(flag.id)));
    await harness.deliver(siti.text("Andi memimpin migrasi jaringan di luar target SKP."));
    const before = {
      flag: await db.calibrationFlag.findUniqueOrThrow({ where: { id: flag.id } }),
      evaluation: await db.evaluation.findUniqueOrThrow({ where: { id: andi } }),
      audit: await db.auditLog.count(),
    };
    expect(before.flag.status).toBe("KEPT");

    // Wati, another member, presses what only Joko (close) or Siti (keep, amend) may press.
    const wati = harness.user(OTHER_MEMBER_TG);
    await harness.deliver(wati.press(calibrationData.close.pack(flag.id)));
    expect(harness.telegram.callbackAnswers().at(-1)?.text).toContain("Hanya anggota tim yang membuat tanda");
    await harness.deliver(wati.press(calibrationData.keep.pack(flag.id)));
    await harness.deliver(wati.text("Justifikasi palsu dari anggota lain."));
    await harness.deliver(wati.press(calibrationData.amend.pack(flag.id)));

    expect(await db.calibrationFlag.findUniqueOrThrow({ where: { id: flag.id } })).toEqual(before.flag);
    expect(await db.evaluation.findUniqueOrThrow({ where: { id: andi } })).toEqual(before.evaluation);
    expect(await db.auditLog.count()).toBe(before.audit);
  });
});

describe("/kalibrasi: what others typed, and stale answers", () => {
  it("shows an indicator and names holding < or & as text, so Telegram accepts the message", async () => {
    const { db, seeded, harness, member } = await setup();
    const andi = seeded.evaluations.andi;
    const realisation = (andi.realisation as Array<Record<string, unknown>>).map((i) => ({
      ...i,
      indicator: "Waktu layanan < 3 hari & tepat",
      unit: "<dok>",
    }));
    await db.evaluation.update({ where: { id: andi.id }, data: { realisation } });
    await db.employee.update({ where: { id: seeded.staff.id }, data: { name: "Andi <Wijaya> & Co" } });
    await harness.deliver(member.press(calibrationData.view.pack(andi.id)));
    expect(htmlProblem(harness.telegram.sentHtml(MEMBER_TG).at(-1)!)).toBeUndefined();
    expect(harness.telegram.lastText(MEMBER_TG)).toContain("Waktu layanan < 3 hari & tepat: 7,2/9 <dok>");
    const top = nineBox(
      (await unitOverview(db, seeded.unit.id, { year: 2026, code: "Q3" }, DEFAULT_RATING_POLICY))!.finalised,
    ).findIndex((c) => c.results === "ABOVE" && c.behaviour === "ABOVE");
    await harness.deliver(member.press(calibrationData.cell.pack(seeded.unit.id, "2026-Q3", top)));
    expect(htmlProblem(harness.telegram.sentHtml(MEMBER_TG).at(-1)!)).toBeUndefined();
    expect(harness.telegram.lastText(MEMBER_TG)).toContain("• Andi <Wijaya> & Co");
  });

  it("answers a supervisor's amend or keep on an evaluation an admin reopened meanwhile, and changes nothing", async () => {
    const { db, seeded, harness, member, siti } = await setup();
    const andi = seeded.evaluations.andi.id;
    await harness.deliver(member.press(calibrationData.flag.pack(andi)));
    await harness.deliver(member.text(REASON));
    const flag = await db.calibrationFlag.findFirstOrThrow();
    await harness.deliver(harness.user(ADMIN_TG).press(evaluationData.amend.pack(andi, 1)));
    const before = {
      flag: await db.calibrationFlag.findUniqueOrThrow({ where: { id: flag.id } }),
      evaluation: await db.evaluation.findUniqueOrThrow({ where: { id: andi } }),
      audit: await db.auditLog.count(),
    };
    expect(before.evaluation.status).toBe("DRAFT");

    await harness.deliver(siti.press(calibrationData.amend.pack(flag.id)));
    expect(harness.telegram.callbackAnswers().at(-1)?.text).toContain("sedang dibuka kembali");
    await harness.deliver(siti.press(calibrationData.keep.pack(flag.id)));
    expect(harness.telegram.callbackAnswers().at(-1)?.text).toContain("sedang dibuka kembali");
    expect(await db.calibrationFlag.findUniqueOrThrow({ where: { id: flag.id } })).toEqual(before.flag);
    expect(await db.evaluation.findUniqueOrThrow({ where: { id: andi } })).toEqual(before.evaluation);
    expect(await db.auditLog.count()).toBe(before.audit);
  });
});

describe("/kalibrasi: a big unit", () => {
  it("reaches every finalised evaluation of a unit of 300, a page of buttons at a time", async () => {
    const { db, seeded, harness, member } = await setup();
    const supervisor = seeded.supervisor.id;
    await db.employee.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        nip: `1990010120200${String(10000 + i)}`,
        name: `Pegawai ${String(i).padStart(3, "0")}`,
        position: "Pranata Komputer",
        unitId: seeded.unit.id,
        supervisorId: supervisor,
      })),
    });
    const staff = await db.employee.findMany({ where: { name: { startsWith: "Pegawai " } }, orderBy: { name: "asc" } });
    for (const e of staff)
      await finalised(db, {
        employeeId: e.id,
        evaluatorId: supervisor,
        results: "MEETS",
        behaviour: "MEETS",
        predicate: "BAIK",
        percent: 100,
      });
    const finalisedIds = (
      await db.evaluation.findMany({
        where: { status: "FINALISED", period: "Q3", employee: { unitId: seeded.unit.id, supervisorId: { not: null } } },
        select: { id: true },
      })
    ).map((e) => e.id);

    await harness.deliver(member.press(calibrationData.unit.pack(seeded.unit.id, "2026-Q3")));
    const reached = new Set<number>();
    for (let pages = 0; pages < 30; pages++) {
      const buttons = lastButtons(harness.telegram, MEMBER_TG);
      expect(buttons.length).toBeLessThanOrEqual(100);
      for (const b of buttons) {
        const view = calibrationData.view.parse(b);
        if (view) reached.add(view[0]);
      }
      const next = buttons.find((b) => {
        const page = calibrationData.evaluations.parse(b);
        return page !== undefined && page[2] === pages + 1;
      });
      if (!next) break;
      await harness.deliver(member.press(next));
    }
    expect([...reached].sort((a, b) => a - b)).toEqual(finalisedIds.sort((a, b) => a - b));
    expect(harness.telegram.sentHtml(MEMBER_TG).every((t) => htmlProblem(t) === undefined)).toBe(true);

    // A forged page of another unit is refused.
    await harness.deliver(member.press(calibrationData.evaluations.pack(seeded.otherUnit.id, "2026-Q3", 1)));
    expect(harness.telegram.callbackAnswers().at(-1)?.text).toContain("di luar cakupan");
  });
});

describe("/kalibrasi: many units", () => {
  it("reaches every unit of a member's scope, a page of buttons at a time", async () => {
    const { db, seeded, harness, member } = await setup();
    await db.unit.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({
        code: `DISKOMINFO-S${i}`,
        name: `Seksi ${String(i).padStart(3, "0")}`,
        parentId: seeded.unit.id,
      })),
    });
    const inScope = (await db.unit.findMany({ where: { OR: [{ id: seeded.unit.id }, { parentId: seeded.unit.id }] } }))
      .map((u) => u.id)
      .sort((a, b) => a - b);

    await harness.deliver(member.command("kalibrasi"));
    const reached = new Set<number>();
    for (let page = 0; page < 20; page++) {
      const buttons = lastButtons(harness.telegram, MEMBER_TG);
      expect(buttons.length).toBeLessThanOrEqual(100);
      for (const b of buttons) {
        const unit = calibrationData.unit.parse(b);
        if (unit) reached.add(unit[0]);
      }
      const next = buttons.find((b) => calibrationData.units.parse(b)?.[1] === page + 1);
      if (!next) break;
      await harness.deliver(member.press(next));
    }
    expect([...reached].sort((a, b) => a - b)).toEqual(inScope);
  });
});
