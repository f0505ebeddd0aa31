import type { ChatTypeContext } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import type { PendingAnswer } from "../../bot/pending-answer.ts";
import type { Db } from "../../db/client.ts";
import type { Evaluator } from "../../domain/evaluation/authority.ts";
import type { Clock } from "../../lib/clock.ts";
import { translatorFor, type TranslationVariables } from "../../lib/i18n.ts";
import type { Logger } from "../../lib/logger.ts";
import { localDate } from "../../lib/time.ts";
import type { Words } from "./render.ts";

export interface EvaluationDependencies {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** The default time zone, for an admin configured by Telegram id who has no employee record. */
  config: { defaultTimeZone: string };
}

/** A typed answer being waited for: kept in the database, so it survives a restart. */
export interface EvaluationQuestion {
  evaluationId: number;
  version: number;
  field: "feedback" | "behaviourScore";
}

export type EvaluationContext = ChatTypeContext<BotContext, "private">;

/** One update of the evaluator's: what every step of the flow takes. */
export interface Turn extends Words {
  ctx: EvaluationContext;
  deps: EvaluationDependencies;
  question: PendingAnswer<EvaluationQuestion>;
  evaluator: Evaluator;
  /** The evaluator's time zone: their own, or the default for an admin without an employee record. */
  timeZone: string;
  today: string;
}

/** A linked employee, or an admin configured by Telegram id who may have no employee record. */
export const mayEvaluate = (ctx: BotContext) => ctx.employee !== undefined || ctx.isAdmin;

export function turnOf(
  ctx: EvaluationContext,
  deps: EvaluationDependencies,
  question: PendingAnswer<EvaluationQuestion>,
): Turn {
  const locale = ctx.employee?.language ?? (ctx.from.language_code?.startsWith("en") ? "en" : "id");
  const timeZone = ctx.employee?.timeZone ?? deps.config.defaultTimeZone;
  return {
    ctx,
    deps,
    question,
    locale,
    t: translatorFor(locale),
    evaluator: {
      employeeId: ctx.employee?.id,
      telegramId: BigInt(ctx.from.id),
      isAdmin: ctx.isAdmin,
      name: ctx.employee?.name,
    },
    timeZone,
    today: localDate(deps.clock.now(), timeZone),
  };
}

/** A button press answered with an alert. */
export const alert = (turn: Turn, key: string, vars?: TranslationVariables) =>
  turn.ctx.answerCallbackQuery({ text: turn.t(key, vars), show_alert: true });
