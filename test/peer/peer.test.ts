import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.ts";
import { evaluationData } from "../../src/handlers/evaluation/callback-data.ts";
import { peerData, type PeerAnswerLetter } from "../../src/handlers/peer/callback-data.ts";
import { visibleLength } from "../../src/lib/telegram-limits.ts";
import { BERAKHLAK_VALUES } from "../../src/scoring/index.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { reviewBot } from "../review/helpers.ts";
import { lastButtons } from "../evaluation/helpers.ts";
import { seedPeers, setPeerPolicy, tg } from "./helpers.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));
const db = (): Db => database.prisma;

/** 23 December 2026, 10:00 WIB: the last days of Q4, when colleagues answer. */
const IN_ROUND = "2026-12-23T03:00:00Z";
/** 4 January 2027: Q4 has ended and its evaluation (and its peer requests) close on 5 January. */
const EVALUATING = "2027-01-04T03:00:00Z";
/** 6 January 2027: Q4's peer answers are closed, so the rated employee is shown them. */
const CLOSED = "2027-01-06T03:00:00Z";

type Bot = ReturnType<typeof reviewBot>;
type Person = { id: number };

const ALL = (letter: PeerAnswerLetter) => Array<PeerAnswerLetter>(7).fill(letter);

/** The giver picks the colleague in /rekan and answers the seven values, then types a note or skips it. */
async function giveFeedback(bot: Bot, giver: Person, receiver: Person, letters: PeerAnswerLetter[], note?: string) {
  const user = bot.user(tg(giver));
  await bot.deliver(user.command("rekan"));
  await bot.deliver(user.press(peerData.pick.pack()));
  await bot.deliver(user.press(peerData.choose.pack(receiver.id)));
  const request = await db().peerRequest.findFirstOrThrow({ where: { giverId: giver.id, receiverId: receiver.id } });
  for (const [index, letter] of letters.entries())
    await bot.deliver(user.press(peerData.value.pack(request.id, index, letter)));
  await bot.deliver(note ? user.text(note) : user.press(peerData.skipNote.pack(request.id)));
  return request.id;
}

/** Siti opens Andi's Q4 evaluation and rates the work results: the behaviour question follows, beside the peers' summary. */
async function behaviourStep(bot: Bot, supervisor: Person, employee: Person) {
  const siti = bot.user(tg(supervisor));
  await bot.deliver(siti.press(evaluationData.open.pack(employee.id, "2026-Q4")));
  const results = lastButtons(bot.telegram, tg(supervisor)).find((b) => evaluationData.results.parse(b)?.[2] === "M");
  if (results) await bot.deliver(siti.press(results));
  return bot.telegram.lastText(tg(supervisor));
}

describe("peer feedback through the chat (/rekan)", () => {
  it("hides the aggregate at 2 answers and shows it, with unnamed notes to the supervisor only, from the 3rd", async () => {
    const people = await seedPeers(db());
    const december = reviewBot(db(), { now: IN_ROUND });
    await giveFeedback(december, people.eko, people.andi, ALL("A"), "Sangat membantu tim saat layanan ramai.");
    await giveFeedback(december, people.fitri, people.andi, ALL("M"));

    // Saved after every press: seven answers each.
    expect(await db().peerAnswer.count()).toBe(14);
    const january = reviewBot(db(), { now: EVALUATING });
    const hidden = await behaviourStep(january, people.supervisor, people.andi);
    expect(hidden).toContain("Rating perilaku kerja (BerAKHLAK) Andi Wijaya?");
    expect(hidden).toContain("Masukan rekan: belum cukup untuk ditampilkan (paling sedikit 3 rekan)");
    expect(hidden).not.toMatch(/dari \d+ rekan|Sangat membantu|di atas, /);
    await january.deliver(january.user(tg(people.andi)).command("nilai"));
    expect(january.telegram.lastText(tg(people.andi))).not.toContain("Masukan rekan");

    // Gita does not know Andi's service orientation and rates the rest below expectations.
    await giveFeedback(
      december,
      people.gita,
      people.andi,
      ["X", "B", "B", "B", "B", "B", "B"],
      "Perlu lebih tepat waktu.",
    );
    const shown = await behaviourStep(january, people.supervisor, people.andi);
    expect(shown).toContain("Masukan rekan tentang BerAKHLAK, dari 3 rekan:");
    expect(shown).toContain("• Berorientasi Pelayanan: 1 di atas, 1 sesuai, 0 di bawah ekspektasi");
    expect(shown).toContain("• Akuntabel: 1 di atas, 1 sesuai, 1 di bawah ekspektasi");
    expect(shown).toContain(
      "Catatan rekan (tanpa nama):\n– Perlu lebih tepat waktu.\n– Sangat membantu tim saat layanan ramai.",
    );
    for (const name of ["Eko", "Fitri", "Gita"]) expect(shown).not.toContain(name);

    // While answers still arrive, the employee is shown nothing: a change from 3 to 4 would tell the 4th's answer.
    await january.deliver(january.user(tg(people.andi)).command("nilai"));
    expect(january.telegram.lastText(tg(people.andi))).not.toContain("Masukan rekan");
    const closed = reviewBot(db(), { now: CLOSED });
    await closed.deliver(closed.user(tg(people.andi)).command("nilai"));
    const own = closed.telegram.lastText(tg(people.andi));
    expect(own).toContain("Masukan rekan Triwulan 4 2026");
    expect(own).toContain("• Akuntabel: 1 di atas, 1 sesuai, 1 di bawah ekspektasi");
    expect(own).not.toContain("Sangat membantu");
    expect(own).not.toContain("Catatan rekan");
  });

  it("shows the supervisor every long note in full beside the behaviour question, in messages within 4,096 characters", async () => {
    const people = await seedPeers(db());
    const notes = Array.from({ length: 10 }, (_, i) => `Catatan ${i}: ${"teliti dan rapi ".repeat(31)}`.slice(0, 500));
    for (const [i, note] of notes.entries()) {
      const giver = await db().employee.create({
        data: {
          nip: `19850101201001${String(1000 + i)}`,
          name: `Rekan ${i}`,
          position: "Staf",
          unitId: people.andi.unitId,
          active: true,
        },
      });
      await db().peerRequest.create({
        data: {
          year: 2026,
          period: "Q4",
          giverId: giver.id,
          receiverId: people.andi.id,
          source: "chosen",
          createdAt: new Date(IN_ROUND),
          answeredAt: new Date(IN_ROUND),
          note,
          answers: { create: BERAKHLAK_VALUES.map((value) => ({ value, rating: "MEETS" as const })) },
        },
      });
    }
    const january = reviewBot(db(), { now: EVALUATING });
    const question = await behaviourStep(january, people.supervisor, people.andi);
    expect(question).toContain("Rating perilaku kerja (BerAKHLAK) Andi Wijaya?");
    expect(lastButtons(january.telegram, tg(people.supervisor)).some((b) => evaluationData.behaviour.parse(b))).toBe(
      true,
    );
    const sent = january.telegram.sentTexts(tg(people.supervisor));
    for (const text of sent) expect(visibleLength(text)).toBeLessThanOrEqual(4096);
    const all = sent.join("\n");
    expect(all).toContain("dari 10 rekan");
    for (const note of notes) expect(all).toContain(`– ${note}`);
  });

  it("shows no note of a colleague who answered 'tidak tahu' to all seven, who is not counted either", async () => {
    const people = await seedPeers(db());
    const december = reviewBot(db(), { now: IN_ROUND });
    await giveFeedback(december, people.eko, people.andi, ALL("A"));
    await giveFeedback(december, people.fitri, people.andi, ALL("M"));
    await giveFeedback(december, people.gita, people.andi, ALL("M"));
    await giveFeedback(december, people.hadi, people.andi, ALL("X"), "Belum pernah bekerja bersama.");
    const shown = await behaviourStep(reviewBot(db(), { now: EVALUATING }), people.supervisor, people.andi);
    expect(shown).toContain("Masukan rekan tentang BerAKHLAK, dari 3 rekan:");
    expect(shown).not.toContain("Belum pernah bekerja bersama.");
  });

  it("shows the employee the notes too when the policy allows it", async () => {
    const people = await seedPeers(db());
    await setPeerPolicy(db(), { notesToEmployee: true });
    const december = reviewBot(db(), { now: IN_ROUND });
    await giveFeedback(december, people.eko, people.andi, ALL("A"), "Selalu siap membantu.");
    await giveFeedback(december, people.fitri, people.andi, ALL("M"));
    await giveFeedback(december, people.gita, people.andi, ALL("B"));
    const closed = reviewBot(db(), { now: CLOSED });
    await closed.deliver(closed.user(tg(people.andi)).command("nilai"));
    expect(closed.telegram.lastText(tg(people.andi))).toContain("– Selalu siap membantu.");
  });

  it("refuses a forged button naming another giver's request, and changes nothing", async () => {
    const people = await seedPeers(db());
    const bot = reviewBot(db(), { now: IN_ROUND });
    const eko = bot.user(tg(people.eko));
    await bot.deliver(eko.command("rekan"), eko.press(peerData.choose.pack(people.andi.id)));
    const request = await db().peerRequest.findFirstOrThrow({ where: { giverId: people.eko.id } });
    await bot.deliver(eko.press(peerData.value.pack(request.id, 0, "A")));

    const fitri = bot.user(tg(people.fitri));
    await bot.deliver(fitri.press(peerData.value.pack(request.id, 0, "B")));
    await bot.deliver(fitri.press(peerData.value.pack(request.id, 1, "B")));
    await bot.deliver(fitri.press(peerData.open.pack(request.id)));
    const answers = bot.telegram.callbackAnswers().slice(-3);
    expect(answers.every((a) => a.show_alert && a.text === "Permintaan masukan ini tidak dikenali.")).toBe(true);
    expect(await db().peerAnswer.findMany({ select: { value: true, rating: true } })).toEqual([
      { value: "BERORIENTASI_PELAYANAN", rating: "ABOVE" },
    ]);
    expect(await db().peerRequest.count({ where: { giverId: people.fitri.id } })).toBe(0);
  });

  it("refuses rating oneself, one's supervisor or one's subordinate; upward feedback only when the policy allows", async () => {
    const people = await seedPeers(db());
    const bot = reviewBot(db(), { now: IN_ROUND });
    const andi = bot.user(tg(people.andi));
    await bot.deliver(andi.press(peerData.pick.pack()));
    const listed = lastButtons(bot.telegram, tg(people.andi)).map((b) => peerData.choose.parse(b)?.[0]);
    expect(listed).not.toContain(people.andi.id);
    expect(listed).not.toContain(people.supervisor.id);
    expect(listed).toContain(people.eko.id);

    await bot.deliver(andi.press(peerData.choose.pack(people.andi.id)));
    await bot.deliver(andi.press(peerData.choose.pack(people.supervisor.id)));
    const siti = bot.user(tg(people.supervisor));
    await bot.deliver(siti.press(peerData.choose.pack(people.andi.id)));
    expect(
      bot.telegram
        .callbackAnswers()
        .slice(-3)
        .map((a) => a.text),
    ).toEqual(Array(3).fill(expect.stringContaining("Anda tidak dapat memberi masukan rekan kepada pegawai ini")));
    expect(await db().peerRequest.count()).toBe(0);

    await setPeerPolicy(db(), { upwardFeedback: true });
    await bot.deliver(andi.press(peerData.choose.pack(people.supervisor.id)));
    expect(bot.telegram.lastText(tg(people.andi))).toContain("Masukan untuk Siti Rahma (1/7): Berorientasi Pelayanan");
    expect(await db().peerRequest.count({ where: { receiverId: people.supervisor.id } })).toBe(1);
  });

  it("records that feedback was given, with the giver and the period, never about whom", async () => {
    const people = await seedPeers(db());
    const bot = reviewBot(db(), { now: IN_ROUND });
    await giveFeedback(bot, people.eko, people.andi, ALL("M"), "Catatan singkat.");
    const rows = await db().auditLog.findMany({ where: { action: "peer.give" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: "PeerFeedback", entityId: null, actor: `telegram:${tg(people.eko)}` });
    expect(rows[0]!.after).toEqual({ giverNip: people.eko.nip, year: 2026, period: "Q4" });
    const everything = JSON.stringify(await db().auditLog.findMany(), (_k, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
    for (const trace of [people.andi.nip, people.andi.name, "Catatan singkat"]) expect(everything).not.toContain(trace);
  });

  it("/rekan minta opens requests for the supervisor's team and tells each member; others are refused", async () => {
    const people = await seedPeers(db());
    const bot = reviewBot(db(), { now: "2026-11-10T03:00:00Z" });
    await bot.deliver(bot.user(tg(people.andi)).command("rekan", "minta"));
    expect(bot.telegram.lastText(tg(people.andi))).toContain("Hanya atasan yang dapat meminta");

    await bot.deliver(bot.user(tg(people.supervisor)).command("rekan", "minta"));
    // Six in Siti's team, each asked about five of the other five colleagues and Budi.
    expect(bot.telegram.lastText(tg(people.supervisor))).toContain(
      "30 permintaan masukan rekan Triwulan 4 2026 dibuka",
    );
    await bot.flush();
    const toEko = bot.telegram.lastText(tg(people.eko));
    expect(toEko).toContain("Atasan Anda meminta masukan");
    expect(toEko).not.toContain("Eko Prasetyo");
    expect(toEko).not.toContain("Siti Rahma");

    await bot.deliver(bot.user(tg(people.eko)).command("rekan"));
    expect(bot.telegram.lastText(tg(people.eko))).toContain("5 permintaan menunggu jawaban Anda");
    expect(lastButtons(bot.telegram, tg(people.eko)).filter((b) => peerData.open.parse(b))).toHaveLength(5);

    await bot.deliver(bot.user(tg(people.supervisor)).command("rekan", "minta"));
    expect(bot.telegram.lastText(tg(people.supervisor))).toContain("0 permintaan");
    expect(await db().outbox.count({ where: { kind: "peer-request" } })).toBe(6);
  });

  it("/rekan minta asks only members who can answer: an unlinked subordinate gets no request", async () => {
    const people = await seedPeers(db());
    await db().employee.update({ where: { id: people.hadi.id }, data: { telegramId: null } });
    const bot = reviewBot(db(), { now: "2026-11-10T03:00:00Z" });
    await bot.deliver(bot.user(tg(people.supervisor)).command("rekan", "minta"));
    expect(await db().peerRequest.count({ where: { giverId: people.hadi.id } })).toBe(0);
    expect(await db().peerRequest.count({ where: { giverId: people.eko.id } })).toBe(5);
  });

  it("/rekan minta while the period just ended is being rated asks about that period, so the answers reach its evaluation", async () => {
    const people = await seedPeers(db());
    const bot = reviewBot(db(), { now: EVALUATING });
    await bot.deliver(bot.user(tg(people.supervisor)).command("rekan", "minta"));
    expect(bot.telegram.lastText(tg(people.supervisor))).toContain("permintaan masukan rekan Triwulan 4 2026 dibuka");
    const periods = await db().peerRequest.findMany({
      distinct: ["year", "period"],
      select: { year: true, period: true },
    });
    expect(periods).toEqual([{ year: 2026, period: "Q4" }]);
    // Once Q4's evaluation has closed, asking opens the current quarter.
    const later = reviewBot(db(), { now: CLOSED });
    await later.deliver(later.user(tg(people.supervisor)).command("rekan", "minta"));
    expect(later.telegram.lastText(tg(people.supervisor))).toContain("permintaan masukan rekan Triwulan 1 2027 dibuka");
  });

  it("takes a note of up to 500 characters, once, and only after the seven values", async () => {
    const people = await seedPeers(db());
    const bot = reviewBot(db(), { now: IN_ROUND });
    const eko = bot.user(tg(people.eko));
    await bot.deliver(eko.press(peerData.choose.pack(people.andi.id)));
    const request = await db().peerRequest.findFirstOrThrow();
    // Before the seventh value no note is asked for: a text is not taken as one.
    await bot.deliver(eko.press(peerData.value.pack(request.id, 0, "M")), eko.text("Terlalu dini."));
    expect((await db().peerRequest.findFirstOrThrow()).note).toBeNull();
    for (let index = 1; index < 7; index++) await bot.deliver(eko.press(peerData.value.pack(request.id, index, "M")));
    expect(bot.telegram.lastText(tg(people.eko))).toContain("Ingin menambah catatan singkat");
    await bot.deliver(eko.text("x".repeat(501)));
    expect(bot.telegram.lastText(tg(people.eko))).toContain("Terlalu panjang (501 karakter): maksimal 500 karakter.");
    await bot.deliver(eko.text("Rapi dan teliti."));
    expect(bot.telegram.lastText(tg(people.eko))).toContain("Catatan tersimpan");
    await bot.deliver(eko.text("Catatan kedua."));
    expect((await db().peerRequest.findFirstOrThrow()).note).toBe("Rapi dan teliti.");
    expect((await db().peerRequest.findFirstOrThrow()).answeredAt).not.toBeNull();
  });

  it("closes a request once its period's evaluation has closed", async () => {
    const people = await seedPeers(db());
    const december = reviewBot(db(), { now: IN_ROUND });
    const eko = december.user(tg(people.eko));
    await december.deliver(eko.press(peerData.choose.pack(people.andi.id)));
    const request = await db().peerRequest.findFirstOrThrow();
    const late = reviewBot(db(), { now: "2027-01-06T03:00:00Z" });
    await late.deliver(late.user(tg(people.eko)).press(peerData.value.pack(request.id, 0, "A")));
    expect(late.telegram.callbackAnswers().at(-1)?.text).toBe(
      "Permintaan masukan ini sudah dijawab atau sudah ditutup.",
    );
    expect(await db().peerAnswer.count()).toBe(0);
  });
});
