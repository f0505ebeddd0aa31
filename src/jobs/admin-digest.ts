import type { Db } from "../db/client.ts";
import { asLocale, translatorFor } from "../lib/i18n.ts";
import { enqueueMessage } from "../domain/outbox.ts";
import { formatDateTime, localDate } from "../lib/time.ts";
import { failedSince } from "./outbox-failed.ts";

/** How far back the first digest (or one after a long pause) looks. */
const LOOK_BACK_DAYS = 7;

/** At most this many failures are listed one by one; the rest are counted. */
const LISTED = 20;

/**
 * The admins' daily digest of messages that could not be delivered since the previous one (mostly
 * people who blocked the bot, or groups the bot was removed from), so HR can follow up. Sent once a
 * day per admin (the dedupe key holds the local date); nothing when nothing failed.
 */
export async function enqueueAdminDigest(
  db: Db,
  options: { at: Date; adminTelegramIds: bigint[]; timeZone: string; queuedAt?: Date },
): Promise<number> {
  const date = localDate(options.at, options.timeZone);
  // Since the previous digest, not the last 24 hours: the digests come on working days only, so a
  // weekend's failures (Friday's weekly summary to a group the bot was removed from) would be lost.
  const previous = await db.outbox.findFirst({
    where: { kind: "admin-digest", NOT: { dedupeKey: { startsWith: `admin-digest:${date}:` } } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const weekAgo = options.at.getTime() - LOOK_BACK_DAYS * 86_400_000;
  const since = new Date(Math.max(previous?.createdAt.getTime() ?? weekAgo, weekAgo));
  const failed = await failedSince(db, since);
  if (failed.length === 0) return 0;

  const admins = await adminRecipients(db, options.adminTelegramIds);
  const recipients = await describeChats(
    db,
    failed.map((f) => f.chatId),
  );
  for (const admin of admins) {
    const t = translatorFor(admin.locale);
    const lines = failed.slice(0, LISTED).map((f) =>
      t("admin-digest-line", {
        who: recipients.get(f.chatId) ?? String(f.chatId),
        kind: f.kind,
        at: formatDateTime(f.failedAt, options.timeZone, admin.locale),
        error: f.lastError,
      }),
    );
    if (failed.length > LISTED) lines.push(t("admin-digest-more", { count: failed.length - LISTED }));
    await enqueueMessage(db, {
      dedupeKey: `admin-digest:${date}:${admin.chatId}`,
      kind: "admin-digest",
      chatId: admin.chatId,
      method: "sendMessage",
      params: {
        chat_id: admin.chatId.toString(),
        text: [t("admin-digest-title", { count: failed.length }), ...lines].join("\n"),
      },
      now: options.queuedAt ?? options.at,
    });
  }
  return admins.length;
}

/** ADMIN_TELEGRAM_IDS plus linked employees with the ADMIN role, each once, in their language. */
async function adminRecipients(db: Db, configured: bigint[]): Promise<Array<{ chatId: bigint; locale: string }>> {
  // Raw SQL: the PGlite adapter cannot bind an enum-array filter ("roles has ADMIN").
  const employees = await db.$queryRaw<Array<{ telegramId: bigint; language: string }>>`
    SELECT "telegramId", "language" FROM "Employee"
    WHERE "active" AND "telegramId" IS NOT NULL
      AND ('ADMIN' = ANY("roles") OR "telegramId" = ANY(${configured.map(String)}::bigint[]))`;
  const byChat = new Map<bigint, string>(configured.map((id) => [id, "id"]));
  for (const e of employees) byChat.set(BigInt(e.telegramId), asLocale(e.language));
  return [...byChat].map(([chatId, locale]) => ({ chatId, locale }));
}

/** Names the people and groups behind chat ids, so the digest says who was not reached. */
async function describeChats(db: Db, chatIds: bigint[]): Promise<Map<bigint, string>> {
  const [employees, groups] = await Promise.all([
    db.employee.findMany({
      where: { telegramId: { in: chatIds } },
      select: { telegramId: true, name: true, nip: true },
    }),
    db.group.findMany({ where: { chatId: { in: chatIds } }, select: { chatId: true, title: true } }),
  ]);
  const names = new Map<bigint, string>();
  for (const e of employees) names.set(e.telegramId!, `${e.name} (NIP ${e.nip})`);
  for (const g of groups) names.set(g.chatId, g.title ?? String(g.chatId));
  return names;
}
