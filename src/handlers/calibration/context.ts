import type { ChatTypeContext } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import type { PendingAnswer } from "../../bot/pending-answer.ts";
import type { Db } from "../../db/client.ts";
import type { Viewer } from "../../domain/oversight/scope.ts";
import type { Reviewer } from "../../domain/review/check.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { localDate } from "../../lib/time.ts";

export interface CalibrationDependencies {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: { defaultTimeZone: string };
}

/** A typed text being waited for: a flag's reason, or the supervisor's justification for keeping a rating. */
export type CalibrationQuestion = { kind: "flag"; evaluationId: number } | { kind: "keep"; flagId: number };

export type CalibrationContext = ChatTypeContext<BotContext, "private">;

export interface Turn {
  ctx: CalibrationContext;
  deps: CalibrationDependencies;
  question: PendingAnswer<CalibrationQuestion>;
  viewer: Viewer;
  reviewer: Reviewer;
  locale: string;
  timeZone: string;
  today: string;
}

export function turnOf(
  ctx: CalibrationContext,
  deps: CalibrationDependencies,
  question: PendingAnswer<CalibrationQuestion>,
): Turn {
  const timeZone = ctx.employee?.timeZone ?? deps.config.defaultTimeZone;
  return {
    ctx,
    deps,
    question,
    viewer: { employeeId: ctx.employee?.id, isAdmin: ctx.isAdmin },
    reviewer: { employeeId: ctx.employee?.id, telegramId: BigInt(ctx.from.id), isAdmin: ctx.isAdmin },
    locale: ctx.employee?.language ?? (ctx.from.language_code?.startsWith("en") ? "en" : "id"),
    timeZone,
    today: localDate(deps.clock.now(), timeZone),
  };
}

/** A button press answered with an alert. */
export const alert = (turn: Turn, key: string, vars?: Record<string, string | number>) =>
  turn.ctx.answerCallbackQuery({ text: turn.ctx.t(key, vars), show_alert: true });
