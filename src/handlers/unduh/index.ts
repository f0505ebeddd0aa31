import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { isLinked } from "../../bot/filters.ts";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import { localDate } from "../../lib/time.ts";
import { requestDownload } from "../../domain/export/download.ts";

/**
 * `/unduh [YYYY-MM]` [`/download`]: the employee's own month as e-Kinerja's Progress Harian XLSX.
 * The file is made by a job (src/jobs/ekinerja-download.ts) and sent through the outbox; here the
 * request is only queued, so the update answers at once.
 */
export function unduh(deps: { db: Db; clock: Clock }) {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private").filter(isLinked);
  chat.command(["unduh", "download"], async (ctx) => {
    const me = ctx.employee;
    const now = deps.clock.now();
    const thisMonth = localDate(now, me.timeZone).slice(0, 7);
    const month = readMonth(ctx.match.trim(), thisMonth);
    if (month === undefined) return ctx.reply(ctx.t("unduh-bad-month", { month: thisMonth }));
    if (month > thisMonth) return ctx.reply(ctx.t("unduh-future", { month: thisMonth }));
    const queued = await requestDownload(deps.db, {
      employeeId: me.id,
      chatId: String(ctx.chat.id),
      month,
      language: me.language,
      requestedAt: now.toISOString(),
    });
    return ctx.reply(ctx.t(queued ? "unduh-queued" : "unduh-already-queued", { month }));
  });
  return feature;
}

/** "" → this month; "2026-11" or "11/2026" → that month; anything else undefined. */
function readMonth(text: string, thisMonth: string): string | undefined {
  if (text === "") return thisMonth;
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/-](\d{4})$/.exec(text);
  const [year, month] = iso ? [iso[1]!, iso[2]!] : local ? [local[2]!, local[1]!] : [];
  if (!year || !month || Number(month) < 1 || Number(month) > 12 || Number(year) < 2000) return undefined;
  return `${year}-${month.padStart(2, "0")}`;
}
