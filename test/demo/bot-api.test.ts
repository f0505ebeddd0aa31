import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Api, GrammyError, InputFile } from "grammy";
import type { Message, Update } from "grammy/types";
import { DemoTelegram, type DemoEvent } from "../../src/demo/bot-api/state.ts";
import { listenBotApi, type BotApiServer } from "../../src/demo/bot-api/http.ts";
import { METHODS } from "../../src/demo/bot-api/methods.ts";

const TOKEN = "7000000001:demo-test";
/** A tiny real PNG (2×3 pixels), so sizes can be checked. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000020000000308020000001292a5e30000001049444154789c63f8cfc0f01f0418060000bd0f1f4d7ce2fe0000000049454e44ae426082",
  "hex",
);
const person = { id: 5000000001, is_bot: false, first_name: "Rizky", language_code: "id" };
const group = -1001234567890;

describe("the demo Bot API server", () => {
  let telegram: DemoTelegram;
  let server: BotApiServer;
  let api: Api;
  const events: DemoEvent[] = [];
  /** The methods the tests below called, for the last test: every method Lapkin calls is among them. */
  const exercised = new Set<string>();

  beforeAll(async () => {
    telegram = new DemoTelegram(TOKEN, { id: 7000000001, username: "lapkin_demo_bot", first_name: "Lapkin" });
    telegram.subscribe((e) => events.push(e));
    server = await listenBotApi(telegram);
    api = new Api(TOKEN, { apiRoot: server.apiRoot });
    api.config.use((call, method, payload, signal) => {
      exercised.add(method);
      return call(method, payload, signal);
    });
    telegram.openChat({ id: person.id, type: "private", first_name: person.first_name });
    telegram.openChat({ id: group, type: "supergroup", title: "Grup DUKCAPIL" });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    events.length = 0;
    telegram.dropPendingUpdates();
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: GrammyError) => ({ code: e.error_code, description: e.description }),
    );

  it("getMe names the demo bot; a wrong token is refused 401", async () => {
    expect(await api.getMe()).toMatchObject({ id: 7000000001, is_bot: true, username: "lapkin_demo_bot" });
    const wrong = new Api("1:wrong", { apiRoot: server.apiRoot });
    expect(await refusal(wrong.getMe())).toMatchObject({ code: 401 });
  });

  it("getUpdates long-polls: waits for what a person sends, and confirms with offset", async () => {
    const polling = api.getUpdates({ offset: 0, timeout: 5 });
    await new Promise((r) => setTimeout(r, 50));
    const sent = telegram.send(person, person.id, { text: "/lapor" });
    const updates = await polling;
    expect(updates).toHaveLength(1);
    expect(updates[0]!.message).toMatchObject({ message_id: sent.message_id, text: "/lapor", from: { id: person.id } });
    expect(updates[0]!.message!.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    expect(await api.getUpdates({ offset: updates[0]!.update_id + 1, timeout: 0 })).toEqual([]);
  });

  it("getUpdates answers after its timeout when nothing arrives", async () => {
    const started = Date.now();
    expect(await api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("sendMessage keeps the message with its HTML flag and inline keyboard, and tells the page", async () => {
    const markup = { inline_keyboard: [[{ text: "Setujui", callback_data: "rv:a:1:1:M" }]] };
    const sent = await api.sendMessage(person.id, "<b>Laporan</b> &amp; bukti", {
      parse_mode: "HTML",
      reply_markup: markup,
    });
    expect(sent).toMatchObject({ chat: { id: person.id }, text: "<b>Laporan</b> &amp; bukti", reply_markup: markup });
    expect(telegram.messages(person.id).at(-1)).toMatchObject({ message_id: sent.message_id, demo_parse_mode: "HTML" });
    expect(events).toContainEqual({
      kind: "message",
      chatId: person.id,
      message: expect.objectContaining({ text: sent.text }),
    });
  });

  it("sendMessage refuses what Telegram refuses: unknown chat, empty or long text, bad HTML, data over 64 bytes", async () => {
    expect(await refusal(api.sendMessage(42, "hai"))).toEqual({
      code: 400,
      description: "Bad Request: chat not found",
    });
    expect(await refusal(api.sendMessage(person.id, "x".repeat(4097)))).toMatchObject({
      description: "Bad Request: message is too long",
    });
    expect(await refusal(api.sendMessage(person.id, "a < b", { parse_mode: "HTML" }))).toMatchObject({ code: 400 });
    // The limit counts what the reader sees, as Telegram does: tags and entities do not add to it.
    const full = `<b>${"x".repeat(4_090)}</b>&amp;`;
    expect((await api.sendMessage(person.id, full, { parse_mode: "HTML" })).text).toBe(full);
    expect(await refusal(api.sendMessage(person.id, "<div>x</div>", { parse_mode: "HTML" }))).toMatchObject({
      description: expect.stringContaining("Unsupported start tag"),
    });
    expect(await refusal(api.sendMessage(person.id, "<b>x</i>", { parse_mode: "HTML" }))).toMatchObject({ code: 400 });
    const big = { inline_keyboard: [[{ text: "x", callback_data: "x".repeat(65) }]] };
    expect(await refusal(api.sendMessage(person.id, "hai", { reply_markup: big }))).toMatchObject({
      description: "Bad Request: BUTTON_DATA_INVALID",
    });
  });

  it("a reply keyboard belongs to the chat until removed; a one-time keyboard goes after the person answers", async () => {
    await api.sendMessage(person.id, "Pilih", {
      reply_markup: { keyboard: [[{ text: "Ya" }]], one_time_keyboard: true },
    });
    expect(telegram.replyKeyboard(person.id)?.keyboard).toEqual([[{ text: "Ya" }]]);
    telegram.send(person, person.id, { text: "Ya" });
    expect(telegram.replyKeyboard(person.id)).toBeUndefined();
    await api.sendMessage(person.id, "Pilih", { reply_markup: { keyboard: [[{ text: "A" }]] } });
    await api.sendMessage(person.id, "Selesai", { reply_markup: { remove_keyboard: true } });
    expect(telegram.replyKeyboard(person.id)).toBeUndefined();
  });

  it("sendPhoto takes a multipart upload, reports its real size, and getFile + download return the same bytes", async () => {
    const sent = await api.sendPhoto(group, new InputFile(PNG, "chart.png"), { caption: "Ringkasan mingguan" });
    const photo = sent.photo!.at(-1)!;
    expect(photo).toMatchObject({ width: 2, height: 3, file_size: PNG.length });
    expect(sent.caption).toBe("Ringkasan mingguan");
    const file = await api.getFile(photo.file_id);
    expect(file.file_size).toBe(PNG.length);
    const download = await fetch(`${server.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${server.apiRoot}/file/bot${TOKEN}/photos/none.jpg`)).status).toBe(404);
    expect((await fetch(`${server.apiRoot}/file/bot1:wrong/${file.file_path}`)).status).toBe(401);
  });

  it("sendPhoto by file_id re-sends a photo a person uploaded; an unknown file_id is refused", async () => {
    const stored = telegram.storeFile(PNG, { name: "bukti.png", mimeType: "image/png", folder: "photos" });
    const sent = await api.sendPhoto(person.id, stored.fileId);
    expect(sent.photo!.at(-1)!.file_id).toBe(stored.fileId);
    expect(await refusal(api.sendPhoto(person.id, "nope"))).toMatchObject({ code: 400 });
    expect(await refusal(api.sendPhoto(person.id, stored.fileId, { caption: "x".repeat(1025) }))).toMatchObject({
      description: "Bad Request: message caption is too long",
    });
  });

  it("a document's file_id sent as a photo (or a photo's as a document) is refused, as Telegram does", async () => {
    const document = telegram.storeFile(PNG, { name: "bukti.png", mimeType: "image/png", folder: "documents" });
    const photo = telegram.storeFile(PNG, { name: "foto.png", mimeType: "image/png", folder: "photos" });
    const mismatch = { code: 400, description: "Bad Request: type of file mismatch" };
    expect(await refusal(api.sendPhoto(person.id, document.fileId))).toMatchObject(mismatch);
    expect(await refusal(api.sendDocument(person.id, photo.fileId))).toMatchObject(mismatch);
    const album = [
      { type: "photo" as const, media: photo.fileId },
      { type: "photo" as const, media: document.fileId },
    ];
    expect(await refusal(api.sendMediaGroup(person.id, album))).toMatchObject(mismatch);
    expect((await api.sendDocument(person.id, document.fileId)).document!.file_id).toBe(document.fileId);
  });

  it("sendDocument uploads a file with its name and type", async () => {
    const bytes = Buffer.from("nip,nama\n1,A\n");
    const sent = await api.sendDocument(person.id, new InputFile(bytes, "rekap.csv"));
    expect(sent.document).toMatchObject({ file_name: "rekap.csv", file_size: bytes.length });
    const file = await api.getFile(sent.document!.file_id);
    const download = await fetch(`${server.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(await download.text()).toBe("nip,nama\n1,A\n");
  });

  it("sendMediaGroup sends an album of uploads and file_ids sharing one media_group_id", async () => {
    const stored = telegram.storeFile(PNG, { name: "a.png", mimeType: "image/png", folder: "photos" });
    const sent = (await api.sendMediaGroup(person.id, [
      { type: "photo", media: stored.fileId, caption: "Bukti 1" },
      { type: "photo", media: new InputFile(PNG, "b.png") },
    ])) as Message.PhotoMessage[];
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((m) => m.media_group_id)).size).toBe(1);
    expect(sent[0]!.caption).toBe("Bukti 1");
    expect(sent[1]!.photo!.at(-1)!.width).toBe(2);
    expect(await refusal(api.sendMediaGroup(person.id, [{ type: "photo", media: stored.fileId }]))).toMatchObject({
      code: 400,
    });
  });

  it("editMessageText, editMessageCaption and editMessageReplyMarkup change the message in place", async () => {
    const keyboard = { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] };
    const sent = await api.sendMessage(person.id, "Menunggu", { reply_markup: keyboard });
    await api.editMessageText(person.id, sent.message_id, "Disetujui", { reply_markup: keyboard });
    expect(telegram.messages(person.id).find((m) => m.message_id === sent.message_id)).toMatchObject({
      text: "Disetujui",
      reply_markup: keyboard,
    });
    await api.editMessageReplyMarkup(person.id, sent.message_id, { reply_markup: { inline_keyboard: [] } });
    expect(events.filter((e) => e.kind === "edit")).toHaveLength(2);
    const photo = await api.sendPhoto(person.id, new InputFile(PNG, "p.png"), { caption: "lama" });
    await api.editMessageCaption(person.id, photo.message_id, { caption: "baru" });
    expect(telegram.messages(person.id).find((m) => m.message_id === photo.message_id)?.caption).toBe("baru");
  });

  it("an edit that changes nothing, or of a missing message, is refused as Telegram does", async () => {
    const sent = await api.sendMessage(person.id, "Sama");
    expect(await refusal(api.editMessageText(person.id, sent.message_id, "Sama"))).toMatchObject({
      description: expect.stringContaining("message is not modified"),
    });
    expect(await refusal(api.editMessageText(person.id, 999999, "x"))).toMatchObject({
      description: "Bad Request: message to edit not found",
    });
  });

  it("the bot cannot edit what a person sent, as Telegram refuses (an edit aimed at the wrong message id)", async () => {
    const typed = telegram.send(person, person.id, { text: "laporan saya" });
    expect(await refusal(api.editMessageText(person.id, typed.message_id, "diubah"))).toMatchObject({
      code: 400,
      description: "Bad Request: message can't be edited",
    });
    const keyboard = { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] };
    expect(
      await refusal(api.editMessageReplyMarkup(person.id, typed.message_id, { reply_markup: keyboard })),
    ).toMatchObject({ description: "Bad Request: message can't be edited" });
    expect(telegram.messages(person.id).find((m) => m.message_id === typed.message_id)?.text).toBe("laporan saya");
  });

  it("deleteMessage removes the message; a second delete is refused", async () => {
    const sent = await api.sendMessage(person.id, "Hapus saya");
    expect(await api.deleteMessage(person.id, sent.message_id)).toBe(true);
    expect(telegram.messages(person.id).some((m) => m.message_id === sent.message_id)).toBe(false);
    expect(events).toContainEqual({ kind: "delete", chatId: person.id, messageId: sent.message_id });
    expect(await refusal(api.deleteMessage(person.id, sent.message_id))).toMatchObject({ code: 400 });
  });

  it("a pressed button reaches the bot as a callback query; its answer reaches the page once", async () => {
    const card = await api.sendMessage(person.id, "Kartu", {
      reply_markup: { inline_keyboard: [[{ text: "Setujui", callback_data: "rv:a" }]] },
    });
    const id = telegram.press(person, person.id, card.message_id, "rv:a");
    const [update] = (await api.getUpdates({ timeout: 1 })) as Update[];
    expect(update!.callback_query).toMatchObject({
      id,
      data: "rv:a",
      from: { id: person.id },
      message: { message_id: card.message_id },
    });
    await api.getUpdates({ offset: update!.update_id + 1, timeout: 0 });
    await api.answerCallbackQuery(id, { text: "Sudah diputus", show_alert: true });
    expect(events).toContainEqual({
      kind: "callback-answer",
      userId: person.id,
      text: "Sudah diputus",
      showAlert: true,
    });
    expect(await refusal(api.answerCallbackQuery(id))).toMatchObject({ code: 400 });
  });

  it("setMyCommands per scope and language: the menu a chat shows is the most specific one set", async () => {
    await api.setMyCommands([{ command: "lapor", description: "Lapor" }], { scope: { type: "all_private_chats" } });
    await api.setMyCommands([{ command: "report", description: "Report" }], {
      scope: { type: "all_private_chats" },
      language_code: "en",
    });
    await api.setMyCommands([{ command: "daftargrup", description: "Daftar" }], { scope: { type: "all_group_chats" } });
    const chat = telegram.chat(person.id);
    expect(telegram.commandsFor(chat, person.id, "id").map((c) => c.command)).toEqual(["lapor"]);
    expect(telegram.commandsFor(chat, person.id, "en").map((c) => c.command)).toEqual(["report"]);
    expect(telegram.commandsFor(telegram.chat(group), person.id, "id").map((c) => c.command)).toEqual(["daftargrup"]);
    await api.setMyCommands([{ command: "skp", description: "SKP" }], { scope: { type: "chat", chat_id: person.id } });
    expect(telegram.commandsFor(chat, person.id, "en").map((c) => c.command)).toEqual(["skp"]);
    await api.deleteMyCommands({ scope: { type: "chat", chat_id: person.id } });
    expect(telegram.commandsFor(chat, person.id, "id").map((c) => c.command)).toEqual(["lapor"]);
    expect(await refusal(api.setMyCommands([{ command: "Bad Name", description: "x" }]))).toMatchObject({ code: 400 });
  });

  it("getChat, sendChatAction; an unknown method is 404", async () => {
    expect(await api.getChat(group)).toMatchObject({ id: group, type: "supergroup", title: "Grup DUKCAPIL" });
    expect(await api.sendChatAction(person.id, "typing")).toBe(true);
    const response = await fetch(`${server.apiRoot}/bot${TOKEN}/sendDice`, { method: "POST" });
    expect(response.status).toBe(404);
  });

  it("setWebhook posts updates to the URL with the secret; getUpdates is refused 409 meanwhile; deleteWebhook ends it", async () => {
    const received: Array<{ secret: string | null; update: Update }> = [];
    const hook = await listenHook((secret, update) => received.push({ secret, update }));
    await api.setWebhook(hook.url, { secret_token: "s3cret" });
    expect(await refusal(api.getUpdates())).toMatchObject({ code: 409 });
    telegram.send(person, person.id, { text: "halo" });
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(received[0]).toMatchObject({ secret: "s3cret", update: { message: { text: "halo" } } });
    await api.deleteWebhook();
    expect(await api.getUpdates({ timeout: 0 })).toEqual([]);
    await hook.close();
  });

  // Runs last (vitest keeps the order within a file): it reads what the tests above called.
  it("every Bot API method Lapkin calls is served by the demo server and called by a test above", () => {
    const used = methodsLapkinCalls();
    expect(used).toContain("sendMessage"); // the scan itself finds calls
    expect(used.filter((method) => !(method in METHODS))).toEqual([]);
    expect(used.filter((method) => !exercised.has(method))).toEqual([]);
  });
});

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const BOT_API_VERB =
  "(?:get|send|edit|delete|answer|set|copy|forward|pin|unpin|leave|ban|restrict|promote|stop)[A-Z]\\w*";

/**
 * The Bot API methods Lapkin's own code calls (src/ but the demo and generated code): grammY's
 * calls on ctx, ctx.api or bot.api, ctx.reply and its replyWith… shortcuts, and method names
 * written as strings (the outbox's rows, the command menu). getUpdates is @grammyjs/runner's.
 */
function methodsLapkinCalls(): string[] {
  const found = new Set(["getUpdates"]);
  const call = new RegExp(`\\b(?:ctx|api|ctx\\.api|bot\\.api)\\.(${BOT_API_VERB})\\(`, "g");
  const named = new RegExp(`"(${BOT_API_VERB})"`, "g");
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(call)) found.add(match[1]!);
    for (const match of text.matchAll(named)) found.add(match[1]!);
    for (const match of text.matchAll(/\bctx\.reply(?:With(\w+))?\(/g)) found.add(`send${match[1] ?? "Message"}`);
  }
  return [...found].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dir === SRC && ["demo", "generated"].includes(entry.name) ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** A webhook receiver on a free port. */
async function listenHook(onUpdate: (secret: string | null, update: Update) => void) {
  const { createServer } = await import("node:http");
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    onUpdate(
      (req.headers["x-telegram-bot-api-secret-token"] as string) ?? null,
      JSON.parse(Buffer.concat(chunks).toString()),
    );
    res.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hook`, close: () => new Promise((r) => server.close(r)) };
}
