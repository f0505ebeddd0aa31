import type { Context } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database, Db } from "../../src/db/client.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { identify } from "../../src/bot/identify.ts";
import type { BotContext } from "../../src/bot/context.ts";
import {
  conversationStorage,
  deleteKeyValue,
  flushPendingWrites,
  readKeyValue,
  rememberConversationRow,
  rememberKeyValueRow,
  writeWithConversation,
} from "../../src/bot/storage.ts";
import { draftUpdate } from "../../src/domain/report/drafts.ts";
import { REPORT_CONVERSATION_VERSION } from "../../src/handlers/report/index.ts";
import { laporData } from "../../src/handlers/report/callback-data.ts";
import { jpeg, removeEvidenceDirs, reportBot, seedReporting, STAFF_TG, settleReportBots } from "./helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => (await database.close(), removeEvidenceDirs()));
beforeEach(async () => (await settleReportBots(), await resetDatabase(database)));

const clock = fixedClock("2026-11-24T03:00:00Z");
const chat = (id: number) => ({ chatId: id, from: { id }, chat: { id, type: "private" } }) as unknown as Context;
const state = (step: string) => ({ version: [0, 1] as [0, number], state: { step } });

/** A database that must not be asked: the read has to come from what identify already read. */
const asked = (): unknown =>
  new Proxy(() => Promise.reject(new Error("the database was asked")), { get: () => asked() });
const noDatabase = asked() as Db;

describe("the conversation state read together with the sender", () => {
  it("serves the plugin's read from identify's statement, once, and only for the same chat", async () => {
    const storage = conversationStorage<{ step: string }>({ db: noDatabase, clock });
    const ctx = chat(STAFF_TG);
    rememberConversationRow(ctx, `conv:${STAFF_TG}`, {
      value: JSON.stringify(state("minutes")),
      expiresAt: new Date("2026-11-25T00:00:00Z"),
    });
    expect(await storage.read(ctx)).toEqual(state("minutes"));
    // Taken: a second read in the same update asks the database.
    await expect(storage.read(ctx)).rejects.toThrow("the database was asked");

    const other = chat(5003);
    rememberConversationRow(other, `conv:${STAFF_TG}`, { value: JSON.stringify(state("minutes")), expiresAt: null });
    await expect(storage.read(other)).rejects.toThrow("the database was asked");
  });

  it("treats an expired row, or no row, as no conversation", async () => {
    const storage = conversationStorage<{ step: string }>({ db: noDatabase, clock });
    const expired = chat(STAFF_TG);
    rememberConversationRow(expired, `conv:${STAFF_TG}`, {
      value: JSON.stringify(state("minutes")),
      expiresAt: new Date("2026-11-24T02:59:59Z"),
    });
    expect(await storage.read(expired)).toBeUndefined();
    const none = chat(STAFF_TG);
    rememberConversationRow(none, `conv:${STAFF_TG}`, { value: null, expiresAt: null });
    expect(await storage.read(none)).toBeUndefined();
  });

  it("identify reads the stored state of a private chat with the employee; a group update reads none", async () => {
    const seeded = await seedReporting(database.prisma);
    const storage = conversationStorage<{ step: string }>({ db: database.prisma, clock });
    await storage.write(chat(STAFF_TG), state("output"));
    const ctx = chat(STAFF_TG) as unknown as BotContext;
    await identify({ db: database.prisma, adminTelegramIds: [] })(ctx, async () => {});
    expect(ctx.employee?.id).toBe(seeded.staff.id);
    expect(await conversationStorage<{ step: string }>({ db: noDatabase, clock }).read(ctx)).toEqual(state("output"));

    const group = { chatId: -100, from: { id: STAFF_TG }, chat: { id: -100, type: "group" } } as unknown as BotContext;
    await identify({ db: database.prisma, adminTelegramIds: [] })(group, async () => {});
    expect(group.employee?.id).toBe(seeded.staff.id);
    await expect(conversationStorage({ db: noDatabase, clock }).read(group)).rejects.toThrow("the database was asked");
  });

  it("an expired stored /lapor is not continued: the next message is not taken as an answer", async () => {
    const seeded = await seedReporting(database.prisma);
    const h = reportBot(database.prisma);
    await h.deliver(
      h.andi.command("lapor"),
      h.andi.press(laporData.today.pack()),
      h.andi.press(laporData.indicator.pack(seeded.indicators[0]!.id)),
    );
    await database.prisma.keyValue.update({
      where: { key: `conv:${STAFF_TG}` },
      data: { expiresAt: new Date("2026-11-24T02:00:00Z") },
    });
    h.telegram.clearCalls();
    await h.deliver(h.andi.text("Rapat koordinasi jaringan"));
    expect(h.telegram.sentTexts(STAFF_TG).join("\n")).not.toContain("Langkah 4/6");
  });
});

describe("the typed answers a feature waits for, read together with the sender", () => {
  const note = { decision: "REJECTED", reportId: 7, version: 1, chatId: "5002", messageId: 3 };

  it("identify reads the review note and the evaluation answer being waited for; the features read them from there, once", async () => {
    await seedReporting(database.prisma);
    const expiresAt = new Date("2026-11-25T00:00:00Z");
    await database.prisma.keyValue.create({ data: { key: `review-pending:${STAFF_TG}`, value: note, expiresAt } });
    const ctx = chat(STAFF_TG) as unknown as BotContext;
    await identify({ db: database.prisma, adminTelegramIds: [] })(ctx, async () => {});
    expect(await readKeyValue(noDatabase, clock, ctx, `review-pending:${STAFF_TG}`)).toEqual(note);
    // No evaluation answer is waited for: known without asking, and nothing to delete.
    expect(await readKeyValue(noDatabase, clock, ctx, `evaluation-ask:${STAFF_TG}`)).toBeUndefined();
    // Taken: a second read in the same update asks the database.
    await expect(readKeyValue(noDatabase, clock, ctx, `review-pending:${STAFF_TG}`)).rejects.toThrow(
      "the database was asked",
    );
    expect(await readKeyValue(database.prisma, clock, ctx, `review-pending:${STAFF_TG}`)).toEqual(note);
  });

  it("a sender without an employee record (an admin by ADMIN_TELEGRAM_IDS) has nothing read ahead: the database is asked", async () => {
    const ctx = chat(9002) as unknown as BotContext;
    await identify({ db: database.prisma, adminTelegramIds: [9002n] })(ctx, async () => {});
    expect(ctx.isAdmin).toBe(true);
    await expect(readKeyValue(noDatabase, clock, ctx, "review-pending:9002")).rejects.toThrow("the database was asked");
  });

  it("treats an expired row as none, but still deletes it (so a /batal says a note was cancelled, as before)", async () => {
    const expired = chat(STAFF_TG);
    rememberKeyValueRow(expired, "review-pending:5001", {
      value: JSON.stringify(note),
      expiresAt: new Date("2026-11-24T02:59:59Z"),
    });
    expect(await readKeyValue(noDatabase, clock, expired, "review-pending:5001")).toBeUndefined();

    await database.prisma.keyValue.create({
      data: { key: "review-pending:5001", value: note, expiresAt: new Date("2026-11-24T02:59:59Z") },
    });
    const again = chat(STAFF_TG);
    rememberKeyValueRow(again, "review-pending:5001", {
      value: JSON.stringify(note),
      expiresAt: new Date("2026-11-24T02:59:59Z"),
    });
    expect(await deleteKeyValue(database.prisma, again, "review-pending:5001")).toBe(true);
    expect(await database.prisma.keyValue.count()).toBe(0);
  });

  it("deletes without a statement only when identify saw no row; otherwise, or unread, the database decides", async () => {
    const none = chat(STAFF_TG);
    rememberKeyValueRow(none, "review-pending:5001", { value: null, expiresAt: null });
    expect(await deleteKeyValue(noDatabase, none, "review-pending:5001")).toBe(false);

    const unread = chat(STAFF_TG);
    await expect(deleteKeyValue(noDatabase, unread, "review-pending:5001")).rejects.toThrow("the database was asked");
    expect(await deleteKeyValue(database.prisma, unread, "review-pending:5001")).toBe(false);
    await database.prisma.keyValue.create({ data: { key: "review-pending:5001", value: note } });
    expect(await deleteKeyValue(database.prisma, unread, "review-pending:5001")).toBe(true);
  });
});

describe("a /lapor stored by an earlier version of the conversation", () => {
  it("is not continued; its answers are in the draft, which /lapor offers to resume", async () => {
    const seeded = await seedReporting(database.prisma);
    const h = reportBot(database.prisma);
    await h.deliver(
      h.andi.command("lapor"),
      h.andi.press(laporData.today.pack()),
      h.andi.press(laporData.indicator.pack(seeded.indicators[0]!.id)),
    );
    const row = await database.prisma.keyValue.findUniqueOrThrow({ where: { key: `conv:${STAFF_TG}` } });
    const stored = row.value as { version: [number, number] };
    expect(stored.version).toEqual([0, REPORT_CONVERSATION_VERSION]);
    await database.prisma.keyValue.update({
      where: { key: row.key },
      data: { value: { ...stored, version: [0, REPORT_CONVERSATION_VERSION - 1] } },
    });
    h.telegram.clearCalls();
    await h.deliver(h.andi.text("Rapat koordinasi jaringan"));
    expect(h.telegram.sentTexts(STAFF_TG).join("\n")).not.toContain("Langkah 4/6");
    await h.deliver(h.andi.command("lapor"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("masih punya draf");
  });
});

describe("an answer is written with the conversation step it completes", () => {
  async function draft() {
    const seeded = await seedReporting(database.prisma);
    return database.prisma.report.create({ data: { employeeId: seeded.staff.id } });
  }

  it("goes out in the state write: both are stored", async () => {
    const report = await draft();
    const storage = conversationStorage<{ step: string }>({ db: database.prisma, clock });
    const ctx = chat(STAFF_TG);
    writeWithConversation(
      ctx,
      "draft",
      draftUpdate(report.employeeId, report.id, { description: "Rapat koordinasi jaringan" }),
    );
    await storage.write(ctx, state("output"));
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      description: "Rapat koordinasi jaringan",
    });
    expect(await storage.read(chat(STAFF_TG))).toEqual(state("output"));
  });

  it("or neither: a state write that fails leaves the draft as it was", async () => {
    const report = await draft();
    const storage = conversationStorage<{ step: string }>({ db: database.prisma, clock });
    const ctx = chat(STAFF_TG);
    writeWithConversation(
      ctx,
      "draft",
      draftUpdate(report.employeeId, report.id, { description: "Rapat koordinasi jaringan" }),
    );
    // PostgreSQL refuses a NUL character in jsonb: the statement fails as a whole.
    await expect(storage.write(ctx, state("\u0000"))).rejects.toThrow();
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      description: null,
    });
    expect(await database.prisma.keyValue.count()).toBe(0);
  });

  it("also goes out with a delete (the conversation ended), and runs once", async () => {
    const report = await draft();
    const storage = conversationStorage<{ step: string }>({ db: database.prisma, clock });
    await storage.write(chat(STAFF_TG), state("photos"));
    const ctx = chat(STAFF_TG);
    const bump = Prisma.sql`UPDATE "Report" SET "version" = "version" + 1 WHERE "id" = ${report.id}`;
    writeWithConversation(ctx, "bump", bump);
    await storage.delete(ctx);
    await flushPendingWrites(database.prisma, ctx); // nothing left to run
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ version: 2 });
    expect(await database.prisma.keyValue.count()).toBe(0);
  });

  it("is run on its own when the update stored no conversation state; a name queued again replaces its statement", async () => {
    const report = await draft();
    const other = await database.prisma.report.create({ data: { employeeId: report.employeeId } });
    const ctx = chat(STAFF_TG);
    writeWithConversation(
      ctx,
      "draft",
      draftUpdate(report.employeeId, report.id, { outputQuantity: 2.5, outputUnit: "dokumen" }),
    );
    writeWithConversation(
      ctx,
      "draft",
      draftUpdate(report.employeeId, report.id, { outputQuantity: 2.5, outputUnit: "dokumen", minutes: 90 }),
    );
    writeWithConversation(ctx, "other", draftUpdate(report.employeeId, other.id, { minutes: 30 }));
    await flushPendingWrites(database.prisma, ctx);
    await database.prisma.report.update({ where: { id: report.id }, data: { minutes: 1 } });
    await flushPendingWrites(database.prisma, ctx); // taken: not run again
    const saved = await database.prisma.report.findUniqueOrThrow({ where: { id: report.id } });
    expect([Number(saved.outputQuantity), saved.outputUnit, saved.minutes]).toEqual([2.5, "dokumen", 1]);
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ minutes: 30 });
  });

  it("through /lapor: after every update the draft holds the answers and the conversation its step", async () => {
    const seeded = await seedReporting(database.prisma);
    const h = reportBot(database.prisma);
    const row = () => database.prisma.report.findFirstOrThrow();
    const step = async () =>
      (await database.prisma.keyValue.findUniqueOrThrow({ where: { key: `conv:${STAFF_TG}` } })).updatedAt;
    await h.deliver(h.andi.command("lapor"), h.andi.press(laporData.today.pack()));
    expect((await row()).date?.toISOString().slice(0, 10)).toBe("2026-11-24");
    await h.deliver(h.andi.press(laporData.indicator.pack(seeded.indicators[1]!.id)));
    expect(await row()).toMatchObject({ indicatorId: seeded.indicators[1]!.id, isAdditional: false });
    await h.deliver(h.andi.text("Memelihara aplikasi kepegawaian"));
    expect(await row()).toMatchObject({ description: "Memelihara aplikasi kepegawaian" });
    await h.deliver(h.andi.text("3 aplikasi"));
    expect(await row()).toMatchObject({ outputUnit: "aplikasi" });
    await h.deliver(h.andi.text("45"));
    expect(await row()).toMatchObject({ minutes: 45 });
    expect(await step()).toBeInstanceOf(Date);
    await h.deliver(h.andi.photo(h.telegram.addFile(jpeg())), h.andi.press(laporData.photosDone.pack()));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Ringkasan laporan");
  });
});
