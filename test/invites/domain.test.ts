import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { INVITE_POLICY, InviteLookupError, hashInviteCode } from "../../src/domain/registration/invite-common.ts";
import { issueInvites, type IssuedInvite } from "../../src/domain/registration/issue-invites.ts";
import { redeemInvite } from "../../src/domain/registration/redeem-invite.ts";
import { resetLink } from "../../src/domain/registration/reset-link.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { seedOrganisation } from "./seed.ts";

const T0 = new Date("2026-03-02T01:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

let database: Database;
let seed: Awaited<ReturnType<typeof seedOrganisation>>;
const db = () => database.prisma;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await resetDatabase(database);
  seed = await seedOrganisation(db());
});

async function issueAll(now = T0): Promise<Record<string, IssuedInvite>> {
  const issued = await issueInvites(db(), { now, actor: "cli" });
  return Object.fromEntries(issued.map((i) => [i.nip, i]));
}

describe("issueInvites", () => {
  it("issues one unguessable code per active, unlinked employee", async () => {
    const issued = await issueInvites(db(), { now: T0, actor: "cli" });
    expect(issued.map((i) => i.nip).sort()).toEqual([seed.head.nip, seed.staff.nip, seed.teacher.nip].sort());
    for (const invite of issued) {
      expect(invite.code).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 bits, base64url
      expect(`inv_${invite.code}`.length).toBeLessThanOrEqual(64); // Telegram deep-link payload limit
    }
    expect(new Set(issued.map((i) => i.code)).size).toBe(issued.length);
    const staff = issued.find((i) => i.nip === seed.staff.nip)!;
    expect(staff).toMatchObject({
      name: seed.staff.name,
      unitCode: "DISDIK",
      unitName: "Dinas Pendidikan, Pemuda dan Olahraga",
    });
  });

  it("stores only the SHA-256 of the code, never the code itself", async () => {
    const issued = await issueInvites(db(), { now: T0, actor: "cli" });
    const rows = await db().invite.findMany();
    expect(rows).toHaveLength(issued.length);
    const everything = JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    for (const { code } of issued) {
      expect(everything).not.toContain(code);
      const row = rows.find((r) => r.codeHash === hashInviteCode(code));
      expect(row?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    }
    const audit = JSON.stringify(await db().auditLog.findMany(), (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    for (const { code } of issued) expect(audit).not.toContain(code);
  });

  it("audit-logs the batch once", async () => {
    await issueInvites(db(), { unitCode: "DISDIK", now: T0, actor: "cli" });
    const rows = await db().auditLog.findMany({ where: { action: "invites.issue" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: "cli", details: { count: 2, unit: "DISDIK" } });
  });

  it("with a unit, issues to that unit only (not its sub-units)", async () => {
    const issued = await issueInvites(db(), { unitCode: "DISDIK", now: T0, actor: "cli" });
    expect(issued.map((i) => i.nip).sort()).toEqual([seed.head.nip, seed.staff.nip].sort());
    const sub = await issueInvites(db(), { unitCode: "DISDIK-SD1", now: T0, actor: "cli" });
    expect(sub.map((i) => i.nip)).toEqual([seed.teacher.nip]);
  });

  it("rejects an unknown unit code", async () => {
    await expect(issueInvites(db(), { unitCode: "NOPE", now: T0, actor: "cli" })).rejects.toBeInstanceOf(
      InviteLookupError,
    );
    expect(await db().invite.count()).toBe(0);
  });

  it("revokes earlier unused invites so only the newest link works", async () => {
    const first = await issueAll();
    const second = await issueAll(minutes(5));
    const old = await redeemInvite(db(), { code: first[seed.staff.nip]!.code, telegramId: 1001n, now: minutes(6) });
    expect(old).toEqual({ kind: "revoked" });
    const fresh = await redeemInvite(db(), { code: second[seed.staff.nip]!.code, telegramId: 1001n, now: minutes(7) });
    expect(fresh.kind).toBe("linked");
  });
});

describe("redeemInvite", () => {
  it("links the account and returns who it is", async () => {
    const invites = await issueAll();
    const outcome = await redeemInvite(db(), {
      code: invites[seed.head.nip]!.code,
      telegramId: 5_000_000_001n,
      now: minutes(1),
    });
    expect(outcome).toEqual({
      kind: "linked",
      employee: {
        id: seed.head.id,
        nip: seed.head.nip,
        name: "Budi Santoso",
        position: "Kepala Dinas",
        unitName: "Dinas Pendidikan, Pemuda dan Olahraga",
        unitCode: "DISDIK",
        timeZone: "Asia/Jakarta",
        roles: ["HEAD"],
        isSupervisor: true,
        language: "id",
      },
    });
    const employee = await db().employee.findUniqueOrThrow({ where: { id: seed.head.id } });
    expect(employee.telegramId).toBe(5_000_000_001n);
    expect(employee.linkedAt).toEqual(minutes(1));
    const invite = await db().invite.findUniqueOrThrow({
      where: { codeHash: hashInviteCode(invites[seed.head.nip]!.code) },
    });
    expect(invite).toMatchObject({ usedAt: minutes(1), usedByTelegramId: 5_000_000_001n });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "employee.link" } });
    expect(audit).toMatchObject({ actor: "telegram:5000000001", entity: "Employee", entityId: String(seed.head.id) });
    expect(await db().inviteAttempt.findMany({ select: { succeeded: true } })).toEqual([{ succeeded: true }]);
  });

  it("reports the unit's time zone and no supervisor role for a plain employee", async () => {
    const invites = await issueAll();
    const outcome = await redeemInvite(db(), { code: invites[seed.teacher.nip]!.code, telegramId: 77n, now: T0 });
    expect(outcome).toMatchObject({
      kind: "linked",
      employee: { timeZone: "Asia/Makassar", isSupervisor: false, roles: [] },
    });
  });

  it.each(["", "short", "x".repeat(23), "abc$efghijklmnopqrstuv", "AAAAAAAAAAAAAAAAAAAAAA"])(
    "an impossible or unknown code %j is unknown and counts as a failure",
    async (code) => {
      await issueAll();
      expect(await redeemInvite(db(), { code, telegramId: 42n, now: T0 })).toEqual({ kind: "unknown" });
      expect(await db().inviteAttempt.findMany({ select: { telegramId: true, succeeded: true } })).toEqual([
        { telegramId: 42n, succeeded: false },
      ]);
    },
  );

  it("expires after 14 days", async () => {
    const invites = await issueAll();
    const justAfter = new Date(days(INVITE_POLICY.validDays).getTime() + 1);
    expect(await redeemInvite(db(), { code: invites[seed.staff.nip]!.code, telegramId: 1n, now: justAfter })).toEqual({
      kind: "expired",
    });
    const justBefore = new Date(days(INVITE_POLICY.validDays).getTime() - 1);
    expect(
      (await redeemInvite(db(), { code: invites[seed.staff.nip]!.code, telegramId: 1n, now: justBefore })).kind,
    ).toBe("linked");
  });

  it("a used code cannot be used by another account", async () => {
    const invites = await issueAll();
    await redeemInvite(db(), { code: invites[seed.staff.nip]!.code, telegramId: 1n, now: T0 });
    expect(await redeemInvite(db(), { code: invites[seed.staff.nip]!.code, telegramId: 2n, now: minutes(1) })).toEqual({
      kind: "used",
    });
  });

  it("the same account redeeming again is an idempotent success", async () => {
    const invites = await issueAll();
    const first = await redeemInvite(db(), { code: invites[seed.staff.nip]!.code, telegramId: 1n, now: T0 });
    const again = await redeemInvite(db(), { code: invites[seed.staff.nip]!.code, telegramId: 1n, now: minutes(1) });
    expect(first.kind).toBe("linked");
    expect(again).toEqual({ kind: "already-yours", employee: (first as { employee: unknown }).employee });
    expect(await db().auditLog.count({ where: { action: "employee.link" } })).toBe(1);
    expect(await db().inviteAttempt.count({ where: { succeeded: false } })).toBe(0);
  });

  it("an inactive employee's invite does not link", async () => {
    const invites = await issueAll();
    await db().employee.update({ where: { id: seed.staff.id }, data: { active: false } });
    expect(await redeemInvite(db(), { code: invites[seed.staff.nip]!.code, telegramId: 1n, now: T0 })).toEqual({
      kind: "inactive",
    });
    expect((await db().employee.findUniqueOrThrow({ where: { id: seed.staff.id } })).telegramId).toBeNull();
  });

  it("an account linked to someone else cannot take a second employee", async () => {
    const invites = await issueAll();
    // Telegram account 900 already belongs to the admin (seeded).
    expect(await redeemInvite(db(), { code: invites[seed.staff.nip]!.code, telegramId: 900n, now: T0 })).toEqual({
      kind: "other-account",
    });
    const staff = await db().employee.findUniqueOrThrow({ where: { id: seed.staff.id } });
    expect(staff.telegramId).toBeNull();
  });

  it("an employee linked to another account is not taken over", async () => {
    const invites = await issueAll();
    // Linked meanwhile by another route (e.g. an admin set it); the invite is still open.
    await db().employee.update({ where: { id: seed.staff.id }, data: { telegramId: 1n, linkedAt: T0 } });
    expect(await redeemInvite(db(), { code: invites[seed.staff.nip]!.code, telegramId: 2n, now: T0 })).toEqual({
      kind: "already-linked",
    });
  });

  it("throttles after 5 wrong codes in 10 minutes, before looking at the code, and releases after 30 minutes", async () => {
    const invites = await issueAll();
    const good = invites[seed.staff.nip]!.code;
    for (let i = 0; i < 5; i++) {
      expect((await redeemInvite(db(), { code: `wrong${i}`, telegramId: 7n, now: minutes(i * 2) })).kind).toBe(
        "unknown",
      );
    }
    const lastFailure = minutes(8);
    const until = new Date(lastFailure.getTime() + 30 * 60_000);
    // Even the right code is refused while locked, and trying does not extend the lock.
    expect(await redeemInvite(db(), { code: good, telegramId: 7n, now: minutes(9) })).toEqual({
      kind: "throttled",
      until,
    });
    expect(await redeemInvite(db(), { code: good, telegramId: 7n, now: new Date(until.getTime() - 1) })).toEqual({
      kind: "throttled",
      until,
    });
    expect(await db().inviteAttempt.count()).toBe(5);
    // Another account is not affected.
    expect((await redeemInvite(db(), { code: "wrong", telegramId: 8n, now: minutes(9) })).kind).toBe("unknown");
    // After 30 minutes the account may try again.
    expect((await redeemInvite(db(), { code: good, telegramId: 7n, now: until })).kind).toBe("linked");
  });

  it("does not throttle 5 wrong codes spread over more than 10 minutes", async () => {
    await issueAll();
    for (let i = 0; i < 5; i++) await redeemInvite(db(), { code: "wrong", telegramId: 7n, now: minutes(i * 3) });
    expect((await redeemInvite(db(), { code: "wrong", telegramId: 7n, now: minutes(13) })).kind).toBe("unknown");
  });

  it("used, expired and revoked codes count toward throttling too", async () => {
    const first = await issueAll();
    await issueAll(minutes(1)); // revokes the first batch
    const outcomes = [];
    for (let i = 0; i < 5; i++)
      outcomes.push(
        (await redeemInvite(db(), { code: first[seed.staff.nip]!.code, telegramId: 7n, now: minutes(2) })).kind,
      );
    expect(outcomes).toEqual(Array(5).fill("revoked"));
    expect(
      (await redeemInvite(db(), { code: first[seed.staff.nip]!.code, telegramId: 7n, now: minutes(3) })).kind,
    ).toBe("throttled");
  });

  it("accepts a policy override", async () => {
    await issueAll();
    const policy = { maxFailures: 2 };
    await redeemInvite(db(), { code: "wrong", telegramId: 7n, now: T0, policy });
    await redeemInvite(db(), { code: "wrong", telegramId: 7n, now: T0, policy });
    expect((await redeemInvite(db(), { code: "wrong", telegramId: 7n, now: T0, policy })).kind).toBe("throttled");
  });

  it("two simultaneous redemptions of one code by different accounts link once", async () => {
    const invites = await issueAll();
    const code = invites[seed.staff.nip]!.code;
    const outcomes = await Promise.all([
      redeemInvite(db(), { code, telegramId: 11n, now: T0 }),
      redeemInvite(db(), { code, telegramId: 12n, now: T0 }),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["linked", "used"]);
    expect(await db().auditLog.count({ where: { action: "employee.link" } })).toBe(1);
    const staff = await db().employee.findUniqueOrThrow({ where: { id: seed.staff.id } });
    const winner = outcomes[0]!.kind === "linked" ? 11n : 12n;
    expect(staff.telegramId).toBe(winner);
  });

  it("a duplicated update (same account, same code, at once) links once and succeeds twice", async () => {
    const invites = await issueAll();
    const code = invites[seed.staff.nip]!.code;
    const outcomes = await Promise.all([1, 2, 3].map(() => redeemInvite(db(), { code, telegramId: 11n, now: T0 })));
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["already-yours", "already-yours", "linked"]);
    expect(await db().auditLog.count({ where: { action: "employee.link" } })).toBe(1);
  });

  it("one account redeeming two employees' codes at once links only one", async () => {
    const invites = await issueAll();
    const outcomes = await Promise.all([
      redeemInvite(db(), { code: invites[seed.staff.nip]!.code, telegramId: 11n, now: T0 }),
      redeemInvite(db(), { code: invites[seed.head.nip]!.code, telegramId: 11n, now: T0 }),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["linked", "other-account"]);
    expect(await db().employee.count({ where: { telegramId: 11n } })).toBe(1);
  });
});

describe("resetLink", () => {
  it("unlinks, revokes open invites and audit-logs before and after", async () => {
    const invites = await issueAll();
    await redeemInvite(db(), { code: invites[seed.staff.nip]!.code, telegramId: 31n, now: T0 });
    await issueInvites(db(), { now: minutes(1), actor: "cli" }); // staff is linked: gets none

    const outcome = await resetLink(db(), { nip: seed.staff.nip, now: minutes(2), actor: "cli" });
    expect(outcome).toEqual({
      kind: "unlinked",
      nip: seed.staff.nip,
      name: seed.staff.name,
      telegramId: 31n,
      revokedInvites: 0,
    });
    const staff = await db().employee.findUniqueOrThrow({ where: { id: seed.staff.id } });
    expect(staff).toMatchObject({ telegramId: null, linkedAt: null });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "employee.unlink" } });
    expect(audit).toMatchObject({
      actor: "cli",
      entityId: String(seed.staff.id),
      before: { telegramId: "31", linkedAt: T0.toISOString() },
      after: { telegramId: null, linkedAt: null },
    });

    // The same account may now link again with a fresh invite; the used one stays used.
    expect(
      (await redeemInvite(db(), { code: invites[seed.staff.nip]!.code, telegramId: 31n, now: minutes(3) })).kind,
    ).toBe("used");
    const fresh = await issueInvites(db(), { unitCode: "DISDIK", now: minutes(4), actor: "cli" });
    const code = fresh.find((i) => i.nip === seed.staff.nip)!.code;
    expect((await redeemInvite(db(), { code, telegramId: 31n, now: minutes(5) })).kind).toBe("linked");
  });

  it("for an employee who never linked, keeps the link just handed out unless forced", async () => {
    await issueAll();
    const kept = await resetLink(db(), { nip: seed.teacher.nip, now: minutes(1), actor: "cli" });
    expect(kept).toEqual({
      kind: "unused-invite",
      nip: seed.teacher.nip,
      name: seed.teacher.name,
      unusedInvites: 1,
      revokedInvites: 0,
    });
    expect(await db().invite.count({ where: { revokedAt: { not: null } } })).toBe(0);
  });

  it("for an employee who is not linked, with force, says so and withdraws the open link", async () => {
    const invites = await issueAll();
    const outcome = await resetLink(db(), { nip: seed.teacher.nip, now: minutes(1), actor: "cli", force: true });
    expect(outcome).toEqual({ kind: "not-linked", nip: seed.teacher.nip, name: seed.teacher.name, revokedInvites: 1 });
    expect(
      await redeemInvite(db(), { code: invites[seed.teacher.nip]!.code, telegramId: 5n, now: minutes(2) }),
    ).toEqual({ kind: "revoked" });
  });

  it("rejects an unknown NIP", async () => {
    await expect(resetLink(db(), { nip: "000000000000000000", now: T0, actor: "cli" })).rejects.toBeInstanceOf(
      InviteLookupError,
    );
  });
});

describe("scale", () => {
  // Speed is measured by `npm run bench`, not asserted here; this proves the chunked writes are complete.
  it("issues and revokes across write chunks for thousands of employees", async () => {
    const unit = seed.units.bkd;
    const data = Array.from({ length: 5_000 }, (_, i) => ({
      nip: `19900101201501${String(i).padStart(4, "0")}`,
      name: `Pegawai ${i}`,
      position: "Staf",
      unitId: unit.id,
    }));
    for (let i = 0; i < data.length; i += 5_000) await db().employee.createMany({ data: data.slice(i, i + 5_000) });
    await issueAll(); // a first run, so the second must also revoke 5,000 rows
    const issued = await issueInvites(db(), { unitCode: "BKD", now: minutes(1), actor: "cli" });
    expect(issued).toHaveLength(5_000);
    expect(new Set(issued.map((i) => i.code)).size).toBe(5_000);
    expect(await db().invite.count({ where: { revokedAt: null } })).toBe(5_000 + 3);
  }, 120_000);
});
