import { createHash } from "node:crypto";
import { Prisma } from "../../generated/prisma/client.ts";
import { asLocale, translate, type Locale } from "../../lib/i18n.ts";
import { enqueueMessages, type OutgoingMessage } from "../outbox.ts";

/**
 * The command menu Telegram shows in a chat (docs/domain.md, "Command menu"). Every private chat
 * gets the default (all_private_chats); a linked employee's chat gets their own, in their language
 * and for their role, through the outbox, so the CLI (imports, resets) can change it too.
 */

/**
 * Who sees a command in their menu: everyone linked; those who decide on others' reports; the
 * assessment team, heads and admins (calibration and the award/coaching recap).
 */
type Audience = "everyone" | "supervisor" | "team";

/** What a person is, for their menu: a supervisor (or delegate, or admin), a team member (or head, or admin). */
export interface MenuRoles {
  supervisor: boolean;
  team: boolean;
}

/** The menu with every command: the default of all private chats. */
export const EVERY_ROLE: MenuRoles = { supervisor: true, team: true };

export const COMMANDS: ReadonlyArray<readonly [id: string, en: string, key: string, audience: Audience]> = [
  ["lapor", "report", "command-lapor", "everyone"],
  ["riwayat", "history", "command-riwayat", "everyone"],
  ["skp", "skp", "command-skp", "everyone"],
  ["nilai", "score", "command-nilai", "everyone"],
  ["unduh", "download", "command-unduh", "everyone"],
  ["rekan", "peers", "command-rekan", "everyone"],
  ["persetujuan", "approvals", "command-persetujuan", "supervisor"],
  ["tim", "team", "command-tim", "supervisor"],
  ["evaluasi", "evaluate", "command-evaluasi", "supervisor"],
  ["umpanbalik", "feedback", "command-umpanbalik", "supervisor"],
  ["kalibrasi", "calibrate", "command-kalibrasi", "team"],
  ["rekap", "recap", "command-rekap", "team"],
  ["dasbor", "dashboard", "command-dasbor", "everyone"],
  ["batal", "cancel", "command-batal", "everyone"],
  ["bahasa", "language", "command-bahasa", "everyone"],
  ["bantuan", "help", "command-bantuan", "everyone"],
];

export interface MenuCommand {
  command: string;
  description: string;
}

/** The menu in `locale`: the employee's own commands, and those of each role they hold. */
export function menuCommands(locale: Locale, roles: MenuRoles): MenuCommand[] {
  return COMMANDS.filter(([, , , audience]) => audience === "everyone" || roles[audience]).map(([id, en, key]) => ({
    command: locale === "id" ? id : en,
    description: translate(locale, key),
  }));
}

/** The outbox kind of menu calls; the last one queued for a chat says which menu it has. */
export const MENU_KIND = "command-menu";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

interface MenuHolder {
  telegramId: bigint;
  language: string;
  supervisor: boolean;
  team: boolean;
}

/**
 * Queues the menu of each linked, active employee (of `employeeIds`, or everyone) whose chat does
 * not already have it, in the caller's transaction. The dedupe key holds a digest of the commands
 * and the id of the chat's previous menu call: a repeat queues nothing, a change queues one call,
 * and a change back (English, then Indonesian again) queues one more. Returns how many were queued.
 * `now` is the moment the menus are for; `queuedAt`, when different, when they may go out (a job
 * run as if at another time).
 *
 * A supervisor here is someone with an active subordinate, a delegation not yet over, or the ADMIN
 * role: the people /persetujuan, /tim and /evaluasi answer. The team is PENILAI, HEAD or ADMIN: the
 * people /kalibrasi and /rekap answer.
 */
export async function enqueueCommandMenus(
  tx: Tx,
  options: { now: Date; employeeIds?: number[]; queuedAt?: Date },
): Promise<number> {
  const only = options.employeeIds
    ? Prisma.sql`AND e."id" = ANY(${options.employeeIds.map(String)}::int[])`
    : Prisma.empty;
  const holders = await tx.$queryRaw<MenuHolder[]>`
    SELECT e."telegramId", e."language",
           ('ADMIN' = ANY(e."roles"::text[])
             OR EXISTS (SELECT 1 FROM "Employee" s WHERE s."supervisorId" = e."id" AND s."active")
             OR EXISTS (SELECT 1 FROM "Delegation" d WHERE d."delegateId" = e."id" AND d."revokedAt" IS NULL
                        -- over after its last date in the delegate's own time zone
                        AND d."to" >= (${options.now}::timestamptz AT TIME ZONE u."timeZone")::date)) AS "supervisor",
           (e."roles"::text[] && ARRAY['ADMIN', 'PENILAI', 'HEAD']) AS "team"
    FROM "Employee" e JOIN "Unit" u ON u."id" = e."unitId"
    WHERE e."active" AND e."telegramId" IS NOT NULL ${only}`;
  if (holders.length === 0) return 0;
  const previous = await lastMenuCalls(
    tx,
    holders.map((h) => BigInt(h.telegramId)),
  );
  const messages: OutgoingMessage[] = [];
  for (const h of holders) {
    const chatId = BigInt(h.telegramId);
    const commands = menuCommands(asLocale(h.language), { supervisor: h.supervisor, team: h.team });
    const message = menuCall(
      chatId,
      "setMyCommands",
      { commands },
      digestOf(commands),
      previous.get(chatId),
      options.queuedAt ?? options.now,
    );
    if (message) messages.push(message);
  }
  return enqueueMessages(tx, messages);
}

/**
 * Queues the removal of each chat's own menu (an unlinked or deactivated account): the chat shows
 * the default again. A chat never given a menu of its own queues nothing.
 */
export async function enqueueCommandMenuReset(tx: Tx, chatIds: bigint[], now: Date): Promise<number> {
  if (chatIds.length === 0) return 0;
  const previous = await lastMenuCalls(tx, chatIds);
  const messages = chatIds
    .map((chatId) => menuCall(chatId, "deleteMyCommands", {}, "default", previous.get(chatId), now))
    .filter((m): m is OutgoingMessage => m !== undefined);
  return enqueueMessages(tx, messages);
}

function menuCall(
  chatId: bigint,
  method: "setMyCommands" | "deleteMyCommands",
  params: Record<string, unknown>,
  digest: string,
  previous: { id: bigint; digest: string } | undefined,
  now: Date,
): OutgoingMessage | undefined {
  if (previous?.digest === digest) return undefined;
  if (!previous && method === "deleteMyCommands") return undefined; // never given a menu of its own
  return {
    dedupeKey: `${MENU_KIND}:${chatId}:${digest}:${previous?.id ?? 0}`,
    kind: MENU_KIND,
    chatId,
    method,
    params: { ...params, scope: { type: "chat", chat_id: chatId.toString() } },
    now,
  };
}

const digestOf = (commands: MenuCommand[]) =>
  createHash("sha256").update(JSON.stringify(commands)).digest("base64url").slice(0, 16);

/** The last menu call queued for each chat: its row id and the digest its key holds. */
async function lastMenuCalls(tx: Tx, chatIds: bigint[]): Promise<Map<bigint, { id: bigint; digest: string }>> {
  const rows = await tx.$queryRaw<Array<{ chatId: bigint; id: bigint; dedupeKey: string }>>`
    SELECT DISTINCT ON ("chatId") "chatId", "id", "dedupeKey" FROM "Outbox"
    WHERE "kind" = ${MENU_KIND} AND "chatId" = ANY(${chatIds.map(String)}::bigint[])
    ORDER BY "chatId", "id" DESC`;
  return new Map(rows.map((r) => [BigInt(r.chatId), { id: BigInt(r.id), digest: r.dedupeKey.split(":")[2]! }]));
}
