import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import { translate } from "../lib/i18n.ts";
import type { Logger } from "../lib/logger.ts";
import {
  claimDownloads,
  deliverDownload,
  type DownloadReply,
  type DownloadRequest,
} from "../domain/export/download.ts";
import { eachEmployeeProgress, progressWorkbookBuffer } from "../domain/export/progress-sheet.ts";
import type { ProgressRow } from "../domain/export/progress-harian.ts";
import type { ReportPolicy } from "../domain/policy/sections.ts";
import { monthPeriod } from "../domain/skp/periods.ts";

export interface DownloadJobDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  policy: Pick<ReportPolicy, "ekinerjaIncludeSubmitted" | "workdayStart">;
  /** PUBLIC_URL; without it Bukti Dukung is empty and the caption says why. */
  publicUrl?: string;
}

/** A month of one person is small; a few at a time keeps each round short. */
const PER_ROUND = 5;
const LEASE_MS = 120_000;

/** Answers waiting /unduh requests (src/domain/export/download.ts). Returns how many. */
export async function answerDownloads(deps: DownloadJobDeps): Promise<number> {
  const claimed = await claimDownloads(deps.db, deps.clock.now(), { leaseMs: LEASE_MS, limit: PER_ROUND });
  for (const { key, request } of claimed) {
    const reply = await replyFor(deps, request);
    await deliverDownload(deps.db, { key, request, reply, now: deps.clock.now() });
    deps.logger.info(
      { employeeId: request.employeeId, month: request.month, kind: reply.kind },
      "e-Kinerja download queued",
    );
  }
  return claimed.length;
}

async function replyFor(deps: DownloadJobDeps, request: DownloadRequest): Promise<DownloadReply> {
  const [year, month] = request.month.split("-").map(Number) as [number, number];
  const options = {
    period: monthPeriod(year, month),
    includeSubmitted: deps.policy.ekinerjaIncludeSubmitted,
    workdayStart: deps.policy.workdayStart,
    publicUrl: deps.publicUrl,
  };
  let nip = "";
  let rows: ProgressRow[] = [];
  await eachEmployeeProgress(deps.db, { employeeId: request.employeeId }, options, (employee, found) => {
    nip = employee.nip;
    rows = found;
  });
  const t = (key: string, vars?: Record<string, string | number>) => translate(request.language, key, vars);
  if (rows.length === 0) return { kind: "text", text: t("unduh-none", { month: request.month }) };
  const caption = [t("unduh-caption", { month: request.month, count: rows.length })];
  if (!deps.publicUrl) caption.push(t("unduh-no-links"));
  return {
    kind: "document",
    caption: caption.join("\n"),
    fileName: `${nip}-${request.month}.xlsx`,
    bytes: await progressWorkbookBuffer(rows),
  };
}
