import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { languageData } from "../../src/handlers/language/callback-data.ts";
import { issueInvites } from "../../src/domain/registration/issue-invites.ts";
import { resetLink } from "../../src/domain/registration/reset-link.ts";
import { enqueueCommandMenus } from "../../src/domain/registration/command-menu.ts";
import { importFiles } from "../../src/domain/import/index.ts";
import type { FakeTelegram } from "../support/fake-telegram.ts";
import { seedSmallUnit } from "../support/seed.ts";
import { DELEGATE_TG, reviewBot, seedReview, STAFF_TG, SUPERVISOR_TG } from "../review/helpers.ts";
import { createDelegation, revokeDelegation } from "../../src/domain/review/delegation.ts";
import { clockAt, editedExample, EXAMPLE_DIR, NIP } from "../import/helpers.ts";
import { runJobNow } from "../../src/jobs/tick.ts";
import { schedulerDeps } from "../schedule/helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));
const db = () => database.prisma;

const NOW = "2026-11-24T03:00:00Z";

/** The menu calls (set or delete) the bot made for one chat, in order. */
function menuCalls(telegram: FakeTelegram, chatId: number) {
  return telegram.calls
    .filter((c) => ["setMyCommands", "deleteMyCommands"].includes(c.method))
    .filter((c) => {
      const scope = c.payload.scope as { type?: string; chat_id?: unknown } | undefined;
      return scope?.type === "chat" && String(scope.chat_id) === String(chatId);
    })
    .map((c) => ({
      method: c.method,
      commands: ((c.payload.commands ?? []) as Array<{ command: string; description: string }>).map((x) => x.command),
      descriptions: ((c.payload.commands ?? []) as Array<{ description: string }>).map((x) => x.description),
    }));
}

const EMPLOYEE_ID = ["lapor", "riwayat", "skp", "nilai", "unduh", "rekan", "dasbor", "batal", "bahasa", "bantuan"];
const EMPLOYEE_EN = [
  "report",
  "history",
  "skp",
  "score",
  "download",
  "peers",
  "dashboard",
  "cancel",
  "language",
  "help",
];
const SUPERVISOR_ID = [
  "lapor",
  "riwayat",
  "skp",
  "nilai",
  "unduh",
  "rekan",
  "persetujuan",
  "tim",
  "evaluasi",
  "umpanbalik",
  "dasbor",
  "batal",
  "bahasa",
  "bantuan",
];

describe("each linked employee's chat has its own command menu, in their language and for their role", () => {
  it("follows /bahasa: English names and words, then Indonesian again; the same choice twice sends nothing", async () => {
    await seedReview(db());
    const h = reviewBot(db(), { now: NOW });
    const andi = h.user(STAFF_TG);
    await h.deliver(andi.press(languageData.pack("en")));
    await h.flush();
    expect(menuCalls(h.telegram, STAFF_TG)).toEqual([
      expect.objectContaining({ method: "setMyCommands", commands: EMPLOYEE_EN }),
    ]);
    expect(menuCalls(h.telegram, STAFF_TG)[0]!.descriptions).toContain("Report today's work");

    await h.deliver(andi.press(languageData.pack("en")));
    await h.flush();
    expect(menuCalls(h.telegram, STAFF_TG)).toHaveLength(1);

    await h.deliver(andi.press(languageData.pack("id")), andi.press(languageData.pack("en")));
    await h.flush();
    expect(menuCalls(h.telegram, STAFF_TG).map((c) => c.commands)).toEqual([EMPLOYEE_EN, EMPLOYEE_ID, EMPLOYEE_EN]);
  });

  it("shows the supervisor commands only to supervisors", async () => {
    await seedReview(db());
    const h = reviewBot(db(), { now: NOW });
    await h.deliver(h.user(SUPERVISOR_TG).press(languageData.pack("id")));
    await h.deliver(h.user(STAFF_TG).press(languageData.pack("id")));
    await h.flush();
    expect(menuCalls(h.telegram, SUPERVISOR_TG).map((c) => c.commands)).toEqual([SUPERVISOR_ID]);
    expect(menuCalls(h.telegram, STAFF_TG).map((c) => c.commands)).toEqual([EMPLOYEE_ID]);
  });

  it("gives the assessment team's commands to a penilai, and the supervisor's only to supervisors", async () => {
    await seedReview(db());
    await db().employee.update({ where: { telegramId: BigInt(STAFF_TG) }, data: { roles: ["PENILAI"] } });
    await enqueueCommandMenus(db(), { now: new Date(NOW) });
    const h = reviewBot(db(), { now: NOW });
    await h.flush();
    const [menu] = menuCalls(h.telegram, STAFF_TG).map((c) => c.commands);
    expect(menu).toEqual(expect.arrayContaining(["kalibrasi", "rekap"]));
    expect(menu).not.toContain("persetujuan");
    expect(menuCalls(h.telegram, SUPERVISOR_TG).map((c) => c.commands)).toEqual([SUPERVISOR_ID]);
  });

  it("gives a delegate the supervisor commands while the delegation is granted, and takes them back on revoke", async () => {
    const seeded = await seedReview(db());
    const h = reviewBot(db(), { now: NOW });
    const delegate = await db().employee.findUniqueOrThrow({ where: { telegramId: BigInt(DELEGATE_TG) } });
    const at = { actor: "cli", now: new Date(NOW) };
    const { id } = await createDelegation(db(), {
      ...at,
      supervisorNip: seeded.supervisor.nip,
      delegateNip: delegate.nip,
      from: "2026-11-24",
      to: "2026-11-30",
    });
    await h.flush();
    await revokeDelegation(db(), { ...at, id });
    await h.flush();
    expect(menuCalls(h.telegram, DELEGATE_TG).map((c) => c.commands)).toEqual([SUPERVISOR_ID, EMPLOYEE_ID]);
  });

  it("loses the supervisor commands the night after the delegation ends, by the command-menus job", async () => {
    const seeded = await seedReview(db());
    const h = reviewBot(db(), { now: NOW });
    const delegate = await db().employee.findUniqueOrThrow({ where: { telegramId: BigInt(DELEGATE_TG) } });
    await createDelegation(db(), {
      actor: "cli",
      now: new Date(NOW),
      supervisorNip: seeded.supervisor.nip,
      delegateNip: delegate.nip,
      from: "2026-11-24",
      to: "2026-11-25",
    });
    await h.flush();
    const deps = schedulerDeps(db(), "/nonexistent");

    await runJobNow(deps, "command-menus", { at: new Date("2026-11-24T17:30:00Z") }); // 00:30 on the 25th in Jakarta
    await h.flush();
    expect(menuCalls(h.telegram, DELEGATE_TG).map((c) => c.commands)).toEqual([SUPERVISOR_ID]); // the last day still

    await runJobNow(deps, "command-menus", { at: new Date("2026-11-25T17:30:00Z") }); // the night after
    await runJobNow(deps, "command-menus", { at: new Date("2026-11-26T17:30:00Z") });
    await h.flush();
    expect(menuCalls(h.telegram, DELEGATE_TG).map((c) => c.commands)).toEqual([SUPERVISOR_ID, EMPLOYEE_ID]);
  });

  it("counts a delegation over after its last date in the delegate's time zone, not in UTC", async () => {
    const seeded = await seedReview(db());
    const h = reviewBot(db(), { now: NOW });
    const delegate = await db().employee.findUniqueOrThrow({ where: { telegramId: BigInt(DELEGATE_TG) } });
    const at = { actor: "cli", now: new Date(NOW) };
    await createDelegation(db(), {
      ...at,
      supervisorNip: seeded.supervisor.nip,
      delegateNip: delegate.nip,
      from: "2026-11-24",
      to: "2026-11-25",
    });
    // 01:00 on the 26th in Jakarta is still the 25th in UTC.
    await enqueueCommandMenus(db(), { now: new Date("2026-11-25T18:00:00Z"), queuedAt: new Date(NOW) });
    await h.flush();
    expect(menuCalls(h.telegram, DELEGATE_TG).map((c) => c.commands)).toEqual([SUPERVISOR_ID, EMPLOYEE_ID]);
  });

  it("is given when an invite links the account, in the employee's stored language", async () => {
    const seeded = await seedSmallUnit(db());
    const invites = await issueInvites(db(), { now: new Date(NOW), actor: "test" });
    const codeFor = (nip: string) => invites.find((i) => i.nip === nip)!.code;
    const h = reviewBot(db(), { now: NOW });
    await h.deliver(h.user(5003).command("start", `inv_${codeFor(seeded.colleague.nip)}`)); // stored language: English
    await h.deliver(h.user(5002).command("start", `inv_${codeFor(seeded.supervisor.nip)}`));
    await h.flush();
    expect(menuCalls(h.telegram, 5003).map((c) => c.commands)).toEqual([EMPLOYEE_EN]);
    expect(menuCalls(h.telegram, 5002).map((c) => c.commands)).toEqual([SUPERVISOR_ID]);
  });

  it("follows an import that gives someone a subordinate and another language; the same import again sends nothing", async () => {
    await importFiles({ prisma: db() }, [EXAMPLE_DIR], { clock: clockAt("2026-01-05T01:00:00Z") });
    await db().employee.update({ where: { nip: NIP.staffAndi }, data: { telegramId: 7001n } });
    await enqueueCommandMenus(db(), { now: new Date(NOW) });
    const h = reviewBot(db(), { now: NOW });
    await h.flush();
    expect(menuCalls(h.telegram, 7001).map((c) => c.commands)).toEqual([EMPLOYEE_ID]);

    const edited = editedExample((name, text) =>
      name !== "pegawai.csv"
        ? text
        : text
            .split("\n")
            .map((line) =>
              line.startsWith(NIP.staffAndi)
                ? line.replace(/,$/, ",en")
                : line.startsWith(NIP.staffRizky)
                  ? line.replace("198203022006042003", NIP.staffAndi)
                  : line,
            )
            .join("\n"),
    );
    await importFiles({ prisma: db() }, [edited], { clock: clockAt("2026-01-06T01:00:00Z") });
    await h.flush();
    const en = [
      "report",
      "history",
      "skp",
      "score",
      "download",
      "peers",
      "approvals",
      "team",
      "evaluate",
      "feedback",
      "dashboard",
      "cancel",
      "language",
      "help",
    ];
    expect(menuCalls(h.telegram, 7001).map((c) => c.commands)).toEqual([EMPLOYEE_ID, en]);

    await importFiles({ prisma: db() }, [edited], { clock: clockAt("2026-01-07T01:00:00Z") });
    await h.flush();
    expect(menuCalls(h.telegram, 7001)).toHaveLength(2);
  });

  it("is removed when an import deactivates the employee, once", async () => {
    await importFiles({ prisma: db() }, [EXAMPLE_DIR], { clock: clockAt("2026-01-05T01:00:00Z") });
    await db().employee.update({ where: { nip: NIP.staffRizky }, data: { telegramId: 7002n } });
    await enqueueCommandMenus(db(), { now: new Date(NOW) });
    const h = reviewBot(db(), { now: NOW });
    await h.flush();
    const withoutRizky = editedExample((_name, text) =>
      text
        .split("\n")
        .filter((line) => !line.startsWith(NIP.staffRizky))
        .join("\n"),
    );

    await importFiles({ prisma: db() }, [withoutRizky], { deactivateMissing: true, clock: clockAt(NOW) });
    await importFiles({ prisma: db() }, [withoutRizky], { deactivateMissing: true, clock: clockAt(NOW) });
    await h.flush();

    expect(menuCalls(h.telegram, 7002).map((c) => c.method)).toEqual(["setMyCommands", "deleteMyCommands"]);
  });

  it("is removed when invites --reset unlinks the account, and a chat that never had one is left alone", async () => {
    const seeded = await seedReview(db());
    const h = reviewBot(db(), { now: NOW });
    await h.deliver(h.user(STAFF_TG).press(languageData.pack("id")));
    await h.flush();
    await resetLink(db(), { nip: seeded.staff.nip, now: new Date(NOW), actor: "cli" });
    await resetLink(db(), { nip: seeded.colleague.nip, now: new Date(NOW), actor: "cli" });
    await h.flush();
    expect(menuCalls(h.telegram, STAFF_TG).map((c) => c.method)).toEqual(["setMyCommands", "deleteMyCommands"]);
    expect(h.telegram.callsTo("deleteMyCommands")).toHaveLength(1); // Dewi's chat had only the default
  });
});
