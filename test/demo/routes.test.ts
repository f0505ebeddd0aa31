import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { createTestDatabase } from "../support/db.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { redeemInvite } from "../../src/domain/registration/redeem-invite.ts";
import { setUpDemo, demoTelegram } from "../../src/demo/setup.ts";
import { CAST, CITIZEN_ID, GROUP_CHAT_ID, prepareWorld, EXAMPLES_DIR } from "../../src/demo/world.ts";
import type { Persona } from "../../src/demo/personas.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { issueLoginToken, redeemLoginToken } from "../../src/domain/dashboard/login.ts";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000020000000308020000001292a5e30000001049444154789c63f8cfc0f01f0418060000bd0f1f4d7ce2fe0000000049454e44ae426082",
  "hex",
);

/** The demo's world and the page's API, on a throw-away database (no bot: updates are read from the queue). */
describe("the demo's set-up and the page's API", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let demo: Awaited<ReturnType<typeof setUpDemo>>;
  let telegram: ReturnType<typeof demoTelegram>["telegram"];
  let clock: ReturnType<typeof demoTelegram>["clock"];
  let personas: Persona[];

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ telegram, clock } = demoTelegram());
    const logger = createLogger({ level: "silent" });
    demo = await setUpDemo(database.prisma, telegram, clock, {
      dataDir: database.dataDir,
      defaultTimeZone: "Asia/Jakarta",
      logger,
    });
    personas = (await json(request("/api/state"))).personas;
  }, 60_000);
  afterAll(() => database?.close());

  const request = (path: string, init?: RequestInit) => demo.routes.request(`http://demo.local${path}`, init);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page's JSON, checked by the assertions
  const json = async (response: Response | Promise<Response>): Promise<any> => (await response).json();
  const postJson = (path: string, body: unknown) =>
    request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const byName = (name: string) => personas.find((p) => p.name.startsWith(name))!;
  const updates = () => telegram.takeUpdates(0, 100, 0) as Promise<Update[]>;

  it("links every employee but the tour's to a fake Telegram id beyond 32 bits, and links the unit's group", async () => {
    const employees = await database.prisma.employee.findMany();
    const unlinked = employees.filter((e) => e.telegramId === null).map((e) => e.nip);
    expect(unlinked).toEqual([CAST.inviteNip]);
    expect(employees.every((e) => e.telegramId === null || e.telegramId > 2n ** 32n)).toBe(true);
    const group = await database.prisma.group.findUniqueOrThrow({ where: { chatId: BigInt(GROUP_CHAT_ID) } });
    expect(group.unitId).toBe(demo.world.unitId);
  });

  it("issues the tour's invite, which links the invitee when redeemed; set-up again changes nothing", async () => {
    const fajarId = BigInt(byName("Fajar Nugroho").id); // the id the page sends /start with
    const outcome = await redeemInvite(database.prisma, {
      code: demo.world.inviteCode!,
      telegramId: fajarId,
      now: new Date(),
    });
    expect(outcome.kind).toBe("linked");
    const before = await database.prisma.employee.findMany({ orderBy: { id: "asc" } });
    const again = await prepareWorld(database.prisma, {
      examplesDir: EXAMPLES_DIR,
      clock: systemClock,
      defaultTimeZone: "Asia/Jakarta",
    });
    expect(again.inviteCode).toBeUndefined();
    expect(await database.prisma.employee.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("lists personas by name and role, with the citizen and the group (which speaks as the unit's head)", () => {
    expect(byName("Rina Marlina")).toMatchObject({
      kind: "employee",
      unit: "BKPSDM",
      roles: ["pegawai", "atasan", "penilai"],
      tour: "supervisor",
    });
    expect(byName("Fajar Nugroho")).toMatchObject({ linked: false, tour: "invitee" });
    expect(byName("Dewi Lestari").roles).toContain("admin");
    expect(personas.find((p) => p.kind === "citizen")).toMatchObject({ id: CITIZEN_ID, name: "Warga" });
    const group = personas.find((p) => p.kind === "group")!;
    expect(group).toMatchObject({ chatId: GROUP_CHAT_ID, name: "Grup BKPSDM" });
    expect(group.sendsAs).toBe(byName("Drs. Hendra Gunawan").id);
    expect(demo.adminTelegramIds).toEqual([BigInt(byName("Dewi Lestari").id)]);
  });

  it("sets the demo clock to a working day of this week, and 'next working day' moves it", async () => {
    const weekday = new Date(clock.now().getTime() + 7 * 3_600_000).getUTCDay();
    expect(weekday).toBeGreaterThanOrEqual(1);
    expect(weekday).toBeLessThanOrEqual(5);
    const before = clock.now();
    const moved = await json(request("/api/clock/next-working-day", { method: "POST" }));
    expect(new Date(moved.now).getTime()).toBeGreaterThan(before.getTime() + 12 * 3_600_000);
  });

  it("a text typed as a persona reaches the bot as that person, with the page's language", async () => {
    await updates().then((u) => telegram.takeUpdates((u.at(-1)?.update_id ?? 0) + 1, 1, 0));
    const rina = byName("Rina Marlina");
    expect((await postJson(`/api/chats/${rina.id}/text`, { text: "/persetujuan", lang: "en" })).status).toBe(200);
    const [update] = await updates();
    expect(update!.message).toMatchObject({
      text: "/persetujuan",
      from: { id: rina.id, language_code: "en" },
      chat: { id: rina.id },
    });
    expect((await postJson(`/api/chats/${rina.id}/text`, { text: "   " })).status).toBe(400);
    expect((await postJson(`/api/chats/999/text`, { text: "hai" })).status).toBe(400);
  });

  it("in the group, the page sends as the unit's head", async () => {
    telegram.dropPendingUpdates();
    await postJson(`/api/chats/${GROUP_CHAT_ID}/text`, { text: "/daftargrup" });
    const [update] = await updates();
    expect(update!.message).toMatchObject({
      chat: { id: GROUP_CHAT_ID, type: "supergroup" },
      from: { id: byName("Drs. Hendra Gunawan").id },
    });
  });

  it("several photos uploaded at once are an album; the file can be fetched back; a document stays a document", async () => {
    telegram.dropPendingUpdates();
    const fajar = byName("Fajar Nugroho");
    const form = new FormData();
    form.append("file", new Blob([PNG], { type: "image/png" }), "a.png");
    form.append("file", new Blob([PNG], { type: "image/png" }), "b.png");
    form.append("caption", "Bukti kegiatan");
    expect((await request(`/api/chats/${fajar.id}/media`, { method: "POST", body: form })).status).toBe(200);
    const [first, second] = await updates();
    expect(first!.message!.media_group_id).toBeDefined();
    expect(second!.message!.media_group_id).toBe(first!.message!.media_group_id);
    expect(first!.message!.caption).toBe("Bukti kegiatan");
    const photo = first!.message!.photo!.at(-1)!;
    expect(photo).toMatchObject({ width: 2, height: 3 });
    const file = await request(`/api/files/${photo.file_id}`);
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await request("/api/files/nope")).status).toBe(404);

    telegram.dropPendingUpdates();
    const doc = new FormData();
    doc.append("file", new Blob(["a,b\n"], { type: "text/csv" }), "data.csv");
    doc.append("document", "1");
    await request(`/api/chats/${fajar.id}/media`, { method: "POST", body: doc });
    expect((await updates())[0]!.message!.document).toMatchObject({ file_name: "data.csv", mime_type: "text/csv" });
    expect((await request(`/api/chats/${fajar.id}/media`, { method: "POST", body: new FormData() })).status).toBe(400);
  });

  it("a pressed button becomes a callback query from the persona; the chat shows bot messages with their buttons", async () => {
    const rina = byName("Rina Marlina");
    const sent = telegram.post(rina.chatId, {
      text: "<b>Kartu</b>",
      reply_markup: { inline_keyboard: [[{ text: "Setujui", callback_data: "rv:a:1" }]] },
    } as never);
    telegram.dropPendingUpdates();
    expect((await postJson(`/api/chats/${rina.id}/press`, { messageId: sent.message_id, data: "rv:a:1" })).status).toBe(
      200,
    );
    expect((await updates())[0]!.callback_query).toMatchObject({ data: "rv:a:1", from: { id: rina.id } });
    const chat = await json(request(`/api/chats/${rina.id}`));
    expect(chat.messages.at(-1)).toMatchObject({
      fromBot: true,
      text: "<b>Kartu</b>",
      buttons: [[{ text: "Setujui", data: "rv:a:1" }]],
    });
  });

  it("serves an uploaded file inline only as a picture or a PDF: HTML, SVG or a script is a download, never a page of this site", async () => {
    const fajar = byName("Fajar Nugroho");
    const upload = async (name: string, type: string, body: string | Buffer, asDocument: boolean) => {
      telegram.dropPendingUpdates();
      const form = new FormData();
      form.append("file", new Blob([body], { type }), name);
      if (asDocument) form.append("document", "1");
      expect((await request(`/api/chats/${fajar.id}/media`, { method: "POST", body: form })).status).toBe(200);
      const message = (await updates())[0]!.message!;
      return request(`/api/files/${message.document?.file_id ?? message.photo!.at(-1)!.file_id}`);
    };
    for (const [name, type, asDocument] of [
      ["laporan.html", "text/html", true],
      ["gambar.svg", "image/svg+xml", false],
      ["x.js", "text/javascript", true],
    ] as const) {
      const served = await upload(name, type, "<script>alert(1)</script>", asDocument);
      expect(served.headers.get("content-disposition"), name).toMatch(/^attachment;/);
      expect(served.headers.get("content-type"), name).toBe("application/octet-stream");
    }
    const photo = await upload("a.png", "image/png", PNG, false);
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect(photo.headers.get("content-disposition")).toMatch(/^inline;/);
  });

  it("a press on a message or a button that is not in the persona's chat is refused 400, not a server error", async () => {
    const rina = byName("Rina Marlina");
    const fajar = byName("Fajar Nugroho");
    const sent = telegram.post(rina.chatId, {
      text: "Kartu",
      reply_markup: { inline_keyboard: [[{ text: "Setujui", callback_data: "rv:a:1" }]] },
    } as never);
    telegram.dropPendingUpdates();
    expect((await postJson(`/api/chats/${rina.id}/press`, { messageId: 987_654, data: "rv:a:1" })).status).toBe(400);
    expect(
      (await postJson(`/api/chats/${fajar.id}/press`, { messageId: sent.message_id, data: "rv:a:1" })).status,
    ).toBe(400);
    expect((await postJson(`/api/chats/${rina.id}/press`, { messageId: sent.message_id, data: "rv:a:2" })).status).toBe(
      400,
    );
    expect(await updates()).toEqual([]);
  });

  it("an upload that never ends is cut off at the limit (413) instead of being read into memory", async () => {
    const fajar = byName("Fajar Nugroho");
    const chunk = new Uint8Array(1024 * 1024);
    const endless = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(chunk) });
    const response = await request(`/api/chats/${fajar.id}/media`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  }, 20_000);

  it("a person imported while the demo runs has a chat to open and to write in", async () => {
    const unit = await database.prisma.unit.findUniqueOrThrow({ where: { code: CAST.unit } });
    await database.prisma.employee.create({
      data: { nip: "199901012024011001", name: "Zaki Baru", position: "Analis", unitId: unit.id, roles: [] },
    });
    const zaki = (await json(request("/api/state"))).personas.find((p: Persona) => p.name === "Zaki Baru");
    expect((await request(`/api/chats/${zaki.id}`)).status).toBe(200);
    expect((await postJson(`/api/chats/${zaki.id}/text`, { text: "/start" })).status).toBe(200);
  });

  it("refuses what a page of another site posts (a form, a no-cors fetch): no other site acts as a persona or runs a job", async () => {
    telegram.dropPendingUpdates();
    const rina = byName("Rina Marlina");
    const before = clock.now().getTime();
    const foreign = { origin: "http://evil.example", "sec-fetch-site": "cross-site", "content-type": "text/plain" };
    const text = { method: "POST", headers: foreign, body: JSON.stringify({ text: "/dasbor" }) };
    expect((await request(`/api/chats/${rina.id}/text`, text)).status).toBe(403);
    expect((await request("/api/jobs/weekly-summary", { method: "POST", headers: foreign })).status).toBe(403);
    expect((await request("/api/clock/next-working-day", { method: "POST", headers: foreign })).status).toBe(403);
    const form = new FormData();
    form.append("file", new Blob([PNG], { type: "image/png" }), "a.png");
    const upload = { method: "POST", body: form, headers: { origin: "null" } };
    expect((await request(`/api/chats/${rina.id}/media`, upload)).status).toBe(403);
    expect(await updates()).toEqual([]);
    expect(clock.now().getTime() - before).toBeLessThan(60_000);
    // The page itself (same origin) is served as before.
    const own = { ...text, headers: { origin: "http://demo.local", "sec-fetch-site": "same-origin" } };
    expect((await request(`/api/chats/${rina.id}/text`, own)).status).toBe(200);
  });

  it("an unknown job is refused; the page's texts come in both languages", async () => {
    expect((await request("/api/jobs/nope", { method: "POST" })).status).toBe(404);
    const id = await json(request("/texts/id"));
    const en = await json(request("/texts/en"));
    expect(id["next-day"]).toBe("Hari kerja berikutnya");
    expect(en["next-day"]).toBe("Next working day");
    expect(en["job-ran"]).toBe("{job} ran for {count} units.");
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page's JSON
  const tourStep = async (id: string): Promise<any> =>
    (await json(request("/api/state"))).tour.find((s: { id: string }) => s.id === id);

  it("the survey step is the citizen's, offers each example counter's deep link, and ticks once a survey is completed", async () => {
    const counters = await database.prisma.serviceCounter.findMany({ orderBy: { code: "asc" } });
    expect(counters.length).toBeGreaterThan(0);
    const step = await tourStep("survey");
    expect(step).toMatchObject({ persona: CITIZEN_ID, action: { kind: "counter" }, done: false });
    const payloads = counters.map((c) => `fb_${c.publicCode}`).sort();
    expect(step.links.map((l: { payload: string }) => l.payload).sort()).toEqual(payloads);
    for (const link of step.links)
      expect(link.href).toBe(`https://t.me/${telegram.bot.username}?start=${link.payload}`);

    const day = new Date("2026-01-05T00:00:00Z");
    const base = { counterId: counters[0]!.id, respondentHash: "demo-test", day, step: "e1" };
    const response = await database.prisma.surveyResponse.create({ data: base });
    expect((await tourStep("survey")).done).toBe(false); // started is not answered
    await database.prisma.surveyResponse.update({ where: { id: response.id }, data: { step: "done" } });
    expect((await tourStep("survey")).done).toBe(true);
  });

  it("the dashboard step is the supervisor's /dasbor, and ticks once a login link has opened a session", async () => {
    const rina = await database.prisma.employee.findUniqueOrThrow({ where: { nip: CAST.supervisorNip } });
    expect(await tourStep("dashboard")).toMatchObject({
      persona: Number(rina.telegramId),
      action: { kind: "send", text: "/dasbor" },
      done: false,
    });
    const now = new Date();
    const token = await issueLoginToken(database.prisma, rina.id, now);
    expect((await tourStep("dashboard")).done).toBe(false); // a link not yet opened
    expect((await redeemLoginToken(database.prisma, token, "127.0.0.1", now)).kind).toBe("ok");
    expect((await tourStep("dashboard")).done).toBe(true);
  });

  it("the new tour steps have their texts in both languages", async () => {
    for (const lang of ["id", "en"]) {
      const texts = await json(request(`/texts/${lang}`));
      for (const key of ["survey", "dashboard"].flatMap((s) => [`tour-${s}-title`, `tour-${s}-body`]))
        expect(texts[key], `${lang} ${key}`).toMatch(/^[^{}]{10,}$/);
    }
  });

  it("serves the page with a CSP without inline scripts, only its own assets, and no path outside them", async () => {
    const page = await request("/");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/); // every script is a file
    expect(html).not.toMatch(/https?:\/\//); // nothing from another server
    expect((await request("/assets/app.js")).headers.get("content-type")).toContain("javascript");
    expect((await request("/assets/../../package.json")).status).toBe(404);
    expect((await request("/assets/%2e%2e/%2e%2e/package.json")).status).toBe(404);
    const samples: string[] = await json(request("/samples"));
    expect(samples.length).toBeGreaterThanOrEqual(3);
    const sample = await request(`/assets/${samples[0]}`);
    expect(sample.headers.get("content-type")).toBe("image/jpeg");
    expect((await sample.arrayBuffer()).byteLength).toBeLessThan(30_000);
  });
});
