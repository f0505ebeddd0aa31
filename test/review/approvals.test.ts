import { feedbackData } from "../../src/handlers/feedback/callback-data.ts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { packReportIds, reviewData } from "../../src/handlers/review/callback-data.ts";
import {
  notificationMessageId,
  DELEGATE_TG,
  PEER_TG,
  reviewBot,
  seedReview,
  STAFF_TG,
  submitted,
  SUPERVISOR_TG,
} from "./helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

/** When the bot's fixed clock shows a list (2026-11-24T05:00:00Z), in Unix seconds. */
const SHOWN_AT = Date.parse("2026-11-24T05:00:00Z") / 1000;

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> };
const lastMarkup = (h: ReturnType<typeof reviewBot>, chatId: number) => {
  const call = h.telegram.calls
    .filter((c) => ["sendMessage", "editMessageText"].includes(c.method) && Number(c.payload.chat_id) === chatId)
    .at(-1)!;
  return {
    text: String(call.payload.text),
    buttons: ((call.payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat(),
  };
};

/** Andi and Dewi report on several days; another unit's employee too. Submitted in the given order. */
async function setup() {
  const seeded = await seedReview(database.prisma);
  const ids: number[] = [];
  // Submitted out of date order: the list is by submission time, oldest first.
  ids.push(
    await submitted(database.prisma, { employeeId: seeded.staff.id, date: "2026-11-19", now: "2026-11-20T02:00:00Z" }),
  );
  ids.push(
    await submitted(database.prisma, {
      employeeId: seeded.colleague.id,
      date: "2026-11-18",
      now: "2026-11-19T02:00:00Z",
    }),
  );
  ids.push(
    await submitted(database.prisma, { employeeId: seeded.staff.id, date: "2026-11-23", now: "2026-11-23T09:00:00Z" }),
  );
  const otherUnit = await database.prisma.employee.findFirstOrThrow({ where: { name: "Lina Marlina" } });
  await submitted(database.prisma, { employeeId: otherUnit.id, date: "2026-11-23", now: "2026-11-23T01:00:00Z" });
  const h = reviewBot(database.prisma);
  await h.flush();
  return { ...seeded, ...h, ids };
}

describe("/persetujuan", () => {
  it("lists the team's pending reports, oldest submission first, each openable with the same buttons", async () => {
    const h = await setup();
    await h.deliver(h.user(SUPERVISOR_TG).command("persetujuan"));
    const list = lastMarkup(h, SUPERVISOR_TG);
    expect(list.text).toContain("total 3");
    const lines = list.text.split("\n").slice(1);
    expect(lines.map((l) => l.split(" · ")[1])).toEqual(["Dewi Lestari", "Andi Wijaya", "Andi Wijaya"]);
    expect(list.buttons.map((b) => b.callback_data)).toEqual([
      reviewData.open.pack(h.ids[1]!),
      reviewData.open.pack(h.ids[0]!),
      reviewData.open.pack(h.ids[2]!),
      reviewData.approveAllAsk.pack(0, SHOWN_AT, packReportIds([h.ids[1]!, h.ids[0]!, h.ids[2]!])),
    ]);

    h.telegram.clearCalls();
    await h.deliver(h.user(SUPERVISOR_TG).press(reviewData.open.pack(h.ids[1]!), 40));
    expect(h.telegram.calls.filter((c) => c.method.startsWith("send")).map((c) => c.method)).toEqual([
      "sendMediaGroup",
      "sendMessage",
    ]);
    const card = lastMarkup(h, SUPERVISOR_TG);
    expect(card.text).toContain("Dewi Lestari");
    expect(card.buttons.map((b) => b.callback_data)).toEqual([
      reviewData.askRating.pack(h.ids[1]!, 1),
      reviewData.revise.pack(h.ids[1]!, 1),
      reviewData.reject.pack(h.ids[1]!, 1),
      feedbackData.fromReport.pack(h.ids[1]!),
    ]);
    await h.deliver(h.user(SUPERVISOR_TG).press(reviewData.approve.pack(h.ids[1]!, 1, "A"), 41));
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: h.ids[1]! } })).toMatchObject({
      status: "APPROVED",
      rating: "ABOVE",
    });
    // The original notification in Siti's chat loses its buttons too (through the outbox).
    await h.flush();
    const edits = h.telegram.callsTo("editMessageText").filter((c) => Number(c.payload.chat_id) === SUPERVISOR_TG);
    const notification = await notificationMessageId(database.prisma, h.ids[1]!);
    expect(edits.map((e) => e.payload.message_id).sort()).toEqual([41, notification].sort());
    expect(await database.prisma.outbox.count({ where: { kind: "review-edit", status: "SENT" } })).toBe(1);
  });

  it("approves all shown as sesuai ekspektasi only after the confirmation", async () => {
    const h = await setup();
    const siti = h.user(SUPERVISOR_TG);
    await h.deliver(siti.command("approvals"));
    const all = lastMarkup(h, SUPERVISOR_TG).buttons.at(-1)!.callback_data!;
    await h.deliver(siti.press(all, 50));
    const confirm = lastMarkup(h, SUPERVISOR_TG);
    expect(confirm.text).toBe("Setujui 3 laporan yang tampil dengan penilaian sesuai ekspektasi?");
    expect(await database.prisma.review.count()).toBe(0);
    // "Batal" goes back to the list without deciding anything.
    await h.deliver(siti.press(confirm.buttons[1]!.callback_data!, 50));
    expect(lastMarkup(h, SUPERVISOR_TG).text).toContain("total 3");
    expect(await database.prisma.review.count()).toBe(0);

    await h.deliver(siti.press(all, 50), siti.press(confirm.buttons[0]!.callback_data!, 50));
    expect(lastMarkup(h, SUPERVISOR_TG).text).toContain("3 laporan disetujui (sesuai ekspektasi); 0 dilewati");
    const reports = await database.prisma.report.findMany({ where: { id: { in: h.ids } } });
    expect(reports.every((r) => r.status === "APPROVED" && r.rating === "MEETS")).toBe(true);
    expect(
      await database.prisma.review.count({ where: { decision: "APPROVED", rating: "MEETS", actingAs: "SUPERVISOR" } }),
    ).toBe(3);
    expect(await database.prisma.outbox.count({ where: { kind: "review-decision" } })).toBe(3);
    // The other unit's report is untouched.
    expect(await database.prisma.report.count({ where: { status: "SUBMITTED" } })).toBe(1);

    // A forged approve-all over someone else's report decides nothing there.
    const foreign = (await database.prisma.report.findFirstOrThrow({ where: { status: "SUBMITTED" } })).id;
    await h.deliver(siti.press(reviewData.approveAll.pack(SHOWN_AT, packReportIds([foreign])), 50));
    expect(lastMarkup(h, SUPERVISOR_TG).text).toContain("0 laporan disetujui (sesuai ekspektasi); 1 dilewati");
  });

  it("approves all shown as they were shown: one sent back by the delegate and resubmitted meanwhile is skipped", async () => {
    const h = await setup();
    const siti = h.user(SUPERVISOR_TG);
    await h.deliver(siti.command("persetujuan"));
    const all = lastMarkup(h, SUPERVISOR_TG).buttons.at(-1)!.callback_data!;
    // An hour later: Andi's report was sent back (by the delegate, say) and he resubmitted it as version 2.
    h.clock.advance(3_600_000);
    await database.prisma.report.update({
      where: { id: h.ids[0]! },
      data: { version: 2, submittedAt: h.clock.now() },
    });
    await h.deliver(siti.press(all, 50));
    await h.deliver(siti.press(lastMarkup(h, SUPERVISOR_TG).buttons[0]!.callback_data!, 50));
    expect(lastMarkup(h, SUPERVISOR_TG).text).toContain("2 laporan disetujui (sesuai ekspektasi); 1 dilewati");
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: h.ids[0]! } })).toMatchObject({
      status: "SUBMITTED",
      version: 2,
    });
  });

  it("answers an approve-all button sent before it carried the time with the list again, deciding nothing", async () => {
    const h = await setup();
    const siti = h.user(SUPERVISOR_TG);
    await h.deliver(
      siti.press(`rv:ok:${packReportIds(h.ids)}`, 50),
      siti.press(`rv:all:0:${packReportIds(h.ids)}`, 50),
    );
    expect(lastMarkup(h, SUPERVISOR_TG).text).toContain("total 3");
    expect(await database.prisma.review.count()).toBe(0);
  });

  it("pages by five; a delegate sees the team they act for; a staff member has nothing to approve", async () => {
    const h = await setup();
    for (let day = 10; day < 14; day++)
      await submitted(database.prisma, {
        employeeId: h.staff.id,
        date: `2026-11-${day}`,
        now: `2026-11-${day}T10:00:00Z`,
      });
    await h.deliver(h.user(SUPERVISOR_TG).command("persetujuan"));
    const first = lastMarkup(h, SUPERVISOR_TG);
    expect(first.text).toContain("halaman 1/2, total 7");
    expect(first.buttons.filter((b) => reviewData.open.parse(b.callback_data))).toHaveLength(5);
    expect(first.buttons.map((b) => b.callback_data)).toContain(reviewData.list.pack(1));
    await h.deliver(h.user(SUPERVISOR_TG).press(reviewData.list.pack(1), 60));
    const second = lastMarkup(h, SUPERVISOR_TG);
    expect(second.text).toContain("halaman 2/2");
    expect(second.buttons.filter((b) => reviewData.open.parse(b.callback_data))).toHaveLength(2);

    await h.deliver(h.user(DELEGATE_TG).command("persetujuan"));
    expect(lastMarkup(h, DELEGATE_TG).text).toContain("Perintah ini untuk atasan");
    await database.prisma.delegation.create({
      data: {
        supervisorId: h.supervisor.id,
        delegateId: h.delegate.id,
        from: new Date("2026-11-24T00:00:00Z"),
        to: new Date("2026-11-24T00:00:00Z"),
        createdBy: "cli",
      },
    });
    await h.deliver(h.user(DELEGATE_TG).command("persetujuan"));
    expect(lastMarkup(h, DELEGATE_TG).text).toContain("total 7");

    await h.deliver(h.user(STAFF_TG).command("persetujuan"), h.user(PEER_TG).command("approvals"));
    expect(lastMarkup(h, STAFF_TG).text).toContain("Perintah ini untuk atasan");
  });
});
