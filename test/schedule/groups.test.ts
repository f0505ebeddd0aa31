import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { createTestBot } from "../support/bot.ts";
import type { Database } from "../../src/db/client.ts";
import { seedLinkedUnit } from "./helpers.ts";
import { groupData } from "../../src/handlers/groups/callback-data.ts";

let database: Database & { dataDir: string };
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));

const db = () => database.prisma;
const GROUP = -100777;
const ADMIN_ID = 4242;

async function setup() {
  const unit = await seedLinkedUnit(db());
  const sub = await db().unit.create({ data: { code: "BIDANG-TIK", name: "Bidang TIK", parentId: unit.unit.id } });
  const other = await db().unit.create({ data: { code: "DINKES", name: "Dinas Kesehatan" } });
  const t = createTestBot({ db: db(), config: { ADMIN_TELEGRAM_IDS: String(ADMIN_ID) } });
  const person = (e: { id: number }) => t.telegram.user(9000 + e.id);
  const chat = t.telegram.user(1).inGroup(GROUP, "Grup Diskominfo");
  const keyboardOf = (call: { payload: Record<string, unknown> }) =>
    (
      call.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
    ).inline_keyboard.flat();
  return { unit, sub, other, t, person, chat, keyboardOf };
}

describe("/daftargrup", () => {
  it("an admin links the group to any unit and picks its language", async () => {
    const { t, chat, keyboardOf, other } = await setup();
    const admin = t.telegram.user(ADMIN_ID);
    await t.deliver(admin.command("daftargrup", "", chat));
    const buttons = keyboardOf(t.telegram.callsTo("sendMessage").at(-1)!);
    expect(buttons.map((b) => b.text)).toEqual(
      expect.arrayContaining(["Dinas Kesehatan (DINKES)", "Bidang TIK (BIDANG-TIK)", "Dinas DISKOMINFO (DISKOMINFO)"]),
    );
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);

    await t.deliver(admin.press(groupData.unit.pack(other.id, ADMIN_ID), 5, chat));
    await t.deliver(admin.press(groupData.language.pack(other.id, "en", ADMIN_ID), 5, chat));
    expect(await db().group.findUniqueOrThrow({ where: { chatId: BigInt(GROUP) } })).toMatchObject({
      unitId: other.id,
      language: "en",
      active: true,
      title: "Grup Diskominfo",
      linkedByTelegramId: BigInt(ADMIN_ID),
    });
    expect(await db().auditLog.count({ where: { action: "group.link" } })).toBe(1);
  });

  it("a head may link their unit and its sub-units only", async () => {
    const { t, chat, keyboardOf, unit, sub, other, person } = await setup();
    const head = person(unit.head);
    await t.deliver(head.command("registergroup", "", chat));
    const buttons = keyboardOf(t.telegram.callsTo("sendMessage").at(-1)!);
    expect(buttons.map((b) => b.text).sort()).toEqual(["Bidang TIK (BIDANG-TIK)", "Dinas DISKOMINFO (DISKOMINFO)"]);

    // A forged button for a unit outside their tree is refused.
    await t.deliver(head.press(groupData.language.pack(other.id, "id", head.id), 5, chat));
    expect(t.telegram.callbackAnswers().at(-1)).toMatchObject({ show_alert: true });
    expect(await db().group.count()).toBe(0);

    await t.deliver(head.press(groupData.language.pack(sub.id, "id", head.id), 5, chat));
    expect(await db().group.findUniqueOrThrow({ where: { chatId: BigInt(GROUP) } })).toMatchObject({
      unitId: sub.id,
      language: "id",
    });
  });

  it("a plain employee is refused, and so is a button pressed by someone else", async () => {
    const { t, chat, unit, person } = await setup();
    await t.deliver(person(unit.staff).command("daftargrup", "", chat));
    expect(t.telegram.lastText(GROUP)).toContain("Hanya admin kepegawaian atau kepala unit");

    const head = person(unit.head);
    await t.deliver(person(unit.supervisor).press(groupData.language.pack(unit.unit.id, "id", head.id), 5, chat));
    expect(t.telegram.callbackAnswers().at(-1)).toMatchObject({ show_alert: true });
    // Even with the button "as theirs", a non-head has no unit to link.
    await t.deliver(
      person(unit.supervisor).press(groupData.language.pack(unit.unit.id, "id", 9000 + unit.supervisor.id), 5, chat),
    );
    expect(await db().group.count()).toBe(0);
  });

  it("a head who lost the role between the two presses is refused", async () => {
    const { t, chat, unit, person } = await setup();
    const head = person(unit.head);
    await t.deliver(head.command("daftargrup", "", chat));
    await db().employee.update({ where: { id: unit.head.id }, data: { roles: [] } });
    await t.deliver(head.press(groupData.language.pack(unit.unit.id, "id", head.id), 5, chat));
    expect(await db().group.count()).toBe(0);
  });
});

describe("group lifecycle", () => {
  async function linked() {
    const s = await setup();
    await db().group.create({
      data: { chatId: BigInt(GROUP), unitId: s.unit.unit.id, title: "Grup", linkedByTelegramId: BigInt(ADMIN_ID) },
    });
    return s;
  }

  it("the bot removed from the group deactivates the link", async () => {
    const { t } = await linked();
    const update = {
      update_id: t.telegram.newUpdateId(),
      my_chat_member: {
        chat: { id: GROUP, type: "group", title: "Grup" },
        from: { id: ADMIN_ID, is_bot: false, first_name: "Admin" },
        date: 1,
        old_chat_member: { status: "member", user: { id: 777000111, is_bot: true, first_name: "Lapkin" } },
        new_chat_member: { status: "left", user: { id: 777000111, is_bot: true, first_name: "Lapkin" } },
      },
    } as unknown as Update;
    await t.deliver(update);
    expect(await db().group.findUniqueOrThrow({ where: { chatId: BigInt(GROUP) } })).toMatchObject({ active: false });
  });

  it("a group upgraded to a supergroup is followed to its new id", async () => {
    const { t } = await linked();
    const admin = t.telegram.user(ADMIN_ID);
    await t.deliver(
      admin.message({ migrate_to_chat_id: -1001234567890 } as never, { id: GROUP, type: "group", title: "Grup" }),
    );
    expect(await db().group.findUnique({ where: { chatId: BigInt(GROUP) } })).toBeNull();
    expect(await db().group.findUniqueOrThrow({ where: { chatId: -1001234567890n } })).toMatchObject({ active: true });
  });
});
