import type { Api } from "grammy";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { FileStore } from "../storage/file-store.ts";
import { translate } from "../lib/i18n.ts";
import type { ReportPolicy } from "../domain/policy/sections.ts";
import { retryPendingEvidence } from "./evidence.ts";
import { answerDownloads } from "./ekinerja-download.ts";
import { expireIdleReportConversations } from "./report-idle.ts";
import type { IntervalTask } from "./scheduler.ts";
import { sweepProcessedUpdates } from "../db/processed-updates.ts";
import { forgetLeftSurveys } from "../domain/survey/respondent.ts";

export interface IntervalJobDeps {
  db: Db;
  /** The bot's API object, for getFile (evidence downloads go through BOT_API_ROOT too). */
  api: Pick<Api, "getFile">;
  config: Pick<Config, "botApiRoot" | "botToken" | "publicUrl">;
  /** Where evidence photos are kept. */
  storage: FileStore;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  /** The report policy the bot runs with (photo limits, idle minutes). */
  policy: ReportPolicy;
}

/** How often pending evidence downloads are retried (each photo keeps its own backoff). */
const EVIDENCE_EVERY_MS = 60_000;

/** How often waiting /unduh requests are answered: soon after asking, without work inside the update. */
const DOWNLOAD_EVERY_MS = 10_000;

/** How often /lapor conversations left idle are ended (the policy's idleMinutes is the threshold). */
const REPORT_IDLE_EVERY_MS = 60_000;

/** How often the ids of applied updates past their expiry are forgotten (src/bot/redelivery.ts). */
const PROCESSED_UPDATES_EVERY_MS = 10 * 60_000;

/** How often open surveys past their time are forgotten (their key is the citizen's Telegram id). */
const LEFT_SURVEYS_EVERY_MS = 10 * 60_000;

/**
 * The work that runs every minute in every instance, beside the per-unit jobs of the scheduler
 * (which runs each of these once at start-up too: what a restart left behind). Each is safe to run
 * in several instances at once: evidence rows are leased, idle conversations deleted by one
 * statement that compares their last update, expired update ids and left surveys by one DELETE each.
 */
export function intervalJobs(deps: IntervalJobDeps): IntervalTask[] {
  const { db, clock, policy } = deps;
  return [
    { name: "evidence", everyMs: EVIDENCE_EVERY_MS, run: () => retryPendingEvidence(deps) },
    {
      name: "processed-updates",
      everyMs: PROCESSED_UPDATES_EVERY_MS,
      run: () => sweepProcessedUpdates(db, clock.now()),
    },
    { name: "forget-left-surveys", everyMs: LEFT_SURVEYS_EVERY_MS, run: () => forgetLeftSurveys(db, clock.now()) },
    {
      name: "ekinerja-download",
      everyMs: DOWNLOAD_EVERY_MS,
      run: () => answerDownloads({ ...deps, publicUrl: deps.config.publicUrl }),
    },
    {
      name: "report-idle",
      everyMs: REPORT_IDLE_EVERY_MS,
      run: () =>
        expireIdleReportConversations({
          db,
          clock,
          policy,
          render: (locale, minutes) => translate(locale, "lapor-idle", { minutes }),
        }),
    },
  ];
}
